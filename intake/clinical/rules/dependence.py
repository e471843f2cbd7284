"""Dependence and withdrawal."""

from education import slugs
from intake.clinical.rules import sources
from intake.clinical.rules.base import Flag, rule

DAST_DEPENDENCE = 3  # DAST-10 "moderate" and above
DAILY_USE_WEEKS = 4  # dependence can form within weeks; more than 4 weeks daily use counts


@rule("dependence_risk")
def dependence_risk(facts) -> Flag | None:
    """A benzodiazepine with a history of substance use problems, or DAST-10 of 3 or more."""
    if not facts.benzos:
        return None
    dast = facts.score("dast_10", "total")
    triggers = ["substances.sud_history=true"] if facts.case.substances.sud_history else []
    if dast is not None and dast >= DAST_DEPENDENCE:
        triggers.append(f"dast_10.total={dast}")
    if not triggers:
        return None
    return Flag(
        code="dependence_risk",
        severity="moderate",
        title="Benzodiazepine with a higher risk of dependence",
        rationale="A history of substance use problems, or a DAST-10 of 3 or more, raises the "
        "risk of benzodiazepine misuse and dependence; the label's boxed warning covers "
        "abuse, misuse and addiction.",
        source=f"{sources.KLONOPIN_LABEL}; {sources.BRETT_MURNION}",
        education=slugs.STOPPING_SAFELY,
        triggered_by=(*(m.ref for m in facts.benzos), *triggers),
    )


@rule("withdrawal_risk")
def withdrawal_risk(facts) -> Flag | None:
    """Daily benzodiazepine for more than 4 weeks, with plans to stop, missed-dose symptoms
    or withdrawal before."""
    daily = [
        m
        for m in facts.benzos
        if not m.input.as_needed
        and m.input.weeks_taking is not None
        and m.input.weeks_taking > DAILY_USE_WEEKS
    ]
    history = facts.case.benzo_history
    signs = [
        f"benzo_history.{name}=true"
        for name in ("plans_to_stop", "missed_dose_symptoms", "withdrawal_before")
        if getattr(history, name)
    ]
    if not daily or not signs:
        return None
    return Flag(
        code="withdrawal_risk",
        severity="moderate",
        title="Withdrawal risk: daily benzodiazepine for more than 4 weeks",
        rationale="After weeks of daily use the body depends on the medicine, and stopping "
        "suddenly can cause withdrawal, which can be life-threatening. The label says never "
        "stop abruptly: taper gradually (for panic disorder, 0.125 mg twice a day every 3 "
        "days for clonazepam), slower if withdrawal symptoms appear.",
        source=f"{sources.KLONOPIN_LABEL} (taper guidance); {sources.FDA_2020}",
        education=slugs.STOPPING_SAFELY,
        triggered_by=(
            *(f"{m.ref} ({m.input.weeks_taking:g} weeks daily)" for m in daily),
            *signs,
        ),
    )
