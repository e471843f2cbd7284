"""The stored intake and ``evaluate_case`` agree on every case of the clinical library."""

import io
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from intake.models import Intake
from intake.services import intake_evaluate
from tests.factories import make_intake

pytestmark = pytest.mark.django_db

CASES = Path(__file__).parents[1] / "clinical" / "cases"
LIBRARY = sorted(p for p in CASES.glob("*.json") if not p.name.endswith(".expected.json"))


def _command(path: Path) -> dict:
    out = io.StringIO()
    call_command("evaluate_case", str(path), stdout=out)
    return json.loads(out.getvalue())


def test_the_library_is_there_to_compare_against():
    assert len(LIBRARY) >= 20


@pytest.mark.parametrize("path", LIBRARY, ids=[p.stem for p in LIBRARY])
def test_a_stored_intake_is_evaluated_as_evaluate_case_evaluates_its_answers(patient, path):
    case = json.loads(path.read_text())
    _earlier_intake(patient, case.get("earlier_scores"))
    intake = make_intake(patient, answers=case)
    intake_evaluate(intake=Intake.objects.get(pk=intake.pk))
    stored = Intake.objects.get(pk=intake.pk)
    expected = _command(path)
    assert (stored.evaluation["scores"], stored.priority) == (
        expected["scores"],
        expected["priority"],
    )
    assert stored.flag_codes == [flag["code"] for flag in expected["flags"]]
    assert stored.evaluation["flags"] == expected["flags"]


def _earlier_intake(patient, earlier: dict | None) -> None:
    """The portal reads a case's ``earlier_scores`` from the patient's earlier submitted
    intake, never from the answers: store one holding those totals."""
    if not earlier:
        return
    scores = {key: {"total": value["total"], "complete": True} for key, value in earlier.items()}
    days = {value["on"] for value in earlier.values() if value.get("on")}
    assert len(days) <= 1, "one earlier intake: give its totals one date"
    on = timezone.now() - timedelta(days=30)
    if days:
        on = timezone.make_aware(datetime.combine(date.fromisoformat(days.pop()), time(12)))
    make_intake(
        patient,
        visit_in_hours=None,
        status="reviewed",
        submitted_at=on,
        evaluation={"scores": scores},
    )
