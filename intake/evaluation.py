"""The portal's one door to the clinical core: stored answers in, the evaluation out.

The patient intake stores its answers as a dict in the case-file format
(docs/clinical.md); the review queue and the rule re-runs call
``evaluate_answers`` on it. The catalog is checked against the database once per request
(one aggregate query), and at every call outside a request, so an admin's edit counts at the
next page.
"""

import threading
from datetime import date

from django.core.signals import request_finished, request_started
from django.db.models import Count, Max

from intake.answers import without_skipped_pages
from intake.clinical import case as case_format
from intake.clinical.case import CaseError, parse_case
from intake.clinical.catalog import CatalogEntry, MedicineMatch, build_index, match, match_medicine
from intake.clinical.evaluate import evaluate
from intake.models import Medication

__all__ = [
    "CaseError",
    "case_from_answers",
    "case_with_earlier",
    "catalog_entries",
    "evaluate_answers",
    "confirmed_for",
    "counted_class",
    "lists_benzodiazepine",
    "match_medication",
    "medicine_pair",
    "medicine_match",
]


_catalog_memo: dict = {}
# Per thread: inside a request, has the catalog's version been checked yet?
_request = threading.local()


def _request_began(**kwargs) -> None:
    _request.active, _request.checked = True, False


def _request_ended(**kwargs) -> None:
    _request.active = False


request_started.connect(_request_began, dispatch_uid="intake.catalog.request_began")
request_finished.connect(_request_ended, dispatch_uid="intake.catalog.request_ended")


def catalog_entries() -> tuple[CatalogEntry, ...]:
    """The medication catalog as it stands in the database, as plain values.

    Kept per process and re-read when the catalog changes: one aggregate query (count and
    newest edit) tells. A page that looks up several medicines checks once.
    """
    in_request = getattr(_request, "active", False)
    if not (in_request and _request.checked) or "entries" not in _catalog_memo:
        count_and_latest = Medication.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
        version = tuple(count_and_latest.values())
        if _catalog_memo.get("version") != version:
            entries = tuple(row.to_entry() for row in Medication.objects.all())
            _catalog_memo.update(version=version, entries=entries, index=build_index(entries))
        _request.checked = in_request
    return _catalog_memo["entries"]


def case_from_answers(answers: dict) -> dict:
    """The stored answers as the clinical core's case format.

    The pages store a little more than the core reads (for example, per medicine, how its
    name was matched, for the psychiatrist and the patient to see); the case format refuses
    keys it does not know, so only the ones it reads are passed on.
    """
    answers = without_skipped_pages(answers)
    case = {key: value for key, value in answers.items() if key in case_format.TOP_KEYS}
    medications = case.get("medications")
    if isinstance(medications, list):
        case["medications"] = [_medication_case(m) for m in medications]
    return case


def _medication_case(medication) -> dict:
    if not isinstance(medication, dict):
        return medication  # the core reports it, with its path
    case = {k: v for k, v in medication.items() if k in case_format.MEDICATION_KEYS}
    if case.get("confirmed") is not None and not _answer_still_fits(medication):
        del case["confirmed"]  # asked about another drug: as if not asked
    return case


def _answer_still_fits(medication: dict) -> bool:
    """Whether the patient's "Did you mean ...?" answer was given for the drug the name
    matches now. The medicines page records that drug (``generic``); an admin's catalog edit
    since may point the same words at another drug, which the patient never confirmed."""
    if "generic" not in medication or not isinstance(medication.get("name"), str):
        return True  # not written by the medicines page: the answer stands as given
    return medicine_match(medication["name"]).generic == medication["generic"]


def case_with_earlier(answers: dict, earlier_scores: dict | None) -> dict:
    """``case_from_answers`` with the patient's earlier totals from the database
    (``intake.trends``), never anything stored with the answers under that key."""
    data = case_from_answers(answers)
    data.pop("earlier_scores", None)
    if earlier_scores:
        data["earlier_scores"] = earlier_scores
    return data


def evaluate_answers(
    answers: dict, *, as_of: date | None = None, earlier_scores: dict | None = None
) -> dict:
    """Scores, medications, flags and priority for ``answers`` (see ``Evaluation.to_dict``).

    ``as_of`` is the date the age is worked out at (default: the answers' own ``as_of``,
    else today). ``earlier_scores``: the patient's earlier totals in the case format
    (``intake.trends.earlier_scores``), read by the rules on change; never taken from the
    answers. Raises ``CaseError`` (``.path``, ``.message``) on answers that are not valid
    in the case format.
    """
    case = parse_case(case_with_earlier(answers, earlier_scores), as_of=as_of)
    catalog_entries()  # brings the memo up to date; its index is built once per catalog
    return evaluate(case, _catalog_memo["index"]).to_dict()


def match_medication(name: str) -> CatalogEntry | None:
    """The catalog entry a typed medicine name means, or None (free text, class "other")."""
    catalog_entries()  # brings the memo up to date
    return match(name, _catalog_memo["index"])


def medicine_match(name: str) -> MedicineMatch:
    """How a typed medicine name matches the catalog (``MedicineMatch``: exact, alias,
    corrected with a score and a "Did you mean ...?" question, ambiguous, class or none)."""
    catalog_entries()  # brings the memo up to date
    return match_medicine(name, _catalog_memo["index"])


def medicine_pair(answers: dict, evaluation: dict, n: int) -> tuple[dict, dict] | None:
    """The n-th medicine as the patient stored it and as the evaluation counted it, or None
    when they are not the same medicine: while the patient is asked for more, the list may
    have changed since the evaluation, and only the same name at the same place is the same
    medicine."""
    stored = answers.get("medications") or []
    evaluated = evaluation.get("medications") or []
    same = n < min(len(stored), len(evaluated))
    if same and stored[n].get("name") == evaluated[n].get("input"):
        return stored[n], evaluated[n]
    return None


# ---- what a listed medicine counts as ----------------------------------------------------
def confirmed_for(medication: dict, found: MedicineMatch) -> bool | None:
    """The patient's answer to "Did you mean ...?", for the drug the name matches now.

    A "yes" counts only for the drug it was given for (the catalog may have changed since):
    otherwise the answer is unknown (None) and the patient is asked again.
    """
    confirmed = medication.get("confirmed")
    if confirmed is None or medication.get("generic") != found.generic:
        return None
    return confirmed


def counted_class(medication: dict, found: MedicineMatch | None = None) -> str | None:
    """The drug class a listed medicine counts as: a certain match, a corrected one the
    patient confirmed, the candidate picked for an ambiguous name, or a class word
    ("benzos"); None when it is not known."""
    found = found or medicine_match(medication.get("name", "") or "")
    entry = found.used_entry(confirmed_for(medication, found))
    chosen = medication.get("chosen")
    if entry is None and found.kind == "ambiguous" and chosen in found.candidates:
        entry = medicine_match(chosen).entry
    if entry is not None:
        return entry.drug_class
    return found.class_word if found.kind == "class" else None


def lists_benzodiazepine(answers: dict) -> bool:
    """Whether a listed medicine counts as a benzodiazepine: the benzodiazepine pages then
    apply (a corrected name counts from the moment the patient confirms it)."""
    return any(
        counted_class(m) == "benzodiazepine"
        for m in answers.get("medications") or []
        if isinstance(m, dict)
    )
