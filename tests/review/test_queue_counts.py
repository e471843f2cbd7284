"""The queue's counts come from ``QueueCount`` (kept by a PostgreSQL trigger) and stay
equal to a direct count of the intakes after every kind of write: submit, claim, release,
take the next one, ask the patient, mark reviewed, recompute, bulk updates, delete,
seeding, an unsent draft with a saved safety answer."""

import re
from datetime import timedelta

import pytest
from django.db.models import Count, Q
from django.utils import timezone

from intake import recompute
from intake.devtools.seeding import seed_intakes
from intake.models import PRIORITY_RANK, Intake
from intake.review import selectors, services
from intake.review.selectors import QueueFilters, queue_counts, queue_filter, queue_page
from tests.factories import make_intake, make_patient, make_psychiatrist, make_submitted_intake

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]
QUEUE = "/review/"
FLAGS = ("", "self_harm", "opioid_benzo", "benzo_alcohol", "age65_benzo")


@pytest.fixture(autouse=True)
def _postgresql_only(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the counts are kept by a PostgreSQL trigger")


def _direct(user, filters: QueueFilters) -> dict[str, int]:
    totals = queue_filter(user=user, filters=filters).aggregate(
        **{key: Count("id", filter=Q(priority_rank=rank)) for key, rank in PRIORITY_RANK.items()}
    )
    return {key: totals[key] for key in PRIORITY_RANK}


def _assert_exact(user):
    for status in ("open", "submitted", "in_review", "info_requested", "reviewed"):
        for who in ("all", "mine", "unassigned"):
            for flag in FLAGS:
                filters = QueueFilters(status=status, who=who, flag=flag)
                assert queue_counts(user=user, filters=filters) == _direct(user, filters), filters


def test_the_counts_stay_exact_through_every_kind_of_write(psychiatrist, second_psychiatrist):
    archetypes = ("stat_imminent", "urgent_opioid", "urgent_older", "routine_calm")
    intakes = [
        make_submitted_intake(make_patient(f"c{n}@example.org"), archetype=name)
        for n, name in enumerate(archetypes * 2)
    ]
    _assert_exact(psychiatrist)
    services.intake_claim(intake_id=intakes[0].pk, user=psychiatrist)
    services.intake_claim(intake_id=intakes[1].pk, user=second_psychiatrist)
    _assert_exact(psychiatrist)
    services.intake_release(intake_id=intakes[1].pk, user=second_psychiatrist)
    services.intake_take_next(user=second_psychiatrist)
    _assert_exact(second_psychiatrist)
    services.intake_ask_patient(
        intake_id=intakes[0].pk, user=psychiatrist, sections=["safety"], message="More?"
    )
    services.intake_claim(intake_id=intakes[2].pk, user=psychiatrist)
    services.intake_mark_reviewed(intake_id=intakes[2].pk, user=psychiatrist, note="Seen.")
    _assert_exact(psychiatrist)
    Intake.objects.filter(pk=intakes[3].pk).update(evaluation={}, flag_codes=[], priority_rank=0)
    _assert_exact(psychiatrist)
    assert recompute.intakes_recompute().changed >= 1
    _assert_exact(psychiatrist)
    Intake.objects.filter(pk=intakes[4].pk).delete()
    Intake.objects.filter(assignee=second_psychiatrist).update(assignee=None)
    _assert_exact(psychiatrist)
    seed_intakes(60, seed=3, write=lambda line: None)
    _assert_exact(psychiatrist)
    draft = make_intake(make_patient("d@example.org"))
    _assert_exact(psychiatrist)  # a draft is not in the queue
    Intake.objects.filter(pk=draft.pk).update(
        safety_alert_at=timezone.now(), priority="stat", priority_rank=0
    )  # a saved positive safety answer: the unsent draft joins the STAT list
    _assert_exact(psychiatrist)
    services.intake_claim(intake_id=draft.pk, user=psychiatrist)
    _assert_exact(psychiatrist)


def test_a_count_page_runs_no_count_over_the_intakes(psychiatrist, django_assert_num_queries):
    make_submitted_intake(make_patient("one@example.org"), archetype="stat_imminent")
    with django_assert_num_queries(3) as queries:  # the ids, their rows, then the counts
        page = queue_page(user=psychiatrist, filters=QueueFilters(flag="self_harm"))
    assert page.counts == {"stat": 1, "urgent": 0, "routine": 0} and not page.counts_capped
    assert "intake_queuecount" in queries.captured_queries[-1]["sql"]


def test_a_visit_date_count_stops_at_the_cap(monkeypatch, client):
    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    monkeypatch.setattr("intake.review.queue_view.COUNT_CAP", 2)
    doctor = make_psychiatrist("cap@clinic.example")
    visit = timezone.now().replace(hour=15) + timedelta(days=3)
    for n in range(4):
        make_submitted_intake(make_patient(f"v{n}@example.org"), visit_in_hours=None)
    Intake.objects.update(visit_at=visit)
    day = timezone.localtime(visit).date()
    page = queue_page(user=doctor, filters=QueueFilters(visit_date=day))
    assert page.counts_capped and page.counts["routine"] == 3
    client.force_login(doctor)
    html = client.get(QUEUE, {"visit_date": day.isoformat()}).content.decode()
    assert re.search(r"Routine</span> 2\+", html)


def test_a_visit_date_counts_each_priority_exactly_under_the_cap(psychiatrist):
    visit = timezone.now().replace(hour=15) + timedelta(days=3)
    for n, archetype in enumerate(
        ["stat_imminent", "urgent_opioid", "urgent_opioid"] + ["routine_calm"] * 3
    ):
        make_submitted_intake(make_patient(f"d{n}@example.org"), archetype=archetype)
    make_submitted_intake(make_patient("other-day@example.org"), visit_in_hours=24 * 9)
    Intake.objects.exclude(patient__username="other-day@example.org").update(visit_at=visit)
    day = timezone.localtime(visit).date()
    page = queue_page(user=psychiatrist, filters=QueueFilters(visit_date=day))
    assert page.counts == {"stat": 1, "urgent": 2, "routine": 3}
