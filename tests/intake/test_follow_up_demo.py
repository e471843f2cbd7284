"""``load_demo`` gives ``make run`` a returning patient with a sent follow-up intake."""

import pytest
from django.core.management import call_command

from intake.models import Intake, IntakeKind
from intake.review.changes import what_changed

pytestmark = pytest.mark.django_db


def test_the_demo_follow_up_shows_a_changed_and_a_stopped_medicine_once(capsys):
    call_command("load_follow_up_demo")
    call_command("load_follow_up_demo")  # idempotent
    [follow_up] = Intake.objects.filter(kind=IntakeKind.FOLLOW_UP)
    changes = what_changed(follow_up)["medicines"]
    assert ([m["name"] for m in changes["changed"]], [m["name"] for m in changes["stopped"]]) == (
        ["clonazepam"], ["zolpidem"]
    )  # fmt: skip
    assert "kept returning@demo.example" in capsys.readouterr().out
