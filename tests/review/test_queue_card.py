"""A queue row reads its few values from the intake's queue card, never the evaluation, and
every write of an evaluation writes the card with it."""

import importlib
import io
from datetime import datetime

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.dateformat import format as date_format

from intake.devtools.seeding import seed_intakes
from intake.models import Intake
from intake.queue_card import queue_card
from intake.review.queue_view import visit_words
from tests.factories import make_intake, make_submitted_intake
from tests.intake.pages import post_ok, url

pytestmark = pytest.mark.django_db


def _card_matches(intake: Intake) -> bool:
    intake.refresh_from_db()
    return intake.queue_card == queue_card(intake.evaluation, intake.answers) != {}


def test_a_submitted_intake_has_the_card_of_its_evaluation(patient):
    intake = make_submitted_intake(patient, archetype="routine_cns_load")
    assert _card_matches(intake)
    assert intake.queue_card["flags"] == [
        {"code": f["code"], "severity": f["severity"]} for f in intake.evaluation["flags"]
    ]


def test_recomputing_an_intake_rewrites_its_card(patient):
    intake = make_submitted_intake(patient, archetype="urgent_opioid")
    Intake.objects.filter(pk=intake.pk).update(
        evaluation={"priority": "routine", "flags": [], "scores": {}}, flag_codes=[]
    )
    call_command("recompute_intakes", stdout=io.StringIO())
    assert _card_matches(intake)
    assert [f["code"] for f in intake.queue_card["flags"]] == ["opioid_benzo"]


def test_a_saved_safety_answer_in_a_draft_writes_the_card_of_its_safety_evaluation(client, patient):
    draft = make_intake(patient)
    client.force_login(patient)
    post_ok(client, url("safety", draft), {"q1": "yes", "q2": "no", "q6": "no"})
    assert _card_matches(draft)


def test_seeded_intakes_have_their_cards():
    seed_intakes(12, seed=3, write=lambda line: None)
    evaluated = Intake.objects.exclude(evaluation={})
    assert evaluated.exists()
    assert all(_card_matches(intake) for intake in evaluated)


def test_the_migration_fills_in_the_card_of_an_intake_evaluated_before_it(patient):
    intake = make_submitted_intake(patient, archetype="stat_imminent")
    Intake.objects.filter(pk=intake.pk).update(queue_card={})
    migration = importlib.import_module("intake.migrations.0017_queue_card")
    migration.fill(apps, None)
    assert _card_matches(intake)


def test_the_queue_page_never_reads_an_evaluation(psychiatrist, patient):
    make_submitted_intake(patient, archetype="routine_cns_load")
    staff = Client()
    staff.force_login(psychiatrist)
    with CaptureQueriesContext(connection) as queries:
        html = staff.get("/review/").content.decode()
    assert "clonazepam 1 mg/day + 2 others" in html
    assert not [q["sql"] for q in queries.captured_queries if '"evaluation"' in q["sql"]]


@pytest.mark.parametrize(
    "moment",
    [datetime(2026, 12, 4, 9, 5), datetime(2027, 1, 31, 0, 0), datetime(2026, 5, 17, 23, 59)],
    ids=["one-digit-day", "midnight", "may"],
)
def test_a_visit_reads_as_djangos_date_format_says(moment):
    visit = timezone.make_aware(moment)
    assert visit_words(visit) == date_format(visit, "D j M, H:i")
