"""Writes for accounts and invitations. Each is atomic and writes its audit row."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from . import roles
from .audit import record
from .language import preferred_language, set_preferred_language
from .models import Invitation
from .tasks import send_invitation_email

# Sent inside the accepting transaction; the intake app opens the visit's intake.
invitation_accepted = Signal()


class InvitationUnavailable(Exception):
    pass


def invitation_create(
    *, email: str, first_name: str, last_name: str, visit_at: datetime, created_by,
    language: str = "en", intake_kind: str = "",
) -> Invitation:  # fmt: skip
    with transaction.atomic():
        invitation = Invitation.objects.create(
            email=email.strip().lower(),
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            visit_at=visit_at,
            created_by=created_by,
            language=language,
            intake_kind=intake_kind,
        )
        record(actor=created_by, action="invitation.created", obj=invitation)
        transaction.on_commit(lambda: send_invitation_email.delay(invitation.pk))
    return invitation


def patient_create(*, email: str, first_name: str, last_name: str, password: str):
    return patient_create_hashed(
        email=email, first_name=first_name, last_name=last_name,
        password_hash=make_password(password),
    )  # fmt: skip


def patient_create_hashed(*, email: str, first_name: str, last_name: str, password_hash: str):
    """A patient's account with a password already hashed (a confirmed registration)."""
    user = get_user_model().objects.create(
        username=email.strip().lower(),
        email=email.strip().lower(),
        password=password_hash,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    user.groups.add(Group.objects.get(name=roles.PATIENTS))
    return user


def invitation_accept(*, invitation_id: int, password: str | None, user=None):
    """Use an invitation once: create the patient (or attach an existing one) and open the
    visit's intake. Raises ``InvitationUnavailable`` if it was used meanwhile."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation_id)
        if invitation.is_used:
            raise InvitationUnavailable
        if user is None:
            user = patient_create(
                email=invitation.email,
                first_name=invitation.first_name,
                last_name=invitation.last_name,
                password=password,
            )
        invitation.accepted_at = timezone.now()
        invitation.patient = user
        invitation.save(update_fields=["accepted_at", "patient"])
        # The language staff chose starts the profile; a patient who already chose keeps theirs.
        if preferred_language(user) is None:
            set_preferred_language(user, invitation.language)
        record(actor=user, action="invitation.accepted", obj=invitation)
        invitation_accepted.send(sender=Invitation, invitation=invitation)
    return user
