"""The care team sees each document's state and version, and can verify a signature."""

import re

import pytest
from django.urls import reverse

from intake.consent.models import ConsentSignature
from intake.consent.services import consent_withdraw
from portal.access_report import access_rows
from portal.models import AuditEvent
from tests.factories import make_submitted_intake

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(patient):
    """Alice's intake, sent with every document signed (clonazepam listed)."""
    return make_submitted_intake(patient, archetype="urgent_opioid")


def _text(response) -> str:
    """The page's words, without tags and with single spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _verify_url(intake, signature):
    return reverse("review:consent_verify", args=[intake.public_id, signature.pk])


def test_the_detail_page_shows_each_document_signed_with_its_version(client, psychiatrist, sent):
    client.force_login(psychiatrist)
    text = _text(client.get(reverse("review:detail", args=[sent.public_id])))
    assert "Consent to care by video: signed, version 1" in text
    assert "Controlled-medicine agreement: signed, version 1" in text


def test_a_withdrawal_shows_on_the_detail_page_at_once(client, patient, psychiatrist, sent):
    signature = ConsentSignature.objects.get(intake=sent, document__kind="telehealth")
    consent_withdraw(signature=signature, user=patient)
    client.force_login(psychiatrist)
    text = _text(client.get(reverse("review:detail", args=[sent.public_id])))
    assert "Consent to care by video: withdrawn" in text


def test_the_print_view_includes_consent(client, psychiatrist, sent):
    client.force_login(psychiatrist)
    text = _text(client.get(reverse("review:print", args=[sent.public_id])))
    assert "Privacy notice acknowledgement: signed, version 1" in text


def test_the_verification_page_says_the_stored_text_matches(client, psychiatrist, sent):
    signature = ConsentSignature.objects.filter(intake=sent).first()
    client.force_login(psychiatrist)
    html = client.get(_verify_url(sent, signature)).content.decode()
    assert "The stored text matches" in html


def test_tampering_with_the_stored_text_makes_the_page_say_it_does_not_match(
    client, psychiatrist, sent
):
    signature = ConsentSignature.objects.filter(intake=sent).first()
    # Past the model, as someone editing the database would.
    ConsentSignature.objects.filter(pk=signature.pk).update(
        shown_text=signature.shown_text.replace("911", "912")
    )
    client.force_login(psychiatrist)
    html = client.get(_verify_url(sent, signature)).content.decode()
    assert "The stored text does not match" in html


def test_a_verification_read_is_audited_and_in_the_patients_access_report(
    client, patient, psychiatrist, sent
):
    signature = ConsentSignature.objects.filter(intake=sent).first()
    client.force_login(psychiatrist)
    client.get(_verify_url(sent, signature))
    assert AuditEvent.objects.filter(action="consent.viewed", actor=psychiatrist).exists()
    assert "Read a consent document you signed" in [
        row.what for row in access_rows(patient=patient)
    ]


def test_a_patient_cannot_open_the_verification_page(client, patient, sent):
    signature = ConsentSignature.objects.filter(intake=sent).first()
    client.force_login(patient)
    assert client.get(_verify_url(sent, signature)).status_code == 404


def test_the_queue_row_shows_a_withdrawal_at_once(client, patient, psychiatrist, sent):
    client.force_login(psychiatrist)
    assert "Consent signed" in _text(client.get(reverse("review:queue")))
    signature = ConsentSignature.objects.get(intake=sent, document__kind="telehealth")
    consent_withdraw(signature=signature, user=patient)
    assert "Consent withdrawn" in _text(client.get(reverse("review:queue")))
