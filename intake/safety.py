"""An intake's safety answers, read in one place, and what they mean: crisis help for the
patient, and the risk rank of a STAT intake in the queue (pure: plain values in and out).

The safety answers are the C-SSRS screener (pages "safety" and "safety_more") and PHQ-9
item 9 (page "mood"). A save puts them in one of two places: the case-format ``answers``
of a complete page, or ``details["pending"][<page>]``, the valid answers of a page saved
while incomplete, kept as the page's form cleaned them (``intake.drafts``: True/False for
the screener, 0-3 for PHQ-9). ``safety_answers`` reads both, and every reader goes
through it: crisis help on the patient's pages, the unsent-safety page, the risk rank,
the clinical core's evaluation of an unsent draft and the "Reach the patient" box.

Where a page saved whole was saved again unfinished, the more worrying answer of the two
counts: a later unfinished "no" does not hide a saved "yes" until the page is saved whole
(which drops what was kept).

Positive (crisis help shows; an unsent draft joins the STAT list) is exactly when the
``self_harm`` rule fires (``intake.clinical.rules.safety.positive_answers``).
"""

from dataclasses import dataclass, field

from intake.clinical.instruments import (
    INSTRUMENTS,
    cssrs_asked,
    cssrs_imminent,
    cssrs_risk,
    cssrs_yes,
)
from intake.clinical.rules.safety import positive_answers

# The pages that keep safety answers while unfinished, and the one PHQ-9 field among them.
CSSRS_PAGES = ("safety", "safety_more")
MOOD_PAGE = "mood"
PHQ9_ITEM9_FIELD = f"phq_9_{INSTRUMENTS['phq_9'].items[8].id}"
PHQ9_SCORES = frozenset(option.value for option in INSTRUMENTS["phq_9"].options)

__all__ = [
    "HIGH",
    "LOW",
    "MODERATE",
    "NOT_KNOWN",
    "NOT_STAT",
    "SafetyAnswers",
    "has_positive_safety_answer",
    "positive_safety_answers",
    "risk_rank",
    "risk_rank_of",
    "risk_words",
    "safety_answers",
]


@dataclass(frozen=True)
class SafetyAnswers:
    """The screener's answers (only the questions its skip logic asks, True/False) and PHQ-9
    item 9 (0-3, or None when not answered)."""

    cssrs: dict = field(default_factory=dict)
    phq9_item9: int | None = None

    @property
    def positive(self) -> list[str]:
        """The positive answers as codes ("cssrs.q1", "phq_9.9"), in question order."""
        return positive_answers(self.cssrs, self.phq9_item9)

    @property
    def screener_finished(self) -> bool:
        return cssrs_risk(self.cssrs) is not None

    def case(self) -> dict:
        """The answers in the clinical core's case format: the C-SSRS, and PHQ-9 item 9 with
        the other eight items unanswered (no mood total can be worked out from it)."""
        case: dict = {"cssrs": dict(self.cssrs)} if self.cssrs else {}
        if self.phq9_item9 is not None:
            case["phq_9"] = [None] * 8 + [self.phq9_item9]
        return case


def safety_answers(answers: dict, details: dict | None = None) -> SafetyAnswers:
    """The intake's safety answers, from complete and unfinished pages alike."""
    pending = (details or {}).get("pending") or {}
    cssrs = _worse_cssrs(_cssrs(answers.get("cssrs") or {}), _kept_cssrs(pending))
    stored = answers.get("phq_9") or []
    item_9 = [
        value
        for value in (
            stored[8] if len(stored) == 9 else None,
            (pending.get(MOOD_PAGE) or {}).get(PHQ9_ITEM9_FIELD),
        )
        if _is_score(value)
    ]
    return SafetyAnswers(
        cssrs={key: cssrs[key] for key in cssrs_asked(cssrs) if key in cssrs},
        phq9_item9=max(item_9) if item_9 else None,
    )


def positive_safety_answers(answers: dict, details: dict | None = None) -> list[str]:
    """The positive safety answers saved so far, as codes, in question order."""
    return safety_answers(answers, details).positive


def has_positive_safety_answer(answers: dict, details: dict | None = None) -> bool:
    """True when a saved answer (complete page or kept from an unfinished one) is positive."""
    return bool(positive_safety_answers(answers, details))


def _cssrs(values: dict) -> dict:
    return {key: value for key, value in values.items() if isinstance(value, bool)}


def _kept_cssrs(pending: dict) -> dict:
    kept: dict = {}
    for page in CSSRS_PAGES:
        kept.update(_cssrs(pending.get(page) or {}))
    return kept


def _worse_cssrs(stored: dict, kept: dict) -> dict:
    """Each question's more worrying answer: yes if either says yes."""
    return {key: stored.get(key) is True or kept.get(key) is True for key in {*stored, *kept}}


def _is_score(value) -> bool:
    return not isinstance(value, bool) and value in PHQ9_SCORES


# ---- the risk rank of a STAT intake --------------------------------------------------------
# Within STAT the queue goes by this rank, then by time waiting (docs/clinical.md, "The
# review queue's order"):
# 1. high: C-SSRS Q4 (intent) or Q5 (plan), or suicidal behaviour in the past 3 months (the
#    detail page labels it IMMINENT); known as soon as one of them is yes;
# 2. not known: the screener is not finished (or not started) and shows nothing high. It
#    could still be high, so, as the rules count an undated attempt as recent, it comes
#    before a known moderate one, and never below a known low one;
# 3. moderate: C-SSRS Q3 (thought about how), or behaviour more than 3 months ago;
# 4. low: C-SSRS Q1 or Q2 only, or PHQ-9 item 9 alone.
HIGH, NOT_KNOWN, MODERATE, LOW = 1, 2, 3, 4
# Every intake that is not STAT: the rank is then the same for all and the order goes on
# to the visit time.
NOT_STAT = 9

RISK_WORDS = {
    HIGH: "High risk",
    NOT_KNOWN: "Risk not known: screener not finished",
    MODERATE: "Moderate risk",
    LOW: "Low risk",
}


def risk_rank(safety: SafetyAnswers) -> int:
    """The rank of the safety answers given so far; ``NOT_STAT`` when none says anything."""
    if cssrs_imminent(safety.cssrs):
        return HIGH
    yes = set(cssrs_yes(safety.cssrs))
    if not yes and not safety.phq9_item9:
        return NOT_STAT
    if not safety.screener_finished:
        return NOT_KNOWN
    return MODERATE if yes & {"q3", "q6"} else LOW


def risk_words(rank: int | None) -> str:
    """The rank in words for the queue and the detail page ("" when not STAT)."""
    return RISK_WORDS.get(rank, "")


def risk_rank_of(answers: dict, details: dict | None, evaluation: dict) -> int:
    """The rank of an evaluated intake: its risk when the evaluation is STAT, else
    ``NOT_STAT``."""
    if evaluation.get("priority") != "stat":
        return NOT_STAT
    return risk_rank(safety_answers(answers, details))
