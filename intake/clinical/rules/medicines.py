"""Medicines the catalog could not recognise: the psychiatrist checks them by hand."""

from intake.clinical.rules import sources
from intake.clinical.rules.base import NO_PAGE, Flag, rule


@rule("unrecognised_medicine", severity="moderate", label="Check this medicine")
def unrecognised_medicine(facts) -> Flag | None:
    """A medicine that matched nothing, matched two drugs, named only a class, or whose
    correction the patient did not confirm: no rule can read its dose, and its class only as
    a possible one (``rules/unconfirmed.py``)."""
    unknown = facts.unrecognised
    if not unknown:
        return None
    sedative = any(m.could_be_sedating for m in unknown)
    at_least = (
        " The diazepam-equivalent total counts only the benzodiazepines recognised, so it is "
        "a minimum."
        if sedative and facts.benzos
        else ""
    )
    return Flag(
        code="unrecognised_medicine",
        severity="moderate",
        title="Check this medicine: not recognised"
        if len(unknown) == 1
        else f"Check these {len(unknown)} medicines: not recognised",
        rationale=" ".join(_words(m) for m in unknown)
        + (
            " No other flag can check its dose or interactions for certain until it is identified."
            if len(unknown) == 1
            else " No other flag can check their doses or interactions for certain until they "
            "are identified."
        )
        + at_least
        + (
            " Until then the other flags count a name that may be an opioid, a "
            "benzodiazepine or one class only as that, marked “Possible”."
            if any(m.possible_classes for m in unknown)
            else ""
        ),
        source=sources.RXNORM_MATCHING,
        education=NO_PAGE,  # no page is about an unidentified medicine: none is linked
        triggered_by=tuple(f"{m.path}={m.input.name} ({m.how_matched()})" for m in unknown),
    )


def _words(m) -> str:
    return f"The patient typed “{m.input.name}”: {m.how_matched()}."
