"""The shell every patient sees first, in Spanish (issue 26): the page frame (navigation,
footer with the 988 line), sign-in, password reset and its email, the intake home, the
crisis banner and the help box, error pages and the idle warning; dates in Spanish."""

import re

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from portal.language import set_preferred_language
from tests.factories import make_intake

pytestmark = pytest.mark.django_db
SPANISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "es-US,es;q=0.9"}
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
# English that must not survive in a Spanish page's frame.
SHELL_ENGLISH = ("Skip to main content", "In crisis?", "Medical disclaimer", "Sign in<")


def _spanish(html: str) -> None:
    assert '<html lang="es">' in html
    assert "llame al" in html.lower() or "Llame al" in html
    for english in SHELL_ENGLISH:
        assert english not in html, english


def test_sign_in_page_in_spanish_before_sign_in():
    html = Client(**SPANISH_BROWSER).get(reverse("login")).content.decode()
    _spanish(html)
    assert "<h1>Iniciar sesión</h1>" in html
    assert "Correo electrónico" in html and "¿Olvidó su contraseña?" in html
    assert "y oprima 2, o envíe AYUDA al 988" in html  # the footer's crisis line


def test_a_failed_sign_in_says_why_in_spanish(patient):
    response = Client(**SPANISH_BROWSER).post(
        reverse("login"), {"username": patient.username, "password": "wrong"}
    )
    html = response.content.decode()
    assert "Hay un problema" in html
    assert "Escriba el correo electrónico y la contraseña de su cuenta" in html


def test_password_reset_pages_and_email_in_spanish(patient):
    patient.set_password("a-long-and-unusual-passphrase-77")  # no email to an unusable one
    patient.save()
    browser = Client(**SPANISH_BROWSER)
    html = browser.get(reverse("password_reset")).content.decode()
    _spanish(html)
    assert "Cambie su contraseña" in html and "Enviarme un enlace" in html
    response = browser.post(reverse("password_reset"), {"email": patient.email}, follow=True)
    assert "Revise su correo electrónico" in response.content.decode()
    [message] = mail.outbox
    assert message.subject == "Cambie la contraseña de su portal de admisión"
    assert "Para elegir una contraseña nueva, abra este enlace" in message.body


def test_the_intake_home_follows_the_saved_language_with_a_spanish_date(client, patient):
    set_preferred_language(patient, "es")
    visit = timezone.localtime(make_intake(patient, status="submitted").visit_at)
    browser = Client(**ENGLISH_BROWSER)
    patient.set_password("a-long-and-unusual-passphrase-77")
    patient.save()
    browser.post(
        reverse("login"),
        {"username": patient.username, "password": "a-long-and-unusual-passphrase-77"},
    )
    html = browser.get(reverse("intake:home")).content.decode()
    _spanish(html)
    assert "<h1>Sus preguntas antes de la cita</h1>" in html
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre"]  # fmt: skip
    assert f"Cita el {visit.day} de {months[visit.month - 1]} de {visit.year}" in html
    # The idle warning, rendered for the script to open.
    assert "¿Sigue ahí?" in html and "Seguir con la sesión abierta" in html
    assert "Mis preguntas" in html and "Cerrar sesión" in html


def test_the_intake_start_page_in_spanish(patient):
    browser = Client(**SPANISH_BROWSER)
    browser.force_login(patient)
    html = browser.get(reverse("intake:home")).content.decode()
    _spanish(html)
    assert "Antes de su cita por video, le hacemos unas preguntas" in html
    assert ">Empezar</button>" in html


def test_english_dates_keep_the_month_in_full(patient):
    visit = timezone.localtime(make_intake(patient, status="submitted").visit_at)
    browser = Client(**ENGLISH_BROWSER)
    browser.force_login(patient)
    html = browser.get(reverse("intake:home")).content.decode()
    assert f"Visit on {visit:%B} {visit.day}, {visit.year}" in html


def test_error_pages_in_spanish():
    html = Client(**SPANISH_BROWSER).get("/no-such-page/").content.decode()
    _spanish(html)
    assert "No encontramos la página" in html
    with translation.override("es"):
        csrf = render_to_string("portal/csrf_failure.html")
        locked = render_to_string("registration/locked_out.html", {"minutes": 15})
    assert "Por favor, inténtelo de nuevo" in csrf
    assert "Espere 15 minutos" in locked


def test_the_crisis_banner_and_help_box_in_spanish():
    with translation.override("es"):
        banner = render_to_string("intake/_crisis.html")
        help_box = render_to_string("education/_help.html")
    for html in (banner, help_box):
        assert "988</a> y oprima 2" in html and "envíe AYUDA por mensaje de texto al 988" in html
        assert "Call or text" not in html
    assert "Hay ayuda disponible ahora mismo" in banner
    assert "¿Necesita ayuda ahora?" in help_box


def test_the_server_error_page_carries_spanish_beside_english(client):
    with open("templates/500.html") as handle:
        html = handle.read()
    spanish = re.search(r'<div lang="es">(.*?)</div>', html, re.S).group(1)
    assert "988</a> y oprima 2" in spanish and "AYUDA" in spanish
