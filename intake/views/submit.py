"""Check your answers, attest and submit; the confirmation; the read-only copy."""

from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intake.consent.selectors import CONSENT_TITLE
from intake.evaluation import CaseError
from intake.forms import AttestationForm
from intake.forms.contact import phone_display
from intake.models import IntakeStatus
from intake.sections import section, step
from intake.services import IncompleteIntake, intake_submit
from intake.summary import answer_sections, pages_for_you
from portal.roles import patient_required

from .access import _get_intake_for_patient, page_context
from .resume import keep_post_when_signed_out


def _missing_links(intake, missing: dict) -> list[dict]:
    return [
        {
            "section": section(key, intake.kind).title,
            "label": label,
            # As a change link: once answered, the patient comes back here.
            "url": step(step_key, intake.kind).url(intake.public_id, change=True),
        }
        for key, items in missing.items()
        for label, step_key in items
    ]


def _consent_links(intake, consents) -> list[dict]:
    return [
        {"section": CONSENT_TITLE, "label": f"{s.label}: {s.missing_label}", "url": s.url(intake)}
        for s in consents
    ]


def _check_page(request, intake, form, missing=None, consents=()):
    context = page_context(
        intake,
        form=form,
        sections=answer_sections(intake),
        missing=_missing_links(intake, missing or {}) + _consent_links(intake, consents),
    )
    return render(request, "intake/check.html", context)


@patient_required
def check(request, public_id):
    """Check your answers while the intake is open; afterwards, the read-only copy."""
    intake = _get_intake_for_patient(request, public_id)
    return _check_page(request, intake, AttestationForm())


@keep_post_when_signed_out
@patient_required
@require_POST
def submit(request, public_id):
    form = AttestationForm(request.POST)
    if not form.is_valid():
        intake = _get_intake_for_patient(request, public_id)
        if not _sent(intake):
            return _check_page(request, intake, form)
        return redirect("intake:confirmation", intake.public_id)
    try:
        # The intake is read once, locked, and submitted in the same transaction.
        with transaction.atomic():
            intake = _get_intake_for_patient(request, public_id, for_update=True, for_submit=True)
            if not _sent(intake):
                intake_submit(patient=request.user, locked=intake)
    # The transaction rolled back: the page shows the intake as it is stored.
    except IncompleteIntake as error:
        intake = _get_intake_for_patient(request, public_id)
        return _check_page(request, intake, form, missing=error.missing, consents=error.consents)
    except CaseError:
        # The pages only store answers the clinical core reads; this guards old drafts.
        form.add_error(None, _("One of your answers could not be read. Please check each section"))
        return _check_page(request, _get_intake_for_patient(request, public_id), form)
    return redirect("intake:confirmation", intake.public_id)


def _sent(intake) -> bool:
    """Sent once already: a second click or a second tab."""
    return intake.status not in (IntakeStatus.DRAFT, IntakeStatus.INFO_REQUESTED)


def _phone(intake) -> str:
    """The number the team would call, as the patient typed it back to them."""
    return phone_display((intake.details.get("contact") or {}).get("mobile_phone"))


@patient_required
def confirmation(request, public_id):
    intake = _get_intake_for_patient(request, public_id)
    if intake.submitted_at is None:
        return redirect("intake:check", intake.public_id)
    context = page_context(intake, pages=pages_for_you(intake), reach_phone=_phone(intake))
    return render(request, "intake/confirmation.html", context)
