"""FHIR an EHR can file: a structured dose, what the patient says about how each medicine is
taken, a coded allergy where the words name one catalog medicine, coded instrument items, a
RiskAssessment with a coded result and what it rests on, and the FHIR version stated."""

import json

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from intake.devtools.seed_cases import NO_HEALTH_CONDITIONS, _med, base
from intake.fhir import bundle as bundles
from intake.fhir import export
from tests.factories import make_submitted_intake

pytestmark = pytest.mark.django_db

UCUM = "http://unitsofmeasure.org"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"


def _resources(intake) -> dict[str, list[dict]]:
    data = json.loads(json.dumps(bundles.intake_bundle(intake), default=str))
    Bundle.model_validate(data)
    found: dict[str, list[dict]] = {}
    for entry in data["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        found.setdefault(resource["resourceType"], []).append(
            {**resource, "_url": entry["fullUrl"]}
        )
    return found


def _statements(patient, *medications):
    intake = make_submitted_intake(patient, answers=base(medications=list(medications)))
    return _resources(intake)["MedicationStatement"]


def test_a_daily_dose_is_structured_not_only_text(patient):
    [statement] = _statements(patient, _med("Klonopin", 0.5, times=2))
    dose = statement["dosage"][0]
    assert dose["doseAndRate"][0]["doseQuantity"] == {
        "value": 0.5, "unit": "mg", "system": UCUM, "code": "mg"
    }  # fmt: skip
    assert dose["timing"]["repeat"] == {"frequency": 2, "period": 1, "periodUnit": "d"}
    assert dose["asNeededBoolean"] is False and dose["text"]


def test_an_as_needed_dose_says_so_with_its_most_a_day(patient):
    as_needed = _med("Klonopin", 0.25, times=None, amount=2, as_needed=True, max_doses_per_day=3)
    [statement] = _statements(patient, as_needed)
    dose = statement["dosage"][0]
    assert dose["asNeededBoolean"] is True and "timing" not in dose
    assert dose["doseAndRate"][0]["doseQuantity"]["value"] == 0.5
    assert dose["maxDosePerPeriod"]["numerator"]["value"] == 1.5


def test_how_a_medicine_is_taken_and_who_prescribed_it_are_kept(patient):
    more = _med("Klonopin", 0.5, taking="more", prescribed=False)
    [statement] = _statements(patient, more)
    notes = [note["text"] for note in statement["note"]]
    assert notes == ["The patient takes more than prescribed.", "Not prescribed to the patient."]
    assert statement["informationSource"] == statement["subject"]


def test_an_allergy_naming_one_catalog_medicine_is_coded_in_rxnorm(patient):
    answers = base(health={**NO_HEALTH_CONDITIONS, "medicine_allergies": True},
                   allergy_details="Klonopin: hives")  # fmt: skip
    intake = make_submitted_intake(patient, answers=answers)
    [allergy] = _resources(intake)["AllergyIntolerance"]
    assert allergy["code"]["text"] == "Klonopin: hives"
    assert allergy["code"]["coding"] == [
        {"system": RXNORM, "code": "2598", "display": "clonazepam"}
    ]


def test_the_suicide_risk_is_coded_and_rests_on_the_answers(patient):
    intake = make_submitted_intake(patient, archetype="urgent_opioid")
    found = _resources(intake)
    [risk] = found["RiskAssessment"]
    level = risk["prediction"][0]["qualitativeRisk"]["coding"][0]
    assert level["system"] == bundles.RISK_PROBABILITY
    assert (
        level["code"] == bundles.CSSRS_PROBABILITY[intake.evaluation["scores"]["cssrs"]["risk"]][0]
    )
    basis = {ref["reference"] for ref in risk["basis"]}
    [response] = found["QuestionnaireResponse"]
    assert response["_url"] in basis


def test_every_cssrs_and_dast_10_item_is_coded():
    items = [
        item
        for group in export.questionnaire()["item"]
        if group["linkId"] in ("cssrs", "dast_10")
        for item in group["item"]
        if item["type"] == "choice"
    ]
    assert items and all(item.get("code") for item in items)


def test_the_downloads_state_their_fhir_version(client, psychiatrist, patient):
    intake = make_submitted_intake(patient)
    client.force_login(psychiatrist)
    for suffix in ("fhir.json", "fhir-bundle.json"):
        response = client.get(f"/review/i/{intake.public_id}/{suffix}")
        assert response["Content-Type"] == "application/fhir+json; fhirVersion=4.0"
