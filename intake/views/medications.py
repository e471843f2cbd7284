"""The medicines list, and one medicine over two pages ("What you take", then "How you take
it"): add, change and remove without JavaScript. Between the pages the medicine is kept as
a draft on the server (``details["pending"]``), so a reload, Back, an expired session or
"Save and come back later" loses nothing; nothing is the patient's medicine until the second
page is saved."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from intake import services
from intake.drafts import form_values
from intake.forms import MedicationForm, MedicationsDoneForm
from intake.services import (
    MAX_MEDICATIONS,
    IntakeLocked,
    medication_draft_key,
    medication_fingerprint,
    medication_list_save,
    medication_save_page,
    medication_save_what,
)
from intake.summary import describe_medication
from portal.roles import patient_required

from .access import (
    _get_intake_for_patient,
    next_url,
    page_context,
    saved_for_later,
    saving_for_later,
)
from .pages import _locked
from .resume import keep_post_when_signed_out

SECTION = "medications"


def _list_url(intake, change: bool = False) -> str:
    """The medicines list; ``change`` keeps the patient on their way back to check your
    answers when they came from there."""
    url = reverse("intake:medications", args=[intake.public_id])
    return f"{url}?change=1" if change else url


def _open_or_redirect(request, public_id):
    intake = _get_intake_for_patient(request, public_id)
    if not intake.editable_section(SECTION):
        return intake, redirect("intake:check", intake.public_id)
    return intake, None


@keep_post_when_signed_out
@patient_required
@require_http_methods(["GET", "POST"])
def medications(request, public_id):
    intake, closed = _open_or_redirect(request, public_id)
    if closed:
        return closed
    change = request.GET.get("change") == "1"
    form = MedicationsDoneForm(request.POST or None, intake=intake)
    complete = False
    if request.method == "POST":
        try:
            complete = medication_list_save(intake=intake, form=form)
        except IntakeLocked:
            return _locked(request, intake)
    if saving_for_later(request):
        # The one question here is yes/no: an unanswered page has nothing more to keep.
        return saved_for_later(request, intake, complete)
    if complete:
        if form.cleaned_data["add_another"] == "yes":
            add = reverse("intake:medication_add", args=[intake.public_id])
            return redirect(f"{add}?change=1" if change else add)
        return redirect(next_url(intake, "medications", change))
    rows = [
        {
            "index": n,
            "medication": m,
            "describe": describe_medication(m),
            "key": medication_fingerprint(m),
        }
        for n, m in enumerate(intake.answers.get("medications") or [])
    ]
    context = page_context(
        intake,
        change,
        back_from="medications",
        form=form,
        rows=rows,
        full=len(rows) >= MAX_MEDICATIONS,
        told_us=ngettext(
            "You have told us about {count} medicine.",
            "You have told us about {count} medicines.",
            len(rows),
        ).format(count=len(rows)),
        unfinished=bool(_pending(intake).get(medication_draft_key(""))),
        section=SECTION,
        change_query="?change=1" if change else "",
    )
    return render(request, "intake/medications.html", context)


@keep_post_when_signed_out
@patient_required
@require_http_methods(["GET", "POST"])
def medication_edit(request, public_id, index=None, part="what"):
    intake, closed = _open_or_redirect(request, public_id)
    if closed:
        return closed
    change = request.GET.get("change") == "1"
    current = intake.answers.get("medications") or []
    # A change page names the medicine it showed (``key``), so a stale tab changes that
    # medicine wherever it is now, never the one that has since moved into its place.
    shown = _shown_key(request, intake, index, part)
    if index is not None and index >= len(current) and not shown:
        # A Change link from a page that is out of date: show the list as it is now.
        return redirect(_list_url(intake, change))
    if index is None and len(current) >= MAX_MEDICATIONS:
        return redirect(_list_url(intake, change))
    existing = current[index] if index is not None and index < len(current) else None
    if shown:
        existing = next((m for m in current if medication_fingerprint(m) == shown), None)
    key = shown or (medication_fingerprint(existing) if existing else "")
    pages = _page_urls(intake, index, change)
    if request.method == "POST":
        form = MedicationForm(request.POST, intake=intake, part=part)
        save = medication_save_what if part == "what" else medication_save_page
        try:
            complete = save(intake=intake, form=form, key=key)
        except IntakeLocked:
            return _locked(request, intake)
        if saving_for_later(request):
            return saved_for_later(request, intake, complete)
        if complete and part == "what":
            request.session[SHOWN] = [str(intake.public_id), index, key]
            return redirect(pages["how"])
        if complete:
            return redirect(_list_url(intake, change))
        if part == "how" and not form.what_you_take_is_complete:
            return redirect(pages["what"])  # (its answers are kept: that page shows them)
    else:
        kept = form_values(_pending(intake).get(medication_draft_key(key)) or {})
        initial = {**MedicationForm.initial_from(existing), **kept}
        form = MedicationForm(initial=initial, intake=intake, part=part)
        if part == "how" and not _what_you_take_answered(intake, initial):
            return redirect(pages["what"])
    context = page_context(
        intake,
        form=form,
        adding=index is None,
        part=part,
        section=SECTION,
        key=key,
        back_url=pages["what"] if part == "how" else _list_url(intake, change),
        medicine_name=form.medicine_name,
        medications_url=_list_url(intake, change),
    )
    return render(request, "intake/medication_form.html", context)


# The medicine whose first page was just saved (intake, index, key), in the session (never in
# the address): its second page shows that medicine even if another tab has since moved
# another into its place in the list.
SHOWN = "intake_medicine_shown"


def _shown_key(request, intake, index, part: str) -> str:
    if request.method == "POST":
        return request.POST.get("key", "")
    if part == "how" and request.session.get(SHOWN, [])[:2] == [str(intake.public_id), index]:
        return request.session[SHOWN][2]
    return ""


def _page_urls(intake, index, change: bool) -> dict:
    """The medicine's two pages: "what" (what you take) and "how" (how you take it)."""
    args = [intake.public_id] if index is None else [intake.public_id, index]
    names = {"what": "medication_add", "how": "medication_add_how"}
    if index is not None:
        names = {"what": "medication_edit", "how": "medication_edit_how"}
    query = "?change=1" if change else ""
    return {part: reverse(f"intake:{name}", args=args) + query for part, name in names.items()}


def _what_you_take_answered(intake, initial: dict) -> bool:
    """Whether the first page's answers (kept, or the medicine's own) are complete: the
    second page is only shown after them."""
    first = MedicationForm(initial, intake=intake, part="what")
    return first.is_valid() and not first.awaiting_confirmation


def _pending(intake) -> dict:
    return intake.details.get("pending") or {}


@keep_post_when_signed_out
@patient_required
@require_POST
def medication_remove(request, public_id, index):
    intake, closed = _open_or_redirect(request, public_id)
    if closed:
        return closed
    key = request.POST.get("key", "")
    try:
        services.medication_remove(intake=intake, key=key)
    except IntakeLocked:
        return _locked(request, intake)
    return redirect(_list_url(intake, request.GET.get("change") == "1"))
