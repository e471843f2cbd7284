"""Change since the patient's earlier intake: a clinically meaningful PHQ-9 or GAD-7
worsening.

The earlier total comes in the case (``Case.earlier_scores``, filled by the portal from the
patient's latest earlier submitted intake with a complete total, of any kind); what a
change means, and the source of each threshold, is ``intake.clinical.measurement``'s.
"""

from intake.clinical.measurement import CONVENTIONS, score_change
from intake.clinical.rules.base import NO_PAGE, RULE_INFO, Flag, rule


def _worsening(facts, instrument: str, *, code: str, review: str) -> Flag | None:
    """The flag ``code`` (at its registered severity) when the instrument's complete total
    rose by its convention's clinically meaningful amount or more since the earlier
    complete total; else None."""
    convention = CONVENTIONS[instrument]
    earlier = facts.case.earlier_scores.get(instrument)
    current = facts.score(instrument, "total")
    change = score_change(instrument, earlier and earlier.total, current)
    if change is None or not change.worsened:
        return None
    when = f" on {earlier.on.isoformat()}" if earlier.on else ""
    return Flag(
        code=code,
        severity=RULE_INFO[code].severity,
        title=f"{convention.name} worse by {change.difference} "
        f"({change.earlier} -> {change.current})",
        rationale=f"The {convention.name} total is {change.current}, up {change.difference} "
        f"from {change.earlier} at the earlier intake{when}. A rise of "
        f"{convention.meaningful} points or more is a clinically meaningful worsening: "
        f"{review}.",
        source=convention.source,
        education=NO_PAGE,
        triggered_by=(
            f"earlier_scores.{instrument}.total={change.earlier}",
            f"{instrument}.total={change.current}",
        ),
    )


# Moderate: shown as a badge and a queue filter, and on the detail page, without raising
# the intake's priority; a check-in with either is routed to the patient's psychiatrist
# (intake/checkins/services.py). STAT stays the safety rules' alone (self_harm): a
# worsening with thoughts of self-harm raises self_harm as well.
@rule("phq9_worsening", severity="moderate", label="PHQ-9 worse")
def phq9_worsening(facts) -> Flag | None:
    """A complete PHQ-9 total up by the PHQ-9's meaningful change or more since the earlier
    complete one."""
    return _worsening(
        facts,
        "phq_9",
        code="phq9_worsening",
        review="review the treatment plan and the safety answers",
    )


@rule("gad7_worsening", severity="moderate", label="GAD-7 worse")
def gad7_worsening(facts) -> Flag | None:
    """A complete GAD-7 total up by the GAD-7's meaningful change or more (Toussaint 2020)
    since the earlier complete one."""
    return _worsening(
        facts,
        "gad_7",
        code="gad7_worsening",
        review="review the treatment plan",
    )
