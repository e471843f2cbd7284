"""The patient's PDF copy of each signed document, and the email saying it is ready."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from intake.consent.models import ConsentSignature
from intake.consent.selectors import current_documents, shown_text
from intake.consent.services import consent_sign
from intake.devtools.seed_cases import DETAILS, base
from tests.factories import make_intake

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(patient):
    return make_intake(patient, answers=base(), details=dict(DETAILS))


def _copy_url(intake, signature):
    return reverse("intake:consent_copy", args=[intake.public_id, signature.pk])


def _pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_copy_is_a_pdf_with_the_text_and_the_signature_block(client, patient, signed):
    signature = ConsentSignature.objects.get(intake=signed, document__kind="telehealth")
    client.force_login(patient)
    text = _pdf_text(client.get(_copy_url(signed, signature)))
    assert "If the connection drops" in text
    assert "Signed by (typed name) Alice Adams" in text
    assert f"Verification code {signature.verification_code}" in text
    assert "Consent to care by video, version 1" in text


def test_another_patient_cannot_download_alices_copy(client, second_patient, signed):
    signature = ConsentSignature.objects.filter(intake=signed).first()
    client.force_login(second_patient)
    assert client.get(_copy_url(signed, signature)).status_code == 404


def test_signing_emails_that_a_copy_is_ready_without_health_information(
    patient, django_capture_on_commit_callbacks
):
    intake = make_intake(patient, answers=base(), details=dict(DETAILS), consents=False)
    document = current_documents()["controlled_substance"]
    with django_capture_on_commit_callbacks(execute=True):
        consent_sign(
            intake=intake,
            document=document,
            user=patient,
            typed_name="Alice Adams",
            shown_text=shown_text(document, intake),
        )
    (message,) = mail.outbox
    words = (message.subject + message.body).lower()
    assert message.to == [patient.email]
    assert "agreement" not in words and "medicine" not in words and "alice" not in words
