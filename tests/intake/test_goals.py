"""What the patient wants from the visit: in their own words, optional, seen once, shown
back to the patient and to the psychiatrist."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from intake.models import IntakeStatus
from tests.intake.pages import GOALS, fill_intake, post_ok, submit, url

pytestmark = pytest.mark.django_db


def test_the_goals_are_stored_in_the_patients_words(alice, intake):
    post_ok(alice, url("goals", intake), GOALS)
    intake.refresh_from_db()
    assert intake.answers["goals"] == {
        "hopes": "Sleep through the night",
        "worries": "Running out of my medicine",
    }


def test_the_goals_may_be_left_blank_and_the_intake_still_sent(alice, intake):
    fill_intake(alice, intake, goals={"hopes": "", "worries": ""})
    submit(alice, intake)
    intake.refresh_from_db()
    assert intake.status == IntakeStatus.SUBMITTED


def test_the_goals_are_optional_and_never_hold_back_sending(alice, intake):
    fill_intake(alice, intake)
    intake.refresh_from_db()
    intake.answers.pop("goals")
    intake.details["seen"] = [k for k in intake.details.get("seen", []) if k != "goals"]
    intake.save()
    html = alice.get(url("tasks", intake)).content.decode()
    assert re.search(r'id="status-goals"[^>]*>\s*Optional', html)
    submit(alice, intake)
    intake.refresh_from_db()
    assert intake.status == IntakeStatus.SUBMITTED


def test_the_goals_field_offers_a_character_count(alice, intake):
    html = alice.get(url("goals", intake)).content.decode()
    assert 'data-character-limit="1000"' in html


def test_check_your_answers_shows_the_goals(alice, intake):
    fill_intake(alice, intake)
    html = alice.get(url("check", intake)).content.decode()
    assert "Sleep through the night" in html and "Running out of my medicine" in html


@pytest.mark.parametrize("page", ["review:detail", "review:print"], ids=["detail", "print"])
def test_the_psychiatrist_sees_the_goals(alice, intake, psychiatrist, page):
    fill_intake(alice, intake)
    submit(alice, intake)
    doctor = Client()
    doctor.force_login(psychiatrist)
    html = doctor.get(reverse(page, args=[intake.public_id])).content.decode()
    assert "The patient&#x27;s goals" in html or "The patient's goals" in html
    assert "Running out of my medicine" in html
