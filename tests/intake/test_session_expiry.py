"""A page posted after the session expired is kept and saved once the same patient signs in
again; another person signing in drops it; nothing of it ever reaches a URL."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from intake.models import Intake
from portal import roles
from tests.factories import make_intake, make_user
from tests.intake.pages import SAFETY, url

pytestmark = pytest.mark.django_db

PASSWORD = "juniper-harbour-lantern-77"
LOGIN = "/accounts/login/"


@pytest.fixture
def pia(db):
    return make_user("pia@patients.example", groups=(roles.PATIENTS,), password=PASSWORD)


@pytest.fixture
def pia_intake(pia):
    return make_intake(pia)


def _sign_in(client, username, follow=True, token=None):
    data = {"username": username, "password": PASSWORD, "next": "/intake/resume/"}
    if token:
        data["csrfmiddlewaretoken"] = token
    return client.post(LOGIN, data, follow=follow)


def _after_the_session_expired():
    return time_machine.travel(
        timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE + 60), tick=False
    )


def test_the_idle_timeout_slides_with_each_request(client, pia, pia_intake):
    _sign_in(client, pia.username)
    # A patient's idle limit (portal/idle.py), shorter than SESSION_COOKIE_AGE.
    step = timedelta(minutes=settings.PATIENT_IDLE_MINUTES * 0.6)
    with time_machine.travel(timezone.now() + step, tick=False) as traveller:
        client.get(url("tasks", pia_intake))
        traveller.shift(step)  # longer than one timeout since sign-in, not since activity
        assert client.get(url("tasks", pia_intake)).status_code == 200


def test_a_page_posted_after_expiry_is_saved_after_signing_in_again(client, pia, pia_intake):
    _sign_in(client, pia.username)
    with _after_the_session_expired():
        posted = client.post(url("safety", pia_intake), {**SAFETY, "q1": "yes", "q2": "yes"})
        response = _sign_in(client, pia.username)
    pia_intake.refresh_from_db()
    assert posted.url == f"{LOGIN}?next=/intake/resume/"
    assert pia_intake.answers["cssrs"] == {"q1": True, "q2": True, "q6": False}
    assert response.redirect_chain[-1][0] == url("safety", pia_intake)


def test_the_patient_is_told_the_answers_were_saved(client, pia, pia_intake):
    _sign_in(client, pia.username)
    with _after_the_session_expired():
        client.post(url("safety", pia_intake), {"q1": "yes"})
        html = _sign_in(client, pia.username).content.decode()
    assert "We kept the answers you gave and they are saved now" in html
    assert "crisis-banner" in html


def test_the_sign_in_page_says_the_answers_are_waiting(client, pia, pia_intake):
    _sign_in(client, pia.username)
    with _after_the_session_expired():
        client.post(url("about", pia_intake), {"date_of_birth": "1960-04-02"})
        html = client.get(f"{LOGIN}?next=/intake/resume/").content.decode()
    assert "We are keeping your answers for 30 minutes" in html


def test_a_different_person_signing_in_drops_the_answers(client, pia, pia_intake, second_patient):
    second_patient.set_password(PASSWORD)
    second_patient.save()
    _sign_in(client, pia.username)
    with _after_the_session_expired():
        client.post(url("safety", pia_intake), {**SAFETY, "q1": "yes"})
        response = _sign_in(client, second_patient.username)
    assert Intake.objects.get(pk=pia_intake.pk).answers == {}
    assert response.redirect_chain[-1][0] == "/intake/"
    assert "intake_post_stash" not in client.session


def test_answers_kept_more_than_30_minutes_are_dropped(client, pia, pia_intake):
    _sign_in(client, pia.username)
    with _after_the_session_expired() as traveller:
        client.post(url("safety", pia_intake), {**SAFETY, "q1": "yes"})
        traveller.shift(timedelta(minutes=31))
        assert "keeping your answers" not in client.get(LOGIN).content.decode()
        _sign_in(client, pia.username)
    assert Intake.objects.get(pk=pia_intake.pk).answers == {}


def test_nothing_typed_reaches_the_address(client, pia, pia_intake):
    _sign_in(client, pia.username)
    with _after_the_session_expired():
        posted = client.post(url("visit", pia_intake), {"visit_reason_other": "SECRET-WORDS"})
    assert "SECRET" not in posted.url


def test_it_works_with_csrf_checks_on(pia, pia_intake):
    """The CSRF token lives in its own cookie, not in the session, so a form posted after
    the session expired still passes the CSRF check and reaches the page that keeps it."""
    client = Client(enforce_csrf_checks=True)
    client.get(LOGIN)
    _sign_in(client, pia.username, token=client.cookies["csrftoken"].value)
    client.get(url("safety", pia_intake))
    token = client.cookies["csrftoken"].value
    with _after_the_session_expired():
        data = {**SAFETY, "q2": "yes", "csrfmiddlewaretoken": token}
        posted = client.post(url("safety", pia_intake), data)
        client.get(LOGIN)
        _sign_in(client, pia.username, token=client.cookies["csrftoken"].value)
    pia_intake.refresh_from_db()
    assert posted.status_code == 302
    assert pia_intake.answers["cssrs"]["q2"] is True


def test_a_kept_medicine_is_saved_through_the_medicine_service(client, pia, pia_intake):
    from tests.intake.pages import KLONOPIN

    _sign_in(client, pia.username)
    with _after_the_session_expired():
        client.post(url("medication_add_how", pia_intake), KLONOPIN)
        _sign_in(client, pia.username)
    pia_intake.refresh_from_db()
    assert [m["name"] for m in pia_intake.answers["medications"]] == ["Klonopin"]


def test_sending_after_expiry_is_not_replayed_and_lands_on_the_intake(client, pia, pia_intake):
    _sign_in(client, pia.username)
    with _after_the_session_expired():
        client.post(url("submit", pia_intake), {"confirm": "on"})
        response = _sign_in(client, pia.username)
    assert response.status_code == 200
    assert Intake.objects.get(pk=pia_intake.pk).status == "draft"


def test_it_works_with_sessions_in_the_shared_cache(shared_cache, client, pia, pia_intake):
    from importlib import import_module

    _sign_in(client, pia.username)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    store(client.cookies[settings.SESSION_COOKIE_NAME].value).delete()  # cache and database
    posted = client.post(url("safety", pia_intake), {**SAFETY, "q6": "yes"})
    _sign_in(client, pia.username)
    pia_intake.refresh_from_db()
    assert posted.url == f"{LOGIN}?next=/intake/resume/"
    assert pia_intake.answers["cssrs"]["q6"] is True
