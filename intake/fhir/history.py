"""FHIR R4 resources for what the patient reported about their health: an AllergyIntolerance
with the medicine allergies in their words (or one "no known drug allergy"), a Condition
per health condition and past psychiatric diagnosis, and an Observation for a fall in the
past year.

Everything here is the patient's word, not a clinician's finding: each resource is
``unconfirmed`` and asserted by the patient, and carries the patient's text. Codes are given
only where certain (SNOMED CT 409137002 "No known drug allergy", as in HL7's own NKDA
example); the conditions are text.
"""

from ..forms.history import DIAGNOSES

ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
SNOMED = "http://snomed.info/sct"
NO_KNOWN_DRUG_ALLERGY = ("409137002", "No known drug allergy")

# Health-conditions answer -> (the Condition's text, whether the question asks about now).
# "Do you have ..." is a current condition (clinicalStatus active); "have you ever had ..."
# may be long past, so its clinical status is left unknown.
HEALTH_CONDITIONS = {
    "sleep_apnoea": ("Sleep apnoea", True),
    "lung_disease": ("COPD, emphysema or another lung disease", True),
    "liver_disease": ("Liver disease", True),
    "kidney_disease": ("Kidney disease", True),
    "seizures": ("Seizure or fit, at some time", False),
    "head_injury": ("Serious head injury or concussion, at some time", False),
}


def _status(system: str, code: str) -> dict:
    return {"coding": [{"system": system, "code": code}]}


def _allergy(code: dict, subject: dict, when: str | None) -> dict:
    resource = {
        "resourceType": "AllergyIntolerance",
        "clinicalStatus": _status(ALLERGY_CLINICAL, "active"),
        "verificationStatus": _status(ALLERGY_VERIFICATION, "unconfirmed"),
        "category": ["medication"],
        "code": code,
        "patient": subject,
        "asserter": subject,
    }
    if when:
        resource["recordedDate"] = when
    return resource


def allergy_intolerances(
    answers: dict, subject: dict, when: str | None, *, coding: list[dict] | None = None
) -> list[dict]:
    """The medicine allergies the patient reported, as one AllergyIntolerance in their own
    words (one box asks which medicines and what happened: a machine cannot tell a second
    medicine from a reaction, "penicillin, sulfa", so neither is guessed into a field of
    its own); one "no known drug allergy" for a "no"; none when not answered. ``coding``:
    the RxNorm code of the one catalog medicine the words name, when they name exactly one."""
    said = (answers.get("health") or {}).get("medicine_allergies")
    if said is False:
        code, display = NO_KNOWN_DRUG_ALLERGY
        concept = {"coding": [{"system": SNOMED, "code": code, "display": display}],
                   "text": "No known medicine allergies (patient-reported)"}  # fmt: skip
        return [_allergy(concept, subject, when)]
    if said is not True:
        return []
    words = " ".join((answers.get("allergy_details") or "").split())
    concept = {"text": words or "Medicine allergy, not named"}
    if coding:
        concept["coding"] = coding
    resource = _allergy(concept, subject, when)
    resource["note"] = [
        {"text": "In the patient's words: the medicines and, where given, what happened."}
    ]
    return [resource]


def _condition(text: str, subject: dict, when: str | None, *, current: bool) -> dict:
    resource = {
        "resourceType": "Condition",
        "verificationStatus": _status(CONDITION_VERIFICATION, "unconfirmed"),
        "category": [_status(CONDITION_CATEGORY, "health-concern")],
        "code": {"text": text},
        "subject": subject,
        "asserter": subject,
    }
    if current:
        resource["clinicalStatus"] = _status(CONDITION_CLINICAL, "active")
    if when:
        resource["recordedDate"] = when
    return resource


def conditions(answers: dict, subject: dict, when: str | None) -> list[dict]:
    """A Condition per health condition answered "yes" and per past psychiatric diagnosis
    (the ticked ones by their label, then "other" in the patient's words)."""
    health = answers.get("health") or {}
    found = [
        _condition(text, subject, when, current=current)
        for key, (text, current) in HEALTH_CONDITIONS.items()
        if health.get(key) is True
    ]
    history = answers.get("psych_history") or {}
    labels = {key: str(label) for key, label in DIAGNOSES}
    told = [labels.get(key, key) for key in history.get("diagnoses") or []]
    if history.get("diagnoses_other"):
        told.append(history["diagnoses_other"])
    for text in told:
        diagnosis = _condition(text, subject, when, current=False)
        diagnosis["note"] = [{"text": "The patient says a doctor or therapist diagnosed this."}]
        found.append(diagnosis)
    return found


def fall_observation(answers: dict, subject: dict, when: str | None) -> dict | None:
    """The answer to "Have you fallen in the past year?" as a survey Observation (a screening
    answer, not a diagnosis), or None when not answered."""
    fell = (answers.get("health") or {}).get("falls_past_year")
    if not isinstance(fell, bool):
        return None
    resource = {
        "resourceType": "Observation",
        "status": "final",
        "category": [_status(OBSERVATION_CATEGORY, "survey")],
        "code": {"text": "Fallen in the past year (patient-reported)"},
        "subject": subject,
        "valueBoolean": fell,
    }
    if when:
        resource["effectiveDateTime"] = when
    return resource
