import time
from contextlib import contextmanager

import pytest
from django.core import mail

from intake import tasks
from intake.models import Intake, NotificationOutbox
from intake.notifications import outbox as notifications
from portal.celery import app
from portal.publishing import publisher
from tests.factories import make_intake, make_submitted_intake
from tests.waiting import wait_for

pytestmark = pytest.mark.django_db
CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"


def _submit_stat(patient, capture):
    with capture(execute=True):
        return make_submitted_intake(patient, archetype="stat_imminent")


def test_a_stat_submit_emails_the_on_call_psychiatrists_a_link_only(
    patient, oncall, psychiatrist, django_capture_on_commit_callbacks
):
    intake = _submit_stat(patient, django_capture_on_commit_callbacks)
    [email] = mail.outbox
    assert email.to == ["oncall@clinic.example"]
    assert f"/review/i/{intake.public_id}/" in email.body
    assert "Alice" not in email.body and "suicid" not in email.body.lower()


def test_with_nobody_on_call_every_psychiatrist_hears_of_a_stat_intake(
    patient, psychiatrist, django_capture_on_commit_callbacks
):
    _submit_stat(patient, django_capture_on_commit_callbacks)
    assert mail.outbox[0].to == ["sam@clinic.example"]


def test_a_routine_submit_owes_no_notification(patient, oncall, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_submitted_intake(patient, archetype="routine_calm")
    assert (NotificationOutbox.objects.count(), len(mail.outbox)) == (0, 0)


def test_delivering_the_same_notification_twice_sends_one_email(
    patient, oncall, django_capture_on_commit_callbacks
):
    _submit_stat(patient, django_capture_on_commit_callbacks)
    row = NotificationOutbox.objects.get()
    tasks.send_notification(row.pk)
    tasks.sweep_owed_notifications()
    assert len(mail.outbox) == 1


@contextmanager
def _broker(url: str):
    """Point the Celery app at ``url`` (a real publish, not the inline mode)."""
    saved = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.update(broker_url=url, task_always_eager=False)
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield
        publisher.drain()  # the publishes asked for while the broker was this one
    finally:
        app.conf.update(broker_url=saved[0], task_always_eager=saved[1])
        app._pool = None
        app.amqp._producer_pool = None


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_a_stat_submit_succeeds_and_the_sweep_sends_one_email(patient, oncall):
    with _broker(CLOSED_PORT_BROKER):
        intake = make_submitted_intake(patient, archetype="stat_item_9")
    assert Intake.objects.get(pk=intake.pk).status == "submitted"
    assert (mail.outbox, NotificationOutbox.objects.get().sent_at) == ([], None)
    # The broker is back (inline here); beat's sweep sends what is owed, once.
    tasks.sweep_owed_notifications.delay()
    tasks.sweep_owed_notifications.delay()
    assert len(mail.outbox) == 1


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_stat_email_within_seconds(celery_worker, patient, oncall):
    started = time.monotonic()
    make_submitted_intake(patient, archetype="stat_imminent")
    assert wait_for(lambda: len(mail.outbox) == 1)
    assert time.monotonic() - started < 10
    # The worker records the send in its own transaction, just after the email left.
    assert wait_for(lambda: NotificationOutbox.objects.get().sent_at is not None, 5)


def test_patients_with_an_unfinished_intake_are_reminded_once_before_their_visit(
    patient, second_patient, django_capture_on_commit_callbacks
):
    make_intake(patient, visit_in_hours=20)
    make_intake(second_patient, visit_in_hours=24 * 6)  # too early to remind
    with django_capture_on_commit_callbacks(execute=True):
        tasks.remind_unfinished_intakes.delay()
        tasks.remind_unfinished_intakes.delay()
    assert [m.to for m in mail.outbox] == [["alice@patients.example"]]


def test_a_submitted_intake_gets_no_reminder(patient, django_capture_on_commit_callbacks):
    make_submitted_intake(patient, visit_in_hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.remind_unfinished_intakes.delay()
    assert mail.outbox == []


def test_the_reminder_holds_a_link_and_no_visit_details(
    patient, django_capture_on_commit_callbacks
):
    intake = make_intake(patient, visit_in_hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.remind_unfinished_intakes.delay()
    body = mail.outbox[0].body
    assert f"/intake/{intake.public_id}/" in body and "Alice" not in body


def test_the_sweep_leaves_a_failing_message_owed_and_sends_the_rest(
    patient, second_patient, oncall, monkeypatch
):
    make_intake(patient, visit_in_hours=20)
    make_intake(second_patient, visit_in_hours=21)
    tasks.remind_unfinished_intakes()
    real = notifications.send_mail
    calls = []

    def flaky(subject, body, sender, to, **kwargs):
        calls.append(to)
        if len(calls) == 1:
            raise OSError("SMTP down")
        return real(subject, body, sender, to, **kwargs)

    monkeypatch.setattr("intake.notifications.outbox.send_mail", flaky)
    assert tasks.sweep_owed_notifications() == 1
    assert NotificationOutbox.objects.filter(sent_at__isnull=True, attempts=1).count() == 1


def test_a_visit_already_past_gets_no_reminder(patient):
    make_intake(patient, visit_in_hours=-1)
    assert tasks.remind_unfinished_intakes() == 0


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_after_a_broker_outage_the_sweep_through_a_real_worker_sends_exactly_one_email(
    request, patient, oncall
):
    with _broker(CLOSED_PORT_BROKER):
        make_submitted_intake(patient, archetype="stat_item_9")
    assert NotificationOutbox.objects.get().sent_at is None
    request.getfixturevalue("celery_worker")  # the broker is back, with a worker on it
    tasks.sweep_owed_notifications.delay()
    tasks.sweep_owed_notifications.delay()
    assert wait_for(lambda: NotificationOutbox.objects.get().sent_at is not None)
    time.sleep(1)  # a second delivery, were there one, would have landed by now
    assert len(mail.outbox) == 1


def test_a_refused_address_never_reaches_the_logs(patient, monkeypatch, caplog):
    from smtplib import SMTPRecipientsRefused

    patient.email = "alice.private@patients.example"
    patient.save()
    make_intake(patient, visit_in_hours=20)
    tasks.remind_unfinished_intakes()

    def refuse(subject, body, sender, to, **kwargs):
        raise SMTPRecipientsRefused({address: (550, b"mailbox unavailable") for address in to})

    monkeypatch.setattr("intake.notifications.outbox.send_mail", refuse)
    tasks.sweep_owed_notifications()
    assert "SMTPRecipientsRefused" in caplog.text and "alice.private" not in caplog.text
