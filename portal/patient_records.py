"""Which audited rows are about a patient, as each app says.

The portal knows accounts; an app that keeps rows about a patient (the intake app: their
intakes) registers how to find them, so the access report and the audit viewer's patient
filter can name them without the portal importing that app (it sits above the portal).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PatientRecord:
    """One row about a patient, as the audit log names it: ``object_type`` and
    ``object_id``, and the random public id a queue page lists it by ("" if none)."""

    object_type: str
    object_id: str
    public_id: str = ""


_finders: list[Callable[[int], list[PatientRecord]]] = []


def patient_records_register(finder: Callable[[int], list[PatientRecord]]) -> None:
    """Called once per app at start (``AppConfig.ready``)."""
    if finder not in _finders:
        _finders.append(finder)


def patient_records(patient_id: int) -> list[PatientRecord]:
    """Every registered app's rows about this patient."""
    return [record for finder in _finders for record in finder(patient_id)]
