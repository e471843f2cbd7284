"""Each signature is a FHIR Consent in the intake's Bundle, valid in R4B."""

import base64
import hashlib

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.consent import Consent

from intake.consent.models import ConsentSignature
from intake.consent.services import consent_withdraw
from tests.factories import make_submitted_intake

pytestmark = pytest.mark.django_db


def _consents(client, psychiatrist, intake) -> list[dict]:
    client.force_login(psychiatrist)
    data = client.get(reverse("review:fhir_bundle", args=[intake.public_id])).json()
    Bundle.model_validate(data)
    return [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Consent"]


def test_each_signature_is_a_valid_consent_in_the_bundle(client, patient, psychiatrist):
    intake = make_submitted_intake(patient, archetype="urgent_opioid")
    consents = _consents(client, psychiatrist, intake)
    for consent in consents:
        Consent.model_validate(consent)
    assert sorted(c["policy"][0]["uri"].split("/consent/")[1] for c in consents) == [
        "controlled_substance/v1",
        "privacy_notice/v1",
        "telehealth/v1",
    ]


def test_a_consent_carries_the_signed_text_and_its_hashes(client, patient, psychiatrist):
    intake = make_submitted_intake(patient)
    signature = ConsentSignature.objects.filter(intake=intake, document__kind="telehealth").get()
    consent = next(
        c
        for c in _consents(client, psychiatrist, intake)
        if c["identifier"][0]["value"] == signature.text_sha256
    )
    text = base64.b64decode(consent["sourceAttachment"]["data"]).decode()
    assert text == signature.shown_text
    assert (
        consent["sourceAttachment"]["hash"]
        == base64.b64encode(hashlib.sha1(text.encode()).digest()).decode()  # noqa: S324
    )


def test_a_withdrawn_consent_is_inactive(client, patient, psychiatrist):
    intake = make_submitted_intake(patient)
    signature = ConsentSignature.objects.filter(intake=intake, document__kind="telehealth").get()
    consent_withdraw(signature=signature, user=patient)
    statuses = {
        c["identifier"][0]["value"]: c["status"] for c in _consents(client, psychiatrist, intake)
    }
    assert statuses[signature.text_sha256] == "inactive"
