"""The queue page's two costly parts, rendered once and reused until something changes.

The rows (with the counts and the page links) are cached per user, filters, page and
*queue version* (the newest ``updated_at`` of any intake, see ``queue_version``) and
minute (the "waiting" column), so a repeat view costs one index probe instead of the
queries and the rendering; any write to any intake makes a new version at once. The
filter form's HTML holds no patient data and is cached by its query string. The cache is
the per-process "local" one (never shared); the page's messages and CSRF token are never cached.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince

from ..models import IntakeStatus, Priority
from .forms import QueueFilterForm
from .labels import FLAG_LABELS, FLAG_SEVERITY, band_words
from .selectors import QueueFilters, queue_page, queue_version

DEFAULT_TTL = 120
PRIORITY_LABELS = dict(Priority.choices)
STATUS_LABELS = dict(IntakeStatus.choices)


def _ttl() -> int:
    """Seconds the rows may live (0: rendered every time; the benchmark measures both)."""
    return getattr(settings, "REVIEW_QUEUE_CACHE_SECONDS", DEFAULT_TTL)


FILTER_KEYS = ("status", "who", "flag", "visit_date")


def _digest(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _score(total, band) -> str:
    return "" if total is None else f"{total} {band_words(band)}".strip()


_BLANK = str(uuid.UUID(int=0))


def _name(row: dict, prefix: str) -> str:
    return f"{row[prefix + '__first_name'] or ''} {row[prefix + '__last_name'] or ''}".strip()


def queue_row(row: dict, now, user, detail_url: str) -> dict:
    """One row's strings, worked out here so the template only prints them."""
    visit = timezone.localtime(row["visit_at"]) if row["visit_at"] else None
    if row["assignee_id"] == user.pk:
        assignee = "You"
    else:
        assignee = _name(row, "assignee") if row["assignee_id"] else "No one"
    return {
        "url": detail_url.replace(_BLANK, str(row["public_id"])),
        "priority": row["priority"],
        "priority_label": PRIORITY_LABELS.get(row["priority"], row["priority"]),
        "name": _name(row, "patient") or row["patient__username"],
        "age": "" if row["age"] is None else f", {row['age']}",
        "visit": visit.strftime("%a %-d %b, %H:%M") if visit else "Not booked",
        "waiting": timesince(row["submitted_at"], now, depth=1) if row["submitted_at"] else "",
        "flags": [
            (FLAG_LABELS.get(code, code), FLAG_SEVERITY.get(code, "moderate"))
            for code in row["flag_codes"] or []
        ],
        "gad7": _score(row["gad7_total"], row["gad7_band"]),
        "phq9": _score(row["phq9_total"], row["phq9_band"]),
        "status": STATUS_LABELS.get(row["status"], row["status"]),
        "assignee": assignee,
    }


def _rows_html(request, filters: QueueFilters, after: str | None) -> str:
    """Raises ``BadCursor`` for an edited page link."""
    page = queue_page(user=request.user, filters=filters, after=after)
    now = timezone.now()
    detail_url = reverse("review:detail", args=[_BLANK])
    params = request.GET.copy()
    params.pop("after", None)
    next_params = params.copy()
    if page.next_cursor:
        next_params["after"] = page.next_cursor
    return render_to_string(
        "review/_queue_rows.html",
        {
            "rows": [queue_row(row, now, request.user, detail_url) for row in page.rows],
            "counts": page.counts,
            "next_query": next_params.urlencode() if page.next_cursor else "",
            "first_query": params.urlencode(),
            "is_later_page": bool(after),
        },
    )


def _cached(key: str, make, ttl: int) -> str:
    cache = caches["local"]
    html = cache.get(key) if ttl else None
    if html is None:
        html = make()
        if ttl:
            cache.set(key, html, ttl)
    return html


def queue_fragments(request) -> dict:
    """``filters_html`` and ``rows_html`` for the queue page, from the cache when current.
    Raises ``BadCursor`` for an edited page link."""
    query = sorted((k, v) for k, v in request.GET.lists())
    form = QueueFilterForm(request.GET)
    filters_html = _cached(
        "review:filters:" + _digest([item for item in query if item[0] in FILTER_KEYS]),
        lambda: render_to_string("review/_queue_filters.html", {"form": form}),
        DEFAULT_TTL,
    )
    minute = timezone.now().strftime("%Y%m%d%H%M")
    rows_html = _cached(
        "review:rows:" + _digest(request.user.pk, queue_version(), minute, query),
        lambda: _rows_html(request, form.filters(), request.GET.get("after")),
        _ttl(),
    )
    return {
        "filters_html": mark_safe(filters_html),  # noqa: S308 (our own rendered template)
        "rows_html": mark_safe(rows_html),  # noqa: S308 (our own rendered template)
        # Open when a filter is chosen; a page link alone ("after") keeps it folded.
        "filters_open": any(request.GET.get(key) for key in FILTER_KEYS),
    }
