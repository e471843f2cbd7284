"""What the team may see of an unsent intake that holds a saved positive safety answer: its
safety answers and nothing else (pure: plain values in, plain values out).

The patient's answers to the safety questions may sit in two places while drafting: the
stored C-SSRS answers of a complete page, and ``details["pending"]``, the valid answers
kept from a page saved while incomplete (raw form values). Both count, as in
``intake.safety.has_positive_safety_answer``.
"""

from intake.clinical.instruments import INSTRUMENTS, cssrs_asked

SAFETY_STEPS = ("safety", "safety_more")
PHQ9_ITEM9_FIELD = "phq_9_9"


def _kept(details: dict | None) -> dict:
    return (details or {}).get("pending") or {}


def _as_bool(raw):
    if raw in (True, "yes", "True", "true"):
        return True
    if raw in (False, "no", "False", "false"):
        return False
    return None


def _item9(answers: dict, details: dict | None) -> int | None:
    raw = (_kept(details).get("mood") or {}).get(PHQ9_ITEM9_FIELD)
    if raw in (None, ""):
        phq = answers.get("phq_9") or []
        raw = phq[8] if len(phq) == 9 else None
    try:
        value = None if raw is None or isinstance(raw, bool) else int(raw)
    except (TypeError, ValueError):
        return None
    return value if value in (0, 1, 2, 3) else None  # only a real answer to item 9


def safety_case(answers: dict, details: dict | None = None) -> dict:
    """The safety answers alone, in the clinical core's case format: the C-SSRS (stored
    answers overlaid with those kept from an incomplete page) and PHQ-9 item 9 with the
    other eight items left unanswered (so no mood total can be worked out from it)."""
    cssrs = dict(answers.get("cssrs") or {})
    for step in SAFETY_STEPS:
        for key, raw in (_kept(details).get(step) or {}).items():
            if _as_bool(raw) is not None:
                cssrs[key] = _as_bool(raw)
    # Only the questions the screener's skip logic asks (the case format refuses others).
    cssrs = {key: cssrs[key] for key in cssrs_asked(cssrs) if cssrs.get(key) is not None}
    case: dict = {"cssrs": cssrs} if cssrs else {}
    item_9 = _item9(answers, details)
    if item_9 is not None:
        case["phq_9"] = [None] * 8 + [item_9]
    return case


def safety_rows(case: dict) -> list[dict]:
    """The safety answers as question and answer, in the questionnaire's order."""
    cssrs = case.get("cssrs") or {}
    rows = [
        {"label": item.text, "value": "Yes" if cssrs[item.id] else "No", "yes": cssrs[item.id]}
        for item in INSTRUMENTS["cssrs"].items
        if item.id in cssrs
    ]
    phq = case.get("phq_9")
    if phq:
        item = INSTRUMENTS["phq_9"].items[8]
        words = {o.value: o.label for o in INSTRUMENTS["phq_9"].options}
        rows.append(
            {"label": f"PHQ-9 item 9: {item.text}", "value": words.get(phq[8]), "yes": phq[8] > 0}
        )
    return rows
