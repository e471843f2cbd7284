"""The intake as an R4 ``collection`` Bundle a receiving record can file without reading the
QuestionnaireResponse: a MedicationStatement per medicine with a structured dose, an
Observation per instrument total, a RiskAssessment for the C-SSRS screener that says what
it rests on, a Flag per decision-support flag, and what the patient reported about their
health (``history``: allergies, conditions, a fall), and a Consent per signature
(``consent``).

Everything is FHIR R4 (4.0.1); the download says so in its media type
(``application/fhir+json; fhirVersion=4.0``). Codes are given only where they are certain:
RxNorm for catalog medicines the rules recognised, LOINC for the instrument totals, HL7's
own code systems for statuses and risk; the portal's own code system otherwise.
"""

import re
import uuid

from django.conf import settings

from ..clinical.instruments import INSTRUMENTS, Instrument
from ..evaluation import match_medication, medicine_pair
from ..models import Intake, Medication
from . import history as fhir_history
from . import reconciliation
from .consent import consent_resources
from .export import LOINC, RXNORM, _coding, questionnaire_response

FHIR_MEDIA_TYPE = "application/fhir+json; fhirVersion=4.0"
UCUM = "http://unitsofmeasure.org"
FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
STATEMENT_CATEGORY = "http://terminology.hl7.org/CodeSystem/medication-statement-category"
RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability"
PORTAL_FLAGS = "/fhir/CodeSystem/decision-support-flags"
PORTAL_OUTCOMES = "/fhir/CodeSystem/risk-outcomes"
# The screener's risk as HL7's risk-probability codes ("none": no yes answer).
CSSRS_PROBABILITY = {
    "none": ("negligible", "Negligible likelihood"),
    "low": ("low", "Low likelihood"),
    "moderate": ("moderate", "Moderate likelihood"),
    "high": ("high", "High likelihood"),
}
TAKING_NOTES = {
    "more": "The patient takes more than prescribed.",
    "less": "The patient takes less than prescribed.",
}


def _entry(resource: dict, key: str) -> dict:
    """A Bundle entry with a urn:uuid fullUrl, stable for the same intake and key."""
    resource_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{resource['resourceType']}/{key}"))
    return {"fullUrl": f"urn:uuid:{resource_id}", "resource": {**resource, "id": resource_id}}


def _rxnorm_codes(generics: set[str]) -> dict[str, str]:
    """Catalog generic -> RxNorm ingredient RxCUI, in one query."""
    if not generics:
        return {}
    rows = Medication.objects.filter(generic_name__in=generics).exclude(rxnorm="")
    return dict(rows.values_list("generic_name", "rxnorm"))


# ---- medicines ---------------------------------------------------------------------------
def _mg(value) -> dict:
    return {"value": float(value), "unit": "mg", "system": UCUM, "code": "mg"}


def dosage(answered: dict, daily_dose_text: str) -> dict:
    """The dose as the patient takes it: the amount of each dose (strength x tablets), how
    often (times a day), or as needed with the most doses a day; the words as text too."""
    result: dict = {"text": daily_dose_text or "not given"}
    strength, amount = answered.get("strength_mg"), answered.get("amount_per_dose") or 1
    if strength:
        result["doseAndRate"] = [{"doseQuantity": _mg(round(strength * amount, 4))}]
    as_needed = bool(answered.get("as_needed"))
    result["asNeededBoolean"] = as_needed
    times = answered.get("times_per_day")
    if times and not as_needed:
        result["timing"] = {"repeat": {"frequency": int(times), "period": 1, "periodUnit": "d"}}
    most = answered.get("max_doses_per_day")
    if as_needed and most and strength:
        result["maxDosePerPeriod"] = {
            "numerator": _mg(round(strength * amount * most, 4)),
            "denominator": {"value": 1, "unit": "d", "system": UCUM, "code": "d"},
        }
    return result


def _answered(intake: Intake, n: int, evaluated: dict) -> dict:
    """The patient's stored answers for the n-th evaluated medicine, else only its name."""
    pair = medicine_pair(intake.answers or {}, intake.evaluation or {}, n)
    return pair[0] if pair else {"name": evaluated.get("input")}


def medication_statement(evaluated: dict, answered: dict, subject: dict, when, rxnorm) -> dict:
    name = evaluated.get("generic") or evaluated.get("input") or "unknown"
    concept: dict = {"text": evaluated.get("input") or name}
    if rxnorm:
        concept["coding"] = [{"system": RXNORM, "code": rxnorm, "display": name}]
    notes = [TAKING_NOTES[answered["taking"]]] if answered.get("taking") in TAKING_NOTES else []
    if answered.get("prescribed") is False:
        notes.append("Not prescribed to the patient.")
    elif answered.get("prescriber"):
        notes.append(f"Prescribed by {answered['prescriber']} (as the patient says).")
    if reconciled := reconciliation.reconciliation_note(answered):
        notes.append(reconciled)
    resource = {
        "resourceType": "MedicationStatement",
        # Taken now, as the patient reports it; how it is taken is in the notes.
        "status": "active",
        "category": {"coding": [{"system": STATEMENT_CATEGORY, "code": "patientspecified"}]},
        "medicationCodeableConcept": concept,
        "subject": subject,
        "informationSource": subject,
        "dosage": [dosage(answered, evaluated.get("daily_dose") or "")],
    }
    if notes:
        resource["note"] = [{"text": text} for text in notes]
    if when:
        resource["dateAsserted"] = when
    return resource


# ---- scores, risk and flags ----------------------------------------------------------------
def total_observation(instrument: Instrument, score: dict, subject: dict, when) -> dict:
    code = {"text": f"{instrument.title} total"}
    if instrument.total_loinc:
        code["coding"] = _coding(instrument.total_loinc, f"{instrument.title} total", LOINC)
    resource = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey"}]}],
        "code": code,
        "subject": subject,
        "valueInteger": score["total"],
    }
    if score.get("band"):
        resource["interpretation"] = [{"text": str(score["band"]).replace("_", " ")}]
    if when:
        resource["effectiveDateTime"] = when
    return resource


def cssrs_risk(score: dict, subject: dict, when, basis: list[str]) -> dict:
    """The screener's result, coded, resting on the answers (the QuestionnaireResponse) and
    the PHQ-9 total when there is one (``basis``: their fullUrls)."""
    code, display = CSSRS_PROBABILITY.get(score["risk"], ("moderate", "Moderate likelihood"))
    outcome_system = f"{settings.PORTAL_BASE_URL}{PORTAL_OUTCOMES}"
    resource = {
        "resourceType": "RiskAssessment",
        "status": "final",
        "subject": subject,
        "method": {"text": "Columbia Suicide Severity Rating Scale, screener"},
        "basis": [{"reference": url} for url in basis],
        "prediction": [
            {
                "outcome": {
                    "coding": [{"system": outcome_system, "code": "suicidal-behaviour",
                                "display": "Suicidal behaviour"}],
                    "text": "Suicidal behaviour",
                },
                "qualitativeRisk": {
                    "coding": [{"system": RISK_PROBABILITY, "code": code, "display": display}],
                    "text": str(score["risk"]),
                },
            }
        ],
    }  # fmt: skip
    if when:
        resource["occurrenceDateTime"] = when
    return resource


def flag_resource(flag: dict, subject: dict) -> dict:
    return {
        "resourceType": "Flag",
        "status": "active",
        "category": [{"coding": [{"system": FLAG_CATEGORY, "code": "clinical"}]}],
        "code": {
            "coding": [
                {
                    "system": f"{settings.PORTAL_BASE_URL}{PORTAL_FLAGS}",
                    "code": str(flag.get("code")),
                    "display": str(flag.get("title", "")),
                }
            ],
            "text": f"{flag.get('title', '')} ({flag.get('severity', '')})",
        },  # fmt: skip
        "subject": subject,
    }


# ---- allergies -----------------------------------------------------------------------------
def _named_catalog_drug(words: str):
    """The catalog medicine an allergy is coded as, or None. Only when the words start with
    a catalog medicine's exact name, brand or listed other name (the part before the first
    comma, semicolon, colon, dash, bracket or new line) and name no other catalog medicine:
    one AllergyIntolerance cannot code two drugs, and nothing is guessed. A medicine outside
    the catalog after the first ("Xanax, penicillin") is still only in the text."""
    parts = [part.strip() for part in re.split(r"[,;:()\n]| - ", words) if part.strip()]
    found = [entry.generic for part in parts if (entry := match_medication(part))]
    first = match_medication(parts[0]) if parts else None
    return first.generic if first and set(found) == {first.generic} else None


# ---- the Bundle ----------------------------------------------------------------------------
def intake_bundle(intake: Intake) -> dict:
    """The intake as an R4 ``collection`` Bundle: the QuestionnaireResponse first, then the
    medicines, instrument totals, the C-SSRS risk, the flags, and what the patient reported
    about their health (allergies, conditions, past diagnoses, a fall)."""
    response = questionnaire_response(intake)
    subject = response["subject"]
    when = response.get("authored")
    evaluation = intake.evaluation or {}
    key = str(intake.public_id)
    response_url = f"urn:uuid:{key}"
    entries = [{"fullUrl": response_url, "resource": response}]
    medications = evaluation.get("medications") or []
    answers = intake.answers or {}
    allergic_to = (
        _named_catalog_drug(answers.get("allergy_details") or "")
        if (answers.get("health") or {}).get("medicine_allergies") is True
        else None
    )
    stopped = reconciliation.stopped_medicines(answers)
    generics = {m["generic"] for m in [*medications, *stopped] if m.get("generic")}
    generics = generics | {allergic_to} - {None}
    codes = _rxnorm_codes(generics)
    for n, medication in enumerate(medications):
        statement = medication_statement(
            medication, _answered(intake, n, medication), subject, when,
            codes.get(medication.get("generic")),
        )  # fmt: skip
        entries.append(_entry(statement, f"{key}/m/{n}"))
    for n, medication in enumerate(stopped):  # a follow-up's reconciliation: stopped since
        statement = reconciliation.stopped_statement(
            medication, subject, when, codes.get(medication.get("generic")), dosage
        )
        entries.append(_entry(statement, f"{key}/stopped/{n}"))
    scores = evaluation.get("scores") or {}
    totals = {}
    for code, instrument in INSTRUMENTS.items():
        score = scores.get(code) or {}
        total = score.get("total")
        if code != "cssrs" and score.get("complete") and isinstance(total, int):
            entry = _entry(total_observation(instrument, score, subject, when), f"{key}/o/{code}")
            totals[code] = entry["fullUrl"]
            entries.append(entry)
    cssrs = scores.get("cssrs") or {}
    if cssrs.get("complete") and cssrs.get("risk"):
        basis = [response_url, *([totals["phq_9"]] if "phq_9" in totals else [])]
        entries.append(_entry(cssrs_risk(cssrs, subject, when, basis), f"{key}/r/cssrs"))
    for flag in evaluation.get("flags") or []:
        entries.append(_entry(flag_resource(flag, subject), f"{key}/f/{flag.get('code')}"))
    allergy_coding = (
        [{"system": RXNORM, "code": codes[allergic_to], "display": allergic_to}]
        if allergic_to in codes
        else []
    )
    allergies = fhir_history.allergy_intolerances(answers, subject, when, coding=allergy_coding)
    for n, allergy in enumerate(allergies):
        entries.append(_entry(allergy, f"{key}/a/{n}"))
    for n, condition in enumerate(fhir_history.conditions(answers, subject, when)):
        entries.append(_entry(condition, f"{key}/c/{n}"))
    if fall := fhir_history.fall_observation(answers, subject, when):
        entries.append(_entry(fall, f"{key}/o/falls"))
    for signature_id, consent in consent_resources(intake, subject):
        entries.append(_entry(consent, f"{key}/consent/{signature_id}"))
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    if when:
        bundle["timestamp"] = when
    return bundle
