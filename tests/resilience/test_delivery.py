"""STAT emails: at least once, duplicates avoided where possible. The row is claimed before
the send (a delivery that died mid-send leaves it owed, not lost) and every try carries one
idempotency key (``Message-ID`` and ``X-Portal-Notification-Id``)."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from intake import tasks
from intake.models import NotificationOutbox
from intake.notifications import outbox as notifications
from tests.factories import make_psychiatrist, make_submitted_intake

pytestmark = pytest.mark.django_db


@pytest.fixture
def owed(patient, django_capture_on_commit_callbacks):
    """A STAT intake whose email is owed, not sent yet."""
    oncall = make_psychiatrist("oncall@clinic.example", first_name="Olu", last_name="Night")
    oncall.groups.add(Group.objects.get(name=settings.ONCALL_GROUP))
    with django_capture_on_commit_callbacks(execute=False):
        make_submitted_intake(patient, archetype="stat_imminent")
    return NotificationOutbox.objects.get()


def test_a_row_claimed_by_a_sender_that_died_is_skipped_then_sent_once_by_the_sweep(owed):
    assert notifications._claim(owed.pk) is not None  # the sender dies right after this
    assert tasks.send_notification(owed.pk) is False  # the redelivered task: claim is fresh
    assert tasks.sweep_owed_notifications() == 0
    assert mail.outbox == []
    later = timezone.now() + timedelta(seconds=settings.NOTIFICATION_CLAIM_SECONDS + 1)
    with time_machine.travel(later):
        assert tasks.sweep_owed_notifications() == 1
        assert tasks.sweep_owed_notifications() == 0
    owed.refresh_from_db()
    assert (len(mail.outbox), owed.attempts, owed.sent_at is not None) == (1, 2, True)


def test_a_failed_send_releases_its_claim_and_every_try_carries_the_same_message_id(
    owed, monkeypatch
):
    real, tries = notifications.send_mail, []

    def failing_once(subject, body, sender, to, *, headers=None):
        tries.append(headers)
        if len(tries) == 1:
            raise OSError("connection reset by the mail server")
        return real(subject, body, sender, to, headers=headers)

    monkeypatch.setattr("intake.notifications.outbox.send_mail", failing_once)
    with pytest.raises(notifications.DeliveryFailed):
        notifications.notification_deliver(outbox_id=owed.pk)
    owed.refresh_from_db()
    assert (owed.claimed_at, owed.sent_at, owed.attempts) == (None, None, 1)
    assert notifications.notification_deliver(outbox_id=owed.pk) is True  # no claim to wait
    [email] = mail.outbox
    assert tries[0] == tries[1]
    assert email.extra_headers["Message-ID"] == f"<notification-{owed.pk}@testserver>"
    assert email.extra_headers["X-Portal-Notification-Id"] == str(owed.pk)
    assert "Message-ID: <notification-" in email.message().as_string()
