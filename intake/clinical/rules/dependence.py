"""Dependence and withdrawal."""

from education import slugs
from intake.clinical.rules import sources
from intake.clinical.rules.base import Flag, rule

DAST_DEPENDENCE = 3  # DAST-10 "moderate" and above
DAILY_USE_WEEKS = 4  # dependence can form within weeks; more than 4 weeks daily use counts


@rule("dependence_risk", severity="moderate", label="Dependence risk")
def dependence_risk(facts) -> Flag | None:
    """A benzodiazepine with a history of substance use problems, a DAST-10 of 3 or more,
    having tried to stop and not managed, or a family history of substance use problems."""
    if not facts.benzos:
        return None
    dast = facts.score("dast_10", "total")
    answers = {
        "substances.sud_history": facts.case.substances.sud_history,
        "benzo_history.tried_to_stop": facts.case.benzo_history.tried_to_stop,
        "substances.family_sud_history": facts.case.substances.family_sud_history,
    }
    triggers = [f"{path}=true" for path, value in answers.items() if value is True]
    if dast is not None and dast >= DAST_DEPENDENCE:
        triggers.append(f"dast_10.total={dast}")
    if not triggers:
        return None
    return Flag(
        code="dependence_risk",
        severity="moderate",
        title="Benzodiazepine with a higher risk of dependence",
        rationale="A history of substance use problems, a DAST-10 of 3 or more, a family "
        "history of substance use problems, or having tried to stop the benzodiazepine without "
        "managing it, point to a higher risk of misuse and dependence; the label's boxed "
        "warning covers abuse, misuse, addiction and dependence. " + _reported(triggers),
        source=f"{sources.KLONOPIN_LABEL}; {sources.BRETT_MURNION}",
        education=slugs.STOPPING_SAFELY,
        triggered_by=(*(m.ref for m in facts.benzos), *triggers),
    )


_WORDS = {
    "substances.sud_history=true": "past substance use problems",
    "benzo_history.tried_to_stop=true": "tried to stop and could not",
    "substances.family_sud_history=true": "family history of substance use problems",
}


def _reported(triggers: list[str]) -> str:
    words = [_WORDS.get(t, t.replace("dast_10.total=", "DAST-10 total ")) for t in triggers]
    return f"Reported: {'; '.join(words)}."


@rule("withdrawal_risk", severity="moderate", label="Withdrawal risk")
def withdrawal_risk(facts) -> Flag | None:
    """Daily benzodiazepine for more than 4 weeks with plans to stop, missed-dose symptoms or
    withdrawal before; or as-needed use for 4 weeks or more with missed-dose symptoms or
    withdrawal before (as-needed use that has become regular). High with a seizure
    history."""
    history = facts.case.benzo_history
    signs = {
        name: f"benzo_history.{name}=true"
        for name in ("plans_to_stop", "missed_dose_symptoms", "withdrawal_before")
        if getattr(history, name)
    }
    daily = [m for m in facts.benzos if not m.input.as_needed and _weeks(m) > DAILY_USE_WEEKS]
    as_needed = [m for m in facts.benzos if m.input.as_needed and _weeks(m) >= DAILY_USE_WEEKS]
    dependence_signs = [
        signs[n] for n in ("missed_dose_symptoms", "withdrawal_before") if n in signs
    ]
    daily = daily if signs else []
    as_needed = as_needed if dependence_signs else []
    if not daily and not as_needed:
        return None
    regular = (
        " As-needed use for 4 weeks or more, with symptoms after a missed dose or withdrawal "
        "before, suggests it has become regular use, with the same risk."
        if as_needed
        else ""
    )
    seizures = facts.case.health.seizures is True
    title = (
        "Withdrawal risk: daily benzodiazepine for more than 4 weeks"
        if daily
        else "Withdrawal risk: as-needed benzodiazepine used regularly for 4 weeks or more"
    )
    return Flag(
        code="withdrawal_risk",
        severity="high" if seizures else "moderate",
        title=f"{title}, with a seizure history" if seizures else title,
        rationale="After weeks of regular use the body depends on the medicine, and stopping "
        "suddenly can cause withdrawal, which can be life-threatening. The label says never "
        "stop abruptly: taper gradually (for panic disorder, 0.125 mg twice a day every 3 "
        "days for clonazepam), slower if withdrawal symptoms appear."
        + regular
        + (SEIZURE_LINE if seizures else ""),
        source=f"{sources.KLONOPIN_LABEL} (taper guidance); {sources.FDA_2020}"
        + (f"; {sources.ASAM_TAPERING_2025}" if seizures else ""),
        education=slugs.STOPPING_SAFELY,
        triggered_by=(
            *(f"{m.ref} ({m.input.how_long()} daily)" for m in daily),
            *(f"{m.ref} ({m.input.how_long()} as needed)" for m in as_needed),
            *(signs.values() if daily else dependence_signs),
            *(["health.seizures=true"] if seizures else []),
        ),
    )


# Withdrawal seizures are likelier after high doses, long use, abrupt stopping, earlier
# withdrawal seizures or a seizure disorder (KLONOPIN label warnings; ASAM 2025).
SEIZURE_LINE = (
    " The patient has had a seizure: withdrawal seizures are likelier with a seizure history "
    "(label warnings), so any taper should be slower and more closely watched (Joint "
    "Clinical Practice Guideline on Benzodiazepine Tapering, 2025)."
)


def _weeks(m) -> float:
    return -1 if m.input.weeks_taking is None else m.input.weeks_taking
