"""No one can keep an account locked: failures lock an account at one address (and an
address), never the account everywhere. Past many failures from unknown places the account
is slowed (one try a minute), and a browser that completed a sign-in before (a signed,
HttpOnly cookie) is not slowed at all, at the password or the code step."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from portal import lockout
from portal.tokens import make_invitation_token
from tests.browser import PASSWORD, user_with_password
from tests.factories import make_invitation, second_factor_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]
LOGIN = "/accounts/login/"
VERIFY = "/accounts/mfa/verify/"
HOME = "192.0.2.10"  # the psychiatrist's usual address


@pytest.fixture
def doctor(db):
    return user_with_password("doc@clinic.example", groups=["Psychiatrists"])


def _browser(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def _password(browser, username, password=PASSWORD):
    return browser.post(LOGIN, {"username": username, "password": password})


def _full_sign_in(browser, doctor) -> None:
    assert _password(browser, doctor.username).status_code == 302
    assert browser.post(VERIFY, {"token": second_factor_code(doctor)}).status_code == 302
    assert browser.get("/review/").status_code == 200


def _attack(username, *, addresses=6, each=5):
    for n in range(addresses):
        attacker = _browser(f"203.0.113.{n + 1}")
        for _ in range(each):
            _password(attacker, username, "wrong-password")


def test_an_account_under_attack_from_other_addresses_signs_in_from_the_known_browser(doctor):
    known = _browser(HOME)
    _full_sign_in(known, doctor)
    known.post("/accounts/logout/")
    with time_machine.travel(timezone.now(), tick=False):
        _attack(doctor.username)  # 30 wrong passwords from six addresses, all at once
        _full_sign_in(known, doctor)


def test_an_unknown_browser_is_slowed_to_one_try_a_minute_not_locked(doctor):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        _attack(doctor.username)
        new_phone = _browser("198.51.100.7")
        refused = _password(new_phone, doctor.username)
        assert "_auth_user_id" not in new_phone.session
        assert "wait a minute" in refused.content.decode()
        traveller.shift(timedelta(seconds=lockout.SLOW_SECONDS + 1))
        assert _password(new_phone, doctor.username).status_code == 302
        assert new_phone.session["_auth_user_id"] == str(doctor.pk)


def test_failures_from_one_address_do_not_lock_the_account_elsewhere(doctor):
    _attack(doctor.username, addresses=1)
    assert _password(_browser(HOME), doctor.username).status_code == 302


def test_the_attacking_address_is_locked(doctor):
    _attack(doctor.username, addresses=1)
    assert _password(_browser("203.0.113.1"), doctor.username).status_code == 429


def test_the_known_browser_cookie_is_signed_and_httponly(doctor):
    known = _browser(HOME)
    _full_sign_in(known, doctor)
    cookie = known.cookies[lockout.known_device_cookie_name()]
    assert cookie["httponly"] and cookie["max-age"]
    forged = _browser("198.51.100.8")
    forged.cookies[lockout.known_device_cookie_name()] = cookie.value[:-4] + "AAAA"
    with time_machine.travel(timezone.now(), tick=False):
        _attack(doctor.username)
        _password(forged, doctor.username)
        assert "_auth_user_id" not in forged.session


def test_the_code_step_paused_by_someone_with_the_password_still_lets_the_known_browser_in(
    doctor,
):
    known = _browser(HOME)
    _full_sign_in(known, doctor)
    known.post("/accounts/logout/")
    thief = _browser("203.0.113.50")
    _password(thief, doctor.username)
    for _ in range(6):
        thief.post(VERIFY, {"token": "000000"})
    assert thief.get(VERIFY).status_code == 429
    _full_sign_in(known, doctor)


def test_a_new_patients_first_sign_in_makes_their_browser_known(client, psychiatrist):
    token = make_invitation_token(make_invitation(created_by=psychiatrist).public_id)
    data = {"password1": PASSWORD, "password2": PASSWORD}
    assert client.post(f"/invite/{token}/", data).status_code == 302
    assert lockout.known_device_cookie_name() in client.cookies
