"""The patient's consent pages: the list, one page per document, withdrawing, the notice."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from intake.views.access import _get_intake_for_patient, page_context
from portal.clientip import client_ip
from portal.roles import patient_required

from . import selectors
from .forms import SignForm
from .models import ConsentKind, ConsentSignature, text_sha256
from .pdf import signed_copy_pdf
from .services import consent_sign, consent_withdraw


def _state_for(intake, slug: str) -> selectors.ConsentState:
    """The document at this address that the intake needs or has signed (404 otherwise)."""
    kind = selectors.KIND_OF_SLUG.get(slug)
    state = next((s for s in selectors.consent_states(intake) if s.kind == kind), None)
    if state is None or state.document is None:
        raise Http404
    return state


def _request_facts(request) -> dict:
    return {
        "client_ip": client_ip(request),
        "user_agent": request.META.get("HTTP_USER_AGENT", ""),
    }


@patient_required
def overview(request, public_id):
    intake = _get_intake_for_patient(request, public_id)
    context = page_context(intake, states=selectors.consent_states(intake))
    return render(request, "consent/overview.html", context)


@patient_required
@require_http_methods(["GET", "POST"])
def sign(request, public_id, document):
    intake = _get_intake_for_patient(request, public_id)
    state = _state_for(intake, document)
    current = state.document
    text = selectors.shown_text(current, intake)
    form_kwargs = {"title": current.title, "name_on_record": request.user.get_full_name()}
    if request.method == "POST" and intake.is_editable:
        form = SignForm(request.POST, **form_kwargs)
        # The signature is of the text the page showed, as its hash says; if the document
        # or the patient's plan changed since the page was opened, they read it again.
        if form.is_valid() and request.POST.get("text_sha256") == text_sha256(text):
            consent_sign(
                intake=intake,
                document=current,
                user=request.user,
                typed_name=form.cleaned_data["full_name"],
                shown_text=text,
                **_request_facts(request),
            )
            return redirect("intake:consent", intake.public_id)
        if form.is_valid():
            form.add_error(
                None, _("This document changed while you were reading it. Read it again")
            )
    else:
        form = SignForm(**form_kwargs)
    context = page_context(
        intake,
        form=form,
        state=state,
        paragraphs=[p for p in text.split("\n\n") if p.strip()],
        text_hash=text_sha256(text),
        back_url=reverse("intake:consent", args=[intake.public_id]),
        notice_url=reverse("intake:privacy_notice", args=[intake.public_id])
        if state.kind == ConsentKind.PRIVACY_NOTICE
        else "",
    )
    return render(request, "consent/sign.html", context)


@patient_required
@require_POST
def withdraw(request, public_id, document):
    intake = _get_intake_for_patient(request, public_id)
    state = _state_for(intake, document)
    if state.signature is None:
        raise Http404
    consent_withdraw(signature=state.signature, user=request.user, **_request_facts(request))
    return redirect("intake:consent", intake.public_id)


@patient_required
def privacy_notice(request, public_id):
    """The notice of privacy practices: a page to read, or a text file to keep."""
    intake = _get_intake_for_patient(request, public_id)
    notice = selectors.current_documents(selectors.page_language()).get(ConsentKind.PRIVACY_NOTICE)
    if notice is None:
        raise Http404
    if request.GET.get("download") == "1":
        response = HttpResponse(notice.text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="privacy-notice.txt"'
        return response
    context = page_context(
        intake,
        notice=notice,
        paragraphs=[p for p in notice.text.split("\n\n") if p.strip()],
        back_url=reverse("intake:consent_sign", args=[intake.public_id, "privacy-notice"]),
    )
    return render(request, "consent/privacy_notice.html", context)


def _get_signature_for_patient(request, public_id, signature_id: int) -> ConsentSignature:
    """The patient's own signature on this intake, or 404."""
    return get_object_or_404(
        ConsentSignature.objects.select_related("document", "intake"),
        pk=signature_id,
        intake__public_id=public_id,
        intake__patient=request.user,
    )


@patient_required
def signed_copy(request, public_id, signature_id):
    """The patient's PDF copy of a document they signed."""
    signature = _get_signature_for_patient(request, public_id, signature_id)
    response = HttpResponse(signed_copy_pdf(signature), content_type="application/pdf")
    name = f"{selectors.SLUGS[signature.document.kind]}-v{signature.document.version}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
