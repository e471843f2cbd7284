"""Sedation: several CNS-active drugs, signs of too much, and falls."""

from education import slugs
from intake.clinical import catalog_data as classes
from intake.clinical.rules import sources
from intake.clinical.rules.base import Flag, driving_line, rule

AT_LEAST_MILD = ("mild", "moderate", "severe")
AT_LEAST_MODERATE = ("moderate", "severe")
CNS_ACTIVE_COUNT = 3


def _cns_active(facts) -> dict[str, object]:
    """Distinct CNS-active drugs (Beers 2023 classes), by generic name."""
    return {m.generic: m for m in facts.medications if m.entry and m.entry.cns_active}


def _added_sedatives(facts) -> list:
    """Non-benzodiazepine sedating drugs beside a benzodiazepine (opioids have their own flag)."""
    return [
        m
        for m in facts.medications
        if m.entry and m.entry.sedating and m.drug_class not in (classes.BENZO, classes.OPIOID)
    ]


@rule("cns_load", severity="moderate", label="CNS load")
def cns_load(facts) -> Flag | None:
    """3+ CNS-active drugs, or a benzodiazepine with a Z-drug, gabapentinoid, barbiturate,
    sedating antihistamine, sleep antidepressant, orexin antagonist, muscle relaxant,
    clonidine or other sedative."""
    cns = _cns_active(facts)
    added = _added_sedatives(facts) if facts.benzos else []
    other_use = bool(facts.benzos) and facts.case.substances.sedatives is True
    if len(cns) < CNS_ACTIVE_COUNT and not added and not other_use:
        return None
    reasons = []
    if len(cns) >= CNS_ACTIVE_COUNT:
        reasons.append(f"{len(cns)} CNS-active medicines ({', '.join(sorted(cns))}).")
    if added or other_use:
        names = [m.generic for m in added] + (["a sedative not on the list"] if other_use else [])
        reasons.append(f"A benzodiazepine with {', '.join(names)}.")
    listed = cns | {m.generic or m.input.name: m for m in facts.benzos + added}
    driving = driving_line(facts) if facts.benzos else ""
    return Flag(
        code="cns_load",
        severity="moderate",
        title="Several sedating or CNS-active medicines",
        rationale=" ".join(reasons)
        + " The Beers Criteria advise avoiding 3 or more CNS-active drugs (falls and "
        "fractures) and benzodiazepines with other sedatives; sedation adds up." + driving,
        # (secondary) the Beers table wording was seen only in a secondary copy.
        source=f"{sources.BEERS_2023} (table wording from a secondary copy)",
        education=slugs.page_about(
            (m.generic for m in facts.medications), slugs.ALCOHOL_OPIOIDS_SEDATIVES
        ),
        triggered_by=(
            *(m.ref for m in sorted(listed.values(), key=lambda m: m.index)),
            *(["substances.sedatives=true"] if other_use else []),
            *(["side_effects.driving=true"] if driving else []),
        ),
    )


def _side_effects_over(facts, names: tuple[str, ...], levels: tuple[str, ...]) -> list[str]:
    effects = facts.case.side_effects
    return [
        f"side_effects.{n}={getattr(effects, n)}" for n in names if getattr(effects, n) in levels
    ]


@rule("oversedation", severity="moderate", label="Oversedation")
def oversedation(facts) -> Flag | None:
    """A benzodiazepine with marked sedation, memory problems, confusion, falls or feeling
    over-medicated."""
    if not facts.benzos:
        return None
    triggers = _side_effects_over(facts, ("drowsiness", "brain_fog", "memory"), AT_LEAST_MODERATE)
    triggers += _side_effects_over(facts, ("confusion", "over_medicated"), AT_LEAST_MILD)
    if facts.case.side_effects.falls:
        triggers.append("side_effects.falls=true")
    if not triggers:
        return None
    driving = driving_line(facts)
    return Flag(
        code="oversedation",
        severity="moderate",
        title="Signs the benzodiazepine dose may be too much",
        rationale="Marked daytime sleepiness, memory problems, confusion, falls or feeling "
        "over-medicated are signs that a benzodiazepine dose may be more than the patient "
        "needs; the label warns of CNS depression and impaired thinking and coordination."
        + driving,
        source=sources.KLONOPIN_LABEL,
        education=slugs.DOSE_TOO_HIGH_OR_LOW,
        triggered_by=(
            *(m.ref for m in facts.benzos),
            *triggers,
            *(["side_effects.driving=true"] if driving else []),
        ),
    )


@rule("fall_risk", severity="moderate", label="Fall risk")
def fall_risk(facts) -> Flag | None:
    """A benzodiazepine with age 65+, a fall (past 3 months, or past year on the health
    page), or coordination problems."""
    if not facts.benzos:
        return None
    age = facts.case.age
    triggers = [f"age={age}"] if age is not None and age >= 65 else []
    if facts.case.side_effects.falls:
        triggers.append("side_effects.falls=true")
    if facts.case.health.falls_past_year:
        triggers.append("health.falls_past_year=true")
    triggers += _side_effects_over(facts, ("coordination",), AT_LEAST_MILD)
    if not triggers:
        return None
    return Flag(
        code="fall_risk",
        severity="moderate",
        title="Fall risk on a benzodiazepine",
        rationale="Benzodiazepines impair balance and reaction time; the Beers Criteria name "
        "falls and fractures among the main harms, above all from age 65.",
        source=sources.BEERS_2023,
        education=slugs.SIDE_EFFECTS_SAFETY,
        triggered_by=(*(m.ref for m in facts.benzos), *triggers),
    )
