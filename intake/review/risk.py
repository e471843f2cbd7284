"""How urgent a STAT intake is: its risk level, from the safety answers alone (pure: plain
values in, plain values out).

Within STAT the queue goes by this rank, then by time waiting (README, "Review queue"):
1. high: C-SSRS Q4 (intent) or Q5 (plan), or suicidal behaviour in the past 3 months (the
   detail page labels it IMMINENT);
2. moderate: C-SSRS Q3 (thought about how), or behaviour longer ago (or not yet dated);
3. low: C-SSRS Q1 or Q2 only, or PHQ-9 item 9 alone.
"""

from intake.clinical.instruments import cssrs_imminent, cssrs_yes

HIGH, MODERATE, LOW = 1, 2, 3
# Every intake that is not STAT: the rank is then the same for all and the order goes on
# to the visit time.
NOT_STAT = 9

RISK_WORDS = {HIGH: "High risk", MODERATE: "Moderate risk", LOW: "Low risk"}


def stat_risk_rank(cssrs: dict | None, phq9_item9: int | None) -> int:
    """The rank of the answers given so far (an unfinished screener ranks by the yes answers
    it already holds: a half-answered page is never ranked below what it says)."""
    cssrs = cssrs or {}
    if cssrs_imminent(cssrs):
        return HIGH
    yes = set(cssrs_yes(cssrs))
    if yes & {"q3", "q6"}:
        return MODERATE
    if yes & {"q1", "q2"} or (phq9_item9 or 0) > 0:
        return LOW
    return NOT_STAT


def risk_words(rank: int | None) -> str:
    """The rank in words for the queue and the detail page ("" when not STAT)."""
    return RISK_WORDS.get(rank, "")


def risk_rank_of(answers: dict, evaluation: dict) -> int:
    """The stored rank of an evaluated intake: its risk when STAT, else ``NOT_STAT``."""
    if evaluation.get("priority") != "stat":
        return NOT_STAT
    phq9_item9 = ((evaluation.get("scores") or {}).get("phq_9") or {}).get("item_9")
    return stat_risk_rank(answers.get("cssrs"), phq9_item9)
