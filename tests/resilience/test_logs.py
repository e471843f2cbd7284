"""One structured log line per request (request id, user id, route, status, duration), no
patient data; JSON for the log pipeline or plain text for a developer (PORTAL_LOG_FORMAT)."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import make_intake

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
