"""Does an intake hold a saved positive safety answer? One pure rule, shared by the patient's
pages (crisis help) and the staff side (an unsent intake that must still be seen).

Positive means any of:

- C-SSRS Q1 (wished to be dead) or Q2 (thoughts of killing oneself): yes;
- C-SSRS Q3, Q4 or Q5 (asked only after Q2 yes): yes;
- C-SSRS Q6 (ever did something to end one's life): yes, unless the patient has said it was
  not in the past 3 months. While recency is unanswered we count it: a lost alert costs more
  than an extra look;
- PHQ-9 item 9 (thoughts of being better off dead or of self-harm) above 0.

"Saved" covers both places a save puts answers: the case-format ``answers`` of a complete
page, and ``details["pending"]``, the valid answers kept from a page saved while incomplete
(raw form values: "yes"/"no" for C-SSRS, "0".."3" for PHQ-9).
"""

CSSRS_POSITIVE_KEYS = ("q1", "q2", "q3", "q4", "q5", "q6_past_3_months")
PHQ9_ITEM9_FIELD = "phq_9_9"
SAFETY_STEPS = ("safety", "safety_more")

__all__ = ["has_positive_safety_answer", "positive_safety_answers"]


def has_positive_safety_answer(answers: dict, details: dict | None = None) -> bool:
    """True when a saved answer (complete page or kept from an incomplete one) is positive."""
    return bool(positive_safety_answers(answers, details))


def positive_safety_answers(answers: dict, details: dict | None = None) -> list[str]:
    """The positive safety answers, as codes ("cssrs.q1", "phq_9.9"), in question order.

    A yes counts whether it is in the stored answers or kept from an incomplete page: a
    later incomplete "no" does not hide a saved "yes" until the page is saved whole.
    """
    stored = dict(answers.get("cssrs") or {})
    found = _cssrs_positive(stored) + _cssrs_positive(_with_kept_cssrs(stored, details))
    if _phq9_item9(answers, details) > 0 or _phq9_item9(answers, None) > 0:
        found.append("phq_9.9")
    return list(dict.fromkeys(sorted(found, key=_ORDER.index)))


_ORDER = [
    *(f"cssrs.{key}" for key in ("q1", "q2", "q3", "q4", "q5", "q6")),
    "cssrs.q6_past_3_months",
    "phq_9.9",
]


def _cssrs_positive(cssrs: dict) -> list[str]:
    found = [f"cssrs.{key}" for key in CSSRS_POSITIVE_KEYS if cssrs.get(key) is True]
    if cssrs.get("q6") is True and cssrs.get("q6_past_3_months") is None:
        found.append("cssrs.q6")
    return found


def _pending(details: dict | None) -> dict:
    return (details or {}).get("pending") or {}


def _with_kept_cssrs(stored: dict, details: dict | None) -> dict:
    """Stored C-SSRS answers overlaid with the ones kept from an incomplete page."""
    values = dict(stored)
    pending = _pending(details)
    for step in SAFETY_STEPS:
        for key, raw in (pending.get(step) or {}).items():
            if raw in ("yes", "no", True, False):
                values[key] = raw in ("yes", True)
    return values


def _phq9_item9(answers: dict, details: dict | None) -> int:
    kept = (_pending(details).get("mood") or {}).get(PHQ9_ITEM9_FIELD)
    if kept not in (None, ""):
        return _as_score(kept)
    phq = answers.get("phq_9") or []
    return _as_score(phq[8]) if len(phq) == 9 else 0


def _as_score(value) -> int:
    if isinstance(value, bool):
        return 0
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
