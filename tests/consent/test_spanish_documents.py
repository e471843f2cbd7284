"""A Spanish-speaking patient reads and signs each document in Spanish: the approved Spanish
version, with their emergency plan in Spanish under the consent to care by video. What they
signed stays what they signed, and the care team sees which language it was."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from intake.consent.models import ConsentSignature
from intake.devtools.seed_cases import DETAILS, base
from intake.services import intake_submit
from tests.factories import make_intake
from tests.review.test_detail import _url

pytestmark = pytest.mark.django_db

SPANISH = "es-US,es;q=0.9"


@pytest.fixture
def intake(patient):
    """A draft listing clonazepam: the three documents apply, none signed yet."""
    return make_intake(patient, answers=base(), details=dict(DETAILS), consents=False)


@pytest.fixture
def lucia(patient):
    browser = Client(HTTP_ACCEPT_LANGUAGE=SPANISH)
    browser.force_login(patient)
    return browser


def _sign(browser, intake, slug):
    url = reverse("intake:consent_sign", args=[intake.public_id, slug])
    page = browser.get(url)
    data = {"agree": "on", "full_name": "Alice Adams", "text_sha256": page.context["text_hash"]}
    assert browser.post(url, data).status_code == 302
    return page.content.decode()


def test_the_spanish_page_shows_the_spanish_version_and_plan(lucia, intake):
    html = _sign(lucia, intake, "telehealth")
    assert "Consentimiento" in html and "Su plan de emergencia." in html
    signature = ConsentSignature.objects.get(intake=intake)
    assert signature.document.language == "es"
    assert "Dónde estará usted durante su cita: 1 Example Street" in signature.shown_text
    assert "Your emergency plan" not in signature.shown_text


def test_spanish_signatures_let_the_answers_be_sent(lucia, patient, intake):
    for slug in ("telehealth", "privacy-notice", "controlled-medicine"):
        _sign(lucia, intake, slug)
    assert intake_submit(intake_id=intake.pk, patient=patient).status == "submitted"


def test_a_signed_spanish_text_stays_on_an_english_page(client, lucia, patient, intake):
    _sign(lucia, intake, "privacy-notice")
    client.force_login(patient)
    url = reverse("intake:consent_sign", args=[intake.public_id, "privacy-notice"])
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    signed = ConsentSignature.objects.get(intake=intake)
    assert signed.document.title in html and signed.document.language == "es"


def test_the_care_team_sees_the_language_signed_in(client, lucia, patient, psychiatrist, intake):
    for slug in ("telehealth", "privacy-notice", "controlled-medicine"):
        _sign(lucia, intake, slug)
    sent = intake_submit(intake_id=intake.pk, patient=patient)
    client.force_login(psychiatrist)
    html = client.get(_url(sent)).content.decode()
    assert "signed, version 1 in Spanish" in html


def test_the_copy_of_a_spanish_signature_is_in_spanish(lucia, intake):
    _sign(lucia, intake, "telehealth")
    signature = ConsentSignature.objects.get(intake=intake)
    url = reverse("intake:consent_copy", args=[intake.public_id, signature.pk])
    reader = PdfReader(io.BytesIO(lucia.get(url).content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Firmado por (nombre escrito) Alice Adams" in text
    assert f"Código de verificación {signature.verification_code}" in text
    assert "Su plan de emergencia." in text and "Signed by" not in text
