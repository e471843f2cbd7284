"""The STAT escalation ladder: a STAT intake nobody has claimed is not left with one email.

Counted from when the team could first see it (the submission, or for an unsent intake the
saved positive safety answer):

1. at once: the on-call group (``stat_owed_on_submit`` and the unsent-safety message);
2. after ``STAT_RENOTIFY_MINUTES``: the on-call group again;
3. after ``STAT_ESCALATE_MINUTES``: ``ESCALATION_GROUP`` (Clinical leads).

Each step is one outbox row, unique per intake, step and episode (one submission, or the
unsent draft), so running the ladder again owes nothing new: exactly once. Beat runs
``services.stat_ladder_run`` every minute (``intake.tasks.escalate_unclaimed_stat``); the outbox's
own contract (written first, sent after commit, swept every minute) carries each step
through a broker outage or a worker lost mid-send. Claiming stops the ladder: a claimed
intake owes no further step, and a step owed but not yet sent when it is claimed goes to
no one.
"""

from collections.abc import Iterator
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet

from ..models import Intake, IntakeStatus, NotificationKind
from ..models.review import STAT_RANK

LADDER_KINDS = (NotificationKind.STAT_RENOTIFY, NotificationKind.STAT_ESCALATION)


def _steps() -> list[tuple[str, str, int]]:
    return [
        ("renotify", NotificationKind.STAT_RENOTIFY, settings.STAT_RENOTIFY_MINUTES),
        ("escalate", NotificationKind.STAT_ESCALATION, settings.STAT_ESCALATE_MINUTES),
    ]


def _unclaimed_stat() -> QuerySet:
    """STAT intakes waiting for someone: submitted, or unsent with a safety answer."""
    waiting = Q(status=IntakeStatus.SUBMITTED) | Q(
        status=IntakeStatus.DRAFT, safety_alert_at__isnull=False
    )
    # By priority_rank, not priority: the open queue's assignee index then finds them.
    return Intake.objects.filter(waiting, priority_rank=STAT_RANK, assignee__isnull=True)


def _seen_before(moment: datetime) -> Q:
    """Visible to the team since before ``moment`` (the ladder's clock, per episode)."""
    return Q(status=IntakeStatus.SUBMITTED, submitted_at__lte=moment) | Q(
        status=IntakeStatus.DRAFT, safety_alert_at__lte=moment
    )


def ladder_episode(intake: Intake) -> str:
    """Each submission starts its own ladder; so does an unsent intake's safety answer."""
    if intake.status == IntakeStatus.DRAFT:
        return "unsent"
    return f"submission-{intake.submission_count}"


def due_steps(*, now: datetime) -> Iterator[tuple[str, Intake, str]]:
    """Every ladder step due at ``now``: (kind, intake, outbox key). Owing one twice is a
    no-op (the key is unique per intake, step and episode)."""
    for step, kind, minutes in _steps():
        due = _unclaimed_stat().filter(_seen_before(now - timedelta(minutes=minutes)))
        for intake in due.only("pk", "status", "submission_count").iterator(chunk_size=500):
            yield kind, intake, f"{step}-{ladder_episode(intake)}"


def still_unclaimed(intake: Intake) -> bool:
    """At send time: is the step still wanted? (Claimed or closed meanwhile: no.)"""
    return _unclaimed_stat().filter(pk=intake.pk).exists()
