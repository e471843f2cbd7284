"""The runbook's backup and restore steps (docs/operations.md), run as written, on a scratch
database: every row comes back and the restored schema matches the code."""

import os
import re
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from django.db import connection

from intake.models import Intake
from portal.models import AuditEvent
from tests.factories import make_submitted_intake

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def runbook_steps() -> str:
    runbook = (ROOT / "docs" / "operations.md").read_text()
    match = re.search(r"<!-- backup-restore:[^>]*-->\s*```sh\n(.*?)```", runbook, re.S)
    assert match, "the runbook's backup and restore block is missing"
    return match.group(1)


def _url(dbname: str) -> str:
    params = connection.get_connection_params()
    user = params.get("user") or "postgres"
    password = f":{params['password']}" if params.get("password") else ""
    host, port = params.get("host") or "127.0.0.1", params.get("port") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{dbname}"


@pytest.fixture
def scratch_database():
    name = f"restore_{uuid.uuid4().hex[:10]}"
    admin = _url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield _url(name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_runbook_backup_and_restore_steps_bring_every_row_back(
    patient, scratch_database, tmp_path
):
    intake = make_submitted_intake(patient, archetype="stat_imminent")
    source = _url(connection.settings_dict["NAME"])
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(DATABASE_URL=source, RESTORE_URL=scratch_database)
    # The block expects the checkout as its directory (.venv/bin/python manage.py); run it
    # from the test's own directory instead, so the dump lands there, with those paths whole.
    script = f"set -euo pipefail\ncd {tmp_path}\n"
    steps = runbook_steps().replace(
        ".venv/bin/python manage.py", f"{ROOT}/.venv/bin/python {ROOT}/manage.py"
    )
    result = subprocess.run(
        ["bash", "-c", script + steps], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(tmp_path.glob("portal-*.dump"))

    with psycopg.connect(scratch_database) as restored:
        answers = restored.execute(
            "SELECT answers FROM intake_intake WHERE public_id = %s", [intake.public_id]
        ).fetchone()[0]
        audit_rows = restored.execute("SELECT count(*) FROM portal_auditevent").fetchone()[0]
    assert answers == Intake.objects.get(pk=intake.pk).answers
    assert audit_rows == AuditEvent.objects.count() > 0
    assert urlsplit(scratch_database).path != urlsplit(source).path
