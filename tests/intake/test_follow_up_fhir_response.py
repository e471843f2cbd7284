"""A follow-up's QuestionnaireResponse carries its own "Has anything changed?" answers, each
under its page's group with the question the patient saw, defined by the Questionnaire."""

import json
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from intake.models import IntakeKind
from intake.sections import questionnaire
from intake.services import intake_create, intake_submit
from tests.factories import make_submitted_intake, sign_consents
from tests.intake.follow_up_cases import LAST_ANSWERS, LAST_DETAILS, answer_the_rest
from tests.intake.pages import post_ok

pytestmark = pytest.mark.django_db
CHANGED = "Has anything changed since last time?"
LAST_HISTORY = {"diagnoses": ["panic"], "diagnoses_other": "", "hospital_stays": 0,
                "last_hospital_stay": "", "therapist": False, "therapist_name": "",
                "took_past_medicines": False, "past_medicines": []}  # fmt: skip
NEW_HISTORY = {"diagnoses": ["panic", "ptsd"], "diagnoses_other": "", "hospital_stays": "0",
               "last_hospital_stay": "", "therapist": "yes", "therapist_name": "Jo Park",
               "took_past_medicines": "no"}  # fmt: skip


def _url(intake, key: str) -> str:
    return questionnaire(intake.kind).steps_by_key[key].url(intake.public_id)


def _groups(items, parent=None):
    """(linkId, the linkId of the group it is in, item) through every level."""
    for item in items:
        yield item["linkId"], parent, item
        yield from _groups(item.get("item", []), item["linkId"])


@pytest.fixture
def follow_up(client, patient):
    """Alice's follow-up, sent: her psychiatric history changed ("yes", then the page again),
    her pharmacy did not ("no")."""
    answers = {**LAST_ANSWERS, "psych_history": LAST_HISTORY}
    first = make_submitted_intake(patient, answers=answers, visit_in_hours=None)
    first.details = {**first.details, **LAST_DETAILS}
    first.submitted_at = timezone.now() - timedelta(days=30)
    first.save(update_fields=["details", "submitted_at"])
    intake = intake_create(patient=patient, kind=IntakeKind.FOLLOW_UP)
    sign_consents(intake, every=True)
    client.force_login(patient)
    post_ok(client, _url(intake, "medicines_since_last_time"), {
        f"m{n}_status": "unchanged" for n in range(len(LAST_ANSWERS["medications"]))})  # fmt: skip
    intake.refresh_from_db()
    answer_the_rest(client, intake)  # "no change" on every "Has anything changed?" page
    post_ok(client, _url(intake, "psych_history_since_last_time"), {"psych_history_changed": "yes"})
    post_ok(client, _url(intake, "psych_history"), NEW_HISTORY)
    return intake_submit(intake_id=intake.pk, patient=patient)


@pytest.fixture
def exported(client, psychiatrist, follow_up):
    """The response as the psychiatrist downloads it, valid R4B, and its Questionnaire."""
    client.force_login(psychiatrist)
    response = json.loads(client.get(f"/review/i/{follow_up.public_id}/fhir.json").content)
    QuestionnaireResponse.model_validate(response)
    definition = json.loads(client.get("/review/fhir/Questionnaire/previsit-intake.json").content)
    Questionnaire.model_validate(definition)
    return response, definition


def test_a_changed_history_and_an_unchanged_pharmacy_are_answered_under_their_pages(exported):
    response, _ = exported
    found = {link: (parent, item) for link, parent, item in _groups(response["item"])}
    history, history_item = found["psych_history.psych_history_changed"]
    pharmacy, pharmacy_item = found["pharmacy.pharmacy_changed"]
    assert (history, history_item["text"], history_item["answer"]) == (
        "psych_history", CHANGED, [{"valueBoolean": True}])  # fmt: skip
    assert (pharmacy, pharmacy_item["text"], pharmacy_item["answer"]) == (
        "pharmacy", CHANGED, [{"valueBoolean": False}])  # fmt: skip
    # What each answer led to: the new history, the pharmacy carried from last time.
    assert found["psych_history.therapist_name"][1]["answer"] == [{"valueString": "Jo Park"}]
    assert found["pharmacy.name"][1]["answer"] == [{"valueString": "Main Street Pharmacy"}]


def test_each_follow_up_answer_is_defined_by_the_questionnaire_once(exported):
    response, definition = exported
    answered = [link for link, _, _ in _groups(response["item"])]
    defined = {link: (parent, item) for link, parent, item in _groups(definition["item"])}
    assert set(answered) <= set(defined)

    def repeats(link) -> bool:  # (a medicine's group, and so its items, once per medicine)
        return link is not None and (defined[link][1].get("repeats") or repeats(defined[link][0]))

    assert [link for link, n in Counter(answered).items() if n > 1 and not repeats(link)] == []
    assert defined["pharmacy.pharmacy_changed"][1]["type"] == "boolean"
    assert defined["about.contact_changed"][1]["text"] == CHANGED
