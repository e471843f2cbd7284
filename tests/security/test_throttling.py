"""Sign-in throttling and lockout (django-axes), and password-reset email throttling."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone

from portal.clientip import client_ip
from portal.models import AuditEvent
from tests.browser import PASSWORD, user_with_password

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]
LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"


@pytest.fixture
def doctor(db):
    return user_with_password("doc@clinic.example", groups=["Psychiatrists"])


def _sign_in(client, username, password, url=LOGIN, **extra):
    return client.post(url, {"username": username, "password": password}, **extra)


def _fail(client, username, times, url=LOGIN, **extra):
    for _ in range(times):
        response = _sign_in(client, username, "wrong-password", url, **extra)
        assert response.status_code in (200, 429)


def test_sixth_attempt_is_refused_during_the_cool_off_even_with_the_right_password(client, doctor):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        _fail(client, doctor.username, 5)
        refused = _sign_in(client, doctor.username, PASSWORD)
        assert refused.status_code == 429
        assert "_auth_user_id" not in client.session
        traveller.shift(timedelta(minutes=16))
        assert _sign_in(client, doctor.username, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(doctor.pk)


def test_four_wrong_passwords_then_the_right_one_signs_in(client, doctor):
    _fail(client, doctor.username, 4)
    assert _sign_in(client, doctor.username, PASSWORD).status_code == 302


def test_the_account_count_ignores_the_case_of_the_email(client, doctor):
    _fail(client, "DOC@clinic.example", 5)
    assert _sign_in(client, doctor.username, PASSWORD).status_code == 429


def test_lockout_page_is_the_same_for_existing_and_unknown_accounts(client, doctor):
    _fail(client, doctor.username, 5)
    known = _sign_in(client, doctor.username, "wrong-password")
    _fail(client, "nobody@clinic.example", 5, REMOTE_ADDR="10.0.0.9")
    unknown = _sign_in(client, "nobody@clinic.example", "x", REMOTE_ADDR="10.0.0.9")
    assert known.status_code == unknown.status_code == 429
    assert _without_csrf_tokens(known.content) == _without_csrf_tokens(unknown.content)


def _without_csrf_tokens(html: bytes) -> bytes:
    """The page's forms (the language switch) carry a CSRF token masked afresh for every
    response, whoever asks: the rest must be the same byte for byte."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", html)


def test_many_usernames_from_one_client_lock_that_client(client, doctor):
    for n in range(5):
        _sign_in(client, f"guess{n}@clinic.example", "wrong-password")
    assert _sign_in(client, doctor.username, PASSWORD).status_code == 429
    # Another client address still signs the doctor in: the lock is per client here.
    other = _sign_in(client, doctor.username, PASSWORD, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302


def test_admin_sign_in_is_locked_out_too(client):
    admin = user_with_password("root@clinic.example", is_staff=True, is_superuser=True)
    _fail(client, admin.username, 5, url=ADMIN_LOGIN)
    response = _sign_in(client, admin.username, PASSWORD, url=ADMIN_LOGIN)
    assert response.status_code == 429


def test_each_lockout_is_audited_with_the_account_id(client, doctor):
    _fail(client, doctor.username, 5)
    event = AuditEvent.objects.get(action="auth.locked_out")
    assert event.object_id == str(doctor.pk)


def test_behind_the_proxy_the_client_is_the_address_the_proxy_appended(settings):
    settings.BEHIND_PROXY = True
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert client_ip(request) == "203.0.113.7"


def test_without_the_proxy_setting_forwarded_addresses_are_ignored(settings):
    settings.BEHIND_PROXY = False
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_ip(request) == "10.0.0.1"


def test_behind_the_proxy_lockout_counts_per_forwarded_client(client, settings, doctor):
    settings.BEHIND_PROXY = True
    attacker = {"HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for n in range(5):
        _sign_in(client, f"guess{n}@clinic.example", "wrong-password", **attacker)
    assert _sign_in(client, doctor.username, PASSWORD, **attacker).status_code == 429
    honest = {"HTTP_X_FORWARDED_FOR": "198.51.100.10"}
    assert _sign_in(client, doctor.username, PASSWORD, **honest).status_code == 302


def test_password_reset_emails_are_limited_per_address(client, doctor):
    for _ in range(6):
        response = client.post("/accounts/password_reset/", {"email": doctor.email})
        assert response.status_code == 302
    assert len(mail.outbox) == 3


def test_password_reset_requests_are_limited_per_client(client, settings):
    settings.PASSWORD_RESET_PER_CLIENT_PER_HOUR = 4
    codes = [
        client.post("/accounts/password_reset/", {"email": f"x{n}@p.example"}).status_code
        for n in range(5)
    ]
    assert codes == [302, 302, 302, 302, 429]
    assert AuditEvent.objects.filter(action="auth.password_reset_throttled").count() == 1
