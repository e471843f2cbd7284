"""A psychiatrist who joins after the patients: their "Assigned to me" rows are read by id,
never by walking the people's primary key (issue 23, item 18).

At 1M intakes the rows query joined auth_user for the assignee's name; the planner, trusting
an ``assignee_id`` histogram that did not yet know the new psychiatrist's id (at the top of
the id range), chose a Merge Right Join that walked ``auth_user_pkey`` over every account
(170 ms a page, for days until autovacuum analysed the table again).
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from intake.models import Intake, IntakeStatus
from intake.review.selectors import QueueFilters, page_ids, queue_filter, queue_rows_query
from tests.factories import make_psychiatrist, make_queue_intake

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

PATIENTS = 20_000


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(line for (line,) in cursor.fetchall())


def _many_patients() -> list:
    """``PATIENTS`` accounts, cheaply (no password hashing, no groups)."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"p{n}@patients.example", password="!") for n in range(PATIENTS)
    )
    return users


def _auth_user_scans(plan: str) -> list[str]:
    """Each scan of the people table in the plan, with the lines under it."""
    lines = plan.splitlines()
    return [
        "\n".join(lines[n : n + 3])
        for n, line in enumerate(lines)
        if "auth_user_pkey" in line or " on auth_user" in line
    ]


def test_the_rows_of_a_new_psychiatrist_are_read_by_id_not_by_walking_every_account(
    psychiatrist,
):
    patients = _many_patients()
    # Intakes spread over the patients, some held by a psychiatrist who joined first.
    for n, patient in enumerate(patients[:: PATIENTS // 300]):
        held = n % 3 == 0
        make_queue_intake(
            patient,
            priority=("stat", "urgent", "routine")[n % 3],
            status=IntakeStatus.IN_REVIEW if held else IntakeStatus.SUBMITTED,
            assignee=psychiatrist if held else None,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE auth_user")
        cursor.execute("ANALYZE intake_intake")
    newcomer = make_psychiatrist("new@clinic.example", first_name="Nia", last_name="New")
    assert newcomer.pk > patients[-1].pk
    claimed = Intake.objects.filter(assignee__isnull=True).order_by("pk")[:30]
    Intake.objects.filter(pk__in=[i.pk for i in claimed]).update(
        assignee=newcomer, status=IntakeStatus.IN_REVIEW
    )
    mine = queue_filter(user=newcomer, filters=QueueFilters(who="mine"))
    ids = list(page_ids(mine, None, 25).values_list("pk", flat=True))

    plan = _plan(queue_rows_query(ids))

    assert len(ids) == 25
    assert "Merge" not in plan, plan
    assert all("Index Cond" in scan for scan in _auth_user_scans(plan)), plan
