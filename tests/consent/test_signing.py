"""The patient signs each document on its own page; a signature is kept exactly."""

import pytest
from django.urls import reverse

from intake.consent.models import ConsentSignature, ConsentWithdrawal, ImmutableRecord, text_sha256
from intake.devtools.seed_cases import ARCHETYPES, DETAILS, base
from portal.models import AuditEvent
from tests.factories import make_intake, sign_consents

pytestmark = pytest.mark.django_db

NO_BENZODIAZEPINE = ARCHETYPES["routine_calm"]  # escitalopram only


@pytest.fixture
def intake(patient):
    """Alice's draft listing clonazepam: all three documents apply."""
    return make_intake(patient, answers=base(), details=dict(DETAILS), consents=False)


def sign_url(intake, slug):
    return reverse("intake:consent_sign", args=[intake.public_id, slug])


def _post_signature(client, intake, slug, **data):
    page = client.get(sign_url(intake, slug))
    values = {"agree": "on", "full_name": "Alice Adams", "text_sha256": page.context["text_hash"]}
    return client.post(sign_url(intake, slug), {**values, **data})


def test_the_task_list_names_the_documents_still_to_sign(client, patient, intake):
    client.force_login(patient)
    html = client.get(reverse("intake:tasks", args=[intake.public_id])).content.decode()
    assert "Consent and agreements" in html
    assert (
        "Still to sign: Consent to care by video; Privacy notice acknowledgement; "
        "Controlled-medicine agreement" in html
    )


def test_signing_keeps_the_version_the_exact_text_the_name_and_the_request(client, patient, intake):
    client.force_login(patient)
    response = _post_signature(client, intake, "telehealth", full_name="  alice   ADAMS ")
    assert response.status_code == 302
    signature = ConsentSignature.objects.get(intake=intake)
    assert (signature.document.version, signature.user, signature.client_ip) == (
        1,
        patient,
        "127.0.0.1",
    )
    assert "1 Example Street, Albany, NY 12207" in signature.shown_text
    assert signature.text_sha256 == text_sha256(signature.shown_text)


def test_signing_is_audited(client, patient, intake):
    client.force_login(patient)
    _post_signature(client, intake, "privacy-notice")
    assert AuditEvent.objects.filter(action="consent.signed", actor=patient).count() == 1


def test_a_name_that_is_not_the_name_on_record_is_refused_and_kept(client, patient, intake):
    client.force_login(patient)
    response = _post_signature(client, intake, "telehealth", full_name="Alicia Adams")
    html = response.content.decode()
    assert html.count("The name you typed is not the name on your account") == 2
    assert 'value="Alicia Adams"' in html and not ConsentSignature.objects.exists()


def test_the_agreement_must_be_ticked(client, patient, intake):
    client.force_login(patient)
    response = _post_signature(client, intake, "telehealth", agree="")
    assert "Tick the box to say you agree" in response.content.decode()
    assert not ConsentSignature.objects.exists()


def test_the_controlled_medicine_agreement_applies_only_with_a_controlled_medicine(client, patient):
    without = make_intake(
        patient, answers=dict(NO_BENZODIAZEPINE), details=dict(DETAILS), consents=False
    )
    client.force_login(patient)
    assert client.get(sign_url(without, "controlled-medicine")).status_code == 404


def test_another_patient_cannot_open_or_sign_alices_documents(client, second_patient, intake):
    client.force_login(second_patient)
    assert client.get(sign_url(intake, "telehealth")).status_code == 404
    assert client.post(sign_url(intake, "telehealth"), {"agree": "on"}).status_code == 404


def test_withdrawing_is_a_new_event_and_the_signature_stays(client, patient, intake):
    sign_consents(intake)
    client.force_login(patient)
    url = reverse("intake:consent_withdraw", args=[intake.public_id, "telehealth"])
    client.post(url)
    withdrawal = ConsentWithdrawal.objects.get()
    assert withdrawal.signature.document.kind == "telehealth"
    assert ConsentSignature.objects.filter(intake=intake).count() == 3


def test_a_signature_is_never_edited(intake):
    sign_consents(intake)
    signature = ConsentSignature.objects.first()
    signature.typed_name = "Someone Else"
    with pytest.raises(ImmutableRecord):
        signature.save()


def test_the_privacy_notice_can_be_read_and_downloaded(client, patient, intake):
    client.force_login(patient)
    url = reverse("intake:privacy_notice", args=[intake.public_id])
    assert "Notice of Privacy Practices" in client.get(url).content.decode()
    download = client.get(url, {"download": "1"})
    assert download["Content-Disposition"] == 'attachment; filename="privacy-notice.txt"'
