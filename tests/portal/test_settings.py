import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from portal.checks import REQUIRED_STATIC

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "p" * 30 + "-production-like-secret-" + "q" * 30,
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    "DJANGO_SECURE_SSL_REDIRECT": "true",
    "DJANGO_SECURE_COOKIES": "true",
    "DJANGO_SECURE_HSTS_SECONDS": "31536000",
}


def _manage(*args, env_extra=None, drop=()):
    # A fresh process as production would start it: no test-only variables.
    drop = (*drop, "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.postgres
@pytest.mark.django_db
def test_test_database_is_postgresql_when_configured():
    assert connection.vendor == "postgresql"
    assert connection.settings_dict["NAME"].startswith("test_")


def test_argon2_is_the_first_password_hasher():
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_sessions_are_stored_server_side():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def _collected_static(root: Path) -> dict:
    """A STATIC_ROOT holding the files every page links to, as collectstatic leaves it."""
    for name in REQUIRED_STATIC:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("/* collected */")
    return {"DJANGO_STATIC_ROOT": str(root)}


def test_check_deploy_reports_no_issues_with_production_variables(tmp_path):
    # No PostgreSQL here: reached as a superuser, it would rightly warn about the database
    # role (portal.W010, tested in tests/security/test_audit_trail_cannot_be_erased.py).
    sqlite = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    env = PRODUCTION_ENV | _collected_static(tmp_path) | sqlite
    result = _manage("check", "--deploy", env_extra=env, drop=("DJANGO_DEBUG",))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DJANGO_DEBUG", "perhaps"),
        ("DATABASE_URL", "nonsense://"),
        ("PORTAL_MINIMUM_PATIENT_AGE", "eighteen"),
        ("DJANGO_SECURE_HSTS_SECONDS", "-5"),
    ],
    ids=["bad-bool", "bad-database-url", "bad-number", "negative-number"],
)
def test_malformed_setting_stops_start_up_with_improperly_configured(name, value):
    result = _manage("check", env_extra={name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert name in result.stderr or "nonsense" in result.stderr


def test_without_a_secret_key_the_web_process_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SECRET_KEY", "DJANGO_DEBUG")}
    result = subprocess.run(
        [sys.executable, "-c", "import portal.wsgi"], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_without_a_secret_key_check_deploy_reports_it_and_other_commands_still_run():
    drop = ("DJANGO_SECRET_KEY", "DJANGO_DEBUG")
    deploy = _manage("check", "--deploy", env_extra=PRODUCTION_ENV | {"DJANGO_SECRET_KEY": ""})
    assert "portal.E001" in deploy.stderr
    assert _manage("makemigrations", "--check", "--dry-run", drop=drop).returncode == 0


def test_without_a_broker_celery_runs_tasks_inline():
    result = _manage(
        "shell",
        "-c",
        "from portal.celery import app; print(app.conf.task_always_eager)",
        drop=("CELERY_BROKER_URL",),
    )
    assert result.stdout.strip().splitlines()[-1] == "True"


def test_a_shared_cache_makes_sessions_cache_backed_and_still_stored_in_the_database():
    code = "from django.conf import settings; print(settings.SESSION_ENGINE)"
    with_cache = _manage("shell", "-c", code, env_extra={"CACHE_URL": "redis://127.0.0.1:6379/9"})
    without = _manage("shell", "-c", code, drop=("CACHE_URL",))
    assert with_cache.stdout.strip().splitlines()[-1].endswith("cached_db")
    assert without.stdout.strip().splitlines()[-1].endswith("sessions.backends.db")


def test_without_a_secret_key_a_celery_worker_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SECRET_KEY", "DJANGO_DEBUG")}
    env["CELERY_BROKER_URL"] = "redis://127.0.0.1:1/0"  # never reached: it stops before
    celery = str(Path(sys.executable).with_name("celery"))
    result = subprocess.run(
        [celery, "-A", "portal", "worker", "--pool", "solo"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
