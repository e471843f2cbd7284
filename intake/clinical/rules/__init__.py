"""Decision-support rules: one function per flag, registered by code in ``RULES``.

Each rule takes ``Facts`` (intake.clinical.facts) and returns a ``Flag`` or None. Adding a
rule is adding one decorated function (and its table of cases in tests/clinical).
"""

from intake.clinical.rules import (  # noqa: F401  (importing them registers the rules)
    benzo,
    change,
    conditions,
    dependence,
    history,
    medicines,
    safety,
    screening,
    sedation,
    unconfirmed,  # (last, as the names sort: it wraps the rules the others register)
)
from intake.clinical.rules.base import (
    PRIORITIES,
    RULE_INFO,
    RULES,
    SEVERITIES,
    Flag,
    RuleInfo,
    priority,
    rule,
)

__all__ = [
    "PRIORITIES",
    "RULES",
    "RULE_INFO",
    "SEVERITIES",
    "Flag",
    "RuleInfo",
    "priority",
    "rule",
    "run_rules",
]


def run_rules(facts) -> list[Flag]:
    """Every flag the case raises, ordered by severity (stat first), then clinical weight
    (``base.CLINICAL_WEIGHT``), then code."""
    flags = [flag for check in RULES.values() if (flag := check(facts)) is not None]
    return sorted(flags, key=lambda flag: flag.sort_key)
