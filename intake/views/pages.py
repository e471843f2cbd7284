"""The intake home, the task list and the question pages (one topic per page)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from education import slugs
from intake.clinical.instruments import INSTRUMENTS
from intake.drafts import form_values
from intake.forms import STEP_FORMS
from intake.forms.base import why
from intake.models import Intake, IntakeStatus
from intake.sections import (
    SECTION_OF_STEP,
    SECTIONS,
    SECTIONS_BY_KEY,
    STEPS_BY_KEY,
    section_state,
    step_applies,
)
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

# "Why we ask", said once above a page's questions (their hints say the rest, plainly): on
# pages of standard questionnaires, for all of their questions.
STEP_WHY = {
    "alcohol": why(
        "alcohol and calming medicines such as benzodiazepines strengthen each other's effects.",
        slugs.ALCOHOL_OPIOIDS_SEDATIVES,
        "Alcohol, opioids and other sedatives",
    ),
    "drug_use": "Drug use can change which medicines are safe for you.",
    "side_effects": why(
        "side effects can be signs that a dose is too high or too low.",
        slugs.DOSE_TOO_HIGH_OR_LOW,
        "Signs a dose may be too much or too little",
    ),
    "falls_driving": "Some medicines make falls more likely, and drowsiness from medicines "
    "can make driving unsafe.",
    "anxiety": "These standard questions measure anxiety, so changes can be tracked over time.",
    "mood": "These standard questions measure mood, so changes can be tracked over time.",
    "safety": "Your safety matters most. Your answers help your care team support you soon.",
}
STEP_INTROS = {
    "about": "A few details that change which medicines and doses are safest for you.",
    "contact": "If your answers worry your care team, they need to reach you quickly, "
    "and to know where you will be during your video visit.",
    "visit": "Tell us what you would like help with.",
    "benzodiazepines": "You listed a benzodiazepine (such as clonazepam, alprazolam or "
    "lorazepam). These questions help your psychiatrist plan safely with you.",
    "alcohol": INSTRUMENTS["audit_c"].question + " Think about the past year.",
    "substances": "Please answer honestly: this stays between you and your care team, and "
    "it helps keep your treatment safe.",
    "drug_use": INSTRUMENTS["dast_10"].question,
    "side_effects": "Medicines can cause side effects. How much does each of these bother you?",
    "falls_driving": "Two questions about safety while taking your medicines.",
    "anxiety": INSTRUMENTS["gad_7"].question,
    "mood": INSTRUMENTS["phq_9"].question,
    "safety": INSTRUMENTS["cssrs"].question,
    "safety_more": "Thank you for telling us. A few more questions help your care team "
    "support you.",
    "health": "Some health conditions change how safe calming medicines are for you. This "
    "section is optional, but it helps your psychiatrist plan safely.",
    "psych_history": "What has happened before helps your psychiatrist choose what to try "
    "next. This section is optional.",
    "past_medicines": "Up to 3 medicines you took before for mood or anxiety, and how they "
    "worked for you. What helped before, and what did not, guides what to try next.",
    "pharmacy": "Where your psychiatrist should send a prescription. This section is "
    "optional. Who prescribes each of your medicines is asked on the medicines page.",
}

# Said before the safety questions (C-SSRS, and PHQ-9 whose item 9 is one): a safety answer
# reaches the care team when it is saved, not when the intake is sent.
_SEEN_AT_ONCE = (
    "Your care team sees your answers to these questions as soon as you save them, "
    "even before you send the rest of your answers. If an answer shows you may be at risk, "
    "someone from the team may contact you before your visit."
)
SAFETY_NOTICES = {
    "mood": "The last question asks about thoughts of hurting yourself. If you answer "
    'anything other than "Not at all", your care team sees that answer as soon as you save '
    "this page, even before you send the rest of your answers, and may contact you.",
    "safety": _SEEN_AT_ONCE,
    "safety_more": _SEEN_AT_ONCE,
}


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
        intake = intake_create(patient=request.user)
    return redirect("intake:tasks", intake.public_id)


@patient_required
def tasks(request, public_id):
    intake = _get_intake_for_patient(request, public_id)
    if not intake.is_editable:
        return redirect("intake:check", intake.public_id)
    return _task_list(request, intake)


def _task_list(request, intake: Intake):
    rows = []
    for section in SECTIONS:
        state = section_state(section, intake.answers, intake.details)
        first = next(
            (s for s in section.steps if step_applies(s.key, intake.answers, intake.details)),
            section.steps[0],
        )
        rows.append(
            {
                "section": section,
                "url_name": first.url_name,
                "editable": intake.editable_section(section.key),
                **state,
            }
        )
    complete = all(
        row["status"] in ("completed", "not_needed") or row["section"].optional for row in rows
    )
    context = page_context(
        intake, rows=rows, complete=complete, request_message=intake.information_request()
    )
    return render(request, "intake/tasks.html", context)


def _locked(request, intake: Intake):
    messages.info(request, "These answers were already sent, so they can no longer be changed.")
    return redirect("intake:check", intake.public_id)


def _initial(intake: Intake, step_key: str) -> dict:
    initial = STEP_FORMS[step_key].initial_from(intake.answers, intake.details)
    kept = (intake.details.get("pending") or {}).get(step_key) or {}
    return {**initial, **form_values(kept)}


@keep_post_when_signed_out
@patient_required
@require_http_methods(["GET", "POST"])
def step(request, public_id, step_key):
    if request.method != "POST":
        return _step(request, public_id, step_key, saving=False)
    # A save reads the row once, locked, and writes it in the same transaction.
    with transaction.atomic():
        return _step(request, public_id, step_key, saving=True)


def _step(request, public_id, step_key, *, saving: bool):
    intake = _get_intake_for_patient(request, public_id, for_update=saving)
    if not intake.editable_section(SECTION_OF_STEP[step_key]):
        return redirect("intake:check", intake.public_id)
    change = request.GET.get("change") == "1"
    if not step_applies(step_key, intake.answers, intake.details):
        return redirect(next_url(intake, step_key, change))
    form_class = STEP_FORMS[step_key]
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
        form = form_class(initial=_initial(intake, step_key), intake=intake)
    context = page_context(
        intake,
        change,
        back_from=step_key,
        form=form,
        step=STEPS_BY_KEY[step_key],
        step_key=step_key,
        section=SECTION_OF_STEP[step_key],
        intro=STEP_INTROS.get(step_key, ""),
        why=STEP_WHY.get(step_key, ""),
        safety_notice=SAFETY_NOTICES.get(step_key, ""),
        skip_url=_skip_url(intake, step_key, change),
    )
    return render(request, "intake/step.html", context)


def _skip_url(intake: Intake, step_key: str, change: bool) -> str:
    """For an optional section: where "Skip this section" goes (past its last page)."""
    section = SECTIONS_BY_KEY[SECTION_OF_STEP[step_key]]
    if not section.optional:
        return ""
    return next_url(intake, section.steps[-1].key, change)
