"""Notifications the queue owes, and their delivery. Emails carry a link, never patient data.

The contract that makes a broker outage harmless:
1. ``notification_owe`` writes an outbox row in the caller's transaction (the submit, the
   information request, the reminder run) and asks for a send only after that commit, on
   a background thread: a broker that is down or hangs is logged and ignored, and the
   caller never waits on it.
2. ``notification_deliver`` claims the row before sending and marks it sent after, so the
   Celery task, its retries and the sweep can all try it safely: delivery is at least
   once, and twice only if a worker dies between the mail server's "accepted" and the
   mark (the copies share a ``Message-ID``).
3. ``notifications_sweep`` (every minute, from beat) delivers whatever is still owed.
"""

import logging
from datetime import timedelta
from smtplib import SMTPException
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from portal import roles
from portal.audit import record
from portal.celery import app
from portal.patient_mail import patient_language, render_patient_email
from portal.publishing import publisher

from ..checkins.messages import checkin_reminder_message
from ..models import Intake, IntakeStatus, NotificationKind, NotificationOutbox
from .ladder import LADDER_KINDS, still_unclaimed

logger = logging.getLogger(__name__)
SWEEP_BATCH = 200


class DeliveryFailed(SMTPException):
    """A send that failed, told without the addresses it was for: SMTP errors name every
    refused recipient, and this error lands in logs and in Celery's retry messages.
    (SMTPException is an OSError, so the task's retries still apply.)"""


def notification_owe(*, kind: str, intake: Intake, key: str) -> NotificationOutbox | None:
    """Record that ``kind`` is owed for ``intake`` (once per ``key``) and send it after commit.

    Returns the new outbox row, or None when this one was already owed.
    """
    row = NotificationOutbox(kind=kind, intake=intake, key=key, created_at=timezone.now())
    row.pk = _insert_once(row)
    if row.pk is None:
        return None
    transaction.on_commit(lambda: enqueue_delivery(row.pk))
    return row


# One statement where ``get_or_create`` takes a read, two savepoints and the insert
# (PostgreSQL and SQLite both read it); the unique constraint is notification_once_per_key.
INSERT_ONCE = (
    'INSERT INTO intake_notificationoutbox (kind, intake_id, "key", created_at, attempts,'
    " recipients) VALUES (%s, %s, %s, %s, 0, 0)"
    ' ON CONFLICT (kind, intake_id, "key") DO NOTHING RETURNING id'
)


def _insert_once(row: NotificationOutbox) -> int | None:
    """The new row's id, or None when the same (kind, intake, key) is owed already."""
    with connection.cursor() as cursor:
        cursor.execute(INSERT_ONCE, [row.kind, row.intake_id, row.key, row.created_at])
        inserted = cursor.fetchone()
    return inserted[0] if inserted else None


def enqueue_delivery(outbox_id: int) -> bool:
    """Ask a worker to deliver the row soon. The publish runs on this process's publisher
    thread (``portal.publishing``), so the caller (a patient's submit) never waits on the
    broker; tasks run inline (no broker) are run here. False when the publish was not
    handed over; the sweep sends whatever was not queued. Never raises."""
    if app.conf.task_always_eager:
        return _publish(outbox_id)
    return publisher.submit(lambda: _publish(outbox_id))


# Named, not imported: the tasks module imports this one.
SEND_TASK = "intake.tasks.send_notification"


def _publish(outbox_id: int) -> bool:
    try:
        app.signature(SEND_TASK, args=(outbox_id,)).delay()
    except Exception:  # the broker is down, refused or timed out: kombu raises many kinds
        logger.warning("notification %s not queued (broker unavailable); the sweep will send it",
                       outbox_id, exc_info=True)  # fmt: skip
        return False
    return True


def notification_deliver(*, outbox_id: int) -> bool:
    """Send one owed notification. True if it was sent now; False if it was already sent,
    is claimed by a delivery in progress, or no longer exists. Mail errors propagate (the
    attempt counted, the claim released) so the task can retry with backoff.

    At least once, duplicates avoided where possible: the row is claimed in its own commit
    before the send and marked sent in another after it. A worker killed between the two
    leaves a claimed, unsent row: nothing is lost (the sweep sends it once the claim is
    ``NOTIFICATION_CLAIM_SECONDS`` old), and the redelivered task skips it meanwhile. Only
    a kill after the mail server took the message and before the mark can send it twice;
    both copies carry the same ``Message-ID`` and ``X-Portal-Notification-Id``, so mail
    clients and servers that de-duplicate on them show one.
    """
    row = _claim(outbox_id)
    if row is None:
        return False
    try:
        subject, body, recipients = _message(row)
        if recipients:
            _send(row, subject, body, recipients)
    except Exception:
        NotificationOutbox.objects.filter(pk=outbox_id).update(claimed_at=None)
        raise
    with transaction.atomic():
        NotificationOutbox.objects.filter(pk=outbox_id).update(
            sent_at=timezone.now(), recipients=len(recipients)
        )
        record(actor=None, action=f"notification.sent.{row.kind}", obj=row.intake)
    return True


def _claim(outbox_id: int) -> NotificationOutbox | None:
    """Claim an unsent row nobody is sending (or whose sender died), counting the attempt."""
    now = timezone.now()
    stale = now - timedelta(seconds=getattr(settings, "NOTIFICATION_CLAIM_SECONDS", 120))
    with transaction.atomic():
        row = (
            NotificationOutbox.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("intake__patient")
            .filter(pk=outbox_id, sent_at__isnull=True)
            .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale))
            .first()
        )
        if row is None:
            return None
        row.claimed_at = now
        row.attempts += 1
        row.save(update_fields=["claimed_at", "attempts"])
    return row


def message_id(row: NotificationOutbox) -> str:
    """The same for every try of one notification: the idempotency key of the email."""
    domain = urlsplit(settings.PORTAL_BASE_URL).hostname or "portal.invalid"
    return f"<notification-{row.pk}@{domain}>"


def send_mail(subject: str, body: str, sender, to: list[str], *, headers=None) -> int:
    return EmailMessage(subject, body, sender, to, headers=headers).send()


def _send(row: NotificationOutbox, subject: str, body: str, recipients: list[str]) -> None:
    headers = {"Message-ID": message_id(row), "X-Portal-Notification-Id": str(row.pk)}
    try:
        send_mail(subject, body, None, recipients, headers=headers)
    except (OSError, SMTPException) as exc:
        # "from None": the original (with the addresses) must not ride along in tracebacks.
        raise DeliveryFailed(
            f"notification {row.pk} ({row.kind}) to {len(recipients)} recipient(s) failed: "
            f"{type(exc).__name__}"
        ) from None


def notifications_sweep(*, limit: int = SWEEP_BATCH) -> int:
    """Deliver what is still owed, oldest first; returns how many were sent now. One
    failing message does not stop the others (it stays owed for the next sweep)."""
    owed = NotificationOutbox.objects.filter(sent_at__isnull=True).order_by("created_at", "id")
    sent = 0
    for outbox_id in owed.values_list("pk", flat=True)[:limit]:
        try:
            sent += notification_deliver(outbox_id=outbox_id)
        except Exception:
            logger.exception("notification %s could not be sent; it stays owed", outbox_id)
    return sent


# ---- the messages ------------------------------------------------------------------------
def _link(name: str, *args) -> str:
    return settings.PORTAL_BASE_URL + reverse(name, args=args)


def oncall_emails() -> list[str]:
    """The on-call group's addresses; every psychiatrist when nobody is on call, so a STAT
    intake is never announced to no one."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    oncall = users.filter(groups__name=settings.ONCALL_GROUP)
    chosen = oncall if oncall.exists() else users.filter(groups__name=roles.PSYCHIATRISTS)
    return sorted(set(chosen.values_list("email", flat=True)))


def escalation_emails() -> list[str]:
    """The escalation group's addresses (Clinical leads); the on-call list when the group
    has no one, so an escalation is never sent to no one."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    leads = users.filter(groups__name=settings.ESCALATION_GROUP)
    return sorted(set(leads.values_list("email", flat=True))) or oncall_emails()


def _stat_message(row: NotificationOutbox) -> tuple[str, str, list[str]]:
    """The STAT message and the ladder's steps: a link only, never who or why."""
    link = f"Open it here (sign-in required):\n{_link('review:detail', row.intake.public_id)}\n"
    if row.kind in LADDER_KINDS and not still_unclaimed(row.intake):
        return "", "", []  # claimed (or closed) since the step was owed: the ladder stopped
    if row.kind == NotificationKind.STAT_RENOTIFY:
        return (
            "STAT intake still unclaimed",
            f"A STAT intake has waited {settings.STAT_RENOTIFY_MINUTES} minutes and nobody "
            "has claimed it yet. Please claim it.\n\n" + link,
            oncall_emails(),
        )
    if row.kind == NotificationKind.STAT_ESCALATION:
        return (
            "Escalation: STAT intake unclaimed",
            f"A STAT intake has waited {settings.STAT_ESCALATE_MINUTES} minutes and nobody "
            "has claimed it, after two messages to the on-call psychiatrists. Please make "
            "sure someone claims it now.\n\n" + link,
            escalation_emails(),
        )
    if row.intake.status == IntakeStatus.DRAFT:
        return (
            "STAT: safety answer in an intake not sent yet",
            "A patient saved a safety answer that needs attention, in an intake not sent yet. "
            "It is in the STAT list of the review queue.\n\n" + link,
            oncall_emails(),
        )
    return (
        "STAT intake waiting in the review queue",
        "A STAT intake has been submitted and is waiting in the review queue.\n\n" + link,
        oncall_emails(),
    )


STAT_KINDS = (
    NotificationKind.STAT_INTAKE,
    NotificationKind.STAT_RENOTIFY,
    NotificationKind.STAT_ESCALATION,
)


def _message(row: NotificationOutbox) -> tuple[str, str, list[str]]:
    intake = row.intake
    if row.kind in STAT_KINDS:
        return _stat_message(row)
    if row.kind == NotificationKind.CHECKIN_REMINDER:
        return checkin_reminder_message(row)
    patient_email = [intake.patient.email] if intake.patient.email else []
    # Written in the patient's language (templates/intake/emails/), a link and no more.
    name = "info_requested" if row.kind == NotificationKind.INFO_REQUESTED else "visit_reminder"
    subject, body = render_patient_email(
        f"intake/emails/{name}",
        {"link": _link("intake:tasks", intake.public_id)},
        language=patient_language(intake.patient),
    )
    return subject, body, patient_email
