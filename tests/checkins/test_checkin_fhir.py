"""A check-in exports as any intake does: a QuestionnaireResponse of its own pages and an
Observation per instrument total, each dated when the patient sent it."""

import json
from datetime import timedelta

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from intake.models import IntakeKind, IntakeStatus
from intake.services import intake_create, intake_save_answers, intake_submit
from tests.checkins.conftest import START

pytestmark = pytest.mark.django_db
SENT = START + timedelta(days=14, hours=2)


@pytest.fixture
def recorded_checkin(schedule, clock, patient):
    """Alice's check-in, answered (PHQ-9 4, GAD-7 7, no to the safety questions) and sent."""
    clock.move_to(SENT)
    checkin = intake_create(patient=patient, kind=IntakeKind.CHECK_IN)

    def answer(answers, details):
        answers.update(
            phq_9=[1, 1, 1, 1, 0, 0, 0, 0, 0],
            gad_7=[1] * 7,
            panic_attacks_per_week=0,
            cssrs={"q1": False, "q2": False, "q6": False},
        )

    intake_save_answers(intake=checkin, section="mood", update=answer)
    return intake_submit(intake_id=checkin.pk, patient=patient)


def _export(client, psychiatrist, checkin, name: str) -> dict:
    client.force_login(psychiatrist)
    response = client.get(f"/review/i/{checkin.public_id}/{name}")
    assert response.status_code == 200
    return json.loads(response.content)


def test_a_check_in_exports_as_a_dated_questionnaire_response_of_its_own_pages(
    client, psychiatrist, recorded_checkin
):
    response = _export(client, psychiatrist, recorded_checkin, "fhir.json")
    get_fhir_model_class("QuestionnaireResponse").model_validate(response)
    assert recorded_checkin.status == IntakeStatus.RECORDED
    assert (response["status"], response["authored"]) == ("completed", SENT.isoformat())
    groups = {group["linkId"] for group in response["item"]}
    assert {"/44249-1", "/69737-5", "cssrs"} <= groups  # PHQ-9, GAD-7, the safety questions
    assert not groups & {"medications", "about", "substances"}  # nothing a check-in never asked


def test_a_check_ins_scores_export_as_observations_dated_when_it_was_sent(
    client, psychiatrist, recorded_checkin
):
    bundle = _export(client, psychiatrist, recorded_checkin, "fhir-bundle.json")
    Bundle.model_validate(bundle)
    observations = {
        entry["resource"]["code"]["coding"][0]["code"]: entry["resource"]
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == "Observation"
    }
    phq9, gad7 = observations["44261-6"], observations["70274-6"]
    assert (phq9["valueInteger"], gad7["valueInteger"]) == (4, 7)
    assert phq9["effectiveDateTime"] == gad7["effectiveDateTime"] == SENT.isoformat()
