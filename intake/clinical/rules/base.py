"""The flag value, the rule registry and the priority it gives a case."""

from collections.abc import Callable
from dataclasses import dataclass

SEVERITIES = ("stat", "high", "moderate", "routine")
PRIORITIES = ("stat", "urgent", "routine")


@dataclass(frozen=True)
class Flag:
    code: str
    severity: str
    title: str
    rationale: str  # plain language, for the psychiatrist
    source: str
    education: str  # an education page slug (education/slugs.py)
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
    def sort_key(self) -> tuple[int, str]:
        return SEVERITIES.index(self.severity), self.code


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
