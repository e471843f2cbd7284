"""The benchmark's check-ins at scale (issue 27): what ``seed_checkins`` writes in SQL is what
the portal would have stored. Each check-in goes where ``checkin_route`` sends it, carries
its status history, reaches the patient's chart, the queue's counts stay exact, and every
patient with check-ins is on a schedule the sweep reads."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone

from intake.checkins.selectors import schedules_due
from intake.checkins.services import needs_review
from intake.devtools.checkin_seeding import OPEN_DAYS, PER_PATIENT, seed_checkins
from intake.devtools.seeding import seed_intakes
from intake.models import PRIORITY_RANK, Intake, IntakeKind
from intake.models.checkins import CheckInSchedule
from intake.review.selectors import QueueFilters, queue_counts, queue_filter
from intake.trends import score_series

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _postgresql_only(db):
    if connection.vendor != "postgresql":
        pytest.skip("the seeding writes PostgreSQL SQL")


def test_each_seeded_check_in_is_where_the_portal_would_have_put_it(psychiatrist):
    seed_intakes(1000, seed=27, write=lambda line: None)  # the large mix: mostly reviewed
    reviewed = Intake.objects.filter(kind=IntakeKind.FIRST, status="reviewed")
    patients = set(reviewed.values_list("patient_id", flat=True))
    added = seed_checkins(2 * 2000, write=lambda line: None)  # one batch: every patient

    checkins = Intake.objects.filter(kind=IntakeKind.CHECK_IN)
    assert added == checkins.count() == PER_PATIENT * len(patients) >= 2000
    assert set(checkins.values_list("patient_id", flat=True)) == patients
    statuses = set()
    for checkin in checkins.prefetch_related("status_changes"):
        statuses.add(checkin.status)
        if not needs_review(checkin):
            assert checkin.status == "recorded" and checkin.assignee_id is None
        else:
            assert checkin.status in ("reviewed", "submitted") and checkin.assignee_id
        history = sorted(checkin.status_changes.all(), key=lambda change: change.at)
        assert history[0].from_status == "draft" and history[-1].to_status == checkin.status
    assert statuses == {"recorded", "reviewed", "submitted"}
    recent = timezone.now() - timedelta(days=OPEN_DAYS)
    assert all(checkin.submitted_at > recent for checkin in checkins.filter(status="submitted"))

    # The queue's counts (kept by a trigger) saw every row the SQL wrote.
    by_rank = {key: Count("id", filter=Q(priority_rank=rank))
               for key, rank in PRIORITY_RANK.items()}  # fmt: skip
    for status in ("open", "submitted", "reviewed"):
        filters = QueueFilters(status=status)
        direct = queue_filter(user=psychiatrist, filters=filters).aggregate(**by_rank)
        assert queue_counts(user=psychiatrist, filters=filters) == direct, status

    # Each patient's chart has the first intake's scores and every check-in's.
    series = score_series(min(patients))
    assert len(series["phq_9"].points) == len(series["gad_7"].points) == PER_PATIENT + 1
    # Every patient is on a schedule; some are due now, the rest within the interval.
    schedules = CheckInSchedule.objects.filter(active=True)
    assert set(schedules.values_list("patient_id", flat=True)) == patients
    assert 0 < schedules_due(now=timezone.now()).count() < schedules.count()
