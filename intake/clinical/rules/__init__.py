"""Decision-support rules: one function per flag, registered by code in ``RULES``.

Each rule takes ``Facts`` (intake.clinical.facts) and returns a ``Flag`` or None. Adding a
rule is adding one decorated function (and its table of cases in tests/clinical).
"""

from intake.clinical.rules import benzo, dependence, safety, screening, sedation  # noqa: F401
from intake.clinical.rules.base import PRIORITIES, RULES, SEVERITIES, Flag, priority, rule

__all__ = ["PRIORITIES", "RULES", "SEVERITIES", "Flag", "priority", "rule", "run_rules"]


def run_rules(facts) -> list[Flag]:
    """Every flag the case raises, ordered by severity (stat first), then code."""
    flags = [flag for check in RULES.values() if (flag := check(facts)) is not None]
    return sorted(flags, key=lambda flag: flag.sort_key)
