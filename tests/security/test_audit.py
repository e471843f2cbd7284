"""Every staff read of patient data is audited; privilege changes with before and after;
rows carry the server's request id, the client address and user agent; append-only."""

import pytest
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection, transaction

from portal.models import AuditEvent
from tests.factories import make_invitation, make_queue_intake, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return make_user("root@clinic.example", is_staff=True, is_superuser=True)


def test_each_queue_page_view_is_one_row_naming_the_intakes_shown(client, psychiatrist):
    shown = [make_queue_intake(priority="stat"), make_queue_intake()]
    client.force_login(psychiatrist)
    client.get("/review/")
    event = AuditEvent.objects.get(action="queue.viewed")
    assert event.actor == psychiatrist
    assert sorted(event.detail["intake_ids"]) == sorted(i.public_id.hex for i in shown)


@pytest.mark.parametrize(
    ("kind", "list_url"),
    [
        ("intake.intake", "/admin/intake/intake/"),
        ("auth.user", "/admin/auth/user/"),
        ("portal.invitation", "/admin/portal/invitation/"),
    ],
)
def test_admin_list_and_change_pages_of_patient_data_are_audited(
    client, superuser, psychiatrist, patient, kind, list_url
):
    obj = {
        "intake.intake": lambda: make_queue_intake(patient),
        "auth.user": lambda: patient,
        "portal.invitation": lambda: make_invitation(created_by=psychiatrist),
    }[kind]()
    client.force_login(superuser)
    assert client.get(list_url).status_code == 200
    listed = AuditEvent.objects.get(action="admin.list_viewed", object_type=kind)
    assert str(obj.pk) in listed.detail["ids"]
    assert client.get(f"{list_url}{obj.pk}/change/").status_code == 200
    viewed = AuditEvent.objects.get(action="admin.viewed", object_type=kind)
    assert (viewed.actor, viewed.object_id) == (superuser, str(obj.pk))


def test_making_someone_staff_in_the_admin_is_audited_with_before_and_after(
    client, superuser, patient
):
    client.force_login(superuser)
    page = client.get(f"/admin/auth/user/{patient.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        is_staff="on",
        is_active="on",
        groups=[g.pk for g in Group.objects.filter(name__in=["Patients", "Psychiatrists"])],
        user_permissions=[],
        date_joined_0=patient.date_joined.strftime("%Y-%m-%d"),
        date_joined_1=patient.date_joined.strftime("%H:%M:%S"),
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)
    response = client.post(f"/admin/auth/user/{patient.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    flags = AuditEvent.objects.get(action="user.privileges_changed", object_id=str(patient.pk))
    assert flags.detail["context"] == "request"
    assert flags.actor == superuser
    assert (flags.detail["before"]["is_staff"], flags.detail["after"]["is_staff"]) == (False, True)
    groups = AuditEvent.objects.get(
        action="user.groups_changed", detail__change="add", actor=superuser
    )
    assert groups.detail["after"] == ["Patients", "Psychiatrists"]
    assert groups.detail["before"] == ["Patients"]


def test_rows_carry_our_request_id_the_client_address_and_user_agent(client, psychiatrist):
    client.force_login(psychiatrist)
    response = client.get(
        "/review/",
        HTTP_X_REQUEST_ID="chosen-by-the-client-1234",
        HTTP_USER_AGENT="TestBrowser/1.0",
        REMOTE_ADDR="192.0.2.44",
    )
    event = AuditEvent.objects.get(action="queue.viewed")
    assert event.request_id == response["X-Request-ID"] != "chosen-by-the-client-1234"
    assert event.incoming_request_id == "chosen-by-the-client-1234"
    assert (event.client_ip, event.user_agent) == ("192.0.2.44", "TestBrowser/1.0")


@pytest.mark.postgres
@pytest.mark.parametrize(
    "sql",
    ["UPDATE portal_auditevent SET action = 'x'", "DELETE FROM portal_auditevent"],
    ids=["update", "delete"],
)
def test_postgresql_refuses_to_change_or_delete_audit_rows(psychiatrist, sql):
    from portal.audit import record

    record(actor=psychiatrist, action="intake.viewed", object_type="intake.intake")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditEvent.objects.filter(action="intake.viewed").count() == 1


def test_the_audit_viewer_filters_by_patient_and_exports_csv(client, superuser, patient):
    intake = make_queue_intake(patient)
    other = make_queue_intake()
    from portal.audit import record

    record(actor=superuser, action="intake.viewed", obj=intake)
    record(actor=superuser, action="intake.viewed", obj=other)
    client.force_login(superuser)
    page = client.get(f"/admin/portal/auditevent/?patient={patient.pk}&action=intake.viewed")
    assert list(page.context["cl"].result_list.values_list("object_id", flat=True)) == [
        str(intake.pk)
    ]
    ids = [e.pk for e in AuditEvent.objects.filter(action="intake.viewed")]
    export = client.post(
        "/admin/portal/auditevent/",
        {"action": "export_csv", "_selected_action": ids},
    )
    assert export["Content-Type"].startswith("text/csv")
    assert export.content.decode().count("intake.viewed") == 2


def test_only_superusers_see_the_audit_viewer(client, editor):
    client.force_login(editor)
    assert client.get("/admin/portal/auditevent/").status_code == 403
