"""What one queue row shows out of the evaluation and the answers, kept small on the row.

A queue page reads 25 rows. Their evaluations (flags with their reasons and sources, every
medicine, every score) are about 1.5 KB each, stored compressed, and a row needs a few of
those values only: read from the evaluation, each row was decompressed once per value.
``queue_card`` is those values alone (about 200 bytes, stored uncompressed in the row), set
wherever the evaluation is set (``intake.services.evaluation_apply``, the saved safety
answer of a draft, seeding), so it always describes the same evaluation; the detail page
reads the evaluation itself.
"""

# The patient's words for "something else" beyond this are never shown in a queue row.
REASON_CHARS = 200
SCORES = ("gad_7", "phq_9")
MEDICINE_KEYS = ("generic", "input", "class", "daily_mg")


def queue_card(evaluation: dict, answers: dict) -> dict:
    """The card for an intake with this ``evaluation`` and these ``answers`` (pure)."""
    if not evaluation:
        return {}
    scores = evaluation.get("scores") or {}
    return {
        "scores": {
            name: {"total": scores[name].get("total"), "band": scores[name].get("band")}
            for name in SCORES
            if isinstance(scores.get(name), dict)
        },
        # Each flag's severity is the case's own (benzo + alcohol can be high or moderate).
        "flags": [
            {"code": flag["code"], "severity": flag.get("severity")}
            for flag in evaluation.get("flags") or []
        ],
        "medications": [
            {key: medicine.get(key) for key in MEDICINE_KEYS}
            for medicine in evaluation.get("medications") or []
            if isinstance(medicine, dict)
        ],
        "visit_reason": answers.get("visit_reason"),
        "visit_reason_other": (answers.get("visit_reason_other") or "")[:REASON_CHARS],
    }
