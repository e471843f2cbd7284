"""The FHIR collection Bundle: every resource validates with fhir.resources (R4B)."""

import json

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from portal.models import AuditEvent
from tests.factories import make_submitted_intake

pytestmark = pytest.mark.django_db
LOINC = "http://loinc.org"


def _bundle(client, psychiatrist, intake) -> dict:
    client.force_login(psychiatrist)
    response = client.get(f"/review/i/{intake.public_id}/fhir-bundle.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json; fhirVersion=4.0"
    return json.loads(response.content)


def _by_type(bundle: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for entry in bundle["entry"]:
        found.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    return found


def test_the_bundle_validates_and_holds_each_resource(client, psychiatrist, patient):
    intake = make_submitted_intake(patient, archetype="urgent_opioid")
    data = _bundle(client, psychiatrist, intake)
    Bundle.model_validate(data)
    for entry in data["entry"]:  # and each resource by its own model, explicitly
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    assert data["type"] == "collection"
    resources = _by_type(data)
    assert len(resources["QuestionnaireResponse"]) == 1
    statements = resources["MedicationStatement"]
    assert [s["medicationCodeableConcept"]["text"] for s in statements] == ["Klonopin", "oxycodone"]
    coded = [o for o in resources["Observation"] if o["code"].get("coding")]  # not the fall
    totals = {o["code"]["coding"][0]["code"]: o["valueInteger"] for o in coded}
    scores = intake.evaluation["scores"]
    assert totals["70274-6"] == scores["gad_7"]["total"]  # GAD-7 total
    assert totals["44261-6"] == scores["phq_9"]["total"]  # PHQ-9 total
    assert [r["prediction"][0]["qualitativeRisk"]["text"] for r in resources["RiskAssessment"]] == [
        scores["cssrs"]["risk"]
    ]
    flag_codes = {f["code"]["coding"][0]["code"] for f in resources["Flag"]}
    assert flag_codes == {f["code"] for f in intake.evaluation["flags"]}
    assert len({e["fullUrl"] for e in data["entry"]}) == len(data["entry"])


def test_a_patient_cannot_export_a_bundle_and_an_export_is_audited(client, psychiatrist, patient):
    intake = make_submitted_intake(patient)
    client.force_login(patient)
    assert client.get(f"/review/i/{intake.public_id}/fhir-bundle.json").status_code == 404
    _bundle(client, psychiatrist, intake)
    assert AuditEvent.objects.filter(action="intake.exported", actor=psychiatrist).exists()


RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"


def _submitted(patient, details=None, **answers):
    """An intake submitted with the calm base answers, ``answers`` replacing whole keys."""
    from intake.devtools.seed_cases import DETAILS, base
    from intake.services import intake_submit
    from tests.factories import make_intake

    intake = make_intake(patient, answers=base(**answers), details={**DETAILS, **(details or {})})
    return intake_submit(intake_id=intake.pk, patient=patient)


def _validated(bundle: dict) -> dict[str, list[dict]]:
    """Every resource validated by its own R4B model; the resources by type."""
    Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(entry["resource"])
    return _by_type(bundle)


def _health(**yes):
    from intake.devtools.seed_cases import NO_HEALTH_CONDITIONS

    return {**NO_HEALTH_CONDITIONS, **yes}


def test_a_reported_medicine_allergy_is_one_unconfirmed_allergy_in_the_patients_words(
    client, psychiatrist, patient
):
    intake = _submitted(patient, health=_health(medicine_allergies=True),
                        allergy_details="Penicillin, sulfa\ncodeine: vomiting")  # fmt: skip
    allergies = _validated(_bundle(client, psychiatrist, intake))["AllergyIntolerance"]
    assert [a["code"]["text"] for a in allergies] == ["Penicillin, sulfa codeine: vomiting"]
    # "sulfa" is a second medicine, not a reaction: no words are guessed into a reaction.
    first = allergies[0]
    assert "reaction" not in first
    assert first["verificationStatus"]["coding"][0]["code"] == "unconfirmed"
    assert first["category"] == ["medication"] and first["asserter"] == first["patient"]


def test_no_medicine_allergies_is_one_no_known_drug_allergy(client, psychiatrist, patient):
    intake = _submitted(patient, health=_health())
    allergies = _validated(_bundle(client, psychiatrist, intake))["AllergyIntolerance"]
    nkda = {
        "system": "http://snomed.info/sct",
        "code": "409137002",
        "display": "No known drug allergy",
    }
    assert [a["code"]["coding"][0] for a in allergies] == [nkda]


def test_sleep_apnoea_and_a_past_diagnosis_are_unconfirmed_conditions(
    client, psychiatrist, patient
):
    history = {"diagnoses": ["panic"], "diagnoses_other": "Insomnia", "hospital_stays": 0,
               "last_hospital_stay": "", "past_medicines": [], "therapist": False,
               "therapist_name": ""}  # fmt: skip
    intake = _submitted(patient, health=_health(sleep_apnoea=True, falls_past_year=True),
                        psych_history=history)  # fmt: skip
    resources = _validated(_bundle(client, psychiatrist, intake))
    conditions = {c["code"]["text"]: c for c in resources["Condition"]}
    assert list(conditions) == ["Sleep apnoea", "Panic disorder", "Insomnia"]
    assert conditions["Sleep apnoea"]["clinicalStatus"]["coding"][0]["code"] == "active"
    assert "clinicalStatus" not in conditions["Panic disorder"]  # ever told, maybe not now
    assert {c["verificationStatus"]["coding"][0]["code"] for c in conditions.values()} == {
        "unconfirmed"
    }
    falls = [o for o in resources["Observation"] if "Fallen" in o["code"]["text"]]
    assert [o["valueBoolean"] for o in falls] == [True]


def _statements(client, psychiatrist, intake) -> list[dict]:
    return _validated(_bundle(client, psychiatrist, intake))["MedicationStatement"]


def test_clonazepam_is_coded_in_rxnorm_with_the_patients_words(client, psychiatrist, patient):
    intake = _submitted(patient)  # "Klonopin", the brand, matched exactly
    [statement] = _statements(client, psychiatrist, intake)
    assert statement["medicationCodeableConcept"] == {
        "text": "Klonopin",
        "coding": [{"system": RXNORM, "code": "2598", "display": "clonazepam"}],
    }


@pytest.mark.parametrize(
    ("confirmed", "coded"), [(True, ["2598"]), (False, [])], ids=["confirmed", "not-confirmed"]
)
def test_a_misspelled_medicine_is_coded_only_once_the_patient_confirms_it(
    client, psychiatrist, patient, confirmed, coded
):
    from intake.devtools.seed_cases import _med

    typed = _med("klonazepam", 1, times=2, match="corrected", generic="clonazepam",
                 score=0.9, confirmed=confirmed)  # fmt: skip
    [statement] = _statements(client, psychiatrist, _submitted(patient, medications=[typed]))
    concept = statement["medicationCodeableConcept"]
    assert concept["text"] == "klonazepam"
    assert [c["code"] for c in concept.get("coding", [])] == coded


def test_an_unknown_medicine_is_text_only(client, psychiatrist, patient):
    from intake.devtools.seed_cases import CLONAZEPAM, _med

    meds = [CLONAZEPAM, _med("melatonin", 3, times=1)]
    statements = _statements(client, psychiatrist, _submitted(patient, medications=meds))
    assert statements[1]["medicationCodeableConcept"] == {"text": "melatonin"}
