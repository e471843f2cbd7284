"""The flag value, the rule registry and the priority it gives a case."""

from collections.abc import Callable
from dataclasses import dataclass

SEVERITIES = ("stat", "high", "moderate", "routine")
# A flag's ``education`` when no education page is about its subject: no link is shown
# rather than one to a page about something else.
NO_PAGE = ""
PRIORITIES = ("stat", "urgent", "routine")


@dataclass(frozen=True)
class Flag:
    code: str
    severity: str
    title: str
    rationale: str  # plain language, for the psychiatrist
    source: str
    education: str  # an education page slug (education/slugs.py), or NO_PAGE
    triggered_by: tuple[str, ...]
    imminent: bool | None = None  # self_harm only

    def to_dict(self) -> dict:
        data = {
            "code": self.code,
            "severity": self.severity,
            "title": self.title,
            "rationale": self.rationale,
            "source": self.source,
            "education": self.education,
            "triggered_by": list(self.triggered_by),
        }
        if self.imminent is not None:
            data["imminent"] = self.imminent
        return data

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Severity first, then clinical weight (``CLINICAL_WEIGHT``), then code."""
        return SEVERITIES.index(self.severity), clinical_weight(self.code), self.code


# Within one severity, the order a psychiatrist should read the flags in: what can stop
# breathing or end a life first (self-harm; an opioid, the lungs or alcohol with a
# benzodiazepine), then what changes a prescription today (two benzodiazepines, a dose
# above the maximum, withdrawal, an allergy, pregnancy, mania, misuse), then the rest. A
# possible_<code> flag (an unconfirmed name) reads right after its rule.
CLINICAL_WEIGHT = (
    "self_harm",
    "past_suicidal_behaviour",
    "opioid_benzo",
    "benzo_respiratory",
    "benzo_alcohol",
    "multiple_benzos",
    "clonazepam_above_max",
    "withdrawal_risk",
    "allergy_conflict",
    "pregnancy_benzo",
    "mood_switch_risk",
    "misuse_signals",
    "severe_depression",
    "phq9_worsening",
    "gad7_worsening",
    "age65_benzo",
    "eating_disorder",
    "cns_load",
    "oversedation",
    "fall_risk",
    "dependence_risk",
    "benzo_hepatic",
    "unrecognised_medicine",
    "audit_c_positive",
    "dast_moderate",
    "undertreated",
)


def clinical_weight(code: str) -> int:
    """The flag's place in ``CLINICAL_WEIGHT`` (twice as fine, so that possible_<code>
    follows <code>); an unlisted code after every listed one."""
    base = code.removeprefix("possible_")
    if base not in CLINICAL_WEIGHT:
        return 2 * len(CLINICAL_WEIGHT)
    return 2 * CLINICAL_WEIGHT.index(base) + (base != code)


@dataclass(frozen=True)
class RuleInfo:
    """What the queue shows of a rule, declared once with it."""

    code: str
    severity: str  # the usual severity (a flag may say otherwise in a given case)
    label: str  # the queue's short badge, e.g. "Opioid + benzo"


Rule = Callable[..., Flag | None]
RULES: dict[str, Rule] = {}
RULE_INFO: dict[str, RuleInfo] = {}


def rule(code: str, *, severity: str, label: str) -> Callable[[Rule], Rule]:
    """Register a rule under its flag code, with its usual severity and queue badge:
    adding a rule is adding one function (and its table of cases)."""
    if severity not in SEVERITIES:
        raise ValueError(f"{code}: unknown severity {severity!r}")

    def register(function: Rule) -> Rule:
        if code in RULES:
            raise ValueError(f"two rules for flag {code}")
        RULES[code] = function
        RULE_INFO[code] = RuleInfo(code, severity, label)
        function.code = code
        return function

    return register


def priority(flags) -> str:
    """stat if any stat flag, else urgent if any high flag, else routine."""
    severities = {flag.severity for flag in flags}
    if "stat" in severities:
        return "stat"
    return "urgent" if "high" in severities else "routine"


def driving_line(facts) -> str:
    """The sentence a sedation flag adds when the patient drives while taking the medicine."""
    if facts.case.side_effects.driving is not True:
        return ""
    return (
        " The patient drives while taking it: the label warns against driving until they know "
        "the medicine does not impair them, and sedation adds up with other sedatives."
    )
