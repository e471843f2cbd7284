"""The change since the patient's earlier intake: the pure comparison, and the detail page."""

from datetime import UTC, datetime

import pytest

from intake.devtools.seed_cases import _med, base
from intake.models import Intake
from intake.review.trend import medicine_changes, score_changes
from tests.factories import make_submitted_intake
from tests.queries import page_queries

PHQ = "phq_9"
HIGH = {"cssrs": {"risk": "high", "complete": True}}
LOW = {"cssrs": {"risk": "low", "complete": True}}


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        ({PHQ: {"total": 14, "complete": True}}, {PHQ: {"total": 19, "complete": True}},
         {PHQ: {"was": 19, "change": -5, "words": "down 5"}}),
        ({PHQ: {"total": 12, "complete": True}}, {PHQ: {"total": 8, "complete": True}},
         {PHQ: {"was": 8, "change": 4, "words": "up 4"}}),
        ({PHQ: {"total": 8, "complete": True}}, {PHQ: {"total": 8, "complete": True}},
         {PHQ: {"was": 8, "change": 0, "words": "no change"}}),
        # Nothing to compare: incomplete now, incomplete before, or not asked before.
        ({PHQ: {"total": None, "complete": False}}, {PHQ: {"total": 8, "complete": True}}, {}),
        ({PHQ: {"total": 8, "complete": True}}, {PHQ: {"total": None, "complete": False}}, {}),
        ({PHQ: {"total": 8, "complete": True}}, {}, {}),
        (HIGH, LOW,
         {"cssrs": {"was": "LOW", "change": None, "words": "changed"}}),
        (LOW, LOW,
         {"cssrs": {"was": "LOW", "change": None, "words": "no change"}}),
    ],
    ids=["down", "up", "same", "incomplete-now", "incomplete-before", "not-before",
         "cssrs-changed", "cssrs-same"],
)  # fmt: skip
def test_score_changes(current, previous, expected):
    assert score_changes(current, previous) == expected


def _m(typed, generic, daily_mg):
    return {"input": typed, "generic": generic, "daily_mg": daily_mg}


@pytest.mark.parametrize(
    ("current", "previous", "added", "stopped", "changed", "per_medicine"),
    [
        # Same drug under a brand name then the generic: the same medicine, same dose.
        ([_m("clonazepam", "clonazepam", 1.0)], [_m("Klonopin", "clonazepam", 1.0)],
         [], [], [], {"clonazepam": "same dose as last time"}),
        ([_m("Klonopin", "clonazepam", 2.0)], [_m("Klonopin", "clonazepam", 1.0)],
         [], [], ["clonazepam up from 1 mg a day to 2 mg a day"],
         {"clonazepam": "dose up: was 1 mg a day"}),
        ([_m("Klonopin", "clonazepam", 0.5)], [_m("Klonopin", "clonazepam", 1.0)],
         [], [], ["clonazepam down from 1 mg a day to 0.5 mg a day"],
         {"clonazepam": "dose down: was 1 mg a day"}),
        ([_m("Klonopin", "clonazepam", 1.0), _m("sertraline", "sertraline", 50.0)],
         [_m("Klonopin", "clonazepam", 1.0), _m("Xanax", "alprazolam", 1.0)],
         ["sertraline"], ["alprazolam"], [],
         {"clonazepam": "same dose as last time", "sertraline": "new since the last intake"}),
        # An unrecognised medicine is matched by the words typed; a dose not computed
        # on one side is not called a change.
        ([_m("Sleepwell", None, None)], [_m("sleepwell", None, 3.0)],
         [], [], [], {"sleepwell": ""}),
        ([], [], [], [], [], {}),
    ],
    ids=["brand-vs-generic", "dose-up", "dose-down", "added-and-stopped", "unrecognised",
         "none"],
)  # fmt: skip
def test_medicine_changes(current, previous, added, stopped, changed, per_medicine):
    assert medicine_changes(current, previous) == {
        "added": added, "stopped": stopped, "changed": changed, "per_medicine": per_medicine
    }  # fmt: skip


def submit_earlier_and_later(patient):
    """A first intake submitted on 3 Nov 2026, then a second one now: depression eased,
    clonazepam doubled, sertraline added, escitalopram stopped."""
    first = make_submitted_intake(
        patient,
        visit_in_hours=2,
        answers=base(phq_9=[3, 3, 3, 2, 2, 2, 2, 2, 0],
                     medications=[_med("Klonopin", 0.5), _med("escitalopram", 10, times=1)]),
    )  # fmt: skip
    Intake.objects.filter(pk=first.pk).update(submitted_at=datetime(2026, 11, 3, 15, 0, tzinfo=UTC))
    second = make_submitted_intake(
        patient,
        visit_in_hours=96,
        answers=base(phq_9=[2, 2, 2, 2, 2, 2, 2, 0, 0],
                     medications=[_med("Klonopin", 1), _med("sertraline", 50, times=1)]),
    )  # fmt: skip
    return first, second


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["", "print/"], ids=["detail", "print"])
def test_a_second_intake_shows_each_score_and_medicine_change(
    client, psychiatrist, patient, suffix
):
    first, second = submit_earlier_and_later(patient)
    assert (
        first.evaluation["scores"][PHQ]["total"],
        second.evaluation["scores"][PHQ]["total"],
    ) == (
        19,
        14,
    )
    client.force_login(psychiatrist)
    html = client.get(f"/review/i/{second.public_id}/{suffix}").content.decode()
    assert '14<span class="d-block small score-trend">was 19 on' in html
    assert "3 Nov 2026</time> (down 5)" in html
    assert "Added: sertraline" in html
    assert "Stopped: escitalopram" in html
    assert "clonazepam up from 1 mg a day to 2 mg a day" in html
    assert "dose up: was 1 mg a day" in html
    # The earlier intake compares with nothing before it.
    html = client.get(f"/review/i/{first.public_id}/{suffix}").content.decode()
    assert "Since the last intake" not in html and "was 19" not in html


@pytest.mark.django_db
def test_the_trend_costs_the_detail_page_at_most_one_query(
    client, psychiatrist, patient, second_patient
):
    _, later = submit_earlier_and_later(patient)
    alone = make_submitted_intake(second_patient, archetype="routine_calm")
    client.force_login(psychiatrist)
    counts = [page_queries(client, f"/review/i/{intake.public_id}/") for intake in (alone, later)]
    assert counts[0] == counts[1]
