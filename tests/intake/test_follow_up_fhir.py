"""A follow-up intake's MedicationStatements carry what the reconciliation said."""

import pytest
from django.urls import reverse
from fhir.resources.R4B import get_fhir_model_class

from intake.fhir.bundle import intake_bundle
from intake.services import intake_submit
from tests.intake.follow_up_cases import RECONCILED, answer_the_rest, returning_patient
from tests.intake.pages import post_ok

pytestmark = pytest.mark.django_db


@pytest.fixture
def statements(client, patient):
    """The sent follow-up's MedicationStatements, by the name the patient typed."""
    _, intake = returning_patient(patient)
    client.force_login(patient)
    post_ok(client, reverse("intake:step", args=[intake.public_id, "medications/since-last-time/"]),
            RECONCILED)  # fmt: skip
    intake.refresh_from_db()
    answer_the_rest(client, intake)
    intake = intake_submit(intake_id=intake.pk, patient=patient)
    resources = [e["resource"] for e in intake_bundle(intake)["entry"]]
    found = [r for r in resources if r["resourceType"] == "MedicationStatement"]
    for resource in found:
        get_fhir_model_class("MedicationStatement").model_validate(resource)
    return {r["medicationCodeableConcept"]["text"]: r for r in found}


def _notes(resource) -> str:
    return " ".join(note["text"] for note in resource.get("note", []))


def test_a_stopped_medicine_is_a_stopped_statement_saying_when(statements):
    zolpidem = statements["zolpidem"]
    assert zolpidem["status"] == "stopped"
    assert "3 weeks ago" in _notes(zolpidem)


def test_a_changed_dose_is_active_with_the_change_in_a_note(statements):
    klonopin = statements["Klonopin"]
    assert klonopin["status"] == "active" and "statusReason" not in klonopin
    assert "dose changed since the last visit" in _notes(klonopin)
    assert klonopin["dosage"][0]["timing"]["repeat"]["frequency"] == 3


def test_an_unchanged_medicine_is_active_and_says_so(statements):
    sertraline = statements["sertraline"]
    assert sertraline["status"] == "active"
    assert "same dose as at the last visit" in _notes(sertraline)
