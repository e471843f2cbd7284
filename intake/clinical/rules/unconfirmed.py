"""Probable is not nothing: a flag that an unconfirmed medicine name would raise.

A name the patient did not confirm (a correction declined or not answered) or an ambiguous
one ("klonopin and xanax", "tramadone") counts for the rules as what it may be
(``Facts.assumed``): the class all its candidates share, or each opioid or benzodiazepine
among them. For each rule below, ``possible_<code>`` is raised when the rule fires on those
assumed facts and not on the confirmed ones, at the rule's own severity, saying that it
rests on an unconfirmed name: the psychiatrist sees the risk and the doubt together.
Registered after every other rule (the package imports this module last: keep its name
sorting after the other rule modules).
"""

from dataclasses import replace

from intake.clinical.rules import sources
from intake.clinical.rules.base import RULE_INFO, RULES, Flag, rule

# The rules that read a medicine's class, in the order of the flag table.
POSSIBLE_OF = (
    "opioid_benzo",
    "multiple_benzos",
    "age65_benzo",
    "pregnancy_benzo",
    "benzo_alcohol",
    "benzo_respiratory",
    "misuse_signals",
    "cns_load",
    "mood_switch_risk",
    "allergy_conflict",
)


def possible(code: str) -> None:
    """Register ``possible_<code>``: the rule ``code`` on the assumed facts."""
    base, info = RULES[code], RULE_INFO[code]
    label = f"Possible {_lower_first(info.label)}"

    @rule(f"possible_{code}", severity=info.severity, label=label)
    def check(facts) -> Flag | None:
        if facts.assumed is None or base(facts) is not None:
            return None  # nothing in doubt, or the confirmed rule already says it
        flag = base(facts.assumed)
        if flag is None:
            return None
        # The unconfirmed names this flag rests on (all of them if its triggers do not say).
        named = [m for m in facts.unconfirmed if _rests_on(flag, m)] or facts.unconfirmed
        doubts = "; ".join(f"“{m.input.name}” ({m.how_matched()})" for m in named)
        return replace(
            flag,
            code=f"possible_{code}",
            title=f"Possible: {_lower_first(flag.title)} (unconfirmed name)",
            rationale=f"This rests on a medicine name the patient has not confirmed: {doubts}. "
            f"If it is what it may be: {flag.rationale}",
            source=f"{flag.source}; {sources.UNCONFIRMED_NAME}",
        )

    check.__doc__ = f"``{code}`` counting each unconfirmed name as what it may be."


def _rests_on(flag: Flag, medication) -> bool:
    """Whether one of the flag's triggers is this medicine's answer."""
    return any(t.startswith(f"{medication.path}=") or t.startswith(f"{medication.path}.")
               for t in flag.triggered_by)  # fmt: skip


def _lower_first(words: str) -> str:
    """ "Opioid + benzo" -> "opioid + benzo"; an acronym stays ("CNS load")."""
    if words[1:2].isupper():
        return words
    return words[0].lower() + words[1:]


for _code in POSSIBLE_OF:
    possible(_code)
