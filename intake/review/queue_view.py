"""The queue page, rendered once and reused until something on it changes.

The whole page is cached per user (and their roles), filters, page, *queue version* (see
``version.py``: any write to an intake the queue shows makes a new one at once) and minute
(the "waiting" column), so a repeat view costs one lookup instead of the queries and the
rendering. The cache is the per-process "local" one (never shared: the page names
patients). Each response gets its own CSRF token in place of a placeholder, and a page that
shows messages is rendered afresh and not kept.
"""

import hashlib
import secrets
import uuid

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince

from portal.roles import group_names

from ..models import IntakeStatus, Priority
from .forms import QueueFilterForm
from .labels import FLAG_LABELS, band_words
from .selectors import QueueFilters, queue_page
from .version import queue_version

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
            (FLAG_LABELS.get(flag["code"], flag["code"]), flag["severity"])
            for flag in row["flags"] or []
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


# Stands in for the CSRF token in a cached page; each response gets its own token. Random
# per process, so no text on the page can be taken for it.
_CSRF_SLOT = "csrf-" + secrets.token_hex(16)


def _render_page(request, csrf_token: str) -> str:
    """Raises ``BadCursor`` for an edited page link."""
    form = QueueFilterForm(request.GET)
    chosen = sorted((k, v) for k, v in request.GET.lists() if k in FILTER_KEYS)
    # The filter form (a quarter of a page's rendering) holds no patient data: one copy
    # per choice of filters serves every psychiatrist.
    filters_html = _cached(
        "review:filters:" + _digest(chosen),
        lambda: render_to_string("review/_queue_filters.html", {"form": form}),
        DEFAULT_TTL,
    )
    rows_html = _rows_html(request, form.filters(), request.GET.get("after"))
    context = {
        "filters_html": mark_safe(filters_html),  # noqa: S308 (our own rendered template)
        "rows_html": mark_safe(rows_html),  # noqa: S308 (our own rendered template)
        # Open when a filter is chosen; a page link alone ("after") keeps it folded.
        "filters_open": any(request.GET.get(key) for key in FILTER_KEYS),
        "csrf_token": csrf_token,
    }
    return render_to_string("review/queue.html", context, request=request)


def queue_response(request) -> HttpResponse:
    """The queue page, from this process's cache while nothing it shows has changed.
    Raises ``BadCursor`` for an edited page link."""
    if get_messages(request):  # shown once, so that page is rendered and never kept
        return HttpResponse(_render_page(request, get_token(request)))
    query = sorted((k, v) for k, v in request.GET.lists())
    minute = timezone.now().strftime("%Y%m%d%H%M")
    key = "review:page:" + _digest(
        request.user.pk, sorted(group_names(request.user)), queue_version(), minute, query
    )
    html = _cached(key, lambda: _render_page(request, _CSRF_SLOT), _ttl())
    return HttpResponse(html.replace(_CSRF_SLOT, get_token(request)))
