"""The questionnaire's own words in Spanish (issue 26): page titles, intros, "why we ask"
and safety notices come from the declaration (intake/sections.py), the goals page's labels,
hint and error from its form; an English patient sees the same pages in English."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_intake

pytestmark = pytest.mark.django_db


def _page(patient, path, *, language="es-US,es;q=0.9", data=None):
    intake = make_intake(patient)
    browser = Client(HTTP_ACCEPT_LANGUAGE=language)
    browser.force_login(patient)
    url = reverse("intake:step", args=[intake.public_id, path])
    response = browser.post(url, data) if data is not None else browser.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_goals_page_in_spanish(patient):
    html = _page(patient, "goals/")
    assert '<html lang="es">' in html
    assert "Lo que quiere de su cita" in html
    assert "¿Qué le gustaría lograr en su cita? (opcional)" in html
    assert "Su psiquiatra lee esto antes de su cita" in html
    assert "¿Qué es lo que más le preocupa ahora? (opcional)" in html
    assert "What would you like" not in html


def test_a_goals_answer_too_long_is_refused_in_spanish(patient):
    html = _page(patient, "goals/", data={"hopes": "x" * 1001, "worries": ""})
    assert "Hay un problema" in html and "Use 1000 caracteres o menos" in html


def test_page_titles_intros_and_the_safety_notice_in_spanish(patient):
    about = _page(patient, "about/")
    assert "Sobre usted" in about
    assert "Unos datos que cambian qué medicamentos y qué dosis son más seguros" in about
    safety = _page(patient, "safety/")
    assert "Su seguridad" in safety
    assert "Su equipo de atención ve sus respuestas a estas preguntas en cuanto las guarda" in (
        safety
    )


def test_the_same_pages_stay_english_for_an_english_browser(patient):
    html = _page(patient, "goals/", language="en-US,en;q=0.9")
    assert "What would you like to get from your visit? (optional)" in html
    assert "Your psychiatrist reads this before your visit" in html
