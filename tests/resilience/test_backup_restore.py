"""The runbook's backup and restore steps (docs/operations.md), run as written, on a scratch
database: every row comes back and the restored schema matches the code; and a restore of a
backup taken before an erasure, followed by the runbook's re-apply, leaves none of the
patient's data."""

import os
import re
import subprocess
import uuid
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from intake.models import Intake
from portal.models import AuditEvent
from tests.factories import make_patient, make_submitted_intake, make_user

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


RUNBOOK = ROOT / "docs" / "operations.md"


def runbook_block(marker: str) -> str:
    """The shell block after ``<!-- marker: ... -->`` in the operator's runbook."""
    match = re.search(rf"<!-- {marker}:[^>]*-->\s*```sh\n(.*?)```", RUNBOOK.read_text(), re.S)
    assert match, f"the runbook's {marker} block is missing"
    return match.group(1)


def runbook_steps() -> str:
    return runbook_block("backup-restore")


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
    _run(runbook_steps(), _env(DATABASE_URL=source, RESTORE_URL=scratch_database), tmp_path)
    assert list(tmp_path.glob("portal-*.dump"))

    with psycopg.connect(scratch_database) as restored:
        answers = restored.execute(
            "SELECT answers FROM intake_intake WHERE public_id = %s", [intake.public_id]
        ).fetchone()[0]
        audit_rows = restored.execute("SELECT count(*) FROM portal_auditevent").fetchone()[0]
    assert answers == Intake.objects.get(pk=intake.pk).answers
    assert audit_rows == AuditEvent.objects.count() > 0
    assert urlsplit(scratch_database).path != urlsplit(source).path


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(extra)
    return env


def _run(steps: str, env: dict, folder: Path) -> str:
    # The steps expect the checkout as their directory (.venv/bin/python manage.py); run them
    # from the test's own directory instead, so the dump lands there, with those paths whole.
    script = f"set -euo pipefail\ncd {folder}\n" + steps.replace(
        ".venv/bin/python manage.py", f"{ROOT}/.venv/bin/python {ROOT}/manage.py"
    )
    result = subprocess.run(
        ["bash", "-c", script], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_restore_from_before_an_erasure_then_the_reapply_leaves_none_of_the_patient(
    patient, scratch_database, tmp_path, settings
):
    settings.ERASURE_LIST_FILE = listing = tmp_path / "erasures.jsonl"
    kept = make_submitted_intake(make_patient("bea@patients.example"))
    intake = make_submitted_intake(patient, archetype="stat_imminent")
    env = _env(
        DATABASE_URL=_url(connection.settings_dict["NAME"]),
        RESTORE_URL=scratch_database,
        PORTAL_ERASURE_LIST=str(listing),
    )
    steps = runbook_steps()
    backup, restore = steps[: steps.index("pg_restore")], steps[steps.index("pg_restore") :]
    _run(backup, env, tmp_path)  # the backup holds the patient
    admin = make_user("root@clinic.example", is_staff=True, is_superuser=True)
    call_command("erase_patient", patient.email, "--by", admin.username, "--confirm",
                 stdout=StringIO())  # fmt: skip
    # The list names the account and its intakes by id only.
    assert patient.email not in listing.read_text() and str(intake.public_id) in listing.read_text()

    dump = next(tmp_path.glob("portal-*.dump")).name
    _run(f"export BACKUP_FILE={dump}\n{restore}", env, tmp_path)
    with psycopg.connect(scratch_database) as restored:  # the backup brought them back
        assert _patient_rows(restored, patient.pk, intake.public_id) != (0, 0, 0)
    output = _run(runbook_block("reapply-erasures"), env, tmp_path)
    assert f"account {patient.pk}: erased again" in output

    with psycopg.connect(scratch_database) as restored:
        assert _patient_rows(restored, patient.pk, intake.public_id) == (0, 0, 0)
        assert restored.execute(
            "SELECT count(*) FROM intake_intake WHERE public_id = %s", [kept.public_id]
        ).fetchone() == (1,)  # nobody else's data goes


def _patient_rows(conn, user_id: int, public_id) -> tuple[int, int, int]:
    """The patient's intakes (by owner or public id), their account's personal details
    (name, email, still active) and their invitations: all zero once erased."""
    owned = conn.execute(
        "SELECT count(*) FROM intake_intake WHERE patient_id = %s OR public_id = %s",
        [user_id, public_id],
    ).fetchone()[0]
    named = conn.execute(
        "SELECT count(*) FROM auth_user WHERE id = %s"
        " AND (email <> '' OR first_name <> '' OR last_name <> '' OR is_active)",
        [user_id],
    ).fetchone()[0]
    invited = conn.execute(
        "SELECT count(*) FROM portal_invitation WHERE patient_id = %s", [user_id]
    ).fetchone()[0]
    return owned, named, invited
