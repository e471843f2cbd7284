"""The intake cannot be sent until every required document is signed in a version that
counts: enforced in the submit service, whatever the browser sent."""

import pytest
from django.urls import reverse

from intake.consent.services import consent_document_approve, consent_document_draft
from intake.devtools.seed_cases import DETAILS, base
from intake.services import IncompleteIntake, intake_submit
from tests.factories import make_clinical_reviewer, make_intake, sign_consents

pytestmark = pytest.mark.django_db


@pytest.fixture
def unsigned(patient):
    """Alice's complete answers (clonazepam listed), no document signed."""
    return make_intake(patient, answers=base(), details=dict(DETAILS), consents=False)


def _new_version(editor, *, asks_again: bool):
    draft = consent_document_draft(
        kind="telehealth", title="Consent to care by video", text="New words.", author=editor
    )
    reviewer = make_clinical_reviewer("rex@clinic.example")
    return consent_document_approve(document=draft, reviewer=reviewer, asks_again=asks_again)


def test_posting_the_send_form_without_the_signatures_is_refused(client, patient, unsigned):
    client.force_login(patient)
    response = client.post(reverse("intake:submit", args=[unsigned.public_id]), {"confirm": "on"})
    html = response.content.decode()
    assert "Consent and agreements: Controlled-medicine agreement: not signed yet" in html
    unsigned.refresh_from_db()
    assert unsigned.status == "draft"


def test_the_service_refuses_and_names_the_unsigned_documents(patient, unsigned):
    with pytest.raises(IncompleteIntake) as refused:
        intake_submit(intake_id=unsigned.pk, patient=patient)
    assert [s.kind for s in refused.value.consents] == [
        "telehealth",
        "privacy_notice",
        "controlled_substance",
    ]


def test_signed_documents_let_the_intake_be_sent(patient, unsigned):
    sign_consents(unsigned)
    assert intake_submit(intake_id=unsigned.pk, patient=patient).status == "submitted"


def test_a_withdrawn_consent_holds_the_intake_back(client, patient, unsigned):
    sign_consents(unsigned)
    client.force_login(patient)
    client.post(reverse("intake:consent_withdraw", args=[unsigned.public_id, "telehealth"]))
    with pytest.raises(IncompleteIntake):
        intake_submit(intake_id=unsigned.pk, patient=patient)


def test_a_new_version_that_asks_again_needs_a_new_signature(patient, editor, unsigned):
    sign_consents(unsigned)
    _new_version(editor, asks_again=True)
    with pytest.raises(IncompleteIntake) as refused:
        intake_submit(intake_id=unsigned.pk, patient=patient)
    assert [(s.kind, s.state) for s in refused.value.consents] == [("telehealth", "outdated")]


def test_a_new_version_that_does_not_ask_again_keeps_earlier_signatures(patient, editor, unsigned):
    sign_consents(unsigned)
    _new_version(editor, asks_again=False)
    assert intake_submit(intake_id=unsigned.pk, patient=patient).status == "submitted"
