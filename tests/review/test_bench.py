"""The benchmark's load generator against a live server: GETs with a session, POSTs with
a CSRF secret as a browser sends it, and the paced background writer."""

import time

import pytest
from django.conf import settings
from django.test import Client

from intake.devtools.bench.loadgen import Call, Pacer, run_calls, run_load, with_cookies_set_by
from intake.models import Intake
from tests.factories import make_queue_intake

pytestmark = pytest.mark.django_db(transaction=True)
QUEUE = "/review/"


def _cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def test_the_client_keeps_the_cookies_it_is_sent_and_loads_the_queue(live_server, psychiatrist):
    make_queue_intake(priority="stat")
    url = live_server.url + QUEUE
    cookie = with_cookies_set_by(url, _cookie(psychiatrist))
    assert f"{settings.CSRF_COOKIE_NAME}=" in cookie
    result = run_load("queue", url, cookie=cookie, seconds=0.5, concurrency=2)
    assert result.requests > 0 and result.errors == 0


def test_a_post_with_the_csrf_secret_claims_and_a_wrong_status_counts_as_an_error(
    live_server, psychiatrist
):
    make_queue_intake()
    secret = "a" * 32
    session = {
        "Cookie": f"{_cookie(psychiatrist)}; {settings.CSRF_COOKIE_NAME}={secret}",
        "X-CSRFToken": secret,
    }
    calls = iter([Call("POST", "/review/next/", session, b"x=1", ok=(302,))])
    claimed = run_calls("claim", live_server.url, lambda: next(calls, None), seconds=5,
                        concurrency=1)  # fmt: skip
    assert (claimed.requests, claimed.errors) == (1, 0)
    assert Intake.objects.get().assignee_id == psychiatrist.pk
    refused = run_calls("no csrf", live_server.url, lambda: Call("POST", "/review/next/"),
                        seconds=0.3, concurrency=1)  # fmt: skip
    assert refused.requests > 0 and refused.errors == refused.requests


def test_the_pacer_keeps_its_rate_and_counts_failures():
    outcomes = iter([True, False] * 100)
    pacer = Pacer(lambda: next(outcomes), rate=20)
    pacer.start()
    time.sleep(0.5)
    rate = pacer.stop()
    assert 10 <= rate <= 25 and pacer.failed == pacer.done // 2
