"""After ``erase_patient``, no table holds the patient's email or names: not an invitation
(accepted or not), not the admin's change log, not a pending registration, not a sign-in
attempt. The erasure names the administrator who ran it."""

from io import StringIO

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from portal.models import AuditEvent, PendingRegistration
from tests.browser import user_with_password
from tests.factories import make_invitation, make_submitted_intake, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]
EMAIL = "quentin.zephyr@patients.example"
FIRST, LAST = "Quentin", "Zephyrine"


@pytest.fixture
def admin(db):
    return make_user("root@clinic.example", is_staff=True, is_superuser=True)


@pytest.fixture
def quentin(client, admin, psychiatrist):
    """A patient whose identifiers are in every place a copy can end up."""
    patient = user_with_password(EMAIL, groups=["Patients"], first_name=FIRST, last_name=LAST)
    make_submitted_intake(patient)
    make_invitation(created_by=psychiatrist, email=EMAIL, patient=patient,
                    first_name=FIRST, last_name=LAST)  # fmt: skip
    make_invitation(
        created_by=psychiatrist, email=EMAIL.upper(), first_name=FIRST, last_name=LAST
    )  # fmt: skip  (never accepted)
    PendingRegistration.objects.create(email=EMAIL, first_name=FIRST, last_name=LAST,
                                       password="!")  # fmt: skip
    LogEntry.objects.log_actions(
        admin.pk, [patient], CHANGE, change_message=f"Changed {FIRST} {LAST} <{EMAIL}>"
    )
    client.post("/accounts/login/", {"username": EMAIL, "password": "wrong"})
    client.force_login(patient)
    return patient


def _every_row_as_text() -> str:
    """Every row of every table, as one text (what a dump of the database would hold)."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            # Table names from the database's own catalogue, quoted.
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            chunks.extend(f"{table}: {row!r}" for row in cursor.fetchall())
    return "\n".join(chunks).lower()


def _erase(*extra):
    call_command("erase_patient", EMAIL, "--confirm", *extra, stdout=StringIO())


def test_a_dump_of_every_table_after_erasure_holds_none_of_the_patients_identifiers(quentin, admin):
    assert EMAIL in _every_row_as_text()  # the fixture put them everywhere
    _erase("--by", admin.username)
    dump = _every_row_as_text()
    assert [word for word in (EMAIL, FIRST.lower(), LAST.lower()) if word in dump] == []


def test_the_erasure_is_audited_under_the_administrator_named_by_by(quentin, admin):
    _erase("--by", admin.username)
    erased = AuditEvent.objects.get(action="patient.erased")
    assert (erased.actor, erased.object_id) == (admin, str(quentin.pk))
    # Deactivating the account and removing its group are recorded under them too.
    changes = AuditEvent.objects.filter(
        action__in=["user.privileges_changed", "user.groups_changed"], object_id=str(quentin.pk)
    ).exclude(detail__change="add")
    assert {(row.actor, row.detail["context"]) for row in changes} == {(admin, "command")}


@pytest.mark.parametrize("by", [None, "doc@clinic.example", "nobody@clinic.example"])
def test_erasure_needs_by_naming_an_active_superuser(quentin, psychiatrist, by):
    with pytest.raises(CommandError):
        _erase(*(["--by", by] if by else []))
    quentin.refresh_from_db()
    assert quentin.email == EMAIL


def test_the_admin_log_keeps_its_rows_with_the_pseudonym(quentin, admin):
    _erase("--by", admin.username)
    entry = LogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(quentin), object_id=str(quentin.pk)
    )
    quentin.refresh_from_db()
    assert entry.object_repr == quentin.username.lower() and entry.change_message == ""
