"""Reads for the review queue: the filtered, ordered queue with keyset pages, and counts.

The order is priority (stat, urgent, routine); within STAT the risk level, then the time
waiting (longest first); otherwise visit time (soonest first; no visit last), then
submission time; then id. It matches the ``intake_queue_open`` and
``intake_queue_order`` indexes (intake/models/review.py) column for column, so a page is an
index range scan at any depth: no OFFSET. A page costs the same three queries (the page's
ids, their rows, the counts) whatever its size or depth.

The counts per priority are read from ``QueueCount`` (a few small rows a trigger keeps
exact), never counted from the intakes; only a visit-date filter, which that table does
not key, counts with a cap (``COUNT_CAP``: "1,000+").
"""

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.expressions import RawSQL
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.utils import timezone

from intake.compiled import CompiledRead
from intake.models import PRIORITY_RANK, ConsentWithdrawal, Intake, QueueCount
from intake.models.review import (
    OPEN_STATUSES,
    flag_q,
    queue_open_q,
    queue_sort_expressions,
    queue_waiting_since,
)

PAGE_SIZE = 25
STATUS_OPEN = "open"
# Every status a psychiatrist may list: never a draft. "recorded": the check-ins that
# needed no review (intake/checkins/services.py).
REVIEWABLE = (*OPEN_STATUSES, "reviewed", "recorded")
PRIORITIES = (("stat", "STAT"), ("urgent", "Urgent"), ("routine", "Routine"))
# Beyond this many, a count that has to read the intakes says "1,000+".
COUNT_CAP = 1000


class BadCursor(ValueError):
    """A page cursor that was not made by ``encode_cursor`` (edited or truncated)."""


@dataclass(frozen=True)
class QueueFilters:
    status: str = STATUS_OPEN  # "open" or one IntakeStatus value (not draft)
    who: str = "all"  # "all", "mine", "unassigned"
    flag: str = ""
    visit_date: date | None = None


@dataclass(frozen=True)
class QueuePage:
    rows: list[dict]  # ``queue_rows`` values
    next_cursor: str | None
    counts: dict[str, int]
    # True when a count stopped at COUNT_CAP + 1 (read as "more than COUNT_CAP").
    counts_capped: bool = False


# ---- cursors -----------------------------------------------------------------------------
def encode_cursor(row: dict) -> str:
    """The position after ``row`` (a queue row), as that intake's opaque public id. The URL
    (and so the access logs and the browser history) never carries its priority, visit or
    submission times: the next page reads them back from the row itself, in SQL."""
    return row["public_id"].hex


def decode_cursor(cursor: str) -> uuid.UUID:
    try:
        return uuid.UUID(hex=cursor)
    except (ValueError, TypeError, AttributeError) as exc:
        raise BadCursor(str(exc)) from exc


def _position_of(public_id: uuid.UUID) -> tuple:
    """The anchor row's sort values as scalar subqueries, so a later page is still one
    query (and an index range scan) rather than a lookup followed by the page."""
    anchor = Intake.objects.filter(public_id=public_id).order_by()
    return tuple(
        Subquery(anchor.annotate(position=expression).values("position")[:1])
        for expression in queue_sort_expressions()
    )


# ---- the queue ---------------------------------------------------------------------------
def _flag_filter(code: str) -> Q:
    if connection.vendor == "postgresql":
        return flag_q(code)  # the condition of that flag's own index
    # SQLite has no JSON containment: match the quoted code in the stored list.
    return Q(flag_codes__icontains=json.dumps(code))


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=1)


def _filter_parts(user, filters: QueueFilters) -> tuple[dict, dict]:
    """The filters as ``_selected`` takes them: what changes the SQL (the shape: a compiled
    read is compiled once for each) and the values it holds."""
    shape = {
        "status": filters.status if filters.status in REVIEWABLE else STATUS_OPEN,
        "who": filters.who if filters.who in ("mine", "unassigned") else "all",
    }
    values = {}
    if shape["who"] == "mine":
        values["assignee_id"] = user.pk
    if filters.flag:
        values["flag"] = filters.flag
    if filters.visit_date:
        values["visit_from"], values["visit_to"] = _day_bounds(filters.visit_date)
    return shape, values


def _selected(
    *, status: str, who: str, assignee_id=None, flag=None, visit_from=None, visit_to=None
) -> QuerySet:
    if status in REVIEWABLE:
        qs = Intake.objects.filter(status=status)
    else:
        qs = Intake.objects.filter(queue_open_q())
    if who == "mine":
        qs = qs.filter(assignee_id=assignee_id)
    elif who == "unassigned":
        qs = qs.filter(assignee__isnull=True)
    if flag:
        qs = qs.filter(_flag_filter(flag))
    if visit_from:
        qs = qs.filter(visit_at__gte=visit_from, visit_at__lt=visit_to)
    return qs


def queue_filter(*, user, filters: QueueFilters) -> QuerySet:
    """The intakes the filters select, unordered: never a draft, except in the open queue
    an unsent draft holding a saved positive safety answer (``queue_open_q``)."""
    shape, values = _filter_parts(user, filters)
    return _selected(**shape, **values)


ROW_FIELDS = (
    "id",
    "public_id",
    "visit_at",
    "status",
    "priority",
    "risk_rank",
    "age",
    "assignee_id",
    "queue_card",
    "kind",
)


def person_name(column: str) -> Subquery:
    """The name of the person ``column`` points at ("First Last", else the username), read
    by id in a subquery of its own. Not a join: the planner, trusting an ``assignee_id``
    histogram that does not yet know a psychiatrist who joined after the patients, merged
    the rows with the whole of ``auth_user_pkey`` (170 ms at 1M accounts, issue 23 #18); a
    scalar subquery is always one index probe per row."""
    full = Trim(Concat("first_name", Value(" "), "last_name"))
    person = get_user_model().objects.filter(pk=OuterRef(column)).order_by()
    name = Coalesce(NullIf(full, Value("")), "username", output_field=CharField())
    return Subquery(person.values_list(name)[:1])


def queue_rows_query(ids: list[int]) -> QuerySet:
    """The rows of these intakes, as ``queue_rows`` reads them (unordered)."""
    rows = Intake.objects.filter(pk__in=ids).order_by()  # in the order of ``ids``, not here
    return rows.values(
        *ROW_FIELDS,
        waiting_since=queue_waiting_since(),
        patient_name=person_name("patient_id"),
        assignee_name=person_name("assignee_id"),
        # A sent intake had every required document signed (intake_submit refuses
        # otherwise): what can change after is a withdrawal, one index probe per row.
        consent_withdrawn=Exists(
            ConsentWithdrawal.objects.filter(signature__intake=OuterRef("pk")).order_by()
        ),
    )


def reviewer_intake(*, public_id: uuid.UUID) -> QuerySet:
    """The intake with this public id, with its patient and its assignee's name as
    ``assignee_name`` (``person_name``: joining the assignee walked every account's primary
    key, 10 ms a detail page at 100k accounts, as in the queue's rows). Whether a
    psychiatrist may open it is ``reviewer_may_open``'s, in Python: the same condition in
    SQL cost PostgreSQL 0.2 ms a page to plan against the queue's partial indexes."""
    rows = Intake.objects.filter(public_id=public_id).order_by()
    return rows.select_related("patient").annotate(assignee_name=person_name("assignee_id"))


def reviewer_may_open(intake: Intake, *, unsent_safety: bool = False) -> bool:
    """Never a draft, except with ``unsent_safety`` an unsent one holding a saved positive
    safety answer."""
    if intake.status != "draft":
        return True
    return unsent_safety and intake.safety_alert_at is not None


def queue_rows(ids: list[int]) -> list[dict]:
    """The columns the queue shows of these intakes, as dicts, in the order of ``ids``. The
    evaluation is never read: its few values a row shows are on the row (``queue_card``)."""
    if not ids:
        return []
    by_id = {row["id"]: row for row in _rows(ids=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def _page_ids(*, size: int, anchor: uuid.UUID | None = None, **selection) -> QuerySet:
    return page_ids(_selected(**selection), anchor, size).values_list("pk", flat=True)


# A page's three reads, compiled once per shape (intake/compiled.py): Django spent more
# CPU building and compiling them than PostgreSQL running them. Only the rows (by id) are
# prepared: the page's ids and counts are planned for their statuses, flag and cursor.
_rows = CompiledRead(queue_rows_query, prepared=True)
_page = CompiledRead(_page_ids)


def queue_page(
    *, user, filters: QueueFilters, after: str | None = None, size: int = PAGE_SIZE
) -> QueuePage:
    """One keyset page of the queue (``after``: the cursor of the previous page's last row),
    with the counts per priority for the same filters. Raises ``BadCursor``."""
    shape, values = _filter_parts(user, filters)
    anchor = decode_cursor(after) if after else None
    if anchor:
        values["anchor"] = anchor
    ids = _page({**shape, "size": size + 1}, **values)
    if anchor and not ids and not Intake.objects.filter(public_id=anchor).exists():
        raise BadCursor("no intake has this public id")
    rows = queue_rows(ids[:size])
    counts_capped = filters.visit_date is not None or not _kept_counts()
    return QueuePage(
        rows=rows,
        next_cursor=encode_cursor(rows[-1]) if len(ids) > size and rows else None,
        counts=(
            queue_counts_capped(user=user, filters=filters)
            if counts_capped
            else queue_counts(user=user, filters=filters)
        ),
        counts_capped=counts_capped,
    )


def page_ids(selected: QuerySet, anchor: uuid.UUID | None, size: int) -> QuerySet:
    """The ids of one page, in queue order, chosen from the sort columns alone: a range scan
    of the filter's index (or, for one visit day, a sort of that day's rows); only the rows
    of the page are then read (``queue_rows``)."""
    if anchor:
        position = Tuple(*queue_sort_expressions())
        selected = selected.filter(TupleGreaterThan(position, _position_of(anchor)))
    return selected.order_by(*queue_sort_expressions()).values("pk")[:size]


def _kept_counts() -> bool:
    """Whether ``QueueCount`` is kept (by the PostgreSQL trigger of migration 0007)."""
    return connection.vendor == "postgresql"


def queue_counts(*, user, filters: QueueFilters) -> dict[str, int]:
    """How many intakes the filters select, per priority, from ``QueueCount``: a sum over a
    few rows per psychiatrist, whatever the number of intakes. Not for a visit date. The
    open queue's counted drafts are exactly those it shows (a saved safety answer)."""
    shape, _values = _filter_parts(user, filters)
    values = {"flag": filters.flag or ""}
    if shape["who"] != "all":
        values["assignee_key"] = user.pk if shape["who"] == "mine" else 0
    totals = dict(_counts(shape, **values))
    return {key: totals.get(PRIORITY_RANK[key], 0) for key, _label in PRIORITIES}


def _count_rows(*, status: str, who: str, flag: str, assignee_key: int | None = None):
    open_queue = (*OPEN_STATUSES, "draft")
    statuses = (status,) if status in REVIEWABLE else open_queue
    rows = QueueCount.objects.filter(status__in=statuses, flag=flag)
    if who != "all":
        rows = rows.filter(assignee_key=assignee_key)
    return rows.values_list("priority_rank").annotate(total=Sum("n")).order_by()


_counts = CompiledRead(_count_rows)


def queue_counts_capped(*, user, filters: QueueFilters) -> dict[str, int]:
    """How many intakes the filters select of each priority, each counted up to
    ``COUNT_CAP + 1`` only (the count of a LIMITed subquery), in one query. The subquery is
    written once and run per priority: PostgreSQL plans it once (three copies of it took
    3.2 ms to plan at 1M intakes and 1.1 ms to run); it is compiled once per shape of the
    filters (intake/compiled.py)."""
    ranks = [PRIORITY_RANK[key] for key, _label in PRIORITIES]
    shape, values = _filter_parts(user, filters)
    sql, params = _per_rank.sql({**shape, "cap": COUNT_CAP}, **values)
    each = " UNION ALL ".join("SELECT %s AS rank" for _rank in ranks)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ranks.rank, (SELECT COUNT(*) FROM ({sql}) AS page) "  # noqa: S608 (ORM-built)
            f"FROM ({each}) AS ranks",
            [*params, *ranks],
        )
        totals = dict(cursor.fetchall())
    return {key: totals[PRIORITY_RANK[key]] for key, _label in PRIORITIES}


def _per_rank_ids(*, cap: int, **selection) -> QuerySet:
    """Up to ``cap`` + 1 selected intakes of the rank ``ranks.rank`` (of the statement
    holding it)."""
    per_rank = _selected(**selection).filter(priority_rank=RawSQL("ranks.rank", ()))
    return per_rank.order_by().values("id")[: cap + 1]


_per_rank = CompiledRead(_per_rank_ids)


def next_unclaimed(qs: QuerySet | None = None) -> QuerySet:
    """Unassigned intakes waiting for someone, in queue order: the submitted ones and the
    unsent drafts holding a positive safety answer. "Take the next one" claims the first."""
    qs = Intake.objects.all() if qs is None else qs
    waiting = Q(status="submitted") | Q(status="draft", safety_alert_at__isnull=False)
    return qs.filter(waiting, assignee__isnull=True).order_by(*queue_sort_expressions())


def information_request(intake: Intake) -> str | None:
    """The psychiatrist's message while the patient is asked for more, else None."""
    return intake.information_request()
