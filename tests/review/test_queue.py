import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from intake.review.selectors import PAGE_SIZE, QueueFilters, queue_page
from tests.factories import make_patient, make_queue_intake, make_submitted_intake

pytestmark = pytest.mark.django_db
QUEUE = "/review/"


def _names(page) -> list[int]:
    return [row["id"] for row in page.rows]


def test_queue_orders_by_priority_then_visit_then_submission(psychiatrist):
    now = timezone.now()
    routine_soon = make_queue_intake(priority="routine", visit_at=now + timedelta(hours=1))
    urgent_late = make_queue_intake(priority="urgent", visit_at=now + timedelta(days=9))
    # STAT of one risk goes by time waiting, whatever the visit (tests/review/test_stat_order.py).
    stat_no_visit = make_queue_intake(
        priority="stat", risk_rank=2, visit_at=None, submitted_at=now - timedelta(hours=1)
    )
    stat_late = make_queue_intake(
        priority="stat", risk_rank=2, visit_at=now + timedelta(days=5), submitted_at=now
    )
    urgent_soon_new = make_queue_intake(
        priority="urgent", visit_at=now + timedelta(days=1), submitted_at=now
    )
    urgent_soon_old = make_queue_intake(
        priority="urgent",
        visit_at=urgent_soon_new.visit_at,
        submitted_at=now - timedelta(days=1),
    )
    page = queue_page(user=psychiatrist, filters=QueueFilters())
    assert _names(page) == [
        stat_no_visit.pk,
        stat_late.pk,
        urgent_soon_old.pk,
        urgent_soon_new.pk,
        urgent_late.pk,
        routine_soon.pk,
    ]


def test_queue_leaves_out_drafts_and_reviewed_intakes_by_default(psychiatrist):
    waiting = make_queue_intake()
    make_queue_intake(status="reviewed")
    make_queue_intake(status="draft")
    assert _names(queue_page(user=psychiatrist, filters=QueueFilters())) == [waiting.pk]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"status": "in_review"}, {"mine_in_review", "theirs_in_review"}),
        ({"status": "reviewed"}, {"reviewed"}),
        ({"who": "mine"}, {"mine_in_review"}),
        ({"who": "unassigned"}, {"waiting_flagged", "waiting_tomorrow"}),
        ({"flag": "opioid_benzo"}, {"waiting_flagged"}),
        ({"visit_date": "tomorrow"}, {"waiting_tomorrow"}),
        (
            {"status": "draft"},
            {"mine_in_review", "waiting_flagged", "waiting_tomorrow", "theirs_in_review"},
        ),
    ],  # fmt: skip
    ids=[
        "status",
        "status-reviewed",
        "mine",
        "unassigned",
        "flag",
        "visit-date",
        "draft-is-never-listed",
    ],  # fmt: skip
)
def test_each_filter_selects_only_matching_intakes(
    psychiatrist, second_psychiatrist, filters, expected
):
    now = timezone.localtime()
    tomorrow = (now + timedelta(days=1)).replace(hour=10, minute=0)
    made = {
        "mine_in_review": make_queue_intake(status="in_review", assignee=psychiatrist),
        "theirs_in_review": make_queue_intake(status="in_review", assignee=second_psychiatrist),
        "waiting_flagged": make_queue_intake(
            priority="urgent", flag_codes=["opioid_benzo", "cns_load"]
        ),
        "waiting_tomorrow": make_queue_intake(visit_at=tomorrow, flag_codes=["cns_load"]),
        "reviewed": make_queue_intake(status="reviewed", assignee=psychiatrist),
        "draft": make_queue_intake(status="draft"),
    }
    if filters.get("visit_date") == "tomorrow":
        filters = {"visit_date": tomorrow.date()}
    page = queue_page(user=psychiatrist, filters=QueueFilters(**filters), size=50)
    by_pk = {intake.pk: name for name, intake in made.items()}
    assert {by_pk[pk] for pk in _names(page)} == expected


def test_the_filter_form_reaches_the_queue_through_the_page(client, psychiatrist):
    make_queue_intake(priority="urgent", flag_codes=["opioid_benzo"])
    plain = make_queue_intake()
    client.force_login(psychiatrist)
    response = client.get(QUEUE, {"flag": "opioid_benzo", "status": "open", "who": "all"})
    assert str(plain.public_id) not in response.content.decode()


def test_counts_per_priority_follow_the_filters(psychiatrist):
    for priority in ("stat", "urgent", "urgent", "routine"):
        make_queue_intake(priority=priority)
    make_queue_intake(priority="stat", status="reviewed")
    assert queue_page(user=psychiatrist, filters=QueueFilters()).counts == {
        "stat": 1,
        "urgent": 2,
        "routine": 1,
    }


def test_keyset_pages_have_no_duplicates_or_gaps_while_new_intakes_arrive(psychiatrist):
    now = timezone.now()
    original = [
        make_queue_intake(
            priority=("stat", "urgent", "routine")[n % 3],
            visit_at=None if n % 7 == 0 else now + timedelta(hours=n % 11),
            submitted_at=now - timedelta(minutes=n % 5),
        ).pk
        for n in range(60)
    ]
    seen, after = [], None
    while True:
        page = queue_page(user=psychiatrist, filters=QueueFilters(), after=after, size=20)
        seen += _names(page)
        # New intakes keep arriving between pages, some before and some after the cursor.
        make_queue_intake(priority="stat", visit_at=now)
        make_queue_intake(priority="routine", visit_at=None)
        if not page.next_cursor:
            break
        after = page.next_cursor
    assert len(seen) == len(set(seen))
    assert set(original) <= set(seen)


def test_a_later_page_continues_exactly_where_the_first_stopped(psychiatrist):
    rows = [make_queue_intake(visit_at=timezone.now() + timedelta(hours=n)).pk for n in range(5)]
    first = queue_page(user=psychiatrist, filters=QueueFilters(), size=2)
    second = queue_page(user=psychiatrist, filters=QueueFilters(), after=first.next_cursor, size=2)
    assert _names(first) + _names(second) == rows[:4]


def _queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE)
    assert response.status_code == 200
    return len(queries)


def test_the_queue_page_runs_the_same_number_of_queries_for_10_and_1000_intakes(
    client, psychiatrist
):
    from intake.devtools.seeding import seed_intakes

    client.force_login(psychiatrist)
    seed_intakes(10, seed=1, write=lambda line: None)
    small = _queue_queries(client)
    seed_intakes(990, seed=2, write=lambda line: None)
    large = _queue_queries(client)
    assert small == large
    # session, user, its OTP device, its groups, the page's ids, their rows, the counts, the
    # audit row of this page view, the session saved (a savepoint, the update, its release)
    assert large <= 11


def test_a_deep_keyset_page_costs_no_more_queries_than_the_first(client, psychiatrist):
    for n in range(PAGE_SIZE * 3):
        make_queue_intake(visit_at=timezone.now() + timedelta(minutes=n))
    client.force_login(psychiatrist)
    first = _queue_queries(client)
    html = client.get(QUEUE).content.decode()
    next_link = re.search(r'href="\?([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{QUEUE}?{next_link}")
    assert len(queries) == first


def test_the_queue_shows_a_claim_at_once(client, psychiatrist):
    from intake.review import services

    intake = make_queue_intake()
    client.force_login(psychiatrist)
    client.get(QUEUE)
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    assert "In review" in client.get(QUEUE).content.decode()


def test_an_edited_page_link_goes_back_to_the_first_page(client, psychiatrist):
    client.force_login(psychiatrist)
    response = client.get(QUEUE, {"after": "not-a-cursor"})
    assert response.status_code == 302 and response.url == reverse("review:queue")


def test_a_page_link_names_the_last_row_by_its_public_id_only(psychiatrist):
    # The link lands in access logs and browser history: no priority, visit or
    # submission time may ride in it (a STAT rank alone says "suicide risk").
    for n in range(3):
        make_queue_intake(priority="stat", visit_at=timezone.now() + timedelta(hours=n))
    page = queue_page(user=psychiatrist, filters=QueueFilters(), size=2)
    assert page.next_cursor == page.rows[-1]["public_id"].hex


@pytest.mark.parametrize(
    "after",
    [
        # The old value cursor with a rank too large for any integer column.
        "WzEwMDAwMDAwMDAwMDAwMDAwMDAwMDAsIjIwMjYtMDEtMDFUMDA6MDA6MDArMDA6MDAiLCIyMDI2LTAxLTAx"
        "VDAwOjAwOjAwKzAwOjAwIiwxXQ",
        "0" * 32,
        "%FF%FE",
    ],
    ids=["forged-values", "unknown-intake", "not-hex"],
)
def test_a_forged_page_link_goes_back_to_the_first_page(client, psychiatrist, after):
    make_queue_intake()
    client.force_login(psychiatrist)
    response = client.get(QUEUE, {"after": after})
    assert response.status_code == 302 and response.url == reverse("review:queue")


def test_a_queue_row_shows_name_age_flags_and_scores(client, psychiatrist, patient):
    make_queue_intake(
        patient,
        age=67,
        flag_codes=["age65_benzo"],
        evaluation={"scores": {"gad_7": {"total": 16, "band": "severe"},
                               "phq_9": {"total": 11, "band": "moderate"}}},
    )  # fmt: skip
    client.force_login(psychiatrist)
    html = client.get(QUEUE).content.decode()
    for text in ("Alice Adams</a>, 67", "65+ on benzo", "16 severe", "11 moderate"):
        assert text in html


@pytest.mark.parametrize("persona", ["patient", "editor"], ids=["patient", "content-editor"])
def test_only_psychiatrists_reach_the_queue(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(QUEUE).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    assert client.get(QUEUE)["Location"].startswith("/accounts/login/")


def test_visit_date_filter_takes_a_local_calendar_day(psychiatrist):
    day = date.today() + timedelta(days=3)
    local_midnight = timezone.make_aware(
        timezone.datetime.combine(day, timezone.datetime.min.time())
    )
    inside = make_queue_intake(visit_at=local_midnight + timedelta(hours=23, minutes=59))
    make_queue_intake(visit_at=local_midnight + timedelta(days=1))
    page = queue_page(user=psychiatrist, filters=QueueFilters(visit_date=day))
    assert _names(page) == [inside.pk]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"], ids=["year-9999", "year-1"])
def test_a_visit_date_out_of_range_is_a_form_error_not_a_server_error(client, psychiatrist, day):
    client.force_login(psychiatrist)
    response = client.get(QUEUE, {"visit_date": day})
    assert response.status_code == 200
    assert "Enter a visit date within 10 years of today" in response.content.decode()


def test_the_benchmark_baseline_view_is_not_served_in_normal_running(client):
    assert client.get("/review/_bench/bare/").status_code == 404


@pytest.mark.parametrize(
    "query, folded",
    [({}, True), ({"flag": "opioid_benzo"}, False), ("after", True)],
    ids=["first-page", "filtered", "next-page"],
)
def test_the_filters_unfold_only_when_a_filter_is_chosen(client, psychiatrist, query, folded):
    for n in range(PAGE_SIZE + 1):
        make_queue_intake(visit_at=timezone.now() + timedelta(minutes=n))
    client.force_login(psychiatrist)
    if query == "after":
        query = {"after": queue_page(user=psychiatrist, filters=QueueFilters()).next_cursor}
    html = client.get(QUEUE, query).content.decode()
    assert ('class="mb-3 queue-filters" open>' not in html) == folded


def test_back_to_the_queue_keeps_the_filters_the_psychiatrist_chose(client, psychiatrist):
    intake = make_submitted_intake(make_patient("fay@patients.example"), archetype="urgent_opioid")
    client.force_login(psychiatrist)
    client.get(reverse("review:queue"), {"flag": "opioid_benzo", "who": "unassigned"})
    detail = client.get(reverse("review:detail", args=[intake.public_id]))
    assert (
        detail.context["queue_url"] == reverse("review:queue") + "?flag=opioid_benzo&who=unassigned"
    )


@pytest.mark.parametrize("severity", ["high", "moderate"])
def test_a_flag_badge_shows_the_severity_the_flag_has_in_that_case(client, psychiatrist, severity):
    flag = {"code": "benzo_alcohol", "severity": severity, "title": "Benzo and alcohol"}
    make_queue_intake(flag_codes=["benzo_alcohol"], evaluation={"scores": {}, "flags": [flag]})
    client.force_login(psychiatrist)
    html = client.get(QUEUE).content.decode()
    assert f'<span class="badge flag-{severity}">Benzo + alcohol</span>' in html
