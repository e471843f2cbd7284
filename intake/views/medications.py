"""The medicines list: one medicine per page, add, change and remove without JavaScript."""

import hashlib
import json

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from intake.forms import MedicationForm, MedicationsDoneForm
from intake.services import IntakeLocked, intake_save_answers
from intake.summary import describe_medication
from portal.roles import patient_required

from .access import _get_intake_for_patient, next_url, page_context
from .pages import _locked

SECTION = "medications"
# The case format's upper bound; far above what anyone types in by hand.
MAX_MEDICATIONS = 30


def fingerprint(medication: dict) -> str:
    """Names one medicine in a remove form, so a stale tab cannot remove a different one."""
    text = json.dumps(medication, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _list_url(intake) -> str:
    return reverse("intake:medications", args=[intake.public_id])


def _open_or_redirect(request, public_id):
    intake = _get_intake_for_patient(request, public_id)
    if not intake.editable_section(SECTION):
        return intake, redirect("intake:check", intake.public_id)
    return intake, None


@patient_required
@require_http_methods(["GET", "POST"])
def medications(request, public_id):
    intake, closed = _open_or_redirect(request, public_id)
    if closed:
        return closed
    form = MedicationsDoneForm(request.POST or None, intake=intake)
    if request.method == "POST" and form.is_valid():
        try:
            intake_save_answers(intake=intake, section=SECTION, update=_done_update(form))
        except IntakeLocked:
            return _locked(request, intake)
        if form.cleaned_data["add_another"] == "yes":
            return redirect("intake:medication_add", intake.public_id)
        return redirect(next_url(intake, "medications", request.GET.get("change") == "1"))
    rows = [
        {"index": n, "medication": m, "describe": describe_medication(m), "key": fingerprint(m)}
        for n, m in enumerate(intake.answers.get("medications") or [])
    ]
    context = page_context(
        intake, form=form, rows=rows, full=len(rows) >= MAX_MEDICATIONS, section=SECTION
    )
    return render(request, "intake/medications.html", context)


def _done_update(form):
    def update(answers, details):
        form.store(answers, details)
        details["seen"] = sorted({*details.get("seen", []), "medications"})

    return update


@patient_required
@require_http_methods(["GET", "POST"])
def medication_edit(request, public_id, index=None):
    intake, closed = _open_or_redirect(request, public_id)
    if closed:
        return closed
    current = intake.answers.get("medications") or []
    if index is not None and index >= len(current):
        raise Http404
    if index is None and len(current) >= MAX_MEDICATIONS:
        return redirect(_list_url(intake))
    existing = current[index] if index is not None else None
    if request.method == "POST":
        form = MedicationForm(request.POST, intake=intake)
        if form.is_valid():
            try:
                _store_medication(intake, form.medication(), index, existing)
            except IntakeLocked:
                return _locked(request, intake)
            return redirect(_list_url(intake))
    else:
        form = MedicationForm(initial=MedicationForm.initial_from(existing), intake=intake)
    context = page_context(intake, form=form, adding=index is None, section=SECTION)
    return render(request, "intake/medication_form.html", context)


def _store_medication(intake, medication: dict, index: int | None, existing: dict | None):
    def update(answers, details):
        items = list(answers.get("medications") or [])
        # Change the medicine this page showed, wherever it is now (another tab may have
        # removed one above it); if it has gone, the change is added as a new medicine.
        position = next(
            (
                n
                for n, m in enumerate(items)
                if existing and fingerprint(m) == fingerprint(existing)
            ),
            None,
        )
        if position is None:
            if len(items) >= MAX_MEDICATIONS:
                return
            items.append(medication)
        else:
            items[position] = medication
        answers["medications"] = items
        details["seen"] = sorted({*details.get("seen", []), "medications"})

    intake_save_answers(intake=intake, section=SECTION, update=update)


@patient_required
@require_POST
def medication_remove(request, public_id, index):
    intake, closed = _open_or_redirect(request, public_id)
    if closed:
        return closed
    key = request.POST.get("key", "")

    def update(answers, details):
        # Remove the medicine the page showed (by content, not position: another tab may
        # have changed the list); one copy only, if it was listed twice.
        items = list(answers.get("medications") or [])
        position = next((n for n, m in enumerate(items) if fingerprint(m) == key), None)
        if position is not None:
            items.pop(position)
        answers["medications"] = items

    try:
        intake_save_answers(intake=intake, section=SECTION, update=update)
    except IntakeLocked:
        return _locked(request, intake)
    return redirect(_list_url(intake))
