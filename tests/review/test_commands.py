import io

import pytest
from django.core.management import call_command

from intake.models import Intake, IntakeStatus
from intake.tasks import recompute_open_intakes
from tests.factories import make_submitted_intake

pytestmark = pytest.mark.django_db


def _outdated(intake, **fields):
    """Pretend the intake was scored under older rules."""
    Intake.objects.filter(pk=intake.pk).update(
        evaluation={"priority": "routine", "flags": [], "scores": {}},
        priority="routine",
        priority_rank=2,
        flag_codes=[],
        **fields,
    )


def test_the_recompute_command_restores_current_flags_and_reports_the_change(
    patient, second_patient
):
    stale = make_submitted_intake(patient, archetype="urgent_opioid")
    make_submitted_intake(second_patient, archetype="routine_calm")
    _outdated(stale)
    out = io.StringIO()
    call_command("recompute_intakes", stdout=out)
    stale.refresh_from_db()
    assert (stale.priority, stale.flag_codes) == ("urgent", ["opioid_benzo"])
    assert "Checked 2 open intakes: 1 changed (1 changed priority)" in out.getvalue()


def test_reviewed_intakes_are_left_as_they_were_scored(patient):
    reviewed = make_submitted_intake(patient, archetype="urgent_opioid")
    _outdated(reviewed, status=IntakeStatus.REVIEWED)
    assert recompute_open_intakes.delay().get()["checked"] == 0


def test_the_recompute_task_reports_how_many_changed(patient):
    _outdated(make_submitted_intake(patient, archetype="urgent_opioid"))
    assert recompute_open_intakes.delay().get()["changed"] == 1


def test_seed_demo_makes_every_priority_status_and_flag_with_synthetic_people():
    from intake.clinical.rules import RULES

    call_command("seed_demo", intakes=400, seed=7, stdout=io.StringIO())
    intakes = Intake.objects.select_related("patient")
    assert {i.priority for i in intakes if i.priority} == {"stat", "urgent", "routine"}
    # "recorded" is a check-in's alone (intake/checkins): the queue's demo has none.
    assert {i.status for i in intakes} == set(IntakeStatus.values) - {IntakeStatus.RECORDED}
    assert {code for i in intakes for code in i.flag_codes} == set(RULES)
    assert all(i.patient.email.endswith("@example.org") for i in intakes)
