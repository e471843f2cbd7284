"""The intake home, the task list and the question pages (one topic per page)."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from intake import sections as declared
from intake.consent.selectors import consent_task
from intake.drafts import form_values
from intake.models import Intake, IntakeStatus
from intake.services import IntakeLocked, intake_create, intake_save_step
from portal.roles import patient_required

from .access import (
    _get_intake_for_patient,
    next_url,
    page_context,
    saved_for_later,
    saving_for_later,
)
from .resume import keep_post_when_signed_out


@patient_required
def home(request):
    """The hub: the task list of the patient's one open intake; else a Start button or a list."""
    intakes = list(Intake.objects.filter(patient=request.user).order_by("-created_at"))
    if len(intakes) == 1 and intakes[0].is_editable:
        return _task_list(request, intakes[0])
    has_draft = any(i.status == IntakeStatus.DRAFT for i in intakes)
    return render(request, "intake/home.html", {"intakes": intakes, "has_draft": has_draft})


@patient_required
@require_POST
def start(request):
    """Open a draft for a patient who has none open (demo or self-registered)."""
    intake = Intake.objects.filter(patient=request.user, status=IntakeStatus.DRAFT).first()
    if intake is None:
        # A returning patient's next intake is a follow-up (a first visit otherwise).
        intake = intake_create(patient=request.user, kind=None)
    return redirect("intake:tasks", intake.public_id)


@patient_required
def tasks(request, public_id):
    intake = _get_intake_for_patient(request, public_id)
    if not intake.is_editable:
        return redirect("intake:check", intake.public_id)
    return _task_list(request, intake)


def _task_list(request, intake: Intake):
    rows = []
    for section in declared.sections(intake.kind):
        state = declared.section_state(section, intake.answers, intake.details)
        first = next((s for s in section.steps if s.applies(intake.answers)), section.steps[0])
        rows.append(
            {
                "section": section,
                "url": first.url(intake.public_id),
                "editable": intake.editable_section(section.key),
                **state,
            }
        )
    consent = consent_task(intake)
    complete = consent["status"] == "completed" and all(
        row["status"] in ("completed", "not_needed") or row["section"].optional for row in rows
    )
    context = page_context(
        intake,
        rows=rows,
        consent=consent,
        complete=complete,
        request_message=intake.information_request(),
    )
    return render(request, "intake/tasks.html", context)


def _locked(request, intake: Intake):
    messages.info(request, _("These answers were already sent, so they can no longer be changed."))
    return redirect("intake:check", intake.public_id)


def _initial(intake: Intake, page: declared.Step) -> dict:
    initial = page.form.initial_from(intake.answers, intake.details)
    kept = (intake.details.get("pending") or {}).get(page.key) or {}
    return {**initial, **form_values(kept)}


def page_at(page_path: str) -> declared.Step:
    """The question page at this address below the intake's (404 when there is none)."""
    page = declared.every_step_by_path().get(page_path)
    if page is None:
        raise Http404
    return page


@keep_post_when_signed_out
@patient_required
@require_http_methods(["GET", "POST"])
def step(request, public_id, page_path):
    if not page_path.endswith("/") and f"{page_path}/" in declared.every_step_by_path():
        # One generic route serves every page, so Django's APPEND_SLASH never sees a miss:
        # an address typed without its slash goes to the page, as before.
        return redirect(f"{request.path}/")
    page = page_at(page_path)
    if request.method != "POST":
        return _step(request, public_id, page, saving=False)
    # A save reads the row once, locked, and writes it in the same transaction.
    with transaction.atomic():
        return _step(request, public_id, page, saving=True)


def _step(request, public_id, page: declared.Step, *, saving: bool):
    intake = _get_intake_for_patient(request, public_id, for_update=saving)
    # The page as the intake's own questionnaire declares it (a follow-up asks some of a
    # first visit's pages only after "Has anything changed?"); 404 for another kind's page.
    page = declared.questionnaire_for(intake).steps_by_path.get(page.path)
    if page is None:
        raise Http404
    step_key = page.key
    if not intake.editable_section(declared.section_of_step(step_key, intake.kind)):
        return redirect("intake:check", intake.public_id)
    change = request.GET.get("change") == "1"
    if not page.applies(intake.answers):
        return redirect(next_url(intake, step_key, change))
    form_class = page.form
    if saving:
        form = form_class(request.POST, intake=intake)
        try:
            complete = intake_save_step(
                intake=intake, step_key=step_key, form=form, row_locked=True
            )
        except IntakeLocked:
            return _locked(request, intake)
        if saving_for_later(request):
            return saved_for_later(request, intake, complete)
        if complete:
            return redirect(next_url(intake, step_key, change))
    else:
        form = form_class(initial=_initial(intake, page), intake=intake)
    context = page_context(
        intake,
        change,
        back_from=step_key,
        form=form,
        step=page,
        step_key=step_key,
        section=declared.section_of_step(step_key, intake.kind),
        intro=page.intro,
        why=page.why,
        safety_notice=page.safety_notice,
        skip_url=_skip_url(intake, step_key, change),
    )
    return render(request, "intake/step.html", context)


def _skip_url(intake: Intake, step_key: str, change: bool) -> str:
    """For an optional section: where "Skip this section" goes (past its last page)."""
    section = declared.section(declared.section_of_step(step_key, intake.kind), intake.kind)
    if not section.optional:
        return ""
    return next_url(intake, section.steps[-1].key, change)
