"""Change since the patient's earlier intake: a clinically meaningful PHQ-9 worsening.

The earlier total comes in the case (``Case.earlier_scores``, filled by the portal from the
patient's latest earlier submitted intake with a complete PHQ-9, of any kind); what a
change means is ``intake.clinical.measurement``'s.
"""

from intake.clinical.measurement import CONVENTIONS, score_change
from intake.clinical.rules.base import NO_PAGE, Flag, rule


# Moderate: shown as a badge and a queue filter, and on the detail page, without raising
# the intake's priority. STAT stays the safety rules' alone (self_harm); a worsening with
# thoughts of self-harm raises self_harm as well.
@rule("phq9_worsening", severity="moderate", label="PHQ-9 worse")
def phq9_worsening(facts) -> Flag | None:
    """A complete PHQ-9 total 5 or more points above the earlier complete one."""
    earlier = facts.case.earlier_scores.get("phq_9")
    current = facts.score("phq_9", "total")
    change = score_change("phq_9", earlier and earlier.total, current)
    if change is None or not change.worsened:
        return None
    when = f" on {earlier.on.isoformat()}" if earlier.on else ""
    return Flag(
        code="phq9_worsening",
        severity="moderate",
        title=f"PHQ-9 worse by {change.difference} ({change.earlier} -> {change.current})",
        rationale=f"The PHQ-9 total is {change.current}, up {change.difference} from "
        f"{change.earlier} at the earlier intake{when}. A rise of "
        f"{CONVENTIONS['phq_9'].meaningful} points or more is a clinically meaningful "
        "worsening: review the treatment plan and the safety answers.",
        source=CONVENTIONS["phq_9"].source,
        education=NO_PAGE,
        triggered_by=(
            f"earlier_scores.phq_9.total={change.earlier}",
            f"phq_9.total={change.current}",
        ),
    )
