import json

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from intake.fhir import export as fhir
from tests.factories import make_submitted_intake

pytestmark = pytest.mark.django_db
LOINC = "http://loinc.org"
STATUSES = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}


@pytest.fixture
def exported(client, psychiatrist, patient):
    intake = make_submitted_intake(patient, archetype="stat_item_9")
    client.force_login(psychiatrist)
    response = client.get(f"/review/i/{intake.public_id}/fhir.json")
    assert response["Content-Type"] == "application/fhir+json; fhirVersion=4.0"
    return json.loads(response.content)


def _items(resource) -> dict:
    """linkId -> item, through every level of groups."""
    found = {}
    stack = list(resource.get("item", []))
    while stack:
        item = stack.pop()
        found.setdefault(item["linkId"], item)
        stack += item.get("item", [])
    return found


def _exported_items(client, intake) -> dict:
    """The intake's export as a psychiatrist downloads it, valid R4B: linkId -> item."""
    exported = json.loads(client.get(f"/review/i/{intake.public_id}/fhir.json").content)
    QuestionnaireResponse.model_validate(exported)
    return _items(exported)


def _definition(client) -> dict:
    return json.loads(client.get("/review/fhir/Questionnaire/previsit-intake.json").content)


def test_the_export_is_a_valid_r4_questionnaire_response(exported):
    response = QuestionnaireResponse.model_validate(exported)
    assert response.status in STATUSES and response.status == "completed"
    assert response.subject.display == "Alice Adams" and response.authored is not None


def test_the_questionnaire_definition_is_valid_and_matches_the_response(exported, client):
    definition = _definition(client)
    Questionnaire.model_validate(definition)
    assert exported["questionnaire"] == f"{definition['url']}|{definition['version']}"
    assert set(_items(exported)) <= set(_items(definition))


@pytest.mark.parametrize(
    ("link_id", "answer_code"),
    [
        ("/69737-5/69725-0", "LA6569-3"),  # GAD-7 item 1: "several days" in the archetype
        ("/44249-1/44260-8", "LA6569-3"),  # PHQ-9 item 9 answered 1
    ],
    ids=["gad-7-item-1", "phq-9-item-9"],
)
def test_instrument_answers_carry_loinc_codes(exported, link_id, answer_code):
    answer = _items(exported)[link_id]["answer"][0]["valueCoding"]
    assert (answer["system"], answer["code"]) == (LOINC, answer_code)


@pytest.mark.parametrize(
    ("total_link", "value"),
    [("/69737-5/70274-6", 4), ("/44249-1/44261-6", 12), ("/72109-2/75626-2", 0)],
    ids=["gad-7-total", "phq-9-total", "audit-c-total"],
)
def test_totals_are_items_with_their_loinc_code(exported, total_link, value):
    assert _items(exported)[total_link]["answer"] == [{"valueInteger": value}]


def test_the_questionnaire_codes_its_panels_items_and_totals_in_loinc():
    items = _items(fhir.questionnaire())
    codes = {
        link: item["code"][0]["code"]
        for link, item in items.items()
        if item.get("code") and item["code"][0]["system"] == LOINC
    }
    assert {"69737-5", "44249-1", "72109-2", "70274-6", "44261-6", "44260-8"} <= set(codes.values())


def test_gad_7_options_carry_their_scores_as_ordinal_values():
    option = _items(fhir.questionnaire())["/69737-5/69725-0"]["answerOption"][3]
    assert option["valueCoding"]["code"] == "LA6571-9"
    assert option["extension"][0] == {"url": fhir.ORDINAL_VALUE, "valueDecimal": 3}


def test_a_response_awaiting_the_patient_is_in_progress(patient, psychiatrist):
    from intake.review import services

    intake = make_submitted_intake(patient)
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    services.intake_ask_patient(
        intake_id=intake.pk, user=psychiatrist, sections=["mood"], message="More, please."
    )
    intake.refresh_from_db()
    assert fhir.questionnaire_response(intake)["status"] == "in-progress"


def test_each_exported_medicine_says_how_its_name_was_matched(client, psychiatrist, patient):
    from intake.devtools.seed_cases import _med, base

    typed = _med("klonazepam", 1, times=3, match="corrected", generic="clonazepam",
                 score=0.9, confirmed=True, prescriber="Dr Rowe")  # fmt: skip
    intake = make_submitted_intake(patient, answers=base(medications=[typed]))
    client.force_login(psychiatrist)
    items = _exported_items(client, intake)
    assert [items[f"medications.{key}"]["answer"][0] for key in ("name", "match", "confirmed")] == [
        {"valueString": "klonazepam"},
        {"valueString": "corrected"},
        {"valueBoolean": True},
    ]


def test_the_patients_goals_are_exported_as_text_in_their_words(client, psychiatrist, patient):
    goals = {"hopes": "Sleep through the night", "worries": "Running out"}
    intake = make_submitted_intake(patient)
    intake.answers = {**intake.answers, "goals": goals}
    intake.save()
    client.force_login(psychiatrist)
    items = _exported_items(client, intake)
    assert items["goals.hopes"]["answer"] == [{"valueString": "Sleep through the night"}]
    definition = _definition(client)
    assert _items(definition)["goals.worries"]["type"] == "text"


def test_the_health_conditions_are_exported_as_yes_no_answers(client, psychiatrist, patient):
    from intake.devtools.seed_cases import ARCHETYPES

    assert ARCHETYPES["urgent_sleep_apnoea"]["health"]["sleep_apnoea"] is True
    intake = make_submitted_intake(patient, archetype="urgent_sleep_apnoea")
    client.force_login(psychiatrist)
    items = _exported_items(client, intake)
    assert items["health.sleep_apnoea"]["answer"] == [{"valueBoolean": True}]
    assert items["health.liver_disease"]["answer"] == [{"valueBoolean": False}]


def test_the_allergies_psychiatric_history_and_pharmacy_are_in_the_response(
    client, psychiatrist, patient
):
    from intake.devtools.seed_cases import NO_HEALTH_CONDITIONS

    intake = make_submitted_intake(patient)
    history = {"diagnoses": ["panic", "ptsd"], "diagnoses_other": "", "hospital_stays": 1,
               "last_hospital_stay": "March 2019, for depression", "therapist": True,
               "therapist_name": "Jo Park", "past_medicines": [
                   {"name": "sertraline", "helped": "some", "why_stopped": "Nausea"}]}  # fmt: skip
    intake.answers = {**intake.answers, "psych_history": history,
                      "health": {**NO_HEALTH_CONDITIONS, "medicine_allergies": True},
                      "allergy_details": "Penicillin, a rash"}  # fmt: skip
    pharmacy = {"name": "Main St Pharmacy", "phone": "+12025550199", "town": "Albany"}
    intake.details = {**intake.details, "pharmacy": pharmacy}
    intake.save()
    client.force_login(psychiatrist)
    items = _exported_items(client, intake)
    assert items["health.allergy_details"]["answer"] == [{"valueString": "Penicillin, a rash"}]
    assert items["psych_history.diagnoses"]["answer"] == [
        {"valueString": "Panic disorder"},
        {"valueString": "Post-traumatic stress disorder (PTSD)"},
    ]
    assert items["psych_history.hospital_stays"]["answer"] == [{"valueInteger": 1}]
    assert items["psych_history.past_medicines.helped"]["answer"] == [{"valueString": "A little"}]
    assert items["pharmacy.name"]["answer"] == [{"valueString": "Main St Pharmacy"}]
    definition = _definition(client)
    Questionnaire.model_validate(definition)
    assert set(items) <= set(_items(definition))


def test_a_patient_without_a_preferred_pharmacy_says_so(client, psychiatrist, patient):
    intake = make_submitted_intake(patient)
    intake.details = {**intake.details, "pharmacy": {}}
    intake.save()
    pharmacy = _items(fhir.questionnaire_response(intake))
    assert pharmacy["pharmacy.has_pharmacy"]["answer"] == [{"valueBoolean": False}]
    assert "pharmacy.name" not in pharmacy


@pytest.mark.parametrize(
    ("suffix", "filename"),
    [("fhir.json", "intake-{}.json"), ("fhir-bundle.json", "intake-{}-bundle.json")],
    ids=["questionnaire-response", "bundle"],
)
def test_each_fhir_export_is_a_file_to_save_that_no_cache_keeps(
    client, psychiatrist, patient, suffix, filename
):
    intake = make_submitted_intake(patient)
    client.force_login(psychiatrist)
    response = client.get(f"/review/i/{intake.public_id}/{suffix}")
    saved_as = filename.format(intake.public_id)
    assert response["Content-Disposition"] == f'attachment; filename="{saved_as}"'
    assert response["Cache-Control"] == "no-store"
