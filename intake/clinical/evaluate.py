"""A case plus the catalog in, an ``Evaluation`` out: scores, medications, flags, priority.

``Evaluation.to_dict()`` is the output format of the case file evaluator (docs/clinical.md,
"Output"), and what the portal stores and shows.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from intake.clinical import instruments
from intake.clinical.case import Case
from intake.clinical.catalog import (
    AMBIGUOUS,
    CORRECTED,
    CatalogEntry,
    CatalogIndex,
    MedicineMatch,
    build_index,
    match_medicine,
    normalise,
)
from intake.clinical.dosing import (
    MME_SOURCE,
    describe_daily_dose,
    diazepam_equivalent,
    medication_daily_mg,
    mme_per_day,
    sum_equivalents,
)
from intake.clinical.facts import Facts, ResolvedMedication
from intake.clinical.rules import Flag, priority, run_rules


@dataclass(frozen=True)
class Evaluation:
    case: Case
    medications: tuple[ResolvedMedication, ...]
    scores: dict
    flags: tuple[Flag, ...]
    priority: str

    def to_dict(self) -> dict:
        # The total adds the benzodiazepines recognised; "benzos" alone has no dose.
        benzos = [m for m in self.medications if m.is_benzo and m.entry]
        total = sum_equivalents(m.equivalent for m in benzos) if benzos else None
        return {
            "age": self.case.age,
            "priority": self.priority,
            "scores": {key: dict(score) for key, score in self.scores.items()},
            "medications": [_medication_dict(m) for m in self.medications],
            "diazepam_equivalent": None
            if total is None
            else {
                "total_mg": _range(total),
                "tables": list(total.tables),
                "at_least": total_is_minimum(self.medications),
            },
            "flags": [flag.to_dict() for flag in self.flags],
            **_mme_total(self.medications),
        }


def _mme_total(medications) -> dict:
    """The opioids' morphine milligram equivalents a day, summed (``mme_per_day``), when any
    opioid has a conversion factor; ``at_least`` when another opioid could not be converted
    or one is taken more than prescribed."""
    opioids = [m for m in medications if m.drug_class == "opioid" and m.entry]
    each = [mme_per_day(m.daily_mg, m.entry) for m in opioids]
    if all(v is None for v in each):
        return {}
    return {
        "mme_per_day": {
            "total": round(sum(v for v in each if v is not None), 1),
            "at_least": None in each or any(m.input.taking == "more" for m in opioids),
            "source": MME_SOURCE,
        }
    }


def total_is_minimum(medications) -> bool:
    """The diazepam-equivalent total is a floor: a benzodiazepine is taken more than
    prescribed, or a medicine that could be a sedative was not recognised."""
    return any(m.is_benzo and m.input.taking == "more" for m in medications) or any(
        m.could_be_sedating for m in medications
    )


def _range(equivalent) -> list[float]:
    return [round(equivalent.low, 1), round(equivalent.high, 1)]


def _medication_dict(m: ResolvedMedication) -> dict:
    data = {
        "input": m.input.name,
        "generic": m.generic,
        "class": m.drug_class,
        **_match_dict(m),
        "daily_mg": None if m.daily_mg is None else round(m.daily_mg, 3),
        "daily_dose": describe_daily_dose(
            m.input.strength_mg,
            m.input.amount_per_dose,
            m.input.times_per_day,
            as_needed=m.input.as_needed,
            max_doses_per_day=m.input.max_doses_per_day,
            taking=m.input.taking,
        ),
        "diazepam_equivalent_mg": None if m.equivalent is None else _range(m.equivalent),
        "diazepam_equivalent_tables": None if m.equivalent is None else list(m.equivalent.tables),
    }
    mme = mme_per_day(m.daily_mg, m.entry)
    if mme is not None:  # opioids with a CDC 2022 conversion factor
        data["mme_per_day"] = round(mme, 1)
    if m.entry and m.entry.equivalence_note:
        data["equivalence_note"] = m.entry.equivalence_note
    return data


def _match_dict(m: ResolvedMedication) -> dict:
    """How the name was matched: ``match`` and ``score`` always; what a correction proposed
    and whether the patient confirmed it; the candidates of an ambiguous name."""
    found = m.match
    data = {"match": found.kind, "score": found.score}
    if found.kind == "corrected":
        data["suggested"] = found.generic
        data["confirmed"] = m.input.confirmed
    if found.candidates:
        data["candidates"] = list(found.candidates)
    if found.kind == AMBIGUOUS and m.entry:
        data["chosen"] = m.generic  # the patient picked it when asked
    if m.possible_classes:  # what the rules count it as until the patient says
        data["possible"] = {"classes": list(m.possible_classes), "doubt": m.how_matched()}
    return data


def score_case(case: Case) -> dict:
    """The scores of the instruments that were answered, in a fixed order."""
    scorers = {
        "gad_7": instruments.score_gad_7,
        "phq_9": instruments.score_phq_9,
        "audit_c": lambda answers: instruments.score_audit_c(answers, case.sex_at_birth),
        "dast_10": instruments.score_dast_10,
        "cssrs": instruments.score_cssrs,
    }
    return {
        key: score(getattr(case, key))
        for key, score in scorers.items()
        if getattr(case, key) is not None
    }


def resolve_medications(
    case: Case, entries: CatalogIndex | Iterable[CatalogEntry]
) -> tuple[ResolvedMedication, ...]:
    """Each medicine matched against the catalog; pass a built ``CatalogIndex`` to reuse it.

    A corrected name counts only when the patient confirmed it (``confirmed`` true).
    """
    index = entries if isinstance(entries, CatalogIndex) else build_index(entries)
    resolved = []
    for n, medication in enumerate(case.medications):
        found = match_medicine(medication.name, index)
        entry = found.used_entry(medication.confirmed) or _chosen(found, medication, index)
        daily = medication_daily_mg(medication)
        equivalent = (
            diazepam_equivalent(daily, entry) if entry and entry.is_benzodiazepine else None
        )
        candidates = () if entry else _candidates(found, index)
        resolved.append(
            ResolvedMedication(n, medication, entry, daily, equivalent, found, candidates)
        )
    return tuple(resolved)


def _chosen(found: MedicineMatch, medication, index: CatalogIndex) -> CatalogEntry | None:
    """The candidate the patient picked for an ambiguous name, while it is still one."""
    if found.kind != AMBIGUOUS or medication.chosen not in found.candidates:
        return None
    return index[normalise(medication.chosen)]


def _candidates(found: MedicineMatch, index: CatalogIndex) -> tuple[CatalogEntry, ...]:
    """The catalog drugs an unrecognised name may be: its unconfirmed correction, or the
    candidates of an ambiguous name."""
    if found.kind == CORRECTED:
        return (found.entry,)
    if found.kind == AMBIGUOUS:
        return tuple(index[normalise(g)] for g in found.candidates if normalise(g) in index)
    return ()


def evaluate(case: Case, entries: CatalogIndex | Iterable[CatalogEntry]) -> Evaluation:
    medications = resolve_medications(case, entries)
    scores = score_case(case)
    flags = tuple(run_rules(Facts(case, medications, scores)))
    return Evaluation(case, medications, scores, flags, priority(flags))
