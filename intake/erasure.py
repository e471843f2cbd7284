"""Erasing a patient on request (``manage.py erase_patient``).

Removed: every intake with its answers, notes, status history, notification rows and
acknowledgements; every invitation to the patient or to their address, accepted or not (they
carry the name and email); a pending self-registration for the address; the second-factor
devices; the sign-in sessions and sign-in attempt records. Redacted: the admin's change log
(``django_admin_log``) rows about the account or naming the email or full name keep their
row but name only the pseudonym. Kept: the audit log, which names objects by id only; its
rows that name the patient's account now point at a pseudonymised, deactivated account (no
name, no email, no password, no roles), so the trail stays whole and says nothing about the
person. The erasure is audited under the administrator who ran it. A legal hold
(``portal.LegalHold``) refuses the erasure.
"""

import uuid
from importlib import import_module

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import roles
from portal.admin_audit import acting_as
from portal.audit import record
from portal.models import Invitation, LegalHold, PendingRegistration

from .erasure_list import erasure_remember
from .models import CheckInSchedule, Intake


class ErasureRefused(Exception):
    pass


def _end_sessions(user_id: int) -> None:
    # Through the session engine, so a copy in the shared cache goes too.
    engine = import_module(settings.SESSION_ENGINE)
    for session in Session.objects.iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id):
            engine.SessionStore(session_key=session.session_key).delete()


def patient_erase(*, patient, actor, reason: str = "patient request") -> str:
    """Erase ``patient`` (``actor``: the administrator doing it); returns the pseudonym the
    audit log now shows for them."""
    if not roles.is_patient(patient):
        raise ErasureRefused("only a patient's account can be erased this way")
    if LegalHold.objects.filter(patient=patient).exists():
        raise ErasureRefused("a legal hold is placed on this patient: nothing was erased")
    pseudonym = f"erased-{uuid.uuid4().hex[:12]}"
    with transaction.atomic(), acting_as(actor):
        intakes = Intake.objects.filter(patient=patient)
        public_ids = [str(public_id) for public_id in intakes.values_list("public_id", flat=True)]
        intake_count = len(public_ids)
        intakes.delete()
        CheckInSchedule.objects.filter(patient=patient).delete()  # no more check-ins asked
        identifiers = _identifiers(patient)
        Invitation.objects.filter(
            Q(patient=patient) | Q(email__iexact=patient.username) | Q(email__iexact=patient.email)
        ).delete()
        PendingRegistration.objects.filter(email__in=identifiers["emails"]).delete()
        TOTPDevice.objects.filter(user=patient).delete()
        StaticDevice.objects.filter(user=patient).delete()
        _end_sessions(patient.pk)
        _forget_sign_in_attempts(identifiers["emails"])
        _redact_admin_log(patient, identifiers, pseudonym)
        user = get_user_model().objects.select_for_update().get(pk=patient.pk)
        user.username, user.email = pseudonym, ""
        user.first_name = user.last_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        record(actor=actor, action="patient.erased", obj=user, object_id=user.pk)
        # Last, in the transaction: an erasure is done only once it is on the list that a
        # restore re-applies (intake/erasure_list.py).
        erasure_remember(user_id=user.pk, intake_public_ids=public_ids)
    return f"{pseudonym} ({intake_count} intake(s) removed, reason: {reason})"


def _identifiers(patient) -> dict:
    emails = sorted({e.strip().lower() for e in (patient.username, patient.email) if e})
    full_name = f"{patient.first_name} {patient.last_name}".strip()
    return {"emails": emails, "texts": [*emails, *([full_name] if " " in full_name else [])]}


def _forget_sign_in_attempts(emails: list[str]) -> None:
    # django-axes keeps failed and successful sign-ins by username (an email address).
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__in=emails).delete()


def _redact_admin_log(patient, identifiers: dict, pseudonym: str) -> None:
    """The admin's change log names objects by their text (an account by its email) and may
    quote changed values: its rows about the account, or quoting the email or full name,
    keep the row (who changed what, when) but name only the pseudonym."""
    about = Q(content_type=ContentType.objects.get_for_model(patient), object_id=str(patient.pk))
    for text in identifiers["texts"]:
        about |= Q(object_repr__icontains=text) | Q(change_message__icontains=text)
    LogEntry.objects.filter(about).update(object_repr=pseudonym, change_message="")
