"""Erasing a patient on request (``manage.py erase_patient``).

Removed: every intake with its answers, notes, status history, notification rows and
acknowledgements; the invitations (they carry the name and email); the sign-in sessions and
sign-in attempt records. Kept: the audit log, which names objects by id only; its rows that
name the patient's account now point at a pseudonymised, deactivated account (no name, no
email, no password, no roles), so the trail stays whole and says nothing about the person.
A legal hold (``portal.LegalHold``) refuses the erasure.
"""

import uuid
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction

from portal import roles
from portal.audit import record
from portal.models import Invitation, LegalHold

from .erasure_list import erasure_remember
from .models import Intake


class ErasureRefused(Exception):
    pass


def _end_sessions(user_id: int) -> None:
    # Through the session engine, so a copy in the shared cache goes too.
    engine = import_module(settings.SESSION_ENGINE)
    for session in Session.objects.iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id):
            engine.SessionStore(session_key=session.session_key).delete()


def patient_erase(*, patient, reason: str = "patient request") -> str:
    """Erase ``patient``; returns the pseudonym the audit log now shows for them."""
    if not roles.is_patient(patient):
        raise ErasureRefused("only a patient's account can be erased this way")
    if LegalHold.objects.filter(patient=patient).exists():
        raise ErasureRefused("a legal hold is placed on this patient: nothing was erased")
    pseudonym = f"erased-{uuid.uuid4().hex[:12]}"
    with transaction.atomic():
        intakes = Intake.objects.filter(patient=patient)
        public_ids = [str(public_id) for public_id in intakes.values_list("public_id", flat=True)]
        intake_count = len(public_ids)
        intakes.delete()
        Invitation.objects.filter(patient=patient).delete()
        _end_sessions(patient.pk)
        _forget_sign_in_attempts(patient.username)
        user = get_user_model().objects.select_for_update().get(pk=patient.pk)
        user.username, user.email = pseudonym, ""
        user.first_name = user.last_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        record(actor=None, action="patient.erased", obj=user, object_id=user.pk)
        # Last, in the transaction: an erasure is done only once it is on the list that a
        # restore re-applies (intake/erasure_list.py).
        erasure_remember(user_id=user.pk, intake_public_ids=public_ids)
    return f"{pseudonym} ({intake_count} intake(s) removed, reason: {reason})"


def _forget_sign_in_attempts(username: str) -> None:
    # django-axes keeps failed and successful sign-ins by username (an email address).
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username=username).delete()
