"""One pre-visit intake per patient per visit, and its status history.

``answers`` holds the patient's answers in the clinical core's case format (so the
evaluator and the stored intake can never disagree); ``details`` holds what the case format
has no place for (section confirmations, answers kept from a page that had an error, the
attestation). Status changes only through ``intake.services.intake_transition``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.fields import person_field

from ..safety import NOT_STAT
from .review import queue_indexes


class IntakeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    INFO_REQUESTED = "info_requested", _("Information requested")
    REVIEWED = "reviewed", _("Reviewed")
    # A check-in that needed no review (no STAT, no high-severity flag, no worsening): kept
    # for the trend, outside the open queue (intake/checkins/services.py).
    RECORDED = "recorded", _("Recorded")


class IntakeKind(models.TextChoices):
    """What the intake asks: everything (a first visit), what changed since the last one (a
    follow-up, intake/follow_up.py), or the instruments and safety questions (a check-in)."""

    FIRST = "first", "First visit"
    FOLLOW_UP = "follow_up", "Follow-up"
    CHECK_IN = "check_in", "Check-in"


class Priority(models.TextChoices):
    STAT = "stat", "STAT"
    URGENT = "urgent", "Urgent"
    ROUTINE = "routine", "Routine"


PRIORITY_RANK = {"stat": 0, "urgent": 1, "routine": 2}
# Drafts sort after every submitted intake.
DRAFT_PRIORITY_RANK = 9


class Intake(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="intakes"
    )
    visit_at = models.DateTimeField(null=True, blank=True)
    kind = models.CharField(max_length=10, choices=IntakeKind.choices, default=IntakeKind.FIRST)
    status = models.CharField(
        max_length=20, choices=IntakeStatus.choices, default=IntakeStatus.DRAFT, db_index=True
    )
    answers = models.JSONField(default=dict, blank=True)
    details = models.JSONField(default=dict, blank=True)
    reopened_sections = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    first_submitted_at = models.DateTimeField(null=True, blank=True)
    submission_count = models.PositiveIntegerField(default=0)
    priority = models.CharField(max_length=10, choices=Priority.choices, blank=True)
    priority_rank = models.SmallIntegerField(default=DRAFT_PRIORITY_RANK)
    # Within STAT, the risk level (intake/safety.py); NOT_STAT for every other intake.
    risk_rank = models.SmallIntegerField(default=NOT_STAT)
    # When a positive safety answer was first saved while the intake was still a draft: from
    # then on the unsent intake is in the STAT list (its safety answers only).
    safety_alert_at = models.DateTimeField(null=True, blank=True)
    evaluation = models.JSONField(default=dict, blank=True)
    flag_codes = models.JSONField(default=list, blank=True)
    # What a queue row shows of the evaluation and answers (intake/queue_card.py).
    queue_card = models.JSONField(default=dict, blank=True, editable=False)
    age = models.SmallIntegerField(null=True, blank=True)
    assignee = person_field(blank=True, related_name="assigned_intakes")
    assigned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "visit_at"],
                condition=Q(visit_at__isnull=False),
                name="intake_one_per_patient_per_visit",
            )
        ]
        # The review queue's keyset indexes (intake/models/review.py).
        indexes = queue_indexes()

    def __str__(self):
        return f"Intake {self.public_id}"

    @property
    def is_draft(self) -> bool:
        return self.status == IntakeStatus.DRAFT

    @property
    def is_safety_draft(self) -> bool:
        """An unsent intake the team sees because of a saved positive safety answer."""
        return self.status == IntakeStatus.DRAFT and self.safety_alert_at is not None

    def editable_section(self, key: str) -> bool:
        """The patient may change a section while drafting, or when it was reopened."""
        if self.status == IntakeStatus.DRAFT:
            return True
        return self.status == IntakeStatus.INFO_REQUESTED and key in (self.reopened_sections or [])

    def information_request(self) -> str | None:
        """The psychiatrist's message while the patient is asked for more, else None.
        Psychiatrists write it for the patient's eyes."""
        if self.status != IntakeStatus.INFO_REQUESTED:
            return None
        changes = self.status_changes.filter(to_status=IntakeStatus.INFO_REQUESTED)
        return changes.order_by("-at", "-id").values_list("note", flat=True).first()

    @property
    def is_editable(self) -> bool:
        return self.status == IntakeStatus.DRAFT or (
            self.status == IntakeStatus.INFO_REQUESTED and bool(self.reopened_sections)
        )


class StatusChange(models.Model):
    """One row per status change: who moved the intake, from what, to what, when, and why.

    ``note`` holds a psychiatrist's note or the information-request message, never answers.
    """

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=IntakeStatus.choices)
    to_status = models.CharField(max_length=20, choices=IntakeStatus.choices)
    actor = person_field(blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.from_status} -> {self.to_status}"
