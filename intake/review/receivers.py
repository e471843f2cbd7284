"""The queue's reactions to intake events (connected in ``IntakeConfig.ready``)."""

from django.dispatch import receiver

from ..signals import intake_submitted


@receiver(intake_submitted, dispatch_uid="intake.review.stat_notification")
def owe_stat_notification(sender, *, intake, **kwargs):
    """Inside the submit transaction: the outbox row commits with the submission or not at
    all, and the send is asked for only after the commit."""
    from .services import stat_owed_on_submit

    stat_owed_on_submit(intake=intake)
