"""The zero-set-up SQLite database (`make run`) takes two writers at once.

Two patients accepting invitations at the same moment got "database is locked": each
request's transaction read first and then wrote, and SQLite cannot let a reader that
another writer is waiting on become a writer. The settings start every transaction as
a writer (BEGIN IMMEDIATE), so the second one waits its turn (busy timeout), and use WAL
so readers never wait for a writer.
"""

import importlib.util
import threading
import time

import pytest
from django.db import connections, transaction
from django.db.utils import ConnectionHandler

import portal.settings

ALIAS = "sqlite_as_make_run"


def _sqlite_settings(monkeypatch, path) -> dict:
    """DATABASES["default"] as portal/settings.py builds it for this SQLite file."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    spec = importlib.util.spec_from_file_location("settings_for_sqlite", portal.settings.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # Filled in with Django's defaults, as the connection handler does for DATABASES.
    return ConnectionHandler({"default": module.DATABASES["default"]}).settings["default"]


@pytest.fixture
def sqlite_alias(monkeypatch, tmp_path, django_db_blocker):
    monkeypatch.setitem(connections.settings, ALIAS, _sqlite_settings(monkeypatch, tmp_path / "db"))
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE invitation (id INTEGER PRIMARY KEY, accepted INTEGER)")
            cursor.execute("INSERT INTO invitation (id, accepted) VALUES (1, 0), (2, 0)")
        yield ALIAS
        connections[ALIAS].close()
    del connections[ALIAS]


def _accept(alias: str, invitation_id: int, errors: list) -> None:
    """One request's transaction: read the invitation, think, then write."""
    try:
        with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
            cursor.execute("SELECT accepted FROM invitation WHERE id = %s", [invitation_id])
            time.sleep(0.3)  # hashing a password, creating the account...
            cursor.execute("UPDATE invitation SET accepted = 1 WHERE id = %s", [invitation_id])
    except Exception as error:  # noqa: BLE001 - the test reports whatever the writer hit
        errors.append(str(error))
    finally:
        connections[alias].close()


def test_two_patients_accepting_invitations_at_once_both_succeed(sqlite_alias, django_db_blocker):
    errors = []
    with django_db_blocker.unblock():
        writers = [
            threading.Thread(target=_accept, args=(sqlite_alias, pk, errors)) for pk in (1, 2)
        ]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(timeout=30)
        with connections[sqlite_alias].cursor() as cursor:
            cursor.execute("SELECT SUM(accepted) FROM invitation")
            [accepted] = cursor.fetchone()
    assert (errors, accepted) == ([], 2)


def test_the_sqlite_database_uses_write_ahead_logging(sqlite_alias, django_db_blocker):
    with django_db_blocker.unblock(), connections[sqlite_alias].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
