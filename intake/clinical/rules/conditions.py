"""Health conditions that change how safe a benzodiazepine is: the lungs and the liver."""

from education import slugs
from intake.clinical.rules import sources
from intake.clinical.rules.base import Flag, rule

# The conditions in which a benzodiazepine's respiratory depression matters most (label
# warnings: compromised respiratory function, e.g. COPD or sleep apnoea).
RESPIRATORY = (
    ("sleep_apnoea", "sleep apnoea"),
    ("lung_disease", "COPD or other lung disease"),
)


@rule("benzo_respiratory", severity="high", label="Benzo + lungs")
def benzo_respiratory(facts) -> Flag | None:
    """A benzodiazepine with sleep apnoea, COPD or another lung disease."""
    if not facts.benzos:
        return None
    health = facts.case.health
    present = [(key, words) for key, words in RESPIRATORY if getattr(health, key) is True]
    if not present:
        return None
    conditions = " and ".join(words for _, words in present)
    return Flag(
        code="benzo_respiratory",
        severity="high",
        title="Benzodiazepine with sleep apnoea or lung disease",
        rationale=f"The patient reports {conditions}. Benzodiazepines can depress breathing; "
        "the label advises caution with compromised respiratory function (such as COPD or "
        "sleep apnoea), and the risk adds up with opioids, alcohol and other sedatives.",
        source=f"{sources.KLONOPIN_LABEL} (warnings: respiratory depression); {sources.BEERS_2023}",
        education=slugs.WHAT_CHANGES_DOSE,
        triggered_by=(
            *(m.ref for m in facts.benzos),
            *(f"health.{key}=true" for key, _ in present),
        ),
    )


@rule("benzo_hepatic", severity="moderate", label="Benzo + liver")
def benzo_hepatic(facts) -> Flag | None:
    """A benzodiazepine with liver disease."""
    if not facts.benzos or facts.case.health.liver_disease is not True:
        return None
    return Flag(
        code="benzo_hepatic",
        severity="moderate",
        title="Benzodiazepine with liver disease",
        rationale="The patient reports liver disease. Most benzodiazepines are cleared by the "
        "liver, so levels and sedation can build up; the label names significant liver "
        "disease as a contraindication (lorazepam, oxazepam and temazepam depend least on "
        "liver oxidation).",
        source=f"{sources.KLONOPIN_LABEL} (contraindications and use in hepatic impairment)",
        education=slugs.WHAT_CHANGES_DOSE,
        triggered_by=(*(m.ref for m in facts.benzos), "health.liver_disease=true"),
    )
