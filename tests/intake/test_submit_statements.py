"""What one submit costs the database: the intake read once and written in one UPDATE.

Pinned, so a change that adds a read, a per-field save or a savepoint to the submit shows
here. The counts take in the whole request: the session, the user and their groups (3),
the transaction with the locked read (which brings the consent signatures' state, issue
25, and the patient's earlier scores for the rules on change, issue 27), the catalog's
version check, the UPDATE, the status history and the audit row (7), and the session's
save (3). A STAT submit adds the outbox
row for the on-call psychiatrists (1).
"""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intake.devtools.seed_cases import ARCHETYPES, DETAILS
from intake.models import IntakeStatus, NotificationOutbox
from tests.factories import make_intake
from tests.intake.pages import url

pytestmark = pytest.mark.django_db


def _statements_of_a_submit(client, patient, archetype: str):
    intake = make_intake(patient, answers=copy.deepcopy(ARCHETYPES[archetype]), details=DETAILS)
    client.force_login(patient)
    client.get(url("check", intake))  # the patient reads their answers before sending them
    with CaptureQueriesContext(connection) as statements:
        response = client.post(url("submit", intake), {"confirm": "on"})
    assert response.url == url("confirmation", intake)
    intake.refresh_from_db()
    return intake, [s["sql"] for s in statements.captured_queries]


def test_a_routine_submit_takes_thirteen_statements(client, patient):
    intake, statements = _statements_of_a_submit(client, patient, "routine_calm")
    assert (intake.status, intake.priority) == (IntakeStatus.SUBMITTED, "routine")
    assert len(statements) == 13, "\n".join(statements)


def test_a_stat_submit_adds_only_the_outbox_row(client, patient):
    intake, statements = _statements_of_a_submit(client, patient, "stat_imminent")
    assert (intake.status, intake.priority) == (IntakeStatus.SUBMITTED, "stat")
    assert len(statements) == 14, "\n".join(statements)
    assert NotificationOutbox.objects.filter(intake=intake).count() == 1
