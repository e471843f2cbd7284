"""Dose maths: total daily dose, diazepam-10-mg equivalents, and the words the UI shows.

Arithmetic is exact (decimals as written, not binary floats), so a dose on a threshold is
on it; values are rounded for display only.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from intake.clinical.catalog import CatalogEntry

TIMES = {1: "once a day", 2: "twice a day"}  # then "3 times a day", ...


def _d(value: float | int) -> Decimal:
    return Decimal(str(value))


def daily_dose_mg(
    strength_mg: float | None,
    amount_per_dose: float = 1,
    times_per_day: int | None = None,
    *,
    as_needed: bool = False,
    max_doses_per_day: int | None = None,
) -> float | None:
    """Strength x amount per dose x times per day; for as-needed use, the most per day.

    None when a needed number is unknown: the portal never guesses a dose.
    """
    per_day = max_doses_per_day if as_needed else times_per_day
    if strength_mg is None or per_day is None:
        return None
    return float(_d(strength_mg) * _d(amount_per_dose) * per_day)


def medication_daily_mg(medication) -> float | None:
    """``daily_dose_mg`` for a ``MedicationInput``."""
    return daily_dose_mg(
        medication.strength_mg,
        medication.amount_per_dose,
        medication.times_per_day,
        as_needed=medication.as_needed,
        max_doses_per_day=medication.max_doses_per_day,
    )


@dataclass(frozen=True)
class Equivalent:
    """A diazepam-equivalent range in mg/day, and the tables it comes from."""

    low: float
    high: float
    tables: tuple[str, ...]


def diazepam_equivalent(daily_mg: float | None, entry: CatalogEntry | None) -> Equivalent | None:
    """``daily_mg`` of a benzodiazepine as diazepam mg/day: the lowest and highest the tables
    give (a table's own range counts at both ends). None when it does not apply."""
    if daily_mg is None or entry is None or not entry.equivalence_tables:
        return None
    values = [
        _d(daily_mg) * 10 / _d(mg)
        for low, high in entry.equivalence_tables.values()
        for mg in (low, high)
    ]
    return Equivalent(float(min(values)), float(max(values)), tuple(entry.equivalence_tables))


def sum_equivalents(equivalents: Iterable[Equivalent | None]) -> Equivalent | None:
    """The summed range across benzodiazepines; None if there are none, or any is unknown."""
    items = list(equivalents)
    if not items or any(e is None for e in items):
        return None
    tables = tuple(dict.fromkeys(t for e in items for t in e.tables))
    return Equivalent(
        float(sum(_d(e.low) for e in items)), float(sum(_d(e.high) for e in items)), tables
    )


# Morphine milligram equivalents per mg of the oral opioid (CDC Clinical Practice Guideline
# for Prescribing Opioids for Pain, 2022, conversion table; clinical-reference.md section
# 9): MME/day = daily mg x factor. Not for buprenorphine (opioid use disorder treatment);
# fentanyl is by mcg/h of a patch, which the intake does not ask, and street products
# (heroin, kratom, "lean") have no known strength: none of these is converted.
MME_FACTORS = {
    "codeine": 0.15,
    "hydrocodone": 1,
    "hydromorphone": 5,
    "methadone": 4.7,
    "morphine": 1,
    "oxycodone": 1.5,
    "oxymorphone": 3,
    "tapentadol": 0.4,
    "tramadol": 0.2,
}
MME_CAUTION = 50  # CDC 2022: no hard cap, but 50 MME/day or more calls for extra caution
MME_SOURCE = "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022"


def mme_per_day(daily_mg: float | None, entry: CatalogEntry | None) -> float | None:
    """Morphine milligram equivalents a day, or None when the drug has no factor or the dose
    is unknown."""
    if daily_mg is None or entry is None or entry.generic not in MME_FACTORS:
        return None
    return float(_d(daily_mg) * _d(MME_FACTORS[entry.generic]))


def mg(value: float) -> str:
    """A dose for display: 1.0 -> "1", 0.125 -> "0.125", 2.54999 -> "2.55"."""
    return format(Decimal(str(round(value, 3))).normalize(), "f")


def times_words(times_per_day: int) -> str:
    return TIMES.get(times_per_day, f"{times_per_day} times a day")


def describe_daily_dose(
    strength_mg: float | None,
    amount_per_dose: float = 1,
    times_per_day: int | None = None,
    *,
    as_needed: bool = False,
    max_doses_per_day: int | None = None,
    taking: str = "as_prescribed",
) -> str:
    """The daily dose in words, e.g. "1 mg a day (0.5 mg tablet x 1, twice a day)".

    A patient who takes more than prescribed takes "at least" the prescribed dose: the
    total they gave is a floor, never a plain figure.
    """
    total = daily_dose_mg(
        strength_mg,
        amount_per_dose,
        times_per_day,
        as_needed=as_needed,
        max_doses_per_day=max_doses_per_day,
    )
    if total is None:
        return "daily dose not known"
    dose = f"{mg(strength_mg)} mg tablet x {mg(amount_per_dose)}"
    amount = f"at least {mg(total)}" if taking == "more" else mg(total)
    if as_needed:
        most = "once" if max_doses_per_day == 1 else f"{max_doses_per_day} times"
        if taking == "more":
            return f"{amount} mg a day ({dose}, as needed, prescribed at most {most} a day)"
        return f"up to {amount} mg a day ({dose}, as needed, at most {most} a day)"
    return f"{amount} mg a day ({dose}, {times_words(times_per_day)})"
