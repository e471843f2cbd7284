"""What the review queue stores: psychiatrists' notes and the notifications it owes.

``NotificationOutbox`` is written in the same transaction as the event that owes the
message (a STAT submit, an information request, a visit reminder), so a broker outage can
delay a notification but never lose it: the periodic sweep sends whatever is still owed.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce

# The queue shows these; drafts and reviewed intakes are out of it unless a filter asks.
OPEN_STATUSES = ("submitted", "in_review", "info_requested")
# Intakes with no visit time sort after every dated visit of the same priority.
VISIT_UNKNOWN = datetime(9999, 12, 31, tzinfo=UTC)


def queue_visit_sort():
    """The visit time the queue sorts by; the indexes below use the very same expression."""
    return Coalesce(F("visit_at"), Value(VISIT_UNKNOWN), output_field=models.DateTimeField())


def queue_sort_expressions():
    """The queue's order: priority, visit (soonest first), submission, then id (unique)."""
    return [F("priority_rank"), queue_visit_sort(), F("submitted_at"), F("id")]


def queue_indexes() -> list[models.Index]:
    """Indexes matching the queue's order, for keyset pages: one for the open queue (the
    default view), one led by status for a single-status filter (for example, reviewed)."""
    return [
        models.Index(F("status"), *queue_sort_expressions(), name="intake_queue_order"),
        models.Index(
            *queue_sort_expressions(),
            condition=Q(status__in=OPEN_STATUSES),
            name="intake_queue_open",
        ),
    ]


class Note(models.Model):
    """A psychiatrist's note on an intake (clinical text: shown to psychiatrists only)."""

    intake = models.ForeignKey("intake.Intake", on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Note {self.pk} on intake {self.intake_id}"


class NotificationKind(models.TextChoices):
    STAT_INTAKE = "stat_intake", "STAT intake for the on-call psychiatrists"
    INFO_REQUESTED = "info_requested", "Information requested from the patient"
    VISIT_REMINDER = "visit_reminder", "Reminder to finish the intake before the visit"


class NotificationOutbox(models.Model):
    """One notification owed for one intake; ``key`` makes each owed message unique
    (for example the submission number), so a retry or a second sweep never sends twice."""

    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    intake = models.ForeignKey(
        "intake.Intake", on_delete=models.CASCADE, related_name="notifications"
    )
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "intake", "key"], name="notification_once_per_key"
            )
        ]
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="notification_owed"
            )
        ]

    def __str__(self):
        return f"{self.kind} for intake {self.intake_id} ({self.key})"
