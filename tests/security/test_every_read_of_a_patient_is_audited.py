"""Every page that shows a patient writes exactly one audit row, and the patient's "who has
seen my answers" lists it: admin account, history and delete-confirmation pages, admin
lists that name them, intake history, the audit viewer filtered to them. Opening the
report is itself audited."""

import pytest

from portal.models import AuditEvent
from tests.factories import make_submitted_intake, make_user

pytestmark = pytest.mark.django_db
REPORT = "/accounts/who-has-seen-my-answers/"


@pytest.fixture
def superuser(db):
    return make_user(
        "root@clinic.example", is_staff=True, is_superuser=True, first_name="Ada", last_name="Root"
    )


ACCOUNT = "/admin/auth/user/{patient}/"
INTAKE = "/admin/intake/intake/{intake}/"
PAGES = {
    "account page": (ACCOUNT + "change/", "Opened your account record"),
    "account history": (ACCOUNT + "history/", "Opened the history of your record"),
    "account delete page": (ACCOUNT + "delete/", "Opened the page to delete your account"),
    "account list": ("/admin/auth/user/", "Saw your name in a list"),
    "intake page": (INTAKE + "change/", "Opened your intake record"),
    "intake history": (INTAKE + "history/", "Opened the history of your record"),
    "intake list": ("/admin/intake/intake/", "Saw your name in a list"),
    "audit viewer": (
        "/admin/portal/auditevent/?patient={patient}",
        "Looked at who has seen your records",
    ),
}


@pytest.mark.parametrize(("url", "words"), PAGES.values(), ids=PAGES.keys())
def test_an_admin_read_is_one_audit_row_and_shows_in_the_patients_report(
    client, superuser, patient, url, words
):
    intake = make_submitted_intake(patient)
    client.force_login(superuser)
    before = AuditEvent.objects.filter(actor=superuser).count()
    assert client.get(url.format(patient=patient.pk, intake=intake.pk)).status_code == 200
    assert AuditEvent.objects.filter(actor=superuser).count() == before + 1
    client.force_login(patient)
    html = client.get(REPORT).content.decode()
    assert "Ada Root" in html and words in html


def test_another_patients_report_does_not_show_the_read(client, superuser, patient, second_patient):
    make_submitted_intake(patient)
    client.force_login(superuser)
    client.get(f"/admin/auth/user/{patient.pk}/history/")
    client.force_login(second_patient)
    assert "Ada Root" not in client.get(REPORT).content.decode()


def test_opening_the_report_is_itself_audited(client, patient):
    client.force_login(patient)
    client.get(REPORT)
    event = AuditEvent.objects.get(action="access_report.viewed")
    assert (event.actor, event.object_id) == (patient, str(patient.pk))
