"""One structured log line per request (request id, user id, route, status, duration), no
patient data; JSON for the log pipeline or plain text for a developer (PORTAL_LOG_FORMAT)."""

import json
import logging
import logging.config
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import make_intake
from tests.faults import REFUSE, blackhole

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def _request_lines(caplog):
    return [r for r in caplog.records if r.name == "portal.requests"]


def test_each_request_logs_one_line_with_ids_route_status_and_duration(client, patient, caplog):
    intake = make_intake(patient)
    client.force_login(patient)
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        response = client.get(f"/intake/{intake.public_id}/", HTTP_X_REQUEST_ID="req-12345678")
    [line] = _request_lines(caplog)
    assert response.status_code == 200
    assert (line.request_id, line.user_id, line.status) == (
        response["X-Request-ID"],
        patient.pk,
        200,
    )
    assert line.incoming_request_id == "req-12345678" != line.request_id  # ours, not theirs
    assert line.route.startswith("intake:") and line.method == "GET"
    assert 0 < line.duration_ms < 10_000
    text = line.getMessage() + json.dumps(line.__dict__, default=str)
    assert str(intake.public_id) not in text and "Alice" not in text and "alice@" not in text


def test_a_request_nobody_is_signed_in_for_logs_no_user_and_a_404_no_route(client, caplog):
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        client.get("/no-such-page/")
    [line] = _request_lines(caplog)
    assert (line.user_id, line.route, line.status) == (None, None, 404)


def _log_once(log_format: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env["PORTAL_LOG_FORMAT"] = log_format
    code = (
        "import logging; logging.getLogger('portal.requests').info("
        "'GET home 200', extra={'request_id': 'abc12345', 'status': 200})"
    )
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_json_lines_carry_the_fields_and_text_lines_are_plain():
    line = json.loads(_log_once("json").stderr.strip().splitlines()[-1])
    assert line["message"] == "GET home 200"
    assert (line["request_id"], line["status"], line["level"]) == ("abc12345", 200, "INFO")
    assert line["logger"] == "portal.requests" and "time" in line
    text = _log_once("text").stderr.strip().splitlines()[-1]
    assert text.endswith("INFO portal.requests GET home 200") and not text.startswith("{")


def test_an_unknown_log_format_stops_start_up():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env["PORTAL_LOG_FORMAT"] = "yaml"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0 and "PORTAL_LOG_FORMAT" in result.stderr


# ---- every request ends with one line; error lines name the route, never the path -------
PUBLIC_ID = "350a209b-1c2d-4e5f-8a9b-0c1d2e3f4a5b"


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_error_lines_name_the_route_never_the_path(settings, caplog, log_format):
    settings.ROOT_URLCONF = "tests.resilience.failing_urls"
    formatter = logging.config.DictConfigurator(settings.LOGGING).configure_formatter(
        settings.LOGGING["formatters"][log_format]
    )
    with caplog.at_level(logging.INFO):
        response = Client(raise_request_exception=False).get(f"/test-broken/{PUBLIC_ID}/")
    [error] = [r for r in caplog.records if r.name == "django.request"]
    assert response.status_code == 500 and error.levelno == logging.ERROR
    assert error.getMessage() == "Internal Server Error: test_broken"
    written = "\n".join(formatter.format(r) for r in caplog.records)
    assert PUBLIC_ID not in written and "test_broken" in written


def test_a_readiness_503_is_a_warning_without_a_traceback(client, caplog, settings):
    settings.READYZ_TIMEOUT = 1
    with blackhole() as proxy, caplog.at_level(logging.INFO):
        proxy.set_mode(REFUSE)
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": f"redis://{proxy.address}/0",
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        }
        response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["failed"] == ["cache"]
    assert [r.levelname for r in caplog.records if r.levelno >= logging.WARNING] == ["WARNING"]
    assert not any(r.exc_info for r in caplog.records)


def test_a_refused_form_logs_the_route_never_the_path(settings, caplog):
    settings.ROOT_URLCONF = "tests.resilience.failing_urls"
    with caplog.at_level(logging.INFO):
        response = Client(enforce_csrf_checks=True).post(f"/test-broken/{PUBLIC_ID}/", {})
    [refused] = [r for r in caplog.records if r.name == "django.security.csrf"]
    assert response.status_code == 403 and refused.getMessage().endswith(": test_broken")
    assert PUBLIC_ID not in "".join(r.getMessage() for r in caplog.records)
