"""What the team is owed when an intake turns STAT: the first message (a STAT submission, or
a positive safety answer saved in a draft) and the escalation ladder's later steps. Each is
an outbox row written in the caller's transaction (``outbox.notification_owe``)."""

from datetime import datetime

from django.utils import timezone

from ..models import Intake, NotificationKind
from .ladder import due_steps
from .outbox import notification_owe

UNSENT_KEY = "unsent-safety-answer"


def stat_owed_for_unsent_safety_answer(*, intake: Intake) -> None:
    """A positive safety answer saved in a draft owes the on-call psychiatrists the STAT
    message (once per intake: the key is the same however often the patient saves)."""
    notification_owe(kind=NotificationKind.STAT_INTAKE, intake=intake, key=UNSENT_KEY)


def stat_owed_on_submit(*, intake: Intake) -> None:
    """A STAT submission owes the on-call psychiatrists a message (once per submission)."""
    if intake.priority == "stat":
        notification_owe(
            kind=NotificationKind.STAT_INTAKE,
            intake=intake,
            key=f"submission-{intake.submission_count}",
        )


def stat_ladder_run(*, now: datetime | None = None) -> int:
    """Owe every ladder step that is due and not owed yet; returns how many were owed now."""
    now = now or timezone.now()
    return sum(
        notification_owe(kind=kind, intake=intake, key=key) is not None
        for kind, intake, key in due_steps(now=now)
    )
