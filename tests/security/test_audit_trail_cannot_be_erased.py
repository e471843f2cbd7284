"""The application's database role cannot erase or rewrite the audit trail: it owns no
table, and on the audit table it may only INSERT and SELECT (``manage.py db_roles``).
TRUNCATE, UPDATE, DELETE and DISABLE TRIGGER all fail for it; the owner runs migrations.
``check --deploy`` warns when the role the portal connects as could do them. On any
database the model refuses bulk update and delete."""

import sqlite3
import uuid
from importlib import import_module
from io import StringIO

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from portal import checks
from portal.audit import record
from portal.models import AuditEvent


@pytest.fixture
def roles(transactional_db):
    """An owner and an application role of this test's own, made by ``db_roles``."""
    suffix = uuid.uuid4().hex[:8]
    owner, app = f"test_owner_{suffix}", f"test_app_{suffix}"
    call_command("db_roles", "--owner", owner, "--app", app, "--execute", stdout=StringIO())
    yield owner, app
    with connection.cursor() as cursor:
        me = connection.settings_dict["USER"] or "postgres"
        for role in (app, owner):
            cursor.execute(f'REASSIGN OWNED BY "{role}" TO "{me}"')
            cursor.execute(f'DROP OWNED BY "{role}"')
            cursor.execute(f'DROP ROLE "{role}"')


def _connect_as(role: str) -> psycopg.Connection:
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or "127.0.0.1", port=settings["PORT"] or 5432,
        dbname=settings["NAME"], user=role, autocommit=True,
    )  # fmt: skip


@pytest.mark.postgres
@pytest.mark.parametrize(
    "sql",
    [
        "TRUNCATE portal_auditevent",
        "UPDATE portal_auditevent SET action = 'rewritten'",
        "DELETE FROM portal_auditevent",
        "ALTER TABLE portal_auditevent DISABLE TRIGGER USER",
        "ALTER TABLE portal_auditevent DISABLE TRIGGER ALL",
        "DROP TABLE portal_auditevent",
    ],
    ids=["truncate", "update", "delete", "disable-user-triggers", "disable-all", "drop"],
)
def test_the_application_role_cannot_erase_or_rewrite_the_audit_trail(roles, sql):
    record(actor=None, action="intake.viewed", object_type="intake.intake", object_id="1")
    with _connect_as(roles[1]) as app, pytest.raises(psycopg.errors.InsufficientPrivilege):
        app.execute(sql)
    assert AuditEvent.objects.filter(action="intake.viewed").count() == 1


@pytest.mark.postgres
def test_the_application_role_can_write_audit_rows_and_the_portals_tables(roles):
    with _connect_as(roles[1]) as app:
        app.execute(
            "INSERT INTO portal_auditevent (action, object_type, object_id, at, request_id,"
            " incoming_request_id, user_agent, detail)"
            " VALUES ('written.by.app', '', '', now(), '', '', '', '{}')"
        )
        assert AuditEvent.objects.filter(action="written.by.app").count() == 1
        app.execute("UPDATE auth_user SET first_name = first_name")
        app.execute("DELETE FROM django_session")


@pytest.mark.postgres
def test_the_owner_owns_every_table(roles):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
            " AND tableowner <> %s",
            [roles[0]],
        )
        assert cursor.fetchone() == (0,)


@pytest.mark.postgres
def test_check_deploy_warns_when_the_portal_connects_as_a_role_that_could_erase_it(db):
    # The test database is reached as a superuser that owns every table.
    ids = {message.id for message in checks.database_role_is_least_privilege(None)}
    assert ids == {"portal.W010", "portal.W011"}


@pytest.mark.postgres
def test_check_deploy_is_quiet_for_the_application_role(roles):
    with _connect_as(roles[1]) as app:
        assert checks.role_problems(app.cursor()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["update", "delete"])
def test_the_model_refuses_bulk_update_and_delete(change):
    record(actor=None, action="intake.viewed", object_type="intake.intake", object_id="1")
    rows = AuditEvent.objects.filter(action="intake.viewed")
    with pytest.raises(PermissionError, match="append-only"):
        rows.update(action="x") if change == "update" else rows.delete()
    assert rows.count() == 1


def test_sqlite_refuses_to_change_an_audit_row():
    """``make run`` uses SQLite: migration 0010's trigger refuses UPDATE there."""
    trigger = import_module("portal.migrations.0010_audit_append_only_on_sqlite").NO_UPDATE
    with sqlite3.connect(":memory:") as db:
        db.execute("CREATE TABLE portal_auditevent (id INTEGER PRIMARY KEY, action TEXT)")
        db.executescript(trigger)
        db.execute("INSERT INTO portal_auditevent (action) VALUES ('intake.viewed')")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute("UPDATE portal_auditevent SET action = 'rewritten'")


@pytest.mark.postgres
def test_without_execute_the_sql_is_printed_and_nothing_is_run(db):
    out = StringIO()
    call_command("db_roles", "--owner", "owner_x", "--app", "app_x", stdout=out)
    assert 'REVOKE UPDATE, DELETE, TRUNCATE ON portal_auditevent FROM "app_x"' in out.getvalue()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_roles WHERE rolname IN ('owner_x', 'app_x')")
        assert cursor.fetchone() == (0,)


@pytest.mark.postgres
@pytest.mark.parametrize("name", ['app"; DROP TABLE x; --', "app x"])
def test_role_names_are_letters_digits_and_underscores(db, name):
    with pytest.raises(CommandError, match="letters, digits"):
        call_command("db_roles", "--owner", "owner_x", "--app", name, stdout=StringIO())
