"""Safety: thoughts of death or self-harm."""

from education import slugs
from intake.clinical.instruments import cssrs_imminent, cssrs_yes
from intake.clinical.rules import sources
from intake.clinical.rules.base import Flag, rule

ITEM_9_WORDS = {1: "on several days", 2: "on more than half the days", 3: "nearly every day"}


@rule("self_harm", severity="stat", label="Self-harm")
def self_harm(facts) -> Flag | None:
    """Current thoughts (PHQ-9 item 9 above 0, any C-SSRS yes to Q1-Q5) or suicidal behaviour
    in the past 3 months (or not said when). High C-SSRS risk is labelled imminent.

    Behaviour more than 3 months ago with no current thoughts is ``past_suicidal_behaviour``
    (high, not STAT)."""
    item_9 = facts.score("phq_9", "item_9")
    answers = facts.case.cssrs or {}
    if not positive_answers(answers, item_9):
        return None
    said_yes = cssrs_yes(answers)
    triggers = ([f"phq_9.item_9={item_9}"] if item_9 else []) + [
        f"cssrs.{key}=yes" for key in said_yes
    ]
    imminent = cssrs_imminent(answers)
    return Flag(
        code="self_harm",
        severity="stat",
        title="IMMINENT suicide risk: high risk on the C-SSRS screener"
        if imminent
        else "Thoughts of death or self-harm reported",
        rationale=_rationale(item_9, said_yes, imminent, facts.score("cssrs", "risk")),
        source=f"{sources.PHQ_9}; {sources.CSSRS}",
        education=slugs.GETTING_HELP_NOW,
        triggered_by=tuple(triggers),
        imminent=imminent,
    )


def _rationale(item_9: int | None, said_yes: list[str], imminent: bool, risk: str | None) -> str:
    reasons = []
    if item_9:
        reasons.append(
            f"PHQ-9 item 9: thoughts of being better off dead or of self-harm "
            f"{ITEM_9_WORDS[item_9]}. Any answer above 0 needs same-day follow-up by a "
            f"clinician, whatever the total; the risk of an attempt rises with how often."
        )
    if imminent:
        # (secondary) the C-SSRS action wording for high risk comes from a secondary copy.
        reasons.append(
            "C-SSRS screener: HIGH risk (intent, a plan, or suicidal behaviour in the past "
            "3 months). This calls for urgent evaluation and safety precautions now."
        )
    elif said_yes:
        level = f"{risk} risk" if risk else "not finished"
        reasons.append(
            f"C-SSRS screener: yes to {', '.join(said_yes)} ({level}); "
            "review it with the patient the same day."
        )
    return " ".join(reasons)


def positive_answers(cssrs: dict, item_9: int | None) -> list[str]:
    """The answers that make ``self_harm`` fire, as codes in question order ("cssrs.q1",
    "phq_9.9"): a C-SSRS yes to current thoughts (Q1-Q5), behaviour in the past 3 months or
    not yet dated ("cssrs.q6" while "in the past 3 months?" is unanswered: a lost alert
    costs more than an extra look), PHQ-9 item 9 above 0. Crisis help and an unsent
    draft's place in the STAT list follow the same answers (``intake.safety``)."""
    found = [
        f"cssrs.{key}"
        for key in cssrs_yes(cssrs)
        if key != "q6" or cssrs.get("q6_past_3_months") is None
    ]
    return found + (["phq_9.9"] if item_9 else [])


@rule("past_suicidal_behaviour", severity="high", label="Past suicidal behaviour")
def past_suicidal_behaviour(facts) -> Flag | None:
    """C-SSRS behaviour more than 3 months ago, and no current thoughts (Q1, Q2 no, PHQ-9
    item 9 not above 0): moderate risk on the screener's triage; urgent, not STAT."""
    answers = facts.case.cssrs or {}
    if answers.get("q6") is not True or answers.get("q6_past_3_months") is not False:
        return None
    if self_harm(facts) is not None:
        return None  # current thoughts: self_harm (STAT) carries it
    item_9 = facts.score("phq_9", "item_9")
    thoughts = "no current thoughts of suicide (C-SSRS Q1 and Q2 no" + (
        ", PHQ-9 item 9 = 0)" if item_9 == 0 else "; PHQ-9 item 9 not answered)"
    )
    return Flag(
        code="past_suicidal_behaviour",
        severity="high",
        title="Suicidal behaviour more than 3 months ago",
        rationale="C-SSRS screener: the patient has done, started or prepared something to end "
        f"their life, more than 3 months ago, and reports {thoughts}. The screener rates this "
        "moderate risk, not high: review the history and a safety plan at the visit.",
        source=sources.CSSRS,
        education=slugs.GETTING_HELP_NOW,
        triggered_by=(
            "cssrs.q6=yes",
            "cssrs.q6_past_3_months=no",
            *([f"phq_9.item_9={item_9}"] if item_9 is not None else []),
        ),
    )
