"""FHIR and languages (issue 26): the QuestionnaireResponse says the language the patient
answered in; the Questionnaire is English and carries the Spanish words with the standard
translation extension; both validate as R4B resources."""

import json

import pytest
from django.test import Client
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from intake.clinical.instrument_texts import find_text
from intake.clinical.instruments import PHQ_9
from intake.models import Intake
from portal.language import set_preferred_language
from tests.factories import make_intake, make_submitted_intake
from tests.intake.pages import fill_intake, submit

pytestmark = pytest.mark.django_db
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"


def _items(resource) -> dict:
    found, stack = {}, list(resource.get("item", []))
    while stack:
        item = stack.pop()
        found.setdefault(item["linkId"], item)
        stack += item.get("item", [])
    return found


def _translations(shadow: dict) -> dict:
    """language -> words, from an element's ``_<name>`` shadow."""
    found = {}
    for ext in (shadow or {}).get("extension", []):
        assert ext["url"] == TRANSLATION
        parts = {part["url"]: part for part in ext["extension"]}
        found[parts["lang"]["valueCode"]] = parts["content"]["valueString"]
    return found


def _export(client, psychiatrist, intake) -> dict:
    client.force_login(psychiatrist)
    exported = json.loads(client.get(f"/review/i/{intake.public_id}/fhir.json").content)
    QuestionnaireResponse.model_validate(exported)
    return exported


@pytest.fixture
def answered_in_spanish(patient):
    set_preferred_language(patient, "es")
    browser = Client(HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9")
    browser.force_login(patient)
    intake = make_intake(patient)
    fill_intake(browser, intake)
    assert submit(browser, intake).status_code == 302
    return Intake.objects.get(pk=intake.pk)


def test_the_response_says_it_was_answered_in_spanish_and_with_which_words(
    client, psychiatrist, answered_in_spanish
):
    exported = _export(client, psychiatrist, answered_in_spanish)
    assert exported["language"] == "es"
    group = _items(exported)["/44249-1"]
    parts = {part["url"]: part for part in group["extension"][0]["extension"]}
    assert parts["language"]["valueCode"] == "es"
    assert parts["status"]["valueString"] == "adapted by the project"
    assert parts["sha256"]["valueString"] == find_text(PHQ_9, "es").sha256


def test_an_english_patients_response_is_in_english(client, psychiatrist, patient):
    exported = _export(client, psychiatrist, make_submitted_intake(patient))
    assert exported["language"] == "en"


def test_with_no_page_recorded_the_profiles_language_is_the_responses(
    client, psychiatrist, patient
):
    set_preferred_language(patient, "es")
    exported = _export(client, psychiatrist, make_submitted_intake(patient))
    assert exported["language"] == "es"


def test_the_questionnaire_carries_the_spanish_words_as_translations(client, psychiatrist):
    client.force_login(psychiatrist)
    definition = json.loads(client.get("/review/fhir/Questionnaire/previsit-intake.json").content)
    Questionnaire.model_validate(definition)
    assert definition["language"] == "en"
    spanish = find_text(PHQ_9, "es")
    item = _items(definition)["/44249-1/44255-8"]  # PHQ-9 item 2
    assert item["text"] == PHQ_9.items[1].text
    assert _translations(item["_text"]) == {"es": spanish.items[1]}
    display = item["answerOption"][3]["valueCoding"]
    assert display["display"] == "Nearly every day"
    assert _translations(display["_display"]) == {"es": "Casi todos los días"}
    group = _items(definition)["/44249-1"]
    assert _translations(group["_text"]) == {"es": "Estado de ánimo (PHQ-9)"}


def test_a_plain_question_carries_its_catalogue_translation(client, psychiatrist):
    client.force_login(psychiatrist)
    definition = json.loads(client.get("/review/fhir/Questionnaire/previsit-intake.json").content)
    translated = [
        item
        for item in _items(definition).values()
        if "_text" in item and "/" not in item["linkId"]
    ]
    assert translated, "no plain question carries a Spanish translation"
    assert all(_translations(item["_text"])["es"] != item["text"] for item in translated)
