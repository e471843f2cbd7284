"""Writes to intakes: each keyword-only, atomic, and the one place its change happens.

``intake_transition`` is the only function that changes an intake's status; it writes the
``StatusChange`` row and the audit row in the same transaction.
"""

import hashlib
import json
from collections.abc import Callable
from datetime import date, datetime

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from portal.audit import record

from . import sections as declared
from .clinical.case import parse_case
from .clinical.evaluate import evaluate
from .consent.selectors import (
    CONSENT_TITLE,
    consent_complete,
    consent_missing,
    signature_facts_of_intake,
)
from .drafts import kept_answers
from .evaluation import evaluate_answers
from .follow_up import follow_up_start
from .forms.follow_up import reconciled_medication
from .forms.instruments import note_answered_in
from .models import PRIORITY_RANK, Intake, IntakeKind, IntakeStatus, StatusChange
from .queue_card import queue_card
from .safety import risk_rank_of, safety_answers
from .signals import intake_submitted, safety_answer_saved
from .trends import earlier_scores, earlier_totals_at_submit

__all__ = [
    "IllegalTransition",
    "IncompleteIntake",
    "IntakeLocked",
    "intake_create",
    "last_sent_intake",
    "evaluation_apply",
    "intake_evaluate",
    "intake_keep_draft",
    "intake_request_information",
    "intake_save_answers",
    "intake_save_step",
    "intake_submit",
    "intake_transition",
    "medication_draft_key",
    "medication_fingerprint",
    "medication_list_save",
    "medication_remove",
    "medication_save_page",
    "medication_save_what",
    "medication_upsert",
]

LEGAL_MOVES = {
    (IntakeStatus.DRAFT, IntakeStatus.SUBMITTED),
    (IntakeStatus.SUBMITTED, IntakeStatus.IN_REVIEW),
    (IntakeStatus.IN_REVIEW, IntakeStatus.SUBMITTED),
    (IntakeStatus.IN_REVIEW, IntakeStatus.INFO_REQUESTED),
    (IntakeStatus.INFO_REQUESTED, IntakeStatus.SUBMITTED),
    (IntakeStatus.IN_REVIEW, IntakeStatus.REVIEWED),
    # A check-in that needs no review (intake.checkins.services.checkin_route).
    (IntakeStatus.SUBMITTED, IntakeStatus.RECORDED),
}


# The most medicines the list holds; far above what anyone types in by hand, and within the
# case format's own bound.
MAX_MEDICATIONS = 30
MEDICATIONS = "medications"


class IllegalTransition(Exception):
    pass


class IntakeLocked(Exception):
    """The section is not open to the patient: the intake was submitted, or not reopened."""


class IncompleteIntake(Exception):
    """Submit refused: ``missing`` maps section key -> [(what is missing, step url name)];
    ``consents``: the required consent documents not signed in a version that counts."""

    def __init__(self, missing: dict[str, list[tuple[str, str]]], consents=(), kind=declared.FIRST):
        self.missing = missing
        self.consents = list(consents)
        names = [str(declared.section(key, kind).title) for key in missing]
        names += [str(CONSENT_TITLE)] if self.consents else []
        super().__init__(f"Missing answers in: {', '.join(names)}")


def intake_create(
    *, patient, visit_at: datetime | None = None, kind: str | None = IntakeKind.FIRST
) -> Intake:
    """Open a draft intake for the visit, or return the one the patient already has for it.

    ``kind``: what it asks (``IntakeKind``). A follow-up starts from the answers of the last
    intake the patient sent (``intake.follow_up``); with none sent, it is a first visit.
    ``None``: a follow-up when the patient has sent one before, else a first visit (what a
    returning patient gets unless staff chose otherwise)."""
    if visit_at is not None:
        existing = Intake.objects.filter(patient=patient, visit_at=visit_at).first()
        if existing:
            return existing
    kind, answers, details = _opening(patient, kind)
    try:
        with transaction.atomic():
            intake = Intake.objects.create(
                patient=patient, visit_at=visit_at, kind=kind, answers=answers, details=details
            )
            record(actor=patient, action="intake.created", obj=intake)
    except IntegrityError:
        # A concurrent request opened it first: the unique constraint keeps one.
        return Intake.objects.get(patient=patient, visit_at=visit_at)
    return intake


def _opening(patient, kind: str | None) -> tuple[IntakeKind, dict, dict]:
    """(kind, answers, details) a new intake opens with."""
    if kind not in (None, IntakeKind.FOLLOW_UP):
        return IntakeKind(kind), {}, {}
    last = last_sent_intake(patient)
    if last is None:
        return IntakeKind.FIRST, {}, {}
    answers, details = follow_up_start(
        last.answers or {}, last.details or {}, last_id=str(last.public_id)
    )
    return IntakeKind.FOLLOW_UP, answers, details


def last_sent_intake(patient) -> Intake | None:
    """The patient's latest sent first-visit or follow-up intake (a check-in asks too
    little to start a follow-up from), or None."""
    return (
        Intake.objects.filter(patient=patient, submitted_at__isnull=False)
        .exclude(kind=IntakeKind.CHECK_IN)
        .order_by("-submitted_at")
        .first()
    )


def intake_transition(
    *, intake: Intake, to: IntakeStatus, actor, note: str = "", row_locked: bool = False
) -> Intake:
    """Move the intake to ``to`` or raise ``IllegalTransition``; history and audit included.

    ``row_locked``: the caller read ``intake`` with ``select_for_update`` in the transaction
    still open, so its status is the row's own: it is not read again, and the whole row is
    saved with the new status, the caller's unsaved changes with it, in one UPDATE.
    """
    to = IntakeStatus(to)
    with transaction.atomic(savepoint=not row_locked):
        if row_locked:
            from_status = IntakeStatus(intake.status)
        else:
            # Decide on the row as it is now, not on a copy another request may have outdated.
            current = Intake.objects.select_for_update().values_list("status", flat=True)
            from_status = IntakeStatus(current.get(pk=intake.pk))
        if (from_status, to) not in LEGAL_MOVES:
            raise IllegalTransition(f"{from_status} -> {to} is not allowed")
        intake.status = to
        if row_locked:
            intake.save()
        else:
            intake.updated_at = timezone.now()
            Intake.objects.filter(pk=intake.pk).update(status=to, updated_at=intake.updated_at)
        StatusChange.objects.create(
            intake=intake, from_status=from_status, to_status=to, actor=actor, note=note
        )
        record(actor=actor, action=f"intake.status.{to}", obj=intake)
    return intake


def intake_save_answers(
    *,
    intake: Intake,
    section: str,
    update: Callable[[dict, dict], None],
    visit_at: datetime | None = None,
    row_locked: bool = False,
) -> Intake:
    """Apply one page's answers to the intake as it is in the database now.

    ``update(answers, details)`` changes copies of the stored answers under the row lock, so
    two tabs saving different pages never overwrite each other. Raises ``IntakeLocked`` when
    the section is no longer open to the patient (for example, submitted in another tab).
    ``row_locked``: the caller read ``intake`` with ``select_for_update`` in the transaction
    still open (``intake_for_update``), so the row is not read a second time.
    """
    with transaction.atomic():
        locked = intake if row_locked else Intake.objects.select_for_update().get(pk=intake.pk)
        if not locked.editable_section(section):
            raise IntakeLocked
        answers, details = dict(locked.answers), dict(locked.details)
        update(answers, details)
        locked.answers, locked.details = answers, details
        fields = ["answers", "details", "updated_at"]
        if _open_sections_the_answers_now_need(locked):
            fields.append("reopened_sections")
        if visit_at is not None:
            locked.visit_at = visit_at
            fields.append("visit_at")
        newly_alerted = _put_safety_answers_before_the_team(locked, fields)
        locked.save(update_fields=fields)
        if newly_alerted:
            record(actor=None, action="intake.safety_alert", obj=locked)
            safety_answer_saved.send(sender=Intake, intake=locked)
    intake.answers, intake.details, intake.visit_at = (
        locked.answers,
        locked.details,
        locked.visit_at,
    )
    intake.reopened_sections = locked.reopened_sections
    for name in SAFETY_ALERT_FIELDS:
        setattr(intake, name, getattr(locked, name))
    return intake


def medication_fingerprint(medication: dict) -> str:
    """Names one medicine in a change or remove form by its content, so a stale tab acts on
    the medicine it showed, never on one that has since moved into its place."""
    text = json.dumps(medication, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _position(items: list[dict], key: str) -> int | None:
    return next((n for n, m in enumerate(items) if key and medication_fingerprint(m) == key), None)


def medication_upsert(*, intake: Intake, medication: dict, key: str = "") -> Intake:
    """Replace the medicine whose fingerprint is ``key``, wherever it is now, or add it.

    If that medicine has gone (another tab removed it), the change is added as a new
    medicine; a full list takes nothing more. Raises ``IntakeLocked``.
    """

    def update(answers, details):
        items = list(answers.get(MEDICATIONS) or [])
        position = _position(items, key)
        earlier = items[position] if position is not None else None
        # A follow-up's medicine keeps its reconciliation status (changed once its dose is).
        saved = reconciled_medication(
            earlier, medication, follow_up=intake.kind == IntakeKind.FOLLOW_UP
        )
        if position is not None:
            items[position] = saved
        elif len(items) < MAX_MEDICATIONS:
            items.append(saved)
        answers[MEDICATIONS] = items
        details["seen"] = sorted({*details.get("seen", []), MEDICATIONS})
        pending = details.get("pending") or {}
        details["pending"] = {k: v for k, v in pending.items() if k != medication_draft_key(key)}

    return intake_save_answers(intake=intake, section=MEDICATIONS, update=update)


def medication_list_save(*, intake: Intake, form) -> bool:
    """The medicines list's own question (is there another?): stored when answered;
    answer whether it was. Raises ``IntakeLocked``."""
    if not form.is_valid():
        return False

    def update(answers, details):
        form.store(answers, details)
        details["seen"] = sorted({*details.get("seen", []), MEDICATIONS})

    intake_save_answers(intake=intake, section=MEDICATIONS, update=update)
    return True


def medication_draft_key(key: str) -> str:
    """Where an unfinished medicine page is kept: per medicine changed, or the new one."""
    return f"medication:{key or 'new'}"


def medication_save_what(*, intake: Intake, form, key: str = "") -> bool:
    """The first page of a medicine ("What you take", ``form.part == "what"``): its valid
    answers join the medicine's kept draft (answers kept from its second page stay), so the
    second page, a reload or a later visit shows them. Nothing is stored as the patient's
    medicine yet. Answer whether the page was complete. Raises ``IntakeLocked``."""
    complete = form.is_valid() and not form.awaiting_confirmation
    # An answer to "Did you mean ...?" holds for the drug it was given for (as a stored
    # medicine's ``generic``): kept with it, the second page can tell.
    answered = {"confirmed_generic": form.found.generic} if "confirm_match" in form.fields else {}
    intake_keep_draft(
        intake=intake,
        section=MEDICATIONS,
        draft_key=medication_draft_key(key),
        form=form,
        merge=True,
        also=answered if complete else {},
    )
    return complete


def medication_save_page(*, intake: Intake, form, key: str = "") -> bool:
    """Store the medicine of a complete page (``medication_upsert``), else keep the page's
    valid answers as a draft; answer whether it was complete. Raises ``IntakeLocked``.

    A page whose name awaits "Did you mean ...?" (``form.awaiting_confirmation``) is not
    complete: nothing is stored as the patient's medicine until they answer it.
    """
    if form.is_valid() and not form.awaiting_confirmation:
        medication_upsert(intake=intake, medication=form.medication(), key=key)
        return True
    intake_keep_draft(
        intake=intake, section=MEDICATIONS, draft_key=medication_draft_key(key), form=form
    )
    return False


def medication_remove(*, intake: Intake, key: str) -> Intake:
    """Remove one copy of the medicine whose fingerprint is ``key`` (by content, not by
    position: another tab may have changed the list); nothing if it has gone.
    Raises ``IntakeLocked``."""

    def update(answers, details):
        items = list(answers.get(MEDICATIONS) or [])
        position = _position(items, key)
        if position is not None:
            items.pop(position)
        answers[MEDICATIONS] = items

    return intake_save_answers(intake=intake, section=MEDICATIONS, update=update)


def _put_safety_answers_before_the_team(intake: Intake, fields: list[str]) -> bool:
    """A draft saved with a positive safety answer joins the STAT list at once, unsent: its
    stored evaluation and risk come from the safety answers alone (nothing else of a draft
    is shown to staff), set as every evaluation is (``evaluation_apply``: its flags, so the
    flag filter finds it, its risk rank and its queue card). Adds the changed fields to
    ``fields``; True when the intake is new to the list. A later "no" leaves it there: the
    team has been told, and decides."""
    if intake.status != IntakeStatus.DRAFT:
        return False
    safety = safety_answers(intake.answers, intake.details)
    if not safety.positive:
        return False
    # No medicines in a safety-only case: the catalog is not needed. The answers are typed
    # and only those the screener asks, so the case format takes them.
    evaluation = evaluate(parse_case(safety.case()), ()).to_dict()
    evaluation_apply(intake=intake, evaluation=evaluation, unsent=True)
    newly = intake.safety_alert_at is None
    intake.safety_alert_at = intake.safety_alert_at or timezone.now()
    fields.extend(SAFETY_ALERT_FIELDS)
    return newly


def intake_save_step(*, intake: Intake, step_key: str, form, row_locked: bool = False) -> bool:
    """Save one page's answers, complete or not; answer whether the page was complete.

    ``form`` is the page's bound ``StepForm``. A valid page is stored whole (and its kept
    answers dropped). An incomplete one keeps every answer that was valid, safety answers
    too, as a draft in ``details["pending"]``, so nothing typed is lost and a positive safety
    answer is on record at once. Raises ``IntakeLocked`` like ``intake_save_answers``.
    """
    if form.is_valid():
        _store_step(intake=intake, step_key=step_key, form=form, row_locked=row_locked)
        return True
    intake_keep_draft(
        intake=intake,
        section=declared.section_of_step(step_key, intake.kind),
        draft_key=step_key,
        form=form,
        row_locked=row_locked,
    )
    return False


def _store_step(*, intake: Intake, step_key: str, form, row_locked: bool) -> None:
    page = declared.questionnaire_for(intake).steps_by_key.get(step_key)

    def update(answers, details):
        form.store(answers, details)
        # The language, and an instrument's words, the page was answered in (issue 26).
        note_answered_in(details, step_key=step_key, instrument_id=getattr(page, "instrument", ""))
        pending = details.get("pending") or {}
        details["pending"] = {k: v for k, v in pending.items() if k != step_key}
        details["seen"] = sorted({*details.get("seen", []), step_key})

    intake_save_answers(
        intake=intake,
        section=declared.section_of_step(step_key, intake.kind),
        update=update,
        visit_at=getattr(form, "visit_at", None),
        row_locked=row_locked,
    )


def intake_keep_draft(
    *,
    intake: Intake,
    section: str,
    draft_key: str,
    form,
    row_locked: bool = False,
    merge: bool = False,
    also: dict | None = None,
) -> Intake:
    """Keep the valid answers of an incomplete page (a bound, invalid form) under
    ``details["pending"][draft_key]``, replacing what was kept there before (``merge``:
    only the answers to this form's questions; a draft one answer spread over two pages
    keeps the other page's). The page shows them again when it is opened; they count for
    crisis help (``intake.safety``). Each is kept typed, as the form cleaned it
    (``intake.drafts.kept_answers``). ``also``: more to keep with them."""
    kept = kept_answers(form) | (also or {})

    def update(answers, details):
        pending = details.get("pending") or {}
        earlier = (pending.get(draft_key) or {}) if merge else {}
        others = {k: v for k, v in earlier.items() if k not in form.fields}
        details["pending"] = {**pending, draft_key: {**others, **kept}}

    return intake_save_answers(intake=intake, section=section, update=update, row_locked=row_locked)


def _open_sections_the_answers_now_need(intake: Intake) -> bool:
    """While information is requested, a change in a reopened section can make another
    section apply (a benzodiazepine added to the medicines asks for its history). The
    patient could not answer it, nor resubmit, so that section opens too. Returns whether
    the reopened sections changed."""
    if intake.status != IntakeStatus.INFO_REQUESTED:
        return False
    wanted = set(declared.missing_answers(intake.answers, intake.details, intake.kind)) - set(
        intake.reopened_sections
    )
    if not wanted:
        return False
    opened = {*intake.reopened_sections, *wanted}
    intake.reopened_sections = [
        key for key in declared.questionnaire_for(intake).section_keys if key in opened
    ]
    return True


def intake_evaluate(*, intake: Intake, as_of: date | None = None) -> Intake:
    """Run the clinical core on the stored answers and store what the queue shows.

    Used to recompute flags when the rules change (the submit evaluates in its own UPDATE).
    Raises the clinical core's ``CaseError`` on answers it cannot read.
    """
    _apply_evaluation(intake, as_of)
    intake.save(update_fields=[*EVALUATED_FIELDS, "updated_at"])
    return intake


# What an evaluation sets on the intake row.
EVALUATED_FIELDS = (
    "evaluation",
    "priority",
    "priority_rank",
    "risk_rank",
    "flag_codes",
    "age",
    "queue_card",
)
# What a saved positive safety answer sets on a draft.
SAFETY_ALERT_FIELDS = ("safety_alert_at", *EVALUATED_FIELDS)


def _apply_evaluation(intake: Intake, as_of: date | None, totals: list | None = None) -> None:
    # The patient's earlier totals come from the database here (or with the submit's read of
    # the intake: ``totals``), so the core stays pure.
    earlier = earlier_scores(intake, totals)
    evaluation = evaluate_answers(intake.answers, as_of=as_of, earlier_scores=earlier)
    evaluation_apply(intake=intake, evaluation=evaluation)


def evaluation_apply(*, intake: Intake, evaluation: dict, unsent: bool = False) -> None:
    """Set ``evaluation`` on ``intake`` with what the queue reads from it (not saved).
    ``unsent``: the evaluation of an unsent draft's safety answers; its card then holds
    nothing of the other answers (the team sees only the safety answers)."""
    intake.evaluation = evaluation
    intake.priority = evaluation["priority"]
    intake.priority_rank = PRIORITY_RANK[evaluation["priority"]]
    # A sent intake is ranked on what was evaluated, its answers; an unsent one on its
    # safety answers, kept ones included.
    details = intake.details if unsent else None
    intake.risk_rank = risk_rank_of(intake.answers, details, evaluation)
    intake.flag_codes = [flag["code"] for flag in evaluation.get("flags", [])]
    intake.age = evaluation.get("age")
    intake.queue_card = queue_card(evaluation, {} if unsent else intake.answers)


def _tidy_answers(answers: dict) -> dict:
    """Drop answers the patient's later changes made moot, so the stored case is clean."""
    return declared.without_moot_answers(answers)


def submit_reads() -> dict:
    """What ``intake_submit`` reads besides the intake, as columns for the caller's locked
    read of it (PostgreSQL; elsewhere nothing, and the submit reads them itself): the
    consent signatures' facts and the patient's earlier totals, in the same statement."""
    if connection.vendor != "postgresql":
        return {}
    return {
        "signature_facts": signature_facts_of_intake(),
        "earlier_totals": earlier_totals_at_submit(),
    }


def intake_submit(*, intake_id: int | None = None, patient, locked: Intake | None = None) -> Intake:
    """Submit the patient's intake exactly once.

    Row-locked: a double click, a retry or a second tab gets the already-submitted intake
    back with no second status change and no second ``intake_submitted``. Raises
    ``IncompleteIntake`` when required answers are missing or a required consent document
    is not signed in a version that counts, ``Intake.DoesNotExist`` when
    the intake is not this patient's. ``locked``: the caller read the patient's intake with
    ``select_for_update`` in the transaction still open (the submit view), so the row is
    not read a second time; the submit then adds no savepoint of its own, and the caller
    must let its transaction roll back on an error. A ``locked`` read with ``submit_reads()``
    brings the signatures' facts and the earlier totals, which are then not read again.

    The answers, the evaluation and the status go to the row in one UPDATE.
    """
    with transaction.atomic(savepoint=locked is None):
        intake = locked or Intake.objects.select_for_update().get(pk=intake_id, patient=patient)
        if intake.status not in (IntakeStatus.DRAFT, IntakeStatus.INFO_REQUESTED):
            return intake
        missing = declared.missing_answers(intake.answers, intake.details, intake.kind)
        facts = getattr(intake, "signature_facts", None)
        unsigned = [] if consent_complete(intake, facts) else consent_missing(intake)
        if missing or unsigned:
            raise IncompleteIntake(missing, unsigned, intake.kind)
        now = timezone.now()
        intake.answers = _tidy_answers(intake.answers)
        intake.details = {**intake.details, "pending": {}}
        intake.reopened_sections = []
        intake.submitted_at = now
        intake.first_submitted_at = intake.first_submitted_at or now
        intake.submission_count += 1
        totals = getattr(intake, "earlier_totals", None)
        _apply_evaluation(intake, timezone.localdate(now), totals)
        intake_transition(intake=intake, to=IntakeStatus.SUBMITTED, actor=patient, row_locked=True)
        intake_submitted.send(sender=Intake, intake=intake)
    return intake


def intake_request_information(
    *, intake: Intake, actor, sections: list[str], message: str
) -> Intake:
    """A psychiatrist asks the patient for more: reopen the named sections for editing."""
    keys = declared.questionnaire_for(intake).section_keys
    unknown = [key for key in sections if key not in keys]
    if not sections or unknown:
        raise ValueError(f"Unknown or no sections: {unknown}")
    with transaction.atomic():
        intake = Intake.objects.select_for_update().get(pk=intake.pk)
        intake_transition(intake=intake, to=IntakeStatus.INFO_REQUESTED, actor=actor, note=message)
        intake.reopened_sections = [key for key in keys if key in sections]
        intake.save(update_fields=["reopened_sections", "updated_at"])
    return intake
