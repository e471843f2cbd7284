"""Writes for consent: drafting and approving a document version, signing, withdrawing.

Governance mirrors the education pages (education/services.py): an editor drafts, a
clinical reviewer who did not draft that version approves it, and only then do patients
sign it. Each write is atomic and writes its audit row.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from portal.audit import record
from portal.roles import is_clinical_reviewer

from .models import ConsentDocument, ConsentSignature, ConsentWithdrawal, text_sha256
from .tasks import send_signed_copy_email


class ConsentRefused(Exception):
    """A step the document's state, the person's role or the input does not allow."""


def same_name(typed: str, on_record: str) -> bool:
    """Whether a typed name is the name on record, ignoring case and spacing."""
    return "".join(typed.split()).casefold() == "".join(on_record.split()).casefold()


def consent_document_draft(
    *, kind: str, title: str, text: str, author, language: str = "en"
) -> ConsentDocument:
    """A new draft version of a document: the next version number for its kind in its
    language."""
    with transaction.atomic():
        # Lock the kind's rows so two drafts never take the same number.
        rows = ConsentDocument.objects.select_for_update().filter(kind=kind, language=language)
        latest = rows.aggregate(latest=Max("version"))["latest"] or 0
        document = ConsentDocument.objects.create(
            kind=kind, language=language, version=latest + 1, title=title, text=text,
            drafted_by=author,
        )  # fmt: skip
        record(actor=author, action="consent.document_drafted", obj=document)
    return document


def consent_document_edit(*, document: ConsentDocument, title: str, text: str, author):
    """Change a draft. Whoever changes it becomes its author: the approver must be another
    clinician than everyone whose words they sign off, and the last editor is the one
    whose change has not been read by a second pair of eyes."""
    if document.is_approved:
        raise ConsentRefused("An approved version never changes; draft a new version.")
    document.title, document.text, document.drafted_by = title, text, author
    with transaction.atomic():
        document.save()
        record(actor=author, action="consent.document_edited", obj=document)
    return document


def consent_document_approve(
    *, document: ConsentDocument, reviewer, asks_again: bool
) -> ConsentDocument:
    """A clinical reviewer who did not draft this version approves it; patients sign it
    from now on. ``asks_again``: whether patients who signed an earlier version must sign
    this one before their next intake is sent."""
    if not is_clinical_reviewer(reviewer):
        raise ConsentRefused("Only a clinical reviewer can approve a consent document.")
    if document.drafted_by_id is not None and document.drafted_by_id == reviewer.pk:
        raise ConsentRefused(
            "You drafted this version, so another clinical reviewer must approve it."
        )
    with transaction.atomic():
        document = ConsentDocument.objects.select_for_update().get(pk=document.pk)
        if document.is_approved:
            raise ConsentRefused("This version is approved already.")
        document.status = ConsentDocument.Status.APPROVED
        document.approved_by = reviewer
        document.approved_at = timezone.now()
        document.asks_again = asks_again
        document.save()
        record(
            actor=reviewer,
            action="consent.document_approved",
            obj=document,
            detail={"asks_again": asks_again},
        )
    return document


def consent_sign(
    *,
    intake,
    document: ConsentDocument,
    user,
    typed_name: str,
    shown_text: str,
    client_ip: str | None = None,
    user_agent: str = "",
    email_copy: bool = True,
) -> ConsentSignature:
    """The patient signs the exact text they were shown. The typed name must be the name on
    record; the document must be approved. Once committed, the patient is emailed that their
    copy is ready (``email_copy``; False where no patient is at the keyboard: test data)."""
    if not document.is_approved:
        raise ConsentRefused("This version is not approved.")
    if not same_name(typed_name, user.get_full_name()):
        raise ConsentRefused("The name does not match the name on record.")
    with transaction.atomic():
        signature = ConsentSignature.objects.create(
            document=document,
            intake=intake,
            user=user,
            typed_name=typed_name.strip(),
            shown_text=shown_text,
            text_sha256=text_sha256(shown_text),
            client_ip=client_ip,
            user_agent=user_agent[:400],
        )
        record(
            actor=user,
            action="consent.signed",
            obj=signature,
            detail={"intake": intake.pk, "document": document.pk},
        )
        if email_copy:
            transaction.on_commit(lambda: send_signed_copy_email.delay(signature.pk))
    return signature


def consent_withdraw(
    *, signature: ConsentSignature, user, client_ip: str | None = None, user_agent: str = ""
) -> ConsentWithdrawal:
    """The patient takes back a consent: a new event; the signature stays as it was."""
    with transaction.atomic():
        signature = ConsentSignature.objects.select_for_update().get(pk=signature.pk)
        existing = ConsentWithdrawal.objects.filter(signature=signature).first()
        if existing:
            return existing
        withdrawal = ConsentWithdrawal.objects.create(
            signature=signature, user=user, client_ip=client_ip, user_agent=user_agent[:400]
        )
        record(
            actor=user,
            action="consent.withdrawn",
            obj=withdrawal,
            detail={"intake": signature.intake_id, "signature": signature.pk},
        )
    return withdrawal
