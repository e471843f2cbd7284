"""Stopping and coming back: expired sessions, self-registered visits, the demo, the admin."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from intake.models import Intake
from portal.management.commands.load_demo import DEMO_PASSWORD
from tests.factories import make_intake, make_user
from tests.intake.pages import ABOUT, VISIT, post_ok, url

pytestmark = pytest.mark.django_db
SOON = (timezone.localdate() + timedelta(days=10)).isoformat()


def test_after_an_expired_session_signing_in_returns_to_the_same_page(client, patient):
    intake = make_intake(patient)
    patient.set_password(DEMO_PASSWORD)
    patient.save()
    client.force_login(patient)
    post_ok(client, url("about", intake), ABOUT)
    client.session.flush()
    client.cookies.clear()
    login = client.get(url("visit", intake))
    assert login.url.startswith(reverse("login"))
    response = client.post(login.url, {"username": patient.username, "password": DEMO_PASSWORD})
    assert response.url == url("visit", intake)


def test_a_self_registered_patient_can_give_their_visit_date(client, patient):
    client.force_login(patient)
    client.post(reverse("intake:start"))
    intake = Intake.objects.get(patient=patient)
    post_ok(client, url("visit", intake), {**VISIT, "visit_date": SOON})
    intake.refresh_from_db()
    assert timezone.localtime(intake.visit_at).date().isoformat() == SOON


def test_an_invited_patient_is_not_asked_for_the_visit_date(client, patient):
    intake = make_intake(patient)
    client.force_login(patient)
    form = client.get(url("visit", intake)).context["form"]
    assert "visit_date" not in form.fields


def test_a_visit_date_already_used_by_another_intake_is_refused(client, patient):
    client.force_login(patient)
    client.post(reverse("intake:start"))
    first = Intake.objects.get(patient=patient)
    post_ok(client, url("visit", first), {**VISIT, "visit_date": SOON})
    second = make_intake(patient, visit_in_hours=None)
    response = client.post(url("visit", second), {**VISIT, "visit_date": SOON})
    assert "already have a set of answers" in response.content.decode()


def test_the_demo_patient_gets_one_open_draft_however_often_the_demo_loads():
    make_user("patient@demo.example")
    for _ in range(2):
        call_command("load_intake_demo", stdout=io.StringIO())
    intake = Intake.objects.get(patient__username="patient@demo.example")
    assert intake.status == "draft" and intake.visit_at is not None


def test_only_superusers_see_intakes_in_the_admin(client, editor):
    admin = make_user("root@clinic.example", is_staff=True, is_superuser=True)
    client.force_login(editor)
    assert client.get(reverse("admin:intake_intake_changelist")).status_code == 403
    client.force_login(admin)
    assert client.get(reverse("admin:intake_intake_changelist")).status_code == 200
