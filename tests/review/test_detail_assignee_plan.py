"""The intake a psychiatrist opens is read with its holder's name by id, never by walking
every account's primary key (the queue's issue 23 item 18, on the detail page).

Joining the assignee, the planner trusted an ``assignee_id`` histogram that did not know a
psychiatrist who joined after the patients and merged the row with the whole of
``auth_user_pkey``: 10 ms of the database's time per detail page at 100k accounts.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from intake.models import IntakeStatus
from intake.review.selectors import reviewer_intake
from tests.factories import make_psychiatrist, make_queue_intake

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

PATIENTS = 20_000


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(line for (line,) in cursor.fetchall())


def _held_by_a_newcomer(psychiatrist):
    """Intakes spread over many patients, a third held by ``psychiatrist``, the statistics
    taken; then a psychiatrist who joins later holds one."""
    patients = get_user_model().objects.bulk_create(
        get_user_model()(username=f"p{n}@patients.example", password="!") for n in range(PATIENTS)
    )
    intakes = [
        make_queue_intake(
            patient,
            status=IntakeStatus.IN_REVIEW if n % 3 == 0 else IntakeStatus.SUBMITTED,
            assignee=psychiatrist if n % 3 == 0 else None,
        )
        for n, patient in enumerate(patients[:: PATIENTS // 300])
    ]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE auth_user")
        cursor.execute("ANALYZE intake_intake")
    newcomer = make_psychiatrist("new@clinic.example", first_name="Nia", last_name="New")
    held = intakes[1]
    held.assignee, held.status = newcomer, IntakeStatus.IN_REVIEW
    held.save(update_fields=["assignee", "status"])
    return held


def test_the_opened_intake_reads_its_holder_by_id_not_by_walking_every_account(psychiatrist):
    held = _held_by_a_newcomer(psychiatrist)

    plan = _plan(reviewer_intake(public_id=held.public_id))

    assert "Merge" not in plan, plan
    assert "auth_user_pkey" in plan and "Seq Scan on auth_user" not in plan, plan


def test_the_opened_intake_carries_its_holders_name(psychiatrist):
    intake = make_queue_intake(status=IntakeStatus.IN_REVIEW, assignee=psychiatrist)

    (opened,) = reviewer_intake(public_id=intake.public_id)

    assert opened.assignee_name == "Sam Stone"
