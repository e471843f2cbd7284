"""Scores over time: the earlier totals the rules compare with, the series, the chart and its
table (they must agree), and the patient's own "Your scores" page."""

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from intake.devtools.seed_cases import base
from intake.models import Intake
from intake.trends import earlier_scores, score_series
from tests.clinical.helpers import answers_totalling
from tests.factories import make_intake, make_submitted_intake
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


def phq(total: int | None) -> list:
    """PHQ-9 answers totalling ``total`` with item 9 at 0; None: item 1 left unanswered."""
    if total is None:
        return [None, 1, 1, 1, 0, 0, 0, 0, 0]
    return answers_totalling(total, 8, 3) + [0]


def submit(patient, phq_total, on: datetime, gad=None, hours=72):
    """An intake submitted through the real service, then dated ``on``."""
    answers = base(phq_9=phq(phq_total), **({"gad_7": gad} if gad else {}))
    intake = make_submitted_intake(patient, answers=answers, visit_in_hours=hours)
    Intake.objects.filter(pk=intake.pk).update(submitted_at=on)
    intake.refresh_from_db()
    return intake


DAYS = [datetime(2026, 9, d, 15, 0, tzinfo=UTC) for d in (1, 15, 29)]


# ---- the rule, fed from the database -----------------------------------------------------------
@pytest.mark.parametrize(("later", "fires"), [(14, True), (13, False)])
def test_a_rise_of_5_against_the_earlier_intake_raises_phq9_worsening_and_4_does_not(
    patient, later, fires
):
    submit(patient, 9, DAYS[0])
    intake = make_submitted_intake(patient, answers=base(phq_9=phq(later)), visit_in_hours=96)
    assert ("phq9_worsening" in intake.flag_codes) is fires
    assert intake.priority != "stat"


def test_the_earlier_total_is_the_latest_complete_one_submitted_before(patient, second_patient):
    submit(patient, 3, DAYS[0])
    submit(patient, 12, DAYS[1], hours=96)
    submit(patient, None, DAYS[2], hours=120)  # incomplete: skipped
    submit(second_patient, 20, DAYS[2])  # someone else's
    now = make_intake(patient, visit_in_hours=144, submitted_at=datetime(2026, 10, 1, tzinfo=UTC))
    found = earlier_scores(now)
    assert found["phq_9"] == {"total": 12, "on": "2026-09-15"}
    # The first intake compares with nothing.
    first = Intake.objects.get(patient=patient, submitted_at=DAYS[0])
    assert earlier_scores(first) == {}


def test_a_worsening_against_the_first_intake_is_kept_when_the_rules_run_again(patient):
    from intake.services import intake_evaluate

    submit(patient, 2, DAYS[0])
    later = make_submitted_intake(patient, answers=base(phq_9=phq(8)), visit_in_hours=96)
    assert "phq9_worsening" in later.flag_codes
    assert "phq9_worsening" in intake_evaluate(intake=later).flag_codes


def test_the_bulk_rule_rerun_reads_the_earlier_totals_too_one_query_a_batch(
    patient, second_patient
):
    from intake.recompute import intakes_recompute
    from intake.trends import earlier_scores_of

    submit(patient, 2, DAYS[0])
    later = make_submitted_intake(patient, answers=base(phq_9=phq(8)), visit_in_hours=96)
    submit(second_patient, 9, DAYS[0])
    other = make_submitted_intake(second_patient, answers=base(phq_9=phq(12)), visit_in_hours=96)
    # Scored as if by the rules before phq9_worsening existed.
    Intake.objects.filter(pk=later.pk).update(flag_codes=[], evaluation={})
    intakes_recompute()
    assert "phq9_worsening" in Intake.objects.get(pk=later.pk).flag_codes
    with CaptureQueriesContext(connection) as queries:
        found = earlier_scores_of([later, other])
    assert len(queries.captured_queries) == 1
    assert (found[later.pk]["phq_9"]["total"], found[other.pk]["phq_9"]["total"]) == (2, 9)


# ---- the series -------------------------------------------------------------------------------
def test_the_series_is_every_complete_total_in_time_order_in_one_query(patient):
    submit(patient, 14, DAYS[1], hours=96)
    submit(patient, 19, DAYS[0])
    submit(patient, None, DAYS[2], hours=120)
    make_intake(patient, visit_in_hours=200, answers=base(phq_9=phq(24)))  # a draft
    with CaptureQueriesContext(connection) as queries:
        series = score_series(patient.pk)
    assert len(queries.captured_queries) == 1
    assert [(p.on.date().isoformat(), p.score, p.band) for p in series["phq_9"].points] == [
        ("2026-09-01", 19, "moderately_severe"),
        ("2026-09-15", 14, "moderate"),
    ]
    assert [p.score for p in series["gad_7"].points] == [4, 4, 4]
    assert series["phq_9"].last_change.meaning == "improvement"


# ---- the chart and its table agree --------------------------------------------------------------
def plotted(html: str, chart_id: str) -> list[tuple[str, int]]:
    svg = re.search(rf'<svg[^>]*aria-labelledby="{chart_id}-title.*?</svg>', html, re.S).group(0)
    return [
        (date, int(score))
        for date, score in re.findall(r'data-date="([\d-]+)" data-score="(\d+)"', svg)
    ]


def tabled(html: str, chart_id: str) -> list[tuple[str, int]]:
    table = re.search(rf'<caption id="{chart_id}-caption".*?</table>', html, re.S).group(0)
    rows = re.findall(r'<time datetime="([\d-]+)">.*?</td>\s*<td>(\d+)</td>', table, re.S)
    return [(date, int(score)) for date, score in reversed(rows)]  # the table is newest first


def three_scores(patient):
    submit(patient, 19, DAYS[0], gad=[3, 3, 2, 2, 2, 2, 1])
    submit(patient, 9, DAYS[1], gad=[2, 2, 1, 1, 1, 1, 0], hours=96)
    return submit(patient, 15, DAYS[2], gad=[1, 1, 1, 1, 0, 0, 0], hours=120)


@pytest.mark.parametrize("suffix", ["", "print/"], ids=["detail", "print"])
def test_the_staff_chart_plots_exactly_the_numbers_its_table_gives(
    client, psychiatrist, patient, suffix
):
    latest = three_scores(patient)
    client.force_login(psychiatrist)
    html = client.get(f"/review/i/{latest.public_id}/{suffix}").content.decode()
    expected = [("2026-09-01", 19), ("2026-09-15", 9), ("2026-09-29", 15)]
    assert plotted(html, "trend-phq_9") == tabled(html, "trend-phq_9") == expected
    assert plotted(html, "trend-gad_7") == tabled(html, "trend-gad_7") == [
        ("2026-09-01", 15), ("2026-09-15", 8), ("2026-09-29", 4)
    ]  # fmt: skip
    assert 'role="img"' in html and '<title id="trend-phq_9-title">' in html
    # The bands come from the declaration: five PHQ-9 bands shaded.
    svg = re.search(r"<svg[^>]*trend-phq_9-title.*?</svg>", html, re.S).group(0)
    assert re.findall(r'data-band="(\w+)"', svg) == [
        "minimal", "mild", "moderate", "moderately_severe", "severe"
    ]  # fmt: skip
    assert "Latest change: Meaningful worsening (PHQ-9 9 -&gt; 15: up 6" in html
    assert "(this intake)" in html


def test_the_patient_page_plots_exactly_the_numbers_its_table_gives_in_plain_words(client, patient):
    latest = three_scores(patient)
    client.force_login(patient)
    response = client.get(reverse("intake:scores", args=[latest.public_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert plotted(html, "scores-phq_9") == tabled(html, "scores-phq_9") == [
        ("2026-09-01", 19), ("2026-09-15", 9), ("2026-09-29", 15)
    ]  # fmt: skip
    assert "Your score has gone up a lot since last time." in html
    assert "0 to 4: few or none" in html and "988" in html
    assert "not a diagnosis" in html
    assert "depression" not in html.lower()


def test_the_patient_page_says_so_when_there_is_no_score_yet(client, patient):
    draft = make_intake(patient)
    client.force_login(patient)
    html = client.get(reverse("intake:scores", args=[draft.public_id])).content.decode()
    assert "You have no scores yet" in html and "<svg" not in html


def test_a_patient_cannot_reach_another_patients_scores(client, patient, second_patient):
    theirs = three_scores(second_patient)
    client.force_login(patient)
    assert client.get(reverse("intake:scores", args=[theirs.public_id])).status_code == 404


def test_staff_do_not_reach_the_patients_scores_page(client, psychiatrist, patient):
    latest = three_scores(patient)
    client.force_login(psychiatrist)
    assert client.get(reverse("intake:scores", args=[latest.public_id])).status_code in (403, 404)


def test_the_patients_home_links_their_scores(client, patient):
    latest = three_scores(patient)
    client.force_login(patient)
    html = client.get(reverse("intake:home")).content.decode()
    assert reverse("intake:scores", args=[latest.public_id]) in html


def test_a_first_intake_shows_no_chart_its_scores_table_already_gives_the_total(
    client, psychiatrist, patient
):
    only = make_submitted_intake(patient)
    client.force_login(psychiatrist)
    html = client.get(f"/review/i/{only.public_id}/").content.decode()
    assert "Scores over time" not in html


def test_the_charts_cost_the_detail_page_the_same_queries_for_two_or_many_intakes(
    client, psychiatrist, patient, second_patient
):
    submit(second_patient, 9, DAYS[0])
    two = submit(second_patient, 15, DAYS[1], hours=96)  # flagged as well: same page reads
    many = three_scores(patient)
    client.force_login(psychiatrist)
    counts = [page_queries(client, f"/review/i/{i.public_id}/") for i in (two, many)]
    assert counts[0] == counts[1]
