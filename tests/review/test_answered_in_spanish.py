"""A patient answers in Spanish; the care team reads the intake in English (issue 26): each
answer under the English question, "answered in Spanish" with each instrument's text and
its status, free text as typed and marked with its language."""

import pytest
from django.test import Client
from django.urls import reverse

from intake.clinical.instruments import PHQ_9
from intake.models import Intake
from portal.language import set_preferred_language
from tests.factories import make_intake
from tests.intake.pages import GOALS, fill_intake, post_ok, submit, url

pytestmark = pytest.mark.django_db
SPANISH = "es-US,es;q=0.9"


@pytest.fixture
def spanish_patient(patient):
    set_preferred_language(patient, "es")
    browser = Client(HTTP_ACCEPT_LANGUAGE=SPANISH)
    browser.force_login(patient)
    return browser


def test_a_spanish_patient_sees_the_instruments_in_spanish(spanish_patient, patient):
    intake = make_intake(patient)
    html = spanish_patient.get(url("mood", intake)).content.decode()
    assert "Sentir desánimo, tristeza o falta de esperanza" in html
    assert "Casi todos los días" in html and "Nearly every day" not in html
    assert PHQ_9.items[1].text not in html


def test_saving_a_page_records_the_language_and_the_text_it_was_answered_in(
    spanish_patient, patient
):
    intake = make_intake(patient)
    post_ok(spanish_patient, url("mood", intake), {f"phq_9_{n}": "1" for n in range(1, 10)})
    details = Intake.objects.get(pk=intake.pk).details
    assert details["languages"]["mood"] == "es"
    shown = details["instrument_texts"]["phq_9"]
    assert shown["instrument"] == "phq_9" and shown["language"] == "es"
    assert shown["status"] == "adapted by the project" and shown["version"] == "1"
    assert len(shown["sha256"]) == 64


@pytest.fixture
def answered_in_spanish(spanish_patient, patient):
    intake = make_intake(patient)
    goals = {**GOALS, "hopes": "Dormir toda la noche sin despertarme"}
    fill_intake(spanish_patient, intake, goals=goals)
    assert submit(spanish_patient, intake).status_code == 302
    return Intake.objects.get(pk=intake.pk)


@pytest.mark.parametrize("page", ["detail", "print"])
def test_the_care_team_reads_a_spanish_intake_in_english_marked_answered_in_spanish(
    client, psychiatrist, answered_in_spanish, page
):
    client.force_login(psychiatrist)
    html = client.get(reverse(f"review:{page}", args=[answered_in_spanish.public_id]))
    html = html.content.decode()
    assert "Answered in Spanish." in html
    # Each answer under the English question, in English words.
    assert PHQ_9.items[1].text in html and "Sentir desánimo" not in html
    assert "Anxiety (GAD-7): answered in Spanish; text adapted by the project (version 1" in html
    assert "Answered in Spanish; text adapted by the project" in html  # beside the score
    # Free text as typed, marked with its language.
    assert '<span lang="es">Dormir toda la noche sin despertarme</span>' in html
    assert "(typed in Spanish, shown as typed)" in html
    assert '<html lang="en">' in html


def test_an_intake_answered_in_english_carries_no_language_marks(client, psychiatrist, patient):
    browser = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    browser.force_login(patient)
    intake = make_intake(patient)
    fill_intake(browser, intake)
    submit(browser, intake)
    client.force_login(psychiatrist)
    html = client.get(reverse("review:detail", args=[intake.public_id])).content.decode()
    assert "Answered in Spanish" not in html and "typed in" not in html
    assert "Answered in English; text adapted by the project" in html
