"""A change to who may do what (superuser, staff, active, groups) writes an audit row
wherever it is made: the admin (with the actor), ``manage.py shell``, a queryset
``update()``, raw SQL (PostgreSQL: a trigger on auth_user)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

from portal import roles
from portal.models import AuditEvent

pytestmark = pytest.mark.django_db
OUTSIDE = "outside a request"


def _flag_rows(user):
    return AuditEvent.objects.filter(action="user.privileges_changed", object_id=str(user.pk))


def test_superuser_on_and_off_in_a_shell_is_two_rows_with_no_actor(patient):
    patient.is_superuser = True
    patient.save()
    patient.is_superuser = False
    patient.save()
    on, off = _flag_rows(patient).order_by("id")
    assert (on.actor, on.detail["context"]) == (None, OUTSIDE)
    assert (on.detail["before"]["is_superuser"], on.detail["after"]["is_superuser"]) == (
        False,
        True,
    )
    assert off.detail["after"]["is_superuser"] is False


@pytest.mark.postgres
def test_a_queryset_update_is_audited(patient):
    get_user_model().objects.filter(pk=patient.pk).update(is_staff=True, is_active=False)
    (row,) = _flag_rows(patient)
    assert row.detail["after"] == {"is_active": False, "is_staff": True, "is_superuser": False}
    assert row.detail["context"] == OUTSIDE


@pytest.mark.postgres
def test_raw_sql_is_audited(patient):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE auth_user SET is_superuser = true WHERE id = %s", [patient.pk])
    assert _flag_rows(patient).get().detail["after"]["is_superuser"] is True


def test_a_save_that_changes_no_flag_writes_no_row(patient):
    patient.first_name = "Changed"
    patient.save()
    assert not _flag_rows(patient).exists()


def test_creating_a_superuser_outside_a_request_is_audited(db):
    user = get_user_model().objects.create_superuser("root2@clinic.example", password=None)
    row = AuditEvent.objects.get(action="user.created", object_id=str(user.pk))
    assert row.detail["after"]["is_superuser"] is True
    assert row.detail["context"] == OUTSIDE


def test_joining_a_group_in_a_shell_is_audited(patient):
    group = Group.objects.get(name=roles.PSYCHIATRISTS)
    patient.groups.add(group)
    row = AuditEvent.objects.get(
        action="user.groups_changed", object_id=str(patient.pk), detail__ids=[group.pk]
    )
    assert row.detail["after"] == sorted([roles.PATIENTS, roles.PSYCHIATRISTS])
    assert (row.actor, row.detail["context"]) == (None, OUTSIDE)
