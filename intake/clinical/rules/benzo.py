"""Benzodiazepine combinations, doses and misuse."""

import re

from education import slugs
from intake.clinical import catalog_data as classes
from intake.clinical.dosing import MME_CAUTION, MME_SOURCE, mg, mme_per_day, sum_equivalents
from intake.clinical.rules import sources
from intake.clinical.rules.base import Flag, driving_line, rule

CLONAZEPAM_PANIC_MAX_MG = 4  # panic disorder; the seizure-disorder maximum is 20 mg/day


@rule("opioid_benzo", severity="high", label="Opioid + benzo")
def opioid_benzo(facts) -> Flag | None:
    """Any benzodiazepine with any opioid, prescribed or not. For buprenorphine or methadone
    (opioid use disorder treatment) the advice is FDA 2017's: do not withhold it."""
    opioids = facts.of_class(classes.OPIOID)
    other_use = facts.case.substances.opioids
    if not facts.benzos or not (opioids or other_use):
        return None
    treatment = [m for m in opioids if m.generic in classes.OUD_TREATMENTS]
    analgesic = [m for m in opioids if m not in treatment] or other_use
    reasons = [
        "Together they can cause profound sedation, slowed or stopped breathing, coma and death."
    ]
    if analgesic:
        reasons.append(
            "The FDA boxed warnings (2016, 2020) and the Beers Criteria say to avoid the "
            "combination; if it cannot be avoided, use the lowest doses for the shortest time."
        )
    if treatment:
        names = " and ".join(m.generic for m in treatment)
        reasons.append(
            f"{names[0].upper()}{names[1:]} treats opioid use disorder: the FDA (2017) says "
            "not to withhold it because of a benzodiazepine, since untreated opioid use "
            "disorder carries a higher risk of overdose and death. Coordinate care, taper the "
            "benzodiazepine where appropriate, and monitor closely."
        )
    driving = driving_line(facts)
    mme = _mme_line([m for m in opioids if m not in treatment])
    reasons.append(mme)
    return Flag(
        code="opioid_benzo",
        severity="high",
        title="Benzodiazepine taken with an opioid"
        if not treatment
        else "Benzodiazepine with opioid use disorder treatment",
        rationale=" ".join(r for r in reasons if r) + driving,
        # (secondary) the Beers drug-drug table wording was seen only in a secondary copy.
        source="; ".join(
            ([f"{sources.FDA_2016_2020}; {sources.BEERS_2023}"] if analgesic else [])
            + ([sources.FDA_2017_MAT] if treatment else [])
            + ([MME_SOURCE] if mme else [])
        ),
        education=slugs.page_about(
            (m.generic for m in (*opioids, *facts.benzos)), slugs.ALCOHOL_OPIOIDS_SEDATIVES
        ),
        triggered_by=(
            *(m.ref for m in facts.benzos),
            *(m.ref for m in opioids),
            *(["substances.opioids=true"] if other_use else []),
            *(["side_effects.driving=true"] if driving else []),
        ),
    )


def _mme_line(opioids) -> str:
    """The analgesic opioids' morphine milligram equivalents a day, where they convert."""
    each = [(m, mme_per_day(m.daily_mg, m.entry)) for m in opioids if m.entry]
    known = [(m, v) for m, v in each if v is not None]
    if not known:
        return ""
    total = sum(v for _, v in known)
    at_least = "at least " if len(known) < len(each) else ""
    if any(m.input.as_needed for m, _ in known):
        at_least = f"{at_least}up to "
    caution = (
        f" At {MME_CAUTION} or more a day the CDC (2022) advises extra caution."
        if total >= MME_CAUTION
        else ""
    )
    return (
        f"The opioid dose is {at_least}about {mg(total)} morphine milligram equivalents a day "
        f"(CDC 2022 conversion factors).{caution}"
    )


@rule("age65_benzo", severity="high", label="65+ on benzo")
def age65_benzo(facts) -> Flag | None:
    """Age 65 or older with any benzodiazepine."""
    age = facts.case.age
    if age is None or age < 65 or not facts.benzos:
        return None
    return Flag(
        code="age65_benzo",
        severity="high",
        title="Benzodiazepine at age 65 or older",
        rationale=f"The patient is {age}. The Beers Criteria advise avoiding benzodiazepines "
        "from 65 (strong recommendation): more sensitivity, slower clearance of long-acting "
        "drugs, more memory problems, delirium, falls, fractures and car crashes. They may "
        "still fit seizures, REM sleep behaviour disorder, alcohol or benzodiazepine "
        "withdrawal, or severe generalized anxiety disorder.",
        source=sources.BEERS_2023,
        education=slugs.OLDER_ADULTS,
        triggered_by=(f"age={age}", *(m.ref for m in facts.benzos)),
    )


@rule("clonazepam_above_max", severity="high", label="Clonazepam > 4 mg")
def clonazepam_above_max(facts) -> Flag | None:
    """Clonazepam above 4 mg/day in total (the panic-disorder maximum)."""
    doses = [m for m in facts.medications if m.generic == "clonazepam" and m.daily_mg]
    total = sum(m.daily_mg for m in doses)
    if total <= CLONAZEPAM_PANIC_MAX_MG:
        return None
    return Flag(
        code="clonazepam_above_max",
        severity="high",
        title="Clonazepam above 4 mg a day (assumes the panic-disorder maximum)",
        rationale=f"Clonazepam totals {mg(total)} mg a day. This flag assumes panic disorder, "
        "whose labelled maximum is 4 mg a day; it is not the seizure-disorder maximum "
        "(20 mg a day). Above 4 mg is rarely used for anxiety and needs a recorded reason.",
        source=f"{sources.KLONOPIN_LABEL} (panic disorder: at most 4 mg/day; "
        "seizure disorders: at most 20 mg/day)",
        education=slugs.DOSE_RANGE,
        triggered_by=tuple(m.dose_ref() for m in doses),
    )


@rule("multiple_benzos", severity="high", label="2+ benzos")
def multiple_benzos(facts) -> Flag | None:
    """Two or more different benzodiazepines."""
    known = [m for m in facts.benzos if m.generic]  # "benzos" may be one of them
    generics = {m.generic for m in known}
    if len(generics) < 2:
        return None
    total = sum_equivalents(m.equivalent for m in known)
    unknown = sorted({m.generic for m in known if m.entry.unknown_potency})
    if total:
        together = (
            f" Together they are about {mg(total.low)}-{mg(total.high)} mg of diazepam a day "
            f"({' and '.join(total.tables)} tables; guidance only, sources disagree)."
        )
    elif unknown:
        together = (
            f" No combined diazepam equivalent: {', '.join(unknown)} "
            f"{'has' if len(unknown) == 1 else 'have'} unknown potency (no reliable equivalent)."
        )
    else:
        together = " A combined diazepam equivalent needs every daily dose."
    return Flag(
        code="multiple_benzos",
        severity="high",
        title="Two or more benzodiazepines",
        rationale=f"The patient lists {len(generics)} different benzodiazepines: "
        f"{', '.join(sorted(generics))}. Their effects add up, and so do sedation, "
        "dependence and withdrawal risks." + together + _at_least(known),
        source=f"{sources.KLONOPIN_LABEL}; {sources.EQUIVALENCE}",
        education=slugs.page_about((m.generic for m in known), slugs.DOSE_TOO_HIGH_OR_LOW),
        triggered_by=tuple(m.dose_ref() for m in known),
    )


def _at_least(benzos) -> str:
    more = [m.generic for m in benzos if m.input.taking == "more"]
    if not more:
        return ""
    return (
        f" The patient takes more {' and '.join(more)} than prescribed, so these totals are "
        "at least that much."
    )


@rule("misuse_signals", severity="high", label="Misuse signals")
def misuse_signals(facts) -> Flag | None:
    """A benzodiazepine taken more than prescribed or not prescribed to the patient, or one
    controlled class (benzodiazepines, opioids, stimulants, Z-drugs, barbiturates) from two
    or more prescribers."""
    triggers = []
    for m in facts.benzos:
        if m.input.taking == "more":
            triggers.append(f"{m.path}.taking=more ({m.generic or m.input.name})")
        if not m.input.prescribed:
            triggers.append(f"{m.path}.prescribed=false ({m.generic or m.input.name})")
    prescribers = _prescribers_by_class(facts)
    if not triggers and not prescribers:
        return None
    reasons = []
    if triggers:
        reasons.append(
            "The patient takes more than prescribed, or takes a benzodiazepine that was not "
            "prescribed to them. The FDA boxed warning (2020) covers abuse, misuse and "
            "addiction, which raise the risk of overdose and death."
        )
    for drug_class, people in prescribers.items():
        reasons.append(
            f"{len(people)} prescribers for {_plural(drug_class)} ({', '.join(people)}): "
            "several prescribers for one controlled class is a recognised prescription drug "
            "monitoring program (PDMP) red flag. Check the PDMP and coordinate with them; it "
            "is a reason to review, not proof of misuse."
        )
    return Flag(
        code="misuse_signals",
        severity="high",
        title="Possible benzodiazepine misuse"
        if triggers
        else "Possible misuse: one controlled class from several prescribers",
        rationale=" ".join(reasons),
        source=sources.FDA_2020 + (f"; {sources.CDC_2022_PDMP}" if prescribers else ""),
        education=slugs.page_about((m.generic for m in facts.benzos), slugs.STOPPING_SAFELY),
        triggered_by=(
            *triggers,
            *(
                f"{m.path}.prescriber={m.input.prescriber} ({m.generic or m.input.name})"
                for m in facts.medications
                if m.drug_class in prescribers and m.input.prescriber
            ),
        ),
    )


# Controlled-substance classes for the several-prescribers signal.
CONTROLLED = (classes.BENZO, classes.OPIOID, classes.STIMULANT, classes.Z_DRUG, classes.BARBITURATE)
_TITLES = re.compile(r"\b(dr|doctor|md|do|np|pa|prof)\b\.?", re.IGNORECASE)


def _prescribers_by_class(facts) -> dict[str, list[str]]:
    """Controlled class -> its prescribers as the patient named them, when 2 or more differ
    ("Dr. Smith" and "smith" are one; an unnamed prescriber is not counted)."""
    found: dict[str, dict[str, str]] = {}
    for m in facts.medications:
        named = (m.input.prescriber or "").strip()
        if m.drug_class in CONTROLLED and m.input.prescribed and named:
            key = " ".join(_TITLES.sub(" ", named).casefold().split())
            found.setdefault(m.drug_class, {}).setdefault(key or named.casefold(), named)
    return {c: list(people.values()) for c, people in found.items() if len(people) >= 2}


def _plural(drug_class: str) -> str:
    return {classes.BENZO: "benzodiazepines", classes.OPIOID: "opioids",
            classes.STIMULANT: "stimulants", classes.Z_DRUG: "Z-drugs",
            classes.BARBITURATE: "barbiturates"}.get(drug_class, drug_class)  # fmt: skip


@rule("benzo_alcohol", severity="moderate", label="Benzo + alcohol")
def benzo_alcohol(facts) -> Flag | None:
    """A benzodiazepine with any drinking; high when the AUDIT-C is positive."""
    if not facts.benzos or not facts.score("audit_c", "drinks"):
        return None
    positive = facts.score("audit_c", "positive") is True
    total = facts.score("audit_c", "total")
    frequency = facts.case.audit_c[0]
    return Flag(
        code="benzo_alcohol",
        severity="high" if positive else "moderate",
        title="Benzodiazepine and a positive alcohol screen"
        if positive
        else "Benzodiazepine and some drinking",
        rationale="Alcohol adds to a benzodiazepine's sedation and slowing of breathing, even "
        "below the AUDIT-C threshold."
        + (f" The AUDIT-C is positive ({total})." if positive else ""),
        source=f"{sources.KLONOPIN_LABEL}; {sources.NIDA}",
        education=slugs.ALCOHOL_OPIOIDS_SEDATIVES,
        triggered_by=(
            *(m.ref for m in facts.benzos),
            f"audit_c.item_1={frequency}",
            *([f"audit_c.total={total}"] if positive else []),
        ),
    )


@rule("pregnancy_benzo", severity="high", label="Benzo + pregnancy")
def pregnancy_benzo(facts) -> Flag | None:
    """A benzodiazepine, and pregnant ("yes" or "unsure") or breastfeeding ("yes")."""
    if not facts.benzos:
        return None
    pregnant = facts.case.pregnant if facts.case.pregnant in ("yes", "unsure") else None
    breastfeeding = facts.case.breastfeeding == "yes"
    if not pregnant and not breastfeeding:
        return None
    reasons = []
    if pregnant:
        maybe = "may be" if pregnant == "unsure" else "is"
        reasons.append(
            f"The patient {maybe} pregnant. Benzodiazepine use late in pregnancy can cause "
            "sedation and withdrawal in the newborn. Do not stop it abruptly: ACOG advises an "
            "individual plan weighing benefit against risk rather than stopping."
        )
    if breastfeeding:
        reasons.append(
            "The patient is breastfeeding. Clonazepam passes into breast milk: the infant "
            "should be watched for sedation and poor feeding."
        )
    return Flag(
        code="pregnancy_benzo",
        severity="high",
        title="Benzodiazepine "
        + " and ".join(
            (["in pregnancy"] if pregnant else [])
            + (["while breastfeeding"] if breastfeeding else [])
        ),
        rationale=" ".join(reasons),
        source=f"{sources.KLONOPIN_LABEL_PREGNANCY}; {sources.FDA_2020}; {sources.ACOG_2023}",
        education=slugs.PREGNANCY_BREASTFEEDING,
        triggered_by=(
            *(m.ref for m in facts.benzos),
            *([f"pregnant={pregnant}"] if pregnant else []),
            *(["breastfeeding=yes"] if breastfeeding else []),
        ),
    )
