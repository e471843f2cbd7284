"""A follow-up intake's medicine reconciliation in FHIR R4 MedicationStatements.

R4's ``MedicationStatement.status`` has ``active`` and ``stopped`` but no "changed": a medicine
still taken at a new dose is ``active``, and the change is said in a ``note``. The spec's
comment on ``statusReason`` keeps it for the exception statuses (not-taken, on-hold,
stopped), so it is not used to carry "changed" on an active statement, and no extension is
made up for it: a receiving record reads the status it knows and the note in words. A
stopped medicine is its own statement, ``stopped``, with its last dose and when the patient
says they stopped (free words, so a note rather than ``effectivePeriod.end``).
"""

from ..forms.follow_up import CHANGED, NEW, RECONCILED, STOPPED, UNCHANGED
from ..summary import daily_dose_in_words
from .export import RXNORM

RECONCILIATION_NOTES = {
    UNCHANGED: "Medicine reconciliation: still taken at the same dose as at the last visit.",
    CHANGED: "Medicine reconciliation: still taken, at a dose changed since the last visit.",
    NEW: "Medicine reconciliation: new since the last visit.",
}


def reconciliation_note(answered: dict) -> str:
    """The note a current medicine's statement carries in a follow-up ("" otherwise)."""
    return RECONCILIATION_NOTES.get(answered.get(RECONCILED), "")


def stopped_medicines(answers: dict) -> list[dict]:
    """The medicines the patient said they stopped, as stored (``stopped_medications``)."""
    return [m for m in answers.get(STOPPED) or [] if isinstance(m, dict) and m.get("name")]


def stopped_statement(medication: dict, subject: dict, when, rxnorm, dosage) -> dict:
    """A stopped medicine: ``dosage`` is the Bundle's dose builder, given its last dose."""
    name = medication.get("generic") or medication["name"]
    concept: dict = {"text": medication["name"]}
    if rxnorm:
        concept["coding"] = [{"system": RXNORM, "code": rxnorm, "display": name}]
    said = medication.get("stopped_when") or "date not given"
    resource = {
        "resourceType": "MedicationStatement",
        "status": "stopped",
        "category": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/medication-statement-category",
                    "code": "patientspecified",
                }
            ]
        },
        "medicationCodeableConcept": concept,
        "subject": subject,
        "informationSource": subject,
        "dosage": [dosage(medication, str(daily_dose_in_words(medication)))],
        "note": [
            {
                "text": f"Medicine reconciliation: stopped since the last visit ({said}, as "
                "the patient says); the dose is the last one taken."
            }
        ],  # fmt: skip
    }
    if when:
        resource["dateAsserted"] = when
    return resource
