"""What the stored answers say, read without the catalog or the database: the answer keys a
page owns and the gate answers that decide whether a later page is asked.

The answer keys of the pages the clinical core reads are its case-format dataclasses
(``intake.clinical.case``): declared there once, read here. Pure functions of the answers
mapping, so the evaluation, the forms and the questionnaire's declaration can all use them.
"""

from intake.clinical import case


def _keys(kind) -> tuple[str, ...]:
    return tuple(kind.__dataclass_fields__)


# "In the past 12 months, have you used drugs other than for medical reasons?": the
# DAST-10 is asked only after "yes" (kept with the other substance answers).
DRUG_USE_GATE = "drug_use_past_year"
SUBSTANCE_KEYS = tuple(key for key in _keys(case.Substances) if key != DRUG_USE_GATE)
BENZO_HISTORY_KEYS = _keys(case.BenzoHistory)
# "Falls and driving" has its own page; the rest of the side effects share one.
FALLS_DRIVING_KEYS = ("falls", "driving")
SIDE_EFFECT_KEYS = tuple(k for k in _keys(case.SideEffects) if k not in FALLS_DRIVING_KEYS)
HEALTH_KEYS = _keys(case.Health)
# Past medicines for mood or anxiety: up to this many rows on their own page, asked only
# after "yes" to "Have you taken other medicines for mood or anxiety in the past?" (kept
# with the other psychiatric history answers).
PAST_MEDICINE_ROWS = 3
PAST_MEDICINES_GATE = "took_past_medicines"


def cssrs_follow_ups(answers: dict) -> list[str]:
    """The screener's follow-up questions its skip logic asks, given Q2 and Q6."""
    cssrs = answers.get("cssrs") or {}
    keys = ["q3", "q4", "q5"] if cssrs.get("q2") is True else []
    return keys + (["q6_past_3_months"] if cssrs.get("q6") is True else [])


def lists_a_medicine(answers: dict) -> bool:
    return bool(answers.get("medications"))


def used_drugs_past_year(answers: dict) -> bool:
    """Whether the DAST-10 applies: not after "no" to drug use in the past 12 months (an
    intake saved before that question was asked keeps its DAST-10)."""
    return (answers.get("substances") or {}).get(DRUG_USE_GATE) is not False


def asks_past_medicines(answers: dict) -> bool:
    """Whether the past medicines page applies: after "yes" to the gate question (a history
    saved before that question was asked keeps the past medicines it lists)."""
    history = answers.get("psych_history") or {}
    if PAST_MEDICINES_GATE in history:
        return history[PAST_MEDICINES_GATE] is True
    return bool(history.get("past_medicines"))


def without_skipped_pages(answers: dict) -> dict:
    """The answers without side effects when no medicine is listed and without the DAST-10
    after "no" to drug use: what the clinical core reads (no catalog look-up needed)."""
    answers = dict(answers)
    if not lists_a_medicine(answers):
        answers.pop("side_effects", None)
    if not used_drugs_past_year(answers):
        answers.pop("dast_10", None)
    return answers
