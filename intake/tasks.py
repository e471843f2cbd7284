"""Celery tasks of the intake app. Each takes ids only, is idempotent, acks late (so a
worker lost mid-task means a redelivery, not a lost message) and owns its retry policy."""

from datetime import timedelta
from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Intake, IntakeStatus, NotificationKind, NotificationOutbox
from .notifications import outbox as notifications
from .notifications.services import stat_ladder_run
from .recompute import intakes_recompute

REMIND_WITHIN_HOURS = 48


@shared_task(
    acks_late=True,
    autoretry_for=(OSError, SMTPException),
    retry_backoff=10,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def send_notification(outbox_id: int) -> bool:
    """Send one owed notification (a no-op if it was sent already)."""
    return notifications.notification_deliver(outbox_id=outbox_id)


@shared_task(acks_late=True)
def sweep_owed_notifications() -> int:
    """Every minute (beat): send what is still owed, e.g. after a broker outage."""
    return notifications.notifications_sweep()


@shared_task(acks_late=True)
def escalate_unclaimed_stat() -> int:
    """Every minute (beat): owe the STAT ladder's steps that are due
    (intake/notifications/ladder.py)."""
    return stat_ladder_run()


@shared_task(acks_late=True)
def remind_unfinished_intakes() -> int:
    """Hourly (beat): owe one reminder per visit to each patient whose intake is not
    finished and whose visit is within ``REMIND_WITHIN_HOURS``. Re-running owes nothing new."""

    now = timezone.now()
    due = Intake.objects.filter(
        status__in=(IntakeStatus.DRAFT, IntakeStatus.INFO_REQUESTED),
        visit_at__gt=now,
        visit_at__lte=now + timedelta(hours=REMIND_WITHIN_HOURS),
    )
    owed = 0
    for intake in due.only("pk", "visit_at", "status").iterator(chunk_size=500):
        with transaction.atomic():
            owed += bool(
                notifications.notification_owe(
                    kind=NotificationKind.VISIT_REMINDER,
                    intake=intake,
                    key=f"visit-{intake.visit_at:%Y%m%dT%H%M}",
                )
            )
    return owed


@shared_task(acks_late=True)
def recompute_open_intakes() -> dict:
    """After a rules change: recompute every open intake; returns the counts."""
    result = intakes_recompute()
    return {
        "checked": result.checked,
        "changed": result.changed,
        "priority_changed": result.priority_changed,
        "failed": result.failed,
    }


@shared_task(acks_late=True)
def prune_sent_notifications() -> int:
    """Daily (beat): delete outbox rows sent more than ``OUTBOX_RETENTION_DAYS`` ago (the
    audit log keeps that each was sent). Rows still owed are never pruned."""

    cutoff = timezone.now() - timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    deleted, _ = NotificationOutbox.objects.filter(sent_at__lt=cutoff).delete()
    return deleted
