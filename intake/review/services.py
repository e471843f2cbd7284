"""Writes of the review queue: claim, release, take the next one, notes, information
requests and marking reviewed. Each is keyword-only and atomic, changes status only through
``intake.services.intake_transition`` and writes its audit row.

Claiming locks the intake row (``select_for_update(skip_locked=True)`` on PostgreSQL), so
two psychiatrists never hold the same intake; the loser gets ``ClaimRefused`` naming who
holds it.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from portal.audit import record

from ..models import (
    AcknowledgementReason,
    Intake,
    IntakeStatus,
    Note,
    NotificationKind,
    PdmpCheck,
    StatAcknowledgement,
)
from ..notifications.outbox import notification_owe
from ..services import intake_request_information, intake_transition
from .selectors import next_unclaimed


class ClaimRefused(Exception):
    """The intake cannot be claimed by this user; ``holder`` is who has it (or None)."""

    def __init__(self, message: str, holder=None):
        super().__init__(message)
        self.holder = holder


class NotHolder(Exception):
    """Only the psychiatrist holding the intake (in review) may do this."""


def _holder_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "someone else"


def _lock(intake_id: int) -> Intake:
    """The row, locked. If another claim holds the lock, wait for it to finish and read
    the outcome, so the loser learns who won rather than a stale "unassigned"."""
    row = Intake.objects.select_for_update(skip_locked=True).filter(pk=intake_id).first()
    if row is None:
        row = Intake.objects.select_for_update().get(pk=intake_id)
    return row


def _waiting(intake: Intake) -> bool:
    """Waiting for someone: submitted, or unsent with a positive safety answer (claimed
    without a status change: the patient is still filling it in)."""
    return intake.status == IntakeStatus.SUBMITTED or intake.is_safety_draft


def _assign(intake: Intake, user) -> Intake:
    intake.assignee = user
    intake.assigned_at = timezone.now()
    # updated_at moves with every change the queue shows (it keys the queue's page cache).
    Intake.objects.filter(pk=intake.pk).update(
        assignee=user, assigned_at=intake.assigned_at, updated_at=intake.assigned_at
    )
    if intake.status == IntakeStatus.SUBMITTED:
        intake_transition(intake=intake, to=IntakeStatus.IN_REVIEW, actor=user)
    record(actor=user, action="intake.claimed", obj=intake)
    return intake


def intake_claim(*, intake_id: int, user) -> Intake:
    """Hold the intake for review (submitted -> in review; an unsent intake with a positive
    safety answer stays a draft, held). Claiming one you already hold is a no-op. Raises
    ``ClaimRefused`` when someone else holds it or it is not waiting."""
    with transaction.atomic():
        intake = _lock(intake_id)
        if intake.assignee_id == user.pk and (
            intake.status == IntakeStatus.IN_REVIEW or intake.is_safety_draft
        ):
            return intake
        if intake.assignee_id not in (None, user.pk):
            holder = intake.assignee
            raise ClaimRefused(f"{_holder_name(holder)} has already claimed it.", holder)
        if not _waiting(intake):
            raise ClaimRefused(f"It is {intake.get_status_display().lower()}, not waiting.")
        return _assign(intake, user)


# "Take the next one" pressed again this soon is a double-click: it answers the intake
# just taken rather than quietly holding a second one nobody is looking at.
TAKE_NEXT_REPEAT_SECONDS = 5


def intake_take_next(*, user) -> Intake | None:
    """Claim the top unclaimed intake of the queue, skipping rows another psychiatrist is
    claiming at this very moment; None when nothing is waiting."""
    with transaction.atomic():
        # One take at a time per psychiatrist, so a double-click's two requests see each other.
        get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
        recent = timezone.now() - timedelta(seconds=TAKE_NEXT_REPEAT_SECONDS)
        just_taken = (
            Intake.objects.filter(assignee=user, assigned_at__gte=recent)
            .filter(Q(status=IntakeStatus.IN_REVIEW) | Q(status=IntakeStatus.DRAFT))
            .order_by("-assigned_at")
            .first()
        )
        if just_taken is not None:
            return just_taken
        intake = next_unclaimed().select_for_update(skip_locked=True).first()
        return None if intake is None else _assign(intake, user)


def _held(intake_id: int, user, *, unsent_too: bool = False) -> Intake:
    intake = Intake.objects.select_for_update().get(pk=intake_id)
    in_hand = intake.status == IntakeStatus.IN_REVIEW or (unsent_too and intake.is_safety_draft)
    if not in_hand or intake.assignee_id != user.pk:
        raise NotHolder("Claim the intake first.")
    return intake


def intake_release(*, intake_id: int, user) -> Intake:
    """Give a held intake back to the queue (in review -> submitted, unassigned; an unsent
    one stays a draft)."""
    with transaction.atomic():
        intake = _held(intake_id, user, unsent_too=True)
        if intake.status == IntakeStatus.IN_REVIEW:
            intake_transition(intake=intake, to=IntakeStatus.SUBMITTED, actor=user)
        intake.assignee, intake.assigned_at = None, None
        Intake.objects.filter(pk=intake.pk).update(
            assignee=None, assigned_at=None, updated_at=timezone.now()
        )
        record(actor=user, action="intake.released", obj=intake)
    return intake


# The same note from the same author this soon after is a double-click, not a new note.
DUPLICATE_NOTE_SECONDS = 30


def note_add(*, intake: Intake, author, body: str) -> Note:
    """Add a note; sending the same note twice in a row (a double-click) keeps one."""
    body = body.strip()
    with transaction.atomic():
        # Serialises notes on this intake, so two simultaneous double posts see each other.
        Intake.objects.select_for_update().filter(pk=intake.pk).exists()
        recent = timezone.now() - timedelta(seconds=DUPLICATE_NOTE_SECONDS)
        same = intake.notes.filter(author=author, body=body, created_at__gte=recent).first()
        if same is not None:
            return same
        note = Note.objects.create(intake=intake, author=author, body=body)
        record(actor=author, action="intake.note_added", obj=intake)
    return note


def pdmp_check_record(*, intake: Intake, user) -> PdmpCheck:
    """Record that ``user`` checked the state PDMP for this intake's patient (the state the
    patient is in for the visit). A second click within the double-click window keeps one
    record. Audited (the row names the intake, never the state's findings)."""
    state = ((intake.details or {}).get("contact") or {}).get("visit_state") or ""
    with transaction.atomic():
        Intake.objects.select_for_update().filter(pk=intake.pk).exists()
        recent = timezone.now() - timedelta(seconds=DUPLICATE_NOTE_SECONDS)
        same = intake.pdmp_checks.filter(actor=user, at__gte=recent).first()
        if same is not None:
            return same
        check = PdmpCheck.objects.create(intake=intake, actor=user, state=state)
        record(actor=user, action="intake.pdmp_checked", obj=intake)
    return check


def intake_ask_patient(*, intake_id: int, user, sections: list[str], message: str) -> Intake:
    """Reopen ``sections`` for the patient with ``message`` (kept in the status history)
    and owe the patient an email that holds only a link."""
    with transaction.atomic():
        intake = _held(intake_id, user)
        intake = intake_request_information(
            intake=intake, actor=user, sections=sections, message=message.strip()
        )
        notification_owe(
            kind=NotificationKind.INFO_REQUESTED,
            intake=intake,
            key=f"request-{intake.status_changes.count()}",
        )
    return intake


class AcknowledgementRequired(ValueError):
    """A STAT intake is closed only with an acknowledgement: a reason from the list, and
    words for "other"."""


def _acknowledge(intake: Intake, user, reason: str, other: str) -> None:
    if reason not in AcknowledgementReason.values:
        raise AcknowledgementRequired("Choose what was done about the safety concern.")
    other = other.strip() if reason == AcknowledgementReason.OTHER else ""
    if reason == AcknowledgementReason.OTHER and not other:
        raise AcknowledgementRequired("Say what was done.")
    StatAcknowledgement.objects.create(intake=intake, actor=user, reason=reason, other=other)
    record(actor=user, action=f"intake.stat_acknowledged.{reason}", obj=intake)


def intake_mark_reviewed(
    *, intake_id: int, user, note: str, acknowledgement: str = "", acknowledgement_other: str = ""
) -> Intake:
    """Finish the review with a closing note (in review -> reviewed). A STAT intake needs
    an acknowledgement too (``AcknowledgementRequired`` otherwise): why it can be closed."""
    with transaction.atomic():
        intake = _held(intake_id, user)
        if intake.priority == "stat":
            _acknowledge(intake, user, acknowledgement, acknowledgement_other)
        intake_transition(intake=intake, to=IntakeStatus.REVIEWED, actor=user, note=note.strip())
    return intake
