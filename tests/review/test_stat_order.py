"""Within STAT: risk first (C-SSRS high, then not known while the screener is unfinished, then
moderate, then low or PHQ-9 item 9 only), then
the time waiting, whatever the visit; "Take the next one" follows the same order."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from intake.devtools.seed_cases import ARCHETYPES, base
from intake.models import Intake
from intake.models.review import queue_open_q
from intake.review.selectors import QueueFilters, page_ids, queue_page
from intake.safety import (
    HIGH,
    LOW,
    MODERATE,
    NOT_KNOWN,
    NOT_STAT,
    SafetyAnswers,
    risk_rank,
    safety_answers,
)
from tests.factories import make_patient, make_queue_intake, make_submitted_intake

pytestmark = pytest.mark.django_db

NO = {"q1": False, "q2": False, "q6": False}


@pytest.mark.parametrize(
    ("cssrs", "item_9", "rank"),
    [
        ({**NO, "q1": True, "q2": True, "q3": True, "q4": True, "q5": False}, 0, HIGH),
        ({**NO, "q1": True, "q2": True, "q3": False, "q4": False, "q5": True}, 0, HIGH),
        ({**NO, "q6": True, "q6_past_3_months": True}, 0, HIGH),
        ({**NO, "q1": True, "q2": True, "q3": True, "q4": False, "q5": False}, 0, MODERATE),
        ({**NO, "q6": True, "q6_past_3_months": False}, 0, MODERATE),
        ({**NO, "q6": True}, 0, NOT_KNOWN),  # behaviour not dated yet
        ({**NO, "q1": True, "q2": True}, 0, NOT_KNOWN),  # follow-ups not answered yet
        ({**NO, "q1": True, "q2": True, "q3": True}, 0, NOT_KNOWN),  # q4, q5 not answered
        ({"q1": True}, 0, NOT_KNOWN),  # q2 and q6 not answered
        ({"q1": True, "q2": True, "q4": True}, 0, HIGH),  # high shows whatever is missing
        ({**NO, "q1": True}, 0, LOW),
        (NO, 1, LOW),
        (None, 3, NOT_KNOWN),  # the screener not started
        (NO, 0, NOT_STAT),
        ({"q1": False, "q2": False, "q3": True}, 0, NOT_STAT),  # q3 is not asked after q2 "no"
    ],
    ids=[
        "intent",
        "plan",
        "recent-behaviour",
        "method",
        "behaviour-long-ago",
        "behaviour-undated",
        "thoughts-unfinished",
        "method-unfinished",
        "wish-unfinished",
        "intent-unfinished",
        "wish-to-be-dead",
        "phq9-item9-only",
        "phq9-item9-no-cssrs",
        "nothing",
        "skipped-question-ignored",
    ],
)
def test_the_stat_risk_rank_follows_the_cssrs_triage(cssrs, item_9, rank):
    answers = {"cssrs": cssrs} if cssrs else {}
    answers |= {"phq_9": [0] * 8 + [item_9]} if item_9 is not None else {}
    assert risk_rank(safety_answers(answers)) == rank


def test_an_unfinished_screener_ranks_between_a_known_high_and_a_known_moderate_one():
    unfinished = risk_rank(SafetyAnswers(cssrs={"q1": True, "q2": True}))
    assert HIGH < unfinished < MODERATE < LOW


def _moderate() -> dict:
    cssrs = {"q1": True, "q2": True, "q3": True, "q4": False, "q5": False, "q6": False}
    return base(cssrs=cssrs)


@pytest.fixture
def high_no_visit_and_low_tomorrow(patient, second_patient):
    """A low-risk STAT intake with a visit tomorrow, waiting longer than a C-SSRS high one
    with no visit booked."""
    low = make_submitted_intake(patient, archetype="stat_item_9", visit_in_hours=24)
    Intake.objects.filter(pk=low.pk).update(submitted_at=timezone.now() - timedelta(days=2))
    high = make_submitted_intake(second_patient, archetype="stat_imminent", visit_in_hours=None)
    return high, low


def test_a_cssrs_high_stat_with_no_visit_comes_before_a_low_stat_with_a_visit_tomorrow(
    psychiatrist, high_no_visit_and_low_tomorrow
):
    high, low = high_no_visit_and_low_tomorrow
    page = queue_page(user=psychiatrist, filters=QueueFilters())
    assert [row["id"] for row in page.rows] == [high.pk, low.pk]


def test_take_the_next_one_takes_the_cssrs_high_stat_first(
    client, psychiatrist, high_no_visit_and_low_tomorrow
):
    high, _low = high_no_visit_and_low_tomorrow
    client.force_login(psychiatrist)
    response = client.post("/review/next/")
    assert response.url == f"/review/i/{high.public_id}/"


def test_stat_goes_high_then_moderate_then_low_then_longest_waiting(psychiatrist):
    now = timezone.now()
    patients = [make_patient(f"p{n}@patients.example") for n in range(4)]
    low = make_submitted_intake(patients[0], archetype="stat_item_9", visit_in_hours=2)
    moderate = make_submitted_intake(patients[1], visit_in_hours=5)
    Intake.objects.filter(pk=moderate.pk).update(answers=_moderate())
    from intake.services import intake_evaluate

    intake_evaluate(intake=Intake.objects.get(pk=moderate.pk))
    high_new = make_submitted_intake(patients[2], archetype="stat_imminent", visit_in_hours=1)
    high_old = make_submitted_intake(patients[3], archetype="stat_imminent", visit_in_hours=90)
    Intake.objects.filter(pk=high_old.pk).update(submitted_at=now - timedelta(hours=3))
    page = queue_page(user=psychiatrist, filters=QueueFilters())
    assert [row["id"] for row in page.rows] == [high_old.pk, high_new.pk, moderate.pk, low.pk]


def test_a_stat_row_shows_the_risk_in_words_and_how_long_it_has_waited(client, psychiatrist):
    make_queue_intake(
        priority="stat", risk_rank=HIGH, submitted_at=timezone.now() - timedelta(hours=5)
    )
    client.force_login(psychiatrist)
    html = client.get("/review/").content.decode()
    assert "High risk" in html and "5\xa0hours" in html


def test_non_stat_rows_show_no_risk_level(client, psychiatrist):
    make_queue_intake(priority="urgent")
    client.force_login(psychiatrist)
    html = client.get("/review/").content.decode()
    assert "risk" not in html.split("<tbody>")[1].lower()


def test_a_stat_submission_stores_its_risk_rank(patient):
    intake = make_submitted_intake(patient, archetype="stat_imminent")
    assert (intake.priority, intake.risk_rank) == ("stat", HIGH)
    assert ARCHETYPES["stat_imminent"]["cssrs"]["q4"] is True


@pytest.mark.postgres
def test_the_open_queue_is_read_in_order_from_its_index(psychiatrist):
    for n in range(30):
        make_queue_intake(priority=("stat", "urgent", "routine")[n % 3], risk_rank=n % 4)
    ids = page_ids(Intake.objects.filter(queue_open_q()), None, 25)
    sql, params = ids.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(line for (line,) in cursor.fetchall())
    assert "intake_queue_open" in plan and "Sort" not in plan.split("Limit")[1]


def test_seeded_stat_intakes_are_ranked_by_risk():
    import io

    from django.core.management import call_command

    call_command("seed_demo", intakes=200, seed=7, stdout=io.StringIO())
    ranks = set(Intake.objects.filter(priority="stat").values_list("risk_rank", flat=True))
    assert ranks and ranks <= {HIGH, MODERATE, LOW}
