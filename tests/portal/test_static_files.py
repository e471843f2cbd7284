"""Production without collected static files says so, loudly, instead of serving bare pages."""

import logging

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from portal.checks import REQUIRED_STATIC, static_files_collected
from portal.startup import warn_if_static_files_missing


@pytest.fixture
def production(settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    return settings


def _collect(root):
    for name in REQUIRED_STATIC:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("/* collected */")


def test_the_deploy_check_reports_static_files_not_collected(production):
    assert [m.id for m in static_files_collected(None)] == ["portal.W002"]


def test_the_deploy_check_is_quiet_once_collected(production):
    _collect(production.STATIC_ROOT)
    assert static_files_collected(None) == []


def test_check_deploy_names_collectstatic(production):
    with pytest.raises(SystemCheckError, match="collectstatic"):
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "staticfiles")


def test_a_serving_process_logs_an_error_at_start_when_they_are_missing(production, caplog):
    with caplog.at_level(logging.ERROR, logger="portal.startup"):
        warn_if_static_files_missing()
    assert "collectstatic" in caplog.text


def test_debug_serves_static_files_from_the_apps_and_needs_no_collection(settings, tmp_path):
    settings.DEBUG = True
    settings.STATIC_ROOT = tmp_path / "nothing-here"
    assert static_files_collected(None) == []
