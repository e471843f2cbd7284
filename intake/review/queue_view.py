"""The queue page: the filtered rows of one keyset page and the counts, rendered afresh on
every view (nothing that names a patient is cached). The filter form holds no patient data
and is the same for everyone choosing the same filters, so the template keeps it as a
``{% cache %}`` fragment; the CSRF tokens sit outside that fragment."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timesince

from portal.audit import record

from ..models import IntakeKind, IntakeStatus, Priority
from ..safety import risk_words
from .forms import QueueFilterForm
from .labels import FLAG_LABELS, band_words
from .selectors import COUNT_CAP, queue_page
from .unsent import NOT_SENT

PRIORITY_LABELS = dict(Priority.choices)
STATUS_LABELS = dict(IntakeStatus.choices)
# The only drafts the queue shows hold a saved positive safety answer.
UNSENT_LABEL = "Safety answer, intake not sent yet"
# A check-in between visits has no visit reason or medicines of its own (issue 27).
CHECK_IN_LABEL = "Check-in between visits"
FILTER_KEYS = ("status", "who", "flag", "visit_date")
# Seconds the rendered filter form is kept (it changes only with a deploy).
FILTER_FORM_SECONDS = 600
_BLANK = "00000000-0000-0000-0000-000000000000"
NONE = "\u2013"  # a cell with nothing to show


# The visit reasons as a queue row says them (the patient's form words are longer).
VISIT_REASON_WORDS = {"panic": "Panic attacks", "gad": "Generalised anxiety"}
OTHER_REASON_CHARS = 60


def visit_reason_words(reason: str | None, other: str | None) -> str:
    """The visit reason in a few words; the patient's own words for "something else",
    cut to fit one line (the detail page has them whole)."""
    if reason in VISIT_REASON_WORDS:
        return VISIT_REASON_WORDS[reason]
    if reason == "other":
        words = " ".join((other or "").split())
        if len(words) > OTHER_REASON_CHARS:
            words = words[: OTHER_REASON_CHARS - 1].rstrip() + "\u2026"
        return f"Other: {words}" if words else "Something else"
    return ""


def medicine_summary(medications: list[dict] | None) -> str:
    """One line: the medicine that matters most for sedative safety (the first
    benzodiazepine, else the first listed) with its daily dose, and how many others."""
    medications = [m for m in medications or [] if isinstance(m, dict)]
    if not medications:
        return "No medicines"
    lead = next((m for m in medications if m.get("class") == "benzodiazepine"), medications[0])
    name = lead.get("generic") or lead.get("input") or "a medicine"
    daily = lead.get("daily_mg")
    dose = f" {daily:g} mg/day" if isinstance(daily, int | float) else ""
    others = len(medications) - 1
    more = "" if others == 0 else f" + {others} other" + ("s" if others > 1 else "")
    return f"{name}{dose}{more}"


def _score(score: dict | None) -> str:
    if not score or score.get("total") is None:
        return ""
    return f"{score['total']} {band_words(score.get('band'))}".strip()


def visit_words(visit) -> str:
    """A visit time as the queue shows it, "Fri 4 Dec, 09:30" (Django's "D j M, H:i" in the
    active language, spelled out: the generic formatter costs 20 us a row)."""
    day, month = WEEKDAYS_ABBR[visit.weekday()], MONTHS_3[visit.month]
    return f"{day} {visit.day} {str(month).title()}, {visit:%H:%M}"


def queue_row(row: dict, now, user, detail_url: str) -> dict:
    """One row's strings, worked out here so the template only prints them."""
    card = row["queue_card"] or {}
    scores = card.get("scores") or {}
    visit = timezone.localtime(row["visit_at"]) if row["visit_at"] else None
    if row["assignee_id"] == user.pk:
        assignee = "You"
    else:
        assignee = row["assignee_name"] if row["assignee_id"] else "No one"
    unsent = row["status"] == IntakeStatus.DRAFT
    check_in = row.get("kind") == IntakeKind.CHECK_IN
    return {
        "url": detail_url.replace(_BLANK, str(row["public_id"])),
        "priority": row["priority"],
        "priority_label": PRIORITY_LABELS.get(row["priority"], row["priority"]),
        "name": row["patient_name"],
        "age": "" if row["age"] is None else f", {row['age']}",
        "visit": visit_words(visit) if visit else "Not booked",
        "waiting": timesince(row["waiting_since"], now, depth=1) if row["waiting_since"] else "",
        "risk": risk_words(row["risk_rank"]) if row["priority"] == "stat" else "",
        "unsent": unsent,
        "flags": [
            (FLAG_LABELS.get(flag["code"], flag["code"]), flag["severity"])
            for flag in card.get("flags") or []
        ],
        "gad7": _score(scores.get("gad_7")) or NONE,
        "phq9": _score(scores.get("phq_9")) or NONE,
        "status": UNSENT_LABEL if unsent else STATUS_LABELS.get(row["status"], row["status"]),
        "assignee": assignee,
        "consent": ""
        if unsent or check_in
        else ("withdrawn" if row.get("consent_withdrawn") else "signed"),
        # Nothing of an unsent intake but its safety answers: not its reason nor medicines.
        "reason": NOT_SENT
        if unsent
        else CHECK_IN_LABEL
        if check_in
        else visit_reason_words(card.get("visit_reason"), card.get("visit_reason_other")) or NONE,
        "medicines": "" if unsent or check_in else medicine_summary(card.get("medications")),
    }


# A row as templates/review/_queue_rows.html shows it, put together here: the template's
# twenty lookups a row were a third of the page's rendering (format_html escapes each value).
ROW_HTML = (
    '<tr{unsent_class}><td data-label="Priority"><span class="badge priority-badge-{priority}">'
    "{priority_label}</span>{risk}</td>\n"
    '      <th scope="row"><a href="{url}">{name}</a>{age}</th>\n'
    '      <td data-label="Reason and medicines"><span class="d-block">{reason}</span>'
    '<span class="d-block queue-medicines">{medicines}</span></td>\n'
    '      <td data-label="Visit">{visit}</td><td data-label="Waiting">{waiting}</td>\n'
    '      <td data-label="Flags">{flags}</td>\n'
    '      <td data-label="GAD-7">{gad7}</td><td data-label="PHQ-9">{phq9}</td>\n'
    '      <td data-label="Status">{status}{consent}</td>'
    '<td data-label="Assigned to">{assignee}</td></tr>\n'
)
CONSENT_HTML = {
    "withdrawn": mark_safe('<br><strong class="queue-consent">Consent withdrawn</strong>'),
    "signed": mark_safe('<br><span class="queue-consent small">Consent signed</span>'),
    "": "",
}


def row_html(row: dict) -> SafeString:
    """One ``queue_row`` as the table's row."""
    flags = format_html_join(
        "", '<span class="badge flag-{}">{}</span> ', ((sev, label) for label, sev in row["flags"])
    )
    status = format_html("<strong>{}</strong>", row["status"]) if row["unsent"] else row["status"]
    risk = format_html('<br><span class="queue-risk">{}</span>', row["risk"]) if row["risk"] else ""
    return format_html(
        ROW_HTML,
        unsent_class=mark_safe(' class="queue-unsent"') if row["unsent"] else "",
        priority=row["priority"],
        priority_label=row["priority_label"],
        risk=risk,
        url=row["url"],
        name=row["name"],
        age=row["age"],
        reason=row["reason"],
        medicines=row["medicines"],
        visit=row["visit"],
        waiting=row["waiting"],
        flags=flags or "None",
        gad7=row["gad7"],
        phq9=row["phq9"],
        status=status,
        consent=CONSENT_HTML[row["consent"]],
        assignee=row["assignee"],
    )


def count_words(count: int, capped: bool) -> str:
    """A count as shown: "1,234", or "1,000+" when a capped count stopped at the cap."""
    return f"{COUNT_CAP:,}+" if capped and count > COUNT_CAP else f"{count:,}"


def queue_response(request):
    """The queue page. Raises ``BadCursor`` for an edited page link."""
    form = QueueFilterForm(request.GET)
    after = request.GET.get("after")
    page = queue_page(user=request.user, filters=form.filters(), after=after)
    now = timezone.now()
    detail_url = reverse("review:detail", args=[_BLANK])
    params = request.GET.copy()
    params.pop("after", None)
    next_params = params.copy()
    if page.next_cursor:
        next_params["after"] = page.next_cursor
    chosen = sorted((k, v) for k, v in request.GET.lists() if k in FILTER_KEYS)
    context = {
        "form": form,
        "filters_key": repr(chosen),
        "filter_form_seconds": FILTER_FORM_SECONDS,
        # Open when a filter is chosen; a page link alone ("after") keeps it folded.
        "filters_open": any(request.GET.get(key) for key in FILTER_KEYS),
        "rows": [row_html(queue_row(row, now, request.user, detail_url)) for row in page.rows],
        "counts": {
            key: count_words(count, page.counts_capped) for key, count in page.counts.items()
        },
        "next_query": next_params.urlencode() if page.next_cursor else "",
        "first_query": params.urlencode(),
        "is_later_page": bool(after),
    }
    # One audit row per page view, naming the intakes it showed (ids only).
    record(
        actor=request.user,
        action="queue.viewed",
        object_type="intake.intake",
        detail={"intake_ids": [row["public_id"].hex for row in page.rows]},
    )
    return render(request, "review/queue.html", context)
