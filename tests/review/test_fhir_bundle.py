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
    assert response["Content-Type"] == "application/fhir+json"
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
    totals = {o["code"]["coding"][0]["code"]: o["valueInteger"] for o in resources["Observation"]}
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
