"""Retention (expired sessions cleared, sent notifications pruned, by beat), erasure of a
patient on request (audit kept, pseudonymised; refused under a legal hold), and a patient's
download of their own answers."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.utils import timezone

from intake import tasks as intake_tasks
from intake.models import Intake, Note, NotificationOutbox, StatusChange
from intake.review.services import intake_claim, note_add
from portal import tasks as portal_tasks
from portal.audit import record
from portal.models import AuditEvent, Invitation, LegalHold
from tests.factories import make_intake, make_invitation, make_submitted_intake, make_user

pytestmark = pytest.mark.django_db


# ---- retention ---------------------------------------------------------------------------
def test_beat_clears_expired_sessions_and_prunes_sent_notifications_daily():
    schedule = {
        entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()
    }
    assert schedule["portal.tasks.clear_expired_sessions"] == timedelta(days=1)
    assert schedule["intake.tasks.prune_sent_notifications"] == timedelta(days=1)


def test_expired_sessions_are_cleared_and_live_ones_kept(client, patient):
    client.force_login(patient)
    Session.objects.create(
        session_key="x" * 32, session_data="", expire_date=timezone.now() - timedelta(minutes=1)
    )
    portal_tasks.clear_expired_sessions()
    assert Session.objects.filter(expire_date__lt=timezone.now()).count() == 0
    assert Session.objects.count() == 1


def test_sent_notifications_are_pruned_after_the_retention_and_owed_ones_never(patient):
    intake = make_intake(patient)
    old = NotificationOutbox.objects.create(kind="visit_reminder", intake=intake, key="old")
    recent = NotificationOutbox.objects.create(kind="visit_reminder", intake=intake, key="new")
    owed = NotificationOutbox.objects.create(kind="visit_reminder", intake=intake, key="owed")
    now = timezone.now()
    days = settings.OUTBOX_RETENTION_DAYS
    NotificationOutbox.objects.filter(pk=old.pk).update(sent_at=now - timedelta(days=days + 1))
    NotificationOutbox.objects.filter(pk=recent.pk).update(sent_at=now - timedelta(days=days - 1))
    NotificationOutbox.objects.filter(pk=owed.pk).update(created_at=now - timedelta(days=400))
    assert intake_tasks.prune_sent_notifications() == 1
    assert set(NotificationOutbox.objects.values_list("key", flat=True)) == {"new", "owed"}


# ---- erasure ----------------------------------------------------------------------------
@pytest.fixture
def history(patient, second_patient, psychiatrist, client):
    """Alice with a submitted STAT intake, a note, status history, notifications, an
    invitation, audit rows and a live session; Bob, who must not be touched."""
    intake = make_submitted_intake(patient, archetype="stat_imminent")
    intake_claim(intake_id=intake.pk, user=psychiatrist)
    note_add(intake=intake, author=psychiatrist, body="Called Alice back.")
    make_invitation(created_by=psychiatrist, email=patient.email, patient=patient)
    record(actor=psychiatrist, action="intake.opened", obj=intake)
    record(actor=patient, action="auth.signed_in", obj=patient)
    make_submitted_intake(second_patient)
    client.force_login(patient)
    return intake


def _erase(email, *extra):
    out = StringIO()
    admin = get_user_model().objects.filter(username="root@clinic.example").first()
    admin = admin or make_user("root@clinic.example", is_staff=True, is_superuser=True)
    call_command("erase_patient", email, "--by", admin.username, *extra, stdout=out)
    return out.getvalue()


def test_erasing_a_patient_removes_their_records_and_keeps_a_pseudonymous_audit(
    history, patient, second_patient, client
):
    audit_before = set(AuditEvent.objects.values_list("pk", flat=True))
    output = _erase(patient.email, "--confirm")

    assert not Intake.objects.filter(pk=history.pk).exists()
    assert not Note.objects.filter(intake_id=history.pk).exists()
    assert not StatusChange.objects.filter(intake_id=history.pk).exists()
    assert not NotificationOutbox.objects.filter(intake_id=history.pk).exists()
    assert not Invitation.objects.filter(email=patient.email).exists()
    user = get_user_model().objects.get(pk=patient.pk)
    assert user.username.startswith("erased-") and user.username in output
    assert (user.email, user.first_name, user.last_name, user.is_active) == ("", "", "", False)
    assert not user.has_usable_password() and not user.groups.exists()
    # The audit trail is whole (rows added: the erasure and its changes of privilege) and
    # still points at the account.
    assert audit_before <= set(AuditEvent.objects.values_list("pk", flat=True))
    assert AuditEvent.objects.filter(actor=user, action="auth.signed_in").exists()
    assert AuditEvent.objects.filter(action="patient.erased", object_id=str(user.pk)).exists()
    # Signed out everywhere; Bob untouched.
    assert client.get("/intake/").status_code == 302
    assert Intake.objects.filter(patient=second_patient).count() == 1


def test_a_legal_hold_refuses_the_erasure_and_changes_nothing(history, patient):
    LegalHold.objects.create(patient=patient, reason="litigation")
    with pytest.raises(CommandError, match="legal hold"):
        _erase(patient.email, "--confirm")
    assert Intake.objects.filter(pk=history.pk).exists()
    assert get_user_model().objects.get(pk=patient.pk).email == patient.email


def test_erasure_needs_confirmation_and_an_existing_patient(history, patient, psychiatrist):
    with pytest.raises(CommandError, match="--confirm"):
        _erase(patient.email)
    assert Intake.objects.filter(pk=history.pk).exists()
    with pytest.raises(CommandError, match="No account"):
        _erase("nobody@example.org", "--confirm")
    with pytest.raises(CommandError, match="only a patient"):
        _erase(psychiatrist.email, "--confirm")


# ---- a patient's own copy -----------------------------------------------------------------
def test_a_patient_downloads_their_own_answers_and_nobody_else_s(
    client, patient, second_patient, psychiatrist
):
    mine = make_intake(patient, answers={"visit_reason": "panic"})
    make_intake(second_patient, answers={"visit_reason": "sleep"})
    client.force_login(patient)
    home = client.get("/intake/").content.decode()
    assert "/intake/my-answers.json" in home
    response = client.get("/intake/my-answers.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    [copy] = json.loads(response.content)["intakes"]
    assert copy["answers"] == mine.answers == {"visit_reason": "panic"}
    client.force_login(psychiatrist)
    assert client.get("/intake/my-answers.json").status_code == 404


def test_a_patient_with_no_intake_downloads_an_empty_list(client, patient):
    client.force_login(patient)
    assert json.loads(client.get("/intake/my-answers.json").content)["intakes"] == []
