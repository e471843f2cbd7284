"""The flag filter reads the open intakes with that flag from the flag's own index, in
queue order: a range scan whatever the size of the table or of the open queue."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from intake.clinical.rules import RULES
from intake.models import review as review_models
from intake.models.review import FLAG_INDEX_PREFIX, flag_index_name, flag_indexes_sync
from intake.review.selectors import QueueFilters, page_ids, queue_filter, queue_page
from tests.factories import make_queue_intake

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(line for (line,) in cursor.fetchall())


@pytest.mark.parametrize("code", ["self_harm", "multiple_benzos", "opioid_benzo"])
def test_a_flag_page_is_read_in_order_from_that_flags_index(psychiatrist, code):
    for n in range(12):
        make_queue_intake(priority=("stat", "urgent", "routine")[n % 3], flag_codes=[code])
        make_queue_intake(priority="routine", flag_codes=["cns_load"])
    ids = page_ids(queue_filter(user=psychiatrist, filters=QueueFilters(flag=code)), None, 25)
    plan = _plan(ids)
    assert flag_index_name(code) in plan and "Sort" not in plan.split("Limit")[1]


def test_the_flag_filter_selects_exactly_the_intakes_with_that_flag(psychiatrist):
    wanted = {make_queue_intake(flag_codes=["cns_load", "self_harm"]).public_id}
    make_queue_intake(flag_codes=["cns_load"])
    make_queue_intake(flag_codes=["self_harm"], status="reviewed")
    page = queue_page(user=psychiatrist, filters=QueueFilters(flag="self_harm"))
    assert {row["public_id"] for row in page.rows} == wanted


def test_every_flag_code_has_its_index():
    with connection.cursor() as cursor:
        names = set(connection.introspection.get_constraints(cursor, "intake_intake"))
    assert {flag_index_name(code) for code in RULES} <= names


def test_the_unclaimed_page_is_read_in_order_from_its_own_index(psychiatrist):
    # Claimed intakes at the top of the queue: the open queue's index would step over them.
    for n in range(30):
        make_queue_intake(priority="stat", status="in_review", assignee=psychiatrist)
        make_queue_intake(priority=("urgent", "routine")[n % 2])
    unclaimed = queue_filter(user=psychiatrist, filters=QueueFilters(who="unassigned"))
    plan = _plan(page_ids(unclaimed, None, 25))
    assert "intake_queue_open_unassigned" in plan
    assert "Filter" not in plan and "Sort" not in plan.split("Limit")[1]


def _flag_indexes() -> set[str]:
    with connection.cursor() as cursor:
        names = connection.introspection.get_constraints(cursor, "intake_intake")
    return {name for name in names if name.startswith(FLAG_INDEX_PREFIX)}


def test_a_new_rule_gets_its_index_without_a_migration(monkeypatch):
    monkeypatch.setattr(review_models, "RULES", {**RULES, "zz_new_rule": None})
    out = StringIO()
    call_command("makemigrations", "intake", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
    created, dropped = flag_indexes_sync()
    assert (created, dropped) == ([flag_index_name("zz_new_rule")], [])
    monkeypatch.setattr(review_models, "RULES", RULES)
    assert flag_indexes_sync() == ([], [flag_index_name("zz_new_rule")])
    assert _flag_indexes() == {flag_index_name(code) for code in RULES}
