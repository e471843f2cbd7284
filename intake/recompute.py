"""Re-run the clinical rules on every open intake when the rules change, in bulk."""

from dataclasses import dataclass
from itertools import islice

from django.db import transaction
from django.utils import timezone

from portal.audit import record

from .clinical.case import CaseError, parse_case
from .clinical.catalog import build_index
from .clinical.evaluate import evaluate
from .evaluation import case_with_earlier, catalog_entries
from .models import Intake
from .models.review import OPEN_STATUSES
from .notifications.services import stat_owed_on_submit
from .services import EVALUATED_FIELDS, evaluation_apply
from .trends import earlier_scores_of

BATCH = 500
FIELDS = list(EVALUATED_FIELDS)


@dataclass(frozen=True)
class RecomputeResult:
    checked: int
    changed: int
    priority_changed: int
    failed: int


def _fresh(intake: Intake, entries, earlier: dict | None = None) -> dict:
    """The evaluation the current rules give, as of the submission date (so ages agree
    with what the patient answered), with the patient's earlier totals (``earlier``)."""
    as_of = timezone.localdate(intake.submitted_at) if intake.submitted_at else None
    case = parse_case(case_with_earlier(intake.answers, earlier), as_of=as_of)
    return evaluate(case, entries).to_dict()


def _apply(intake: Intake, evaluation: dict) -> None:
    evaluation_apply(intake=intake, evaluation=evaluation)
    intake.updated_at = timezone.now()


def _save(batch: list[Intake]) -> None:
    with transaction.atomic():
        Intake.objects.bulk_update(batch, [*FIELDS, "updated_at"], batch_size=BATCH)
        for intake in batch:
            record(actor=None, action="intake.recomputed", obj=intake)
            # A rule change that makes an intake STAT owes the on-call a message.
            stat_owed_on_submit(intake=intake)


def _with_earlier_scores(rows):
    """Each intake with its patient's earlier totals, read one query per ``BATCH`` rows."""
    rows = iter(rows)
    while chunk := list(islice(rows, BATCH)):
        earlier = earlier_scores_of(chunk)
        for intake in chunk:
            yield intake, earlier[intake.pk]


def intakes_recompute() -> RecomputeResult:
    """Recompute scores, flags and priority of every open intake; store those that changed.

    The catalog is read once; rows are read and written in batches of ``BATCH``.
    """
    entries = build_index(catalog_entries())  # the matcher's index, built once for all
    checked = changed = priority_changed = failed = 0
    batch: list[Intake] = []
    rows = Intake.objects.filter(status__in=OPEN_STATUSES).only(
        "patient", "answers", "submitted_at", "submission_count", *FIELDS
    )
    for intake, earlier in _with_earlier_scores(rows.order_by("pk").iterator(chunk_size=BATCH)):
        checked += 1
        try:
            evaluation = _fresh(intake, entries, earlier)
        except CaseError:
            failed += 1
            continue
        if evaluation == intake.evaluation:
            continue
        changed += 1
        priority_changed += evaluation["priority"] != intake.priority
        _apply(intake, evaluation)
        batch.append(intake)
        if len(batch) >= BATCH:
            _save(batch)
            batch = []
    if batch:
        _save(batch)
    return RecomputeResult(checked, changed, priority_changed, failed)
