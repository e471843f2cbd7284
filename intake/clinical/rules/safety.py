"""Safety: thoughts of death or self-harm."""

from education import slugs
from intake.clinical.instruments import cssrs_imminent, cssrs_yes
from intake.clinical.rules import sources
from intake.clinical.rules.base import Flag, rule

ITEM_9_WORDS = {1: "on several days", 2: "on more than half the days", 3: "nearly every day"}


@rule("self_harm")
def self_harm(facts) -> Flag | None:
    """PHQ-9 item 9 above 0, or any C-SSRS yes. High C-SSRS risk is labelled imminent."""
    item_9 = facts.score("phq_9", "item_9")
    answers = facts.case.cssrs or {}
    said_yes = cssrs_yes(answers)
    triggers = ([f"phq_9.item_9={item_9}"] if item_9 else []) + [
        f"cssrs.{key}=yes" for key in said_yes
    ]
    if not triggers:
        return None
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
