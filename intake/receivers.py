"""Receivers the intake app connects in ``IntakeConfig.ready``."""

from django.dispatch import receiver

from portal.services import invitation_accepted

from .services import intake_create


@receiver(invitation_accepted, dispatch_uid="intake.open_intake_for_invitation")
def open_intake_for_invitation(sender, *, invitation, **kwargs):
    """An accepted invitation opens the draft intake for its visit (once)."""
    # No kind chosen: a follow-up for a patient who has sent an intake before.
    intake_create(
        patient=invitation.patient,
        visit_at=invitation.visit_at,
        kind=invitation.intake_kind or None,
    )
