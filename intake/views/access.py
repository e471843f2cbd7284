"""The one way a patient view reaches an intake, and what every intake page shows."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from intake.compiled import CompiledRead
from intake.models import Intake
from intake.safety import has_positive_safety_answer
from intake.sections import missing_for_step, questionnaire, section, section_of_step, step
from intake.services import submit_reads


def _get_intake_for_patient(
    request, public_id, *, for_update: bool = False, for_submit: bool = False
) -> Intake:
    """The signed-in patient's own intake, or 404 (we never confirm what exists).
    ``for_update``: locked for the rest of the open transaction (a save reads it once).
    ``for_submit``: with what the submit reads besides (``submit_reads``)."""
    shape = {"for_update": for_update, "for_submit": for_submit}
    found = _own_intake(shape, public_id=public_id, patient_id=request.user.pk)
    if not found:
        raise Http404
    return found[0]


def _own_intakes(*, for_update: bool, for_submit: bool, public_id, patient_id: int):
    rows = Intake.objects.select_for_update() if for_update else Intake.objects
    rows = rows.filter(public_id=public_id, patient_id=patient_id)
    return rows.annotate(**submit_reads()) if for_submit else rows


# Every patient page reads it: compiled once, and prepared as a read by a key
# (intake/compiled.py).
_own_intake = CompiledRead(_own_intakes, prepared=True)


def step_url(intake: Intake, step_key: str, change: bool = False) -> str:
    return step(step_key, intake.kind).url(intake.public_id, change=change)


def next_url(intake: Intake, step_key: str, change: bool = False) -> str:
    """Where to go after a page is saved: the next page that applies and is open to the
    patient, or (when changing an answer) the next one still missing answers; else the
    check-your-answers page."""
    answers, details, kind = intake.answers, intake.details, intake.kind
    order = questionnaire(kind).step_order
    for key in order[order.index(step_key) + 1 :]:
        if not step(key, kind).applies(answers):
            continue
        if not intake.editable_section(section_of_step(key, kind)):
            continue
        # Changing an answer returns to the check page past whatever is complete, and past
        # optional sections the patient chose to skip (not past a page of the same section
        # the change has just made apply, such as past medicines after "yes").
        skipped = _optional(key, kind) and section_of_step(key, kind) != section_of_step(
            step_key, kind
        )
        if change and (skipped or not missing_for_step(key, answers, details, kind)):
            continue
        return step_url(intake, key, change)
    return reverse("intake:check", args=[intake.public_id])


def _optional(step_key: str, kind: str) -> bool:
    return section(section_of_step(step_key, kind), kind).optional


def previous_url(intake: Intake, step_key: str) -> str:
    """The page before ``step_key`` in the flow that applies and is open to the patient
    (``next_url`` in reverse); the task list before the first."""
    kind = intake.kind
    order = questionnaire(kind).step_order
    for key in reversed(order[: order.index(step_key)]):
        if step(key, kind).applies(intake.answers) and intake.editable_section(
            section_of_step(key, kind)
        ):
            return step_url(intake, key)
    return reverse("intake:tasks", args=[intake.public_id])


def page_context(
    intake: Intake, change: bool = False, *, back_from: str | None = None, **extra
) -> dict:
    """What every intake page needs: the intake, whether crisis help leads the page, and
    where Back goes: check your answers when the patient came from there to change one,
    else the page before ``back_from`` (the task list when there is none)."""
    tasks_url = reverse("intake:tasks", args=[intake.public_id])
    if change:
        back_url = reverse("intake:check", args=[intake.public_id])
    else:
        back_url = previous_url(intake, back_from) if back_from else tasks_url
    return {
        "intake": intake,
        "crisis": has_positive_safety_answer(intake.answers, intake.details),
        "tasks_url": tasks_url,
        "page_back_url": back_url,
        "medications_url": reverse("intake:medications", args=[intake.public_id]),
        **extra,
    }


# The name of the "Save and come back later" submit button: one form, two buttons, so the
# page's answers are sent (and saved) whichever the patient presses, with no JavaScript.
LATER = "save_later"


def saving_for_later(request) -> bool:
    return request.method == "POST" and LATER in request.POST


def saved_for_later(request, intake: Intake, complete: bool):
    """To the task list, saying what was kept."""
    if complete:
        messages.success(
            request, _("Your answers are saved. You can come back to them at any time.")
        )
    else:
        messages.info(
            request,
            _("The answers you gave are saved. Some questions on that page still need an answer."),
        )
    return redirect("intake:tasks", intake.public_id)
