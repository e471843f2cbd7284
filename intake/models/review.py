"""What the review queue stores: psychiatrists' notes and the notifications it owes.

``NotificationOutbox`` is written in the same transaction as the event that owes the
message (a STAT submit, an information request, a visit reminder), so a broker outage can
delay a notification but never lose it: the periodic sweep sends whatever is still owed.
"""

from datetime import UTC, datetime

from django.apps import apps
from django.db import connections, models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce

from intake.clinical.rules import RULES
from portal.fields import person_field

# The queue shows these; drafts and reviewed intakes are out of it unless a filter asks.
OPEN_STATUSES = ("submitted", "in_review", "info_requested")
# Intakes with no visit time sort after every dated visit of the same priority.
VISIT_UNKNOWN = datetime(9999, 12, 31, tzinfo=UTC)
STAT_RANK = 0  # PRIORITY_RANK["stat"] (intake/models/intake.py imports this module)


def queue_open_q() -> Q:
    """The open queue: waiting, in review or asked for more, and the unsent drafts holding a
    saved positive safety answer (in the STAT list, their safety answers only)."""
    return Q(status__in=OPEN_STATUSES) | Q(status="draft", safety_alert_at__isnull=False)


def queue_visit_sort():
    """The visit time a row shows and the order of every priority but STAT."""
    return Coalesce(F("visit_at"), Value(VISIT_UNKNOWN), output_field=models.DateTimeField())


def queue_visit_key():
    """STAT ignores the visit (a high-risk patient with no visit booked must not wait behind
    a lower risk seen tomorrow): one value for all of STAT, so its order goes on to the
    time waiting."""
    return Case(
        When(priority_rank=STAT_RANK, then=Value(VISIT_UNKNOWN)),
        default=queue_visit_sort(),
        output_field=models.DateTimeField(),
    )


def queue_waiting_since():
    """Since when the team could see the intake: the saved safety answer of a draft, else
    the (latest) submission."""
    return Coalesce(F("safety_alert_at"), F("submitted_at"), output_field=models.DateTimeField())


def queue_sort_expressions():
    """The queue's order: priority; within STAT the risk level (intake/safety.py);
    the visit (soonest first; not for STAT); the time waiting (longest first); id (unique).
    The indexes below use the very same expressions, so a keyset page is a range scan."""
    return [
        F("priority_rank"),
        F("risk_rank"),
        queue_visit_key(),
        queue_waiting_since(),
        F("id"),
    ]


def flag_index_name(code: str) -> str:
    """The name of the open queue's index for one flag code (Django allows 30 characters)."""
    return f"queue_flag_{code}"[:30]


def flag_q(code: str) -> Q:
    """The intakes carrying the flag ``code``. On PostgreSQL ``flag_codes ? 'code'`` (a
    string element of the JSON list): the queue's flag filter and the flag indexes' conditions
    use this very expression, so the planner matches them. (On SQLite it reads as an object
    key and is never true: there the indexes stay empty and the filter matches the text.)"""
    return Q(flag_codes__has_key=code)


FLAG_INDEX_PREFIX = "queue_flag_"


def flag_indexes() -> list[models.Index]:
    """Per flag code, the open intakes carrying that flag in queue order: the flag filter's
    page is then a range scan of its own index, however many intakes (or open intakes with
    the flag) there are, where one index over all flags (GIN) finds every open intake with
    the flag and sorts them on each view. Each holds only the open, flagged intakes, so the
    ~20 of them together are smaller than the open queue's one index.

    They follow the rules, not the migrations: ``flag_indexes_sync`` (run after every
    ``migrate``) creates the index of a new rule's code and drops one whose rule is gone, so
    adding a rule needs no migration."""
    return [
        models.Index(
            *queue_sort_expressions(),
            condition=queue_open_q() & flag_q(code),
            name=flag_index_name(code),
        )
        for code in sorted(RULES)
    ]


def flag_indexes_sync(*, using: str = "default") -> tuple[list[str], list[str]]:
    """Make the flag indexes in the database those ``flag_indexes`` declares: create the
    missing ones, drop those of codes no rule raises any more. Returns (created, dropped).
    Idempotent; run by ``migrate`` (``IntakeConfig``), which holds the owner's rights."""
    Intake = apps.get_model("intake", "Intake")
    wanted = {index.name: index for index in flag_indexes()}
    connection = connections[using]
    with connection.cursor() as cursor:
        existing = connection.introspection.get_constraints(cursor, Intake._meta.db_table)
    have = {name for name in existing if name.startswith(FLAG_INDEX_PREFIX)}
    created, dropped = sorted(set(wanted) - have), sorted(have - set(wanted))
    with connection.schema_editor() as editor:
        for name in created:
            editor.add_index(Intake, wanted[name])
        for name in dropped:
            editor.remove_index(Intake, models.Index(fields=["id"], name=name))
    return created, dropped


def queue_indexes() -> list[models.Index]:
    """Indexes matching the queue's order, for keyset pages: one for the open queue (the
    default view), one led by status for a single-status filter (for example, reviewed)."""
    return [
        models.Index(F("status"), *queue_sort_expressions(), name="intake_queue_order"),
        models.Index(*queue_sort_expressions(), condition=queue_open_q(), name="intake_queue_open"),
        # The flag filter on the open queue has one small index per flag code, kept by
        # ``flag_indexes_sync`` rather than here, so that a new rule needs no migration.
        # "Assigned to me" on the open queue, in queue order.
        models.Index(
            F("assignee"),
            *queue_sort_expressions(),
            condition=queue_open_q(),
            name="intake_queue_open_assignee",
        ),
        # "No one yet" and "Take the next one": the open intakes no one has claimed, in
        # queue order. (The index above cannot serve them: PostgreSQL reads "assignee IS
        # NULL" as a condition, not a value, so it would sort; the open queue's own index
        # would step over every claimed intake near the top.)
        models.Index(
            *queue_sort_expressions(),
            condition=queue_open_q() & Q(assignee__isnull=True),
            name="intake_queue_open_unassigned",
        ),
        # The visit-date filter: one day's visits; on the open queue by priority, so each
        # priority's (capped) count and the day's first page read that day's rows only.
        models.Index(fields=["visit_at"], name="intake_visit_at"),
        models.Index(
            fields=["priority_rank", "visit_at"],
            condition=queue_open_q(),
            name="intake_queue_open_visit",
        ),
    ]


class QueueCount(models.Model):
    """How many intakes there are per status, priority, assignee and flag: the queue's
    counts read from a few small rows instead of counted from the intakes.

    On PostgreSQL a trigger on ``intake_intake`` (migration 0007) keeps it, in the same
    transaction as every insert, delete and change of status, priority, assignee, flags or
    safety alert, whoever makes it: the services (submit, transition, claim, release,
    recompute, a saved safety answer), bulk writes, seeding, the admin and cascades alike,
    so it is exact. ``flag`` "" is the row for every intake of that key; each flag code has
    its own row as well. A draft counts only while the queue shows it (a saved positive
    safety answer). ``assignee_key`` is the assignee's id, 0 for no one. Other databases
    (SQLite for ``make run``) count the intakes directly.
    """

    status = models.CharField(max_length=20)
    priority_rank = models.SmallIntegerField()
    assignee_key = models.BigIntegerField(default=0)
    flag = models.CharField(max_length=40, blank=True, default="")
    n = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["status", "priority_rank", "flag", "assignee_key"], name="queue_count_key"
            )
        ]

    def __str__(self):
        return f"{self.status}/{self.priority_rank}/{self.assignee_key}/{self.flag}: {self.n}"


class Note(models.Model):
    """A psychiatrist's note on an intake (clinical text: shown to psychiatrists only)."""

    intake = models.ForeignKey("intake.Intake", on_delete=models.CASCADE, related_name="notes")
    author = person_field()
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Note {self.pk} on intake {self.intake_id}"


class AcknowledgementReason(models.TextChoices):
    CONTACTED_PATIENT = "contacted_patient", "Contacted the patient"
    EMERGENCY_SERVICES = "emergency_services", "Emergency services called"
    SEEN_IN_VISIT = "seen_in_visit", "Seen in a visit"
    NOT_REACHABLE = "not_reachable", "Not reachable: escalated"
    OTHER = "other", "Other"


class StatAcknowledgement(models.Model):
    """Why a STAT intake could be closed: the psychiatrist's acknowledgement, with a reason
    from a short list (``other`` with their words). Written with the closing status change;
    the audit row names the reason, never the words."""

    intake = models.ForeignKey(
        "intake.Intake", on_delete=models.CASCADE, related_name="stat_acknowledgements"
    )
    actor = person_field()
    reason = models.CharField(max_length=20, choices=AcknowledgementReason.choices)
    other = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"STAT acknowledged ({self.reason}) on intake {self.intake_id}"

    @property
    def in_words(self) -> str:
        if self.reason == AcknowledgementReason.OTHER:
            return f"Other: {self.other}"
        return self.get_reason_display()


class NotificationKind(models.TextChoices):
    STAT_INTAKE = "stat_intake", "STAT intake for the on-call psychiatrists"
    INFO_REQUESTED = "info_requested", "Information requested from the patient"
    VISIT_REMINDER = "visit_reminder", "Reminder to finish the intake before the visit"
    STAT_RENOTIFY = "stat_renotify", "STAT intake still unclaimed: on-call again"
    STAT_ESCALATION = "stat_escalation", "STAT intake still unclaimed: escalated"
    CHECKIN_REMINDER = "checkin_reminder", "Reminder of a check-in to answer"


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
    # Set (and committed) before the send: another delivery skips the row while the claim
    # is fresh, so a redelivered task or the sweep does not send it a second time.
    claimed_at = models.DateTimeField(null=True, blank=True)
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


class PdmpCheck(models.Model):
    """A psychiatrist's record that they checked the state prescription drug monitoring
    program (PDMP) for this patient, as is required before a controlled-substance
    prescription. Written by ``pdmp_check_record`` (audited); never edited."""

    intake = models.ForeignKey(
        "intake.Intake", on_delete=models.CASCADE, related_name="pdmp_checks"
    )
    actor = person_field()
    # The state whose PDMP was checked (two letters: where the patient is for the visit).
    state = models.CharField(max_length=2, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"PDMP checked on intake {self.intake_id}"
