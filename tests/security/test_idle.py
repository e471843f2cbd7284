"""Idle sign-out on the server, and the two-minute warning dialog in Chromium."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from portal.models import AuditEvent
from tests.browser import PASSWORD, sign_in, user_with_password
from tests.factories import make_intake

pytestmark = pytest.mark.django_db
QUEUE = "/review/"


def _minutes(n):
    return timedelta(minutes=n)


@pytest.fixture
def clock():
    """Time stands still but for the test's own moves (``clock.shift``)."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def test_staff_are_signed_out_after_15_idle_minutes(client, psychiatrist, clock):
    client.force_login(psychiatrist)
    assert client.get(QUEUE).status_code == 200
    clock.shift(_minutes(16))
    response = client.get(QUEUE)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="auth.idle_logoff", actor=psychiatrist).exists()


def test_staff_activity_keeps_the_session_until_the_absolute_limit(client, psychiatrist, clock):
    client.force_login(psychiatrist)
    for _ in range(71):  # every 10 minutes for 11 h 50 min
        clock.shift(_minutes(10))
        assert client.get(QUEUE).status_code == 200
    clock.shift(_minutes(11))  # 12 h 1 min after signing in
    assert client.get(QUEUE).status_code == 302


def test_patients_have_30_idle_minutes(client, patient, clock):
    page = f"/intake/{make_intake(patient).public_id}/"
    client.force_login(patient)
    clock.shift(_minutes(25))
    assert client.get(page).status_code == 200
    clock.shift(_minutes(31))
    assert client.get(page).status_code == 302


def test_asking_how_long_is_left_does_not_keep_the_session_alive(client, psychiatrist, clock):
    client.force_login(psychiatrist)
    clock.shift(_minutes(10))
    assert client.get("/accounts/session/").json()["seconds_left"] == 5 * 60
    clock.shift(_minutes(6))
    assert client.get("/accounts/session/").json()["seconds_left"] == 0
    assert client.get(QUEUE).status_code == 302


def test_stay_signed_in_restarts_the_clock(client, psychiatrist, clock):
    client.force_login(psychiatrist)
    clock.shift(_minutes(14))
    assert client.post("/accounts/session/extend/").json()["seconds_left"] == 15 * 60
    clock.shift(_minutes(14))
    assert client.get(QUEUE).status_code == 200


def _doctor_on_the_queue(page) -> None:
    """A psychiatrist signed in on the queue, the browser's clock under the test's control."""
    user_with_password("doc@clinic.example", groups=["Psychiatrists"])
    page.clock.install()
    sign_in(page, "doc@clinic.example", PASSWORD)
    page.goto(QUEUE)


@pytest.mark.browser
def test_the_warning_dialog_is_announced_focused_and_lets_the_person_stay(page, axe):
    _doctor_on_the_queue(page)
    page.clock.fast_forward("13:30")  # 1 min 30 s before the 15-minute limit
    dialog = page.get_by_role("alertdialog", name="Are you still there?")
    dialog.wait_for()
    stay = dialog.get_by_role("button", name="Stay signed in")
    assert stay.evaluate("element => element === document.activeElement")
    axe(page, "idle warning dialog")
    stay.click()
    dialog.wait_for(state="hidden")
    shared = page.evaluate("Number(localStorage.getItem('portal:idle-deadline'))")
    # The new deadline is shared with the other tabs: 15 minutes from "Stay signed in".
    assert shared - page.evaluate("Date.now()") > 14 * 60 * 1000


@pytest.mark.browser
def test_stay_signed_in_in_one_tab_closes_the_warning_in_the_other(page):
    _doctor_on_the_queue(page)
    other = page.context.new_page()  # a second tab: same browser profile, same session
    other.goto("/review/")
    page.clock.fast_forward("13:30")
    name = "Are you still there?"
    warnings = [tab.get_by_role("alertdialog", name=name) for tab in (page, other)]
    for warning in warnings:
        warning.wait_for()
    warnings[0].get_by_role("button", name="Stay signed in").click()
    warnings[0].wait_for(state="hidden")
    # The other tab hears of the new deadline and stops warning without being touched.
    warnings[1].wait_for(state="hidden")
