"""Screening results and symptoms that persist on treatment."""

from dataclasses import dataclass

from education import slugs
from intake.clinical import catalog_data as classes
from intake.clinical.rules import sources
from intake.clinical.rules.base import Flag, rule

AUDIT_C_HIGH_RISK = 8
DAST_MODERATE = 3
GAD_7_SEVERE = 15
PHQ_9_SEVERE = 20
PHQ_9_MODERATELY_SEVERE = 15
# The article's "4-6 weeks for full effect": we wait for the end of that window.
STABLE_WEEKS = 6
# Our own working threshold for "frequent" panic attacks (not from a source).
FREQUENT_PANIC_PER_WEEK = 2
ANXIETY_TREATMENTS = (
    classes.BENZO,
    classes.SSRI,
    classes.SNRI,
    classes.BUSPIRONE,
    classes.GABAPENTINOID,
)


@dataclass(frozen=True)
class Reached:
    """An instrument at or above a threshold: by its ``total``, or, with items missing, by
    the ``minimum`` the answered items already give or the ``prorated`` total."""

    value: int
    rule: str  # "total", "minimum" or "prorated"
    triggers: tuple[str, ...]
    gap: str = ""  # "item 9 not answered"
    least: int | None = None
    answered: int | None = None
    of: int | None = None

    def title_words(self, name: str) -> str:
        """ "PHQ-9 24", "PHQ-9 at least 24; item 9 not answered", "PHQ-9 16 prorated; ..." """
        if self.rule == "total":
            return f"{name} {self.value}"
        value = f"at least {self.value}" if self.rule == "minimum" else f"{self.value} prorated"
        return f"{name} {value}; {self.gap}"

    def words(self, name: str) -> str:
        if self.rule == "total":
            return f"The {name} total is {self.value}"
        if self.rule == "minimum":
            return (
                f"The {name} is incomplete ({self.gap}): the answered items alone already "
                f"total {self.value}, so it is at least {self.value}"
            )
        return (
            f"The {name} is incomplete ({self.gap}): prorated, it is {self.value} (the mean "
            f"of the {self.answered} answered items x {self.of}); the answered items alone "
            f"total {self.least}"
        )


def reaches(facts, instrument: str, threshold: int) -> Reached | None:
    """The instrument at or above ``threshold``: its total; for a PHQ-9 or GAD-7 with items
    missing, the least total its answered items give (the band is then certain), else the
    prorated total (one item missing). None when it does not reach it."""
    score = facts.scores.get(instrument) or {}
    if score.get("total") is not None:
        value = score["total"]
        triggers = (f"{instrument}.total={value}",)
        return Reached(value, "total", triggers) if value >= threshold else None
    missing = score.get("missing_items") or []
    gap = f"item{'s' if len(missing) > 1 else ''} {', '.join(map(str, missing))} not answered"
    unanswered = tuple(f"{instrument}.item_{n}=not answered" for n in missing)
    least, prorated = score.get("minimum_total"), score.get("prorated_total")
    partial = {"gap": gap, "least": least, "answered": score.get("answered"), "of": score.get("of")}
    if least is not None and least >= threshold:
        triggers = (f"{instrument}.minimum_total={least}", *unanswered)
        return Reached(least, "minimum", triggers, **partial)
    if prorated is not None and prorated >= threshold:
        triggers = (f"{instrument}.prorated_total={prorated}", *unanswered)
        return Reached(prorated, "prorated", triggers, **partial)
    return None


@rule("audit_c_positive", severity="moderate", label="AUDIT-C +")
def audit_c_positive(facts) -> Flag | None:
    """AUDIT-C at or above the threshold for the patient's sex (4 men, 3 women or unknown)."""
    if facts.score("audit_c", "positive") is not True:
        return None
    total = facts.score("audit_c", "total")
    threshold = facts.score("audit_c", "threshold")
    high = " 8 or more is commonly treated as high risk." if total >= AUDIT_C_HIGH_RISK else ""
    return Flag(
        code="audit_c_positive",
        severity="moderate",
        title=f"Positive alcohol screen (AUDIT-C {total})",
        rationale=f"The AUDIT-C total is {total}; the positive threshold for this patient is "
        f"{threshold} (4 for men, 3 for women or when sex is not given).{high}",
        source=sources.AUDIT_C,
        education=slugs.ALCOHOL_OPIOIDS_SEDATIVES,
        triggered_by=(f"audit_c.total={total}", f"sex_at_birth={facts.case.sex_at_birth}"),
    )


@rule("dast_moderate", severity="moderate", label="DAST-10 moderate")
def dast_moderate(facts) -> Flag | None:
    """DAST-10 of 3 or more (moderate, substantial or severe)."""
    total = facts.score("dast_10", "total")
    if total is None or total < DAST_MODERATE:
        return None
    band = facts.score("dast_10", "band")
    return Flag(
        code="dast_moderate",
        severity="moderate",
        title=f"Drug use screen: {band} (DAST-10 {total})",
        rationale=f"The DAST-10 total is {total} ({band}: 3-5 moderate, 6-8 substantial, "
        "9-10 severe), for drug use other than alcohol and tobacco in the past 12 months.",
        source=sources.DAST_10,
        education=slugs.ALCOHOL_OPIOIDS_SEDATIVES,
        triggered_by=(f"dast_10.total={total}",),
    )


def _persisting_symptoms(facts) -> list[str]:
    signs = []
    gad = reaches(facts, "gad_7", GAD_7_SEVERE)
    if gad:
        signs.extend(gad.triggers)
    breakthrough = facts.case.side_effects.breakthrough_anxiety
    if breakthrough in ("moderate", "severe"):
        signs.append(f"side_effects.breakthrough_anxiety={breakthrough}")
    panic = facts.case.panic_attacks_per_week
    if panic is not None and panic >= FREQUENT_PANIC_PER_WEEK:
        signs.append(f"panic_attacks_per_week={panic}")
    return signs


@rule("undertreated", severity="routine", label="Undertreated")
def undertreated(facts) -> Flag | None:
    """Severe anxiety, breakthrough anxiety or frequent panic after 6+ weeks on a stable dose."""
    stable = [
        m
        for m in facts.of_class(*ANXIETY_TREATMENTS)
        if m.input.taking == "as_prescribed"
        and m.input.weeks_taking is not None
        and m.input.weeks_taking >= STABLE_WEEKS
    ]
    signs = _persisting_symptoms(facts)
    if not stable or not signs:
        return None
    return Flag(
        code="undertreated",
        severity="routine",
        title="Anxiety may be undertreated",
        rationale="Symptoms persist after 6 or more weeks on a stable dose (the portal's "
        "working window for a treatment to reach full effect): severe anxiety (GAD-7 15+), "
        "breakthrough anxiety between doses, or frequent panic attacks (2+ a week). Worth "
        "reviewing the dose, its timing or the treatment.",
        source=sources.GAD_7,
        education=slugs.DOSE_TOO_HIGH_OR_LOW,
        triggered_by=(
            *(f"{m.ref} ({m.input.how_long()})" for m in stable),
            *signs,
        ),
    )


@rule("severe_depression", severity="high", label="Severe depression")
def severe_depression(facts) -> Flag | None:
    """PHQ-9 total of 20 or more (high) or 15-19 (moderate), whatever item 9 says. With items
    missing: the least total the answered items give when it reaches a band, else the
    prorated total (one item missing), saying which and naming the gap."""
    found = reaches(facts, "phq_9", PHQ_9_MODERATELY_SEVERE)
    if found is None:
        return None
    severe = found.value >= PHQ_9_SEVERE
    incomplete = found.rule != "total"
    return Flag(
        code="severe_depression",
        severity="high" if severe else "moderate",
        title=f"{'Severe' if severe else 'Moderately severe'} depression "
        f"({found.title_words('PHQ-9')})",
        rationale=found.words("PHQ-9")
        + " (15-19 moderately severe, 20-27 severe): active treatment is warranted."
        + (" A severe total is a clinical priority even when item 9 is 0." if severe else "")
        + (" Ask the missing item at the visit." if incomplete else ""),
        source=sources.PHQ_9_SEVERITY + (f"; {sources.MISSING_ITEMS}" if incomplete else ""),
        education=slugs.GETTING_HELP_NOW,
        triggered_by=found.triggers,
    )
