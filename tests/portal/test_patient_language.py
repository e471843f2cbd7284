"""The patient's language (issue 26): staff choose it when inviting (the email is in it),
it is saved on the profile and followed after sign-in, and a plain form switches it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.language import preferred_language
from portal.models import Invitation
from portal.tokens import make_invitation_token
from tests.factories import make_invitation

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-and-unusual-passphrase-77"
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def _invite(client, psychiatrist, language, capture):
    client.force_login(psychiatrist)
    visit = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    with capture(execute=True):
        response = client.post(
            reverse("invitation_new"),
            {"first_name": "Nora", "last_name": "Newman", "email": "nora@patients.example",
             "visit_at": visit, "language": language},
        )  # fmt: skip
    assert response.status_code == 302
    return Invitation.objects.get()


def test_staff_invite_in_spanish_and_the_email_is_in_spanish(
    client, psychiatrist, django_capture_on_commit_callbacks
):
    invitation = _invite(client, psychiatrist, "es", django_capture_on_commit_callbacks)
    assert invitation.language == "es"
    [message] = mail.outbox
    assert message.subject == "Su invitación para contestar las preguntas antes de su cita"
    assert "llame al 988 y oprima 2" in message.body
    assert "envíe AYUDA por mensaje de texto al 988" in message.body
    assert "/invite/" in message.body and "Nora" not in message.body


def test_an_english_invitation_email_stays_in_english(
    client, psychiatrist, django_capture_on_commit_callbacks
):
    _invite(client, psychiatrist, "en", django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.subject == "Your invitation to complete your pre-visit questions"
    assert "call or text 988" in message.body


def test_the_invitation_form_offers_the_languages(client, psychiatrist):
    client.force_login(psychiatrist)
    html = client.get(reverse("invitation_new")).content.decode()
    assert 'name="language"' in html and "Español" in html


def test_accepting_a_spanish_invitation_saves_spanish_and_the_pages_follow_it(psychiatrist):
    invitation = make_invitation(created_by=psychiatrist, language="es")
    browser = Client(**ENGLISH_BROWSER)
    url = reverse("invitation_accept", args=[make_invitation_token(invitation.public_id)])
    browser.post(url, {"password1": PASSWORD, "password2": PASSWORD})
    invitation.refresh_from_db()
    assert preferred_language(invitation.patient) == "es"

    # Another device, an English browser: the saved choice wins once signed in.
    other = Client(**ENGLISH_BROWSER)
    assert '<html lang="en">' in other.get(reverse("login")).content.decode()
    other.post(reverse("login"), {"username": invitation.email, "password": PASSWORD})
    html = other.get(reverse("intake:home")).content.decode()
    assert '<html lang="es">' in html


def test_before_sign_in_the_switch_sets_the_language_without_javascript():
    browser = Client(**ENGLISH_BROWSER)
    html = browser.get(reverse("login")).content.decode()
    assert f'action="{reverse("set_language")}"' in html and 'lang="es">Español<' in html
    response = browser.post(reverse("set_language"), {"language": "es", "next": reverse("login")})
    assert response.status_code == 302 and response.url == reverse("login")
    html = browser.get(reverse("login")).content.decode()
    assert '<html lang="es">' in html and 'lang="en">English<' in html


def test_a_patient_who_switches_keeps_the_choice_on_their_profile(patient):
    patient.set_password(PASSWORD)
    patient.save()
    browser = Client(**ENGLISH_BROWSER)
    browser.post(reverse("login"), {"username": patient.username, "password": PASSWORD})
    browser.post(reverse("set_language"), {"language": "es", "next": "/"})
    assert preferred_language(patient) == "es"

    other = Client(**ENGLISH_BROWSER)
    other.post(reverse("login"), {"username": patient.username, "password": PASSWORD})
    assert '<html lang="es">' in other.get(reverse("intake:home")).content.decode()


def test_the_switch_refuses_a_language_not_offered_and_an_outside_next(patient):
    browser = Client(**ENGLISH_BROWSER)
    browser.force_login(patient)
    response = browser.post(
        reverse("set_language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and "evil" not in response.url
    assert preferred_language(patient) is None


def test_the_care_team_stays_in_english_with_a_spanish_browser(psychiatrist):
    browser = Client(HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9")
    browser.force_login(psychiatrist)
    html = browser.get(reverse("invitation_new")).content.decode()
    assert '<html lang="en">' in html and "Skip to main content" in html
    assert 'lang="es">Español<' not in html  # no switch on staff pages
