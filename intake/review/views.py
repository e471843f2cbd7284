"""The review queue's pages. Psychiatrists only (404 for anyone else); every intake goes
through ``_get_intake_for_reviewer``, which never hands out a draft."""

import functools

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from portal.audit import record
from portal.roles import psychiatrist_required

from ..compiled import CompiledRead
from ..fhir import bundle as bundles
from ..fhir import export as fhir
from ..models import Intake, IntakeStatus
from ..safety import risk_words, safety_answers
from . import services
from .detail import detail_context
from .forms import MarkReviewedForm, NoteForm, PdmpCheckForm, RequestInformationForm
from .queue_view import queue_response
from .selectors import BadCursor, reviewer_intake, reviewer_may_open
from .unsent import safety_rows


def _get_intake_for_reviewer(request, public_id, *, unsent_safety: bool = False) -> Intake:
    """A submitted intake, or 404. Never a draft, except with ``unsent_safety`` an unsent one
    holding a saved positive safety answer (its safety page, claim and release only)."""
    found = _reviewer_intake(public_id=public_id)
    if not found or not reviewer_may_open(found[0], unsent_safety=unsent_safety):
        raise Http404
    return found[0]


# Every page of an intake reads it: compiled once, and prepared as a read by a key
# (intake/compiled.py).
_reviewer_intake = CompiledRead(reviewer_intake, prepared=True)


QUEUE_FILTERS_KEY = "review_queue_filters"


@require_GET
@psychiatrist_required
def queue(request):
    try:
        response = queue_response(request)
    except BadCursor:
        return redirect(reverse("review:queue"))
    _remember_queue_filters(request)
    return response


def _remember_queue_filters(request) -> None:
    """Keep the psychiatrist's filters for "Back to the queue" (filters only: no page
    position, nothing about a patient). Written only when they change."""
    chosen = request.GET.copy()
    chosen.pop("after", None)
    query = chosen.urlencode()
    if request.session.get(QUEUE_FILTERS_KEY, "") != query:
        request.session[QUEUE_FILTERS_KEY] = query


def _queue_url(request) -> str:
    query = request.session.get(QUEUE_FILTERS_KEY, "")
    return reverse("review:queue") + (f"?{query}" if query else "")


@require_POST
@psychiatrist_required
def take_next(request):
    intake = services.intake_take_next(user=request.user)
    if intake is None:
        messages.info(request, "Nothing is waiting: every submitted intake has been claimed.")
        return redirect("review:queue")
    messages.success(request, "You claimed the next intake in the queue.")
    return redirect("review:detail", public_id=intake.public_id)


def _detail_page(request, intake: Intake, status: int = 200, **sent) -> HttpResponse:
    """The detail page, also when a form on it is sent back with errors (``sent``: that
    form by its name): every showing of the patient's answers is an audited view."""
    record(actor=request.user, action="intake.viewed", obj=intake)
    holding = intake.status == IntakeStatus.IN_REVIEW and intake.assignee_id == request.user.pk
    fields = _blank_forms(intake.priority == "stat", intake.kind) | {
        name: as_crispy_form(form) for name, form in sent.items()
    }
    context = detail_context(intake)
    context.update(
        queue_url=_queue_url(request),
        invalid_form=next(iter(sent.values()), None),
        pdmp_fields=fields["pdmp_form"],
        actions=[
            {"url": reverse(url_name, args=[intake.public_id]), "fields": fields[form], **words}
            for url_name, form, words in DETAIL_ACTIONS[: None if holding else 1]
        ],
        holding=holding,
        claimable=intake.status == IntakeStatus.SUBMITTED
        and intake.assignee_id in (None, request.user.pk),
    )
    return render(request, "review/detail.html", context, status=status)


# The forms under the summary: a note always; asking the patient and finishing the review
# only for the psychiatrist holding the intake.
DETAIL_ACTIONS = (
    ("review:add_note", "note_form",
     {"key": "add-note", "title": "Add a note", "button": "Add note"}),
    ("review:request_information", "request_form",
     {"key": "request", "title": "Ask the patient for more information",
      "button": "Send the request"}),
    ("review:mark_reviewed", "reviewed_form",
     {"key": "reviewed", "title": "Finish the review", "button": "Mark reviewed",
      "style": "btn-success"}),
)  # fmt: skip


@functools.cache
def _blank_forms(stat: bool, kind: str) -> dict[str, str]:
    """The detail page's blank forms as HTML, rendered once per process: they hold no
    patient data and no token (the CSRF token is outside them), and crispy-forms' templates
    were most of the page's rendering time."""
    forms = {
        "note_form": NoteForm(),
        "pdmp_form": PdmpCheckForm(),
        "request_form": RequestInformationForm(kind=kind),
        "reviewed_form": MarkReviewedForm(stat=stat),
    }
    return {name: as_crispy_form(form) for name, form in forms.items()}


def _unsent_safety_page(request, intake: Intake) -> HttpResponse:
    """An unsent intake's safety answers, and nothing else of it (audited)."""
    record(actor=request.user, action="intake.safety_viewed", obj=intake)
    flags = [f for f in (intake.evaluation or {}).get("flags", []) if f["code"] == "self_harm"]
    context = {
        "intake": intake,
        "patient_name": intake.patient.get_full_name() or intake.patient.get_username(),
        "risk": risk_words(intake.risk_rank),
        "flag": flags[0] if flags else None,
        "rows": safety_rows(safety_answers(intake.answers, intake.details)),
        "queue_url": _queue_url(request),
        "holding": intake.assignee_id == request.user.pk,
        "claimable": intake.assignee_id is None,
    }
    return render(request, "review/unsent.html", context)


@require_GET
@psychiatrist_required
def detail(request, public_id):
    intake = _get_intake_for_reviewer(request, public_id, unsent_safety=True)
    if intake.is_safety_draft:
        return _unsent_safety_page(request, intake)
    return _detail_page(request, intake)


@require_POST
@psychiatrist_required
def claim(request, public_id):
    intake = _get_intake_for_reviewer(request, public_id, unsent_safety=True)
    try:
        services.intake_claim(intake_id=intake.pk, user=request.user)
    except services.ClaimRefused as refused:
        messages.error(request, f"You could not claim this intake: {refused}")
    else:
        messages.success(request, "You claimed this intake. It is yours until you release it.")
    return redirect("review:detail", public_id=intake.public_id)


@require_POST
@psychiatrist_required
def release(request, public_id):
    intake = _get_intake_for_reviewer(request, public_id, unsent_safety=True)
    try:
        services.intake_release(intake_id=intake.pk, user=request.user)
    except services.NotHolder:
        messages.error(request, "Only the psychiatrist holding an intake can release it.")
        return redirect("review:detail", public_id=intake.public_id)
    messages.success(request, "You released the intake back to the queue.")
    return redirect(_queue_url(request))


def _record_form_view(form_name: str, form_class, service, done: str):
    """A POST view for a detail-page form any psychiatrist may send, holding the intake or
    not: a valid form runs ``service(intake, user, cleaned_data)``; one with errors re-shows
    the page with them."""

    @require_POST
    @psychiatrist_required
    def view(request, public_id):
        intake = _get_intake_for_reviewer(request, public_id)
        form = form_class(request.POST)
        if not form.is_valid():
            return _detail_page(request, intake, status=400, **{form_name: form})
        service(intake, request.user, form.cleaned_data)
        messages.success(request, done)
        return redirect("review:detail", public_id=intake.public_id)

    return view


add_note = _record_form_view(
    "note_form", NoteForm,
    lambda intake, user, data: services.note_add(intake=intake, author=user, body=data["body"]),
    "Your note was added.")  # fmt: skip
pdmp_checked = _record_form_view(
    "pdmp_form", PdmpCheckForm,
    lambda intake, user, data: services.pdmp_check_record(intake=intake, user=user),
    "Recorded: you checked the PDMP.")  # fmt: skip


def _why_not_held(intake_id: int, user) -> str:
    """Why an action on a held intake was refused, from its state now (a double-click on
    "Mark reviewed" lands here after the first click has already done it)."""
    intake = Intake.objects.select_related("assignee").get(pk=intake_id)
    if intake.status == IntakeStatus.REVIEWED:
        return "This intake is already marked reviewed."
    if intake.status == IntakeStatus.INFO_REQUESTED:
        return "The patient has been asked for more information; wait for them to send it."
    if intake.assignee_id not in (None, user.pk):
        holder = intake.assignee.get_full_name() or intake.assignee.get_username()
        return f"{holder} holds this intake; only they can do that."
    return "Claim the intake before you do that."


def _held_form_view(form_name: str, bind, service, done: str):
    """A POST view for a detail-page form only the psychiatrist holding the intake may send:
    ``bind(data, intake)`` is the form; a valid one runs ``service``; one with errors
    re-shows the page with them."""

    @require_POST
    @psychiatrist_required
    def view(request, public_id):
        intake = _get_intake_for_reviewer(request, public_id)
        form = bind(request.POST, intake)
        if not form.is_valid():
            return _detail_page(request, intake, status=400, **{form_name: form})
        try:
            service(intake_id=intake.pk, user=request.user, **form.cleaned_data)
        except services.NotHolder:
            messages.error(request, _why_not_held(intake.pk, request.user))
        except services.AcknowledgementRequired as missing:
            # The intake became STAT after the page was shown: ask again, with the list.
            messages.error(request, f"This intake is STAT now. {missing}")
        else:
            messages.success(request, done)
        return redirect("review:detail", public_id=intake.public_id)

    return view


request_information = _held_form_view(
    "request_form", lambda data, intake: RequestInformationForm(data, kind=intake.kind),
    services.intake_ask_patient,
    "The patient has been asked for more information and emailed a link.")  # fmt: skip
mark_reviewed = _held_form_view(
    "reviewed_form", lambda data, intake: MarkReviewedForm(data, stat=intake.priority == "stat"),
    services.intake_mark_reviewed, "The intake is marked reviewed.")  # fmt: skip


@require_GET
@psychiatrist_required
def print_summary(request, public_id):
    intake = _get_intake_for_reviewer(request, public_id)
    record(actor=request.user, action="intake.printed", obj=intake)
    return render(request, "review/print.html", detail_context(intake))


def _fhir_download(resource: dict, filename: str) -> JsonResponse:
    """A FHIR resource as a file to save, which no cache keeps (it is patient data)."""
    response = JsonResponse(resource, content_type=bundles.FHIR_MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@psychiatrist_required
def fhir_export(request, public_id):
    intake = _get_intake_for_reviewer(request, public_id)
    record(actor=request.user, action="intake.exported", obj=intake)
    return _fhir_download(fhir.questionnaire_response(intake), f"intake-{intake.public_id}.json")


@require_GET
@psychiatrist_required
def fhir_bundle(request, public_id):
    intake = _get_intake_for_reviewer(request, public_id)
    record(actor=request.user, action="intake.exported", obj=intake)
    return _fhir_download(bundles.intake_bundle(intake), f"intake-{intake.public_id}-bundle.json")


@require_GET
@psychiatrist_required
def fhir_questionnaire(request):
    return JsonResponse(fhir.questionnaire(), content_type=bundles.FHIR_MEDIA_TYPE)
