"""Consent documents: drafted by an editor, approved by another clinician, never changed."""

import pytest
from django.urls import reverse

from intake.consent.models import ConsentDocument, ImmutableRecord, text_sha256
from intake.consent.services import (
    ConsentRefused,
    consent_document_approve,
    consent_document_draft,
)
from tests.factories import make_clinical_reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(db):
    return make_clinical_reviewer("rex@clinic.example", first_name="Rex", last_name="Reed")


def _draft(author, text="New words."):
    return consent_document_draft(
        kind="telehealth", title="Care by video", text=text, author=author
    )


def test_the_three_documents_are_loaded_approved_as_version_one_in_each_language():
    approved = ConsentDocument.objects.approved()
    assert sorted(approved.values_list("kind", "language", "version")) == [
        (kind, language, 1)
        for kind in ("controlled_substance", "privacy_notice", "telehealth")
        for language in ("en", "es")
    ]
    assert all(d.sha256 == text_sha256(d.text) for d in approved)


def test_a_new_draft_takes_the_next_version_and_is_not_approved(editor):
    draft = _draft(editor)
    assert (draft.version, draft.status) == (2, "draft")


def test_a_reviewer_cannot_approve_a_version_they_drafted(reviewer):
    draft = _draft(reviewer)
    with pytest.raises(ConsentRefused, match="another clinical reviewer"):
        consent_document_approve(document=draft, reviewer=reviewer, asks_again=True)


def test_an_editor_who_is_not_a_reviewer_cannot_approve(editor):
    draft = _draft(editor)
    with pytest.raises(ConsentRefused, match="Only a clinical reviewer"):
        consent_document_approve(document=draft, reviewer=editor, asks_again=True)


def test_a_second_clinician_approves_and_chooses_whether_patients_sign_again(editor, reviewer):
    draft = _draft(editor)
    approved = consent_document_approve(document=draft, reviewer=reviewer, asks_again=False)
    assert (approved.status, approved.approved_by, approved.asks_again) == (
        "approved",
        reviewer,
        False,
    )


def test_an_approved_version_never_changes():
    document = ConsentDocument.objects.approved().get(kind="telehealth", language="en")
    document.text = "Other words."
    with pytest.raises(ImmutableRecord):
        document.save()
    assert ConsentDocument.objects.get(pk=document.pk).text != "Other words."


def test_the_admin_shows_an_approved_version_read_only(client, editor):
    document = ConsentDocument.objects.approved().get(kind="telehealth", language="en")
    client.force_login(editor)
    url = reverse("admin:intake_consentdocument_change", args=[document.pk])
    client.post(url, {"title": "Changed", "text": "Changed"})
    assert ConsentDocument.objects.get(pk=document.pk).title != "Changed"
    assert 'name="text"' not in client.get(url).content.decode()


def test_an_editor_drafts_in_the_admin_and_cannot_approve_their_own(client, editor):
    client.force_login(editor)
    client.post(
        reverse("admin:intake_consentdocument_add"),
        {"kind": "privacy_notice", "language": "en", "title": "Privacy", "text": "New notice."},
    )
    draft = ConsentDocument.objects.get(kind="privacy_notice", language="en", version=2)
    client.post(
        reverse("admin:intake_consentdocument_changelist"),
        {"action": "approve_and_ask_again", "_selected_action": [draft.pk]},
    )
    assert (draft.drafted_by, ConsentDocument.objects.get(pk=draft.pk).status) == (
        editor,
        "draft",
    )


def test_a_reviewer_approves_another_editors_draft_in_the_admin(client, editor, reviewer):
    draft = _draft(editor)
    client.force_login(reviewer)
    client.post(
        reverse("admin:intake_consentdocument_changelist"),
        {"action": "approve_keep_signatures", "_selected_action": [draft.pk]},
    )
    assert ConsentDocument.objects.get(pk=draft.pk).status == "approved"
