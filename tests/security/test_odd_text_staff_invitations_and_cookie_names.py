"""Text PostgreSQL refuses, staff emails in invitations, and cookie names."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import Invitation
from tests.factories import make_user

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def admin_user(db):
    return make_user("root@clinic.example", is_staff=True, is_superuser=True)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/education/page/?title=%00",
        "/admin/auth/user/?username=%00",
        "/admin/portal/auditevent/?q=%00",
        "/admin/auth/user/?q=a%00b",
        "/admin/auth/user/?%00=1",
    ],
)
def test_nul_bytes_in_admin_filters_answer_400(client, admin_user, url):
    client.force_login(admin_user)
    assert client.get(url).status_code == 400


def test_nul_bytes_in_public_search_answer_400(client):
    assert client.get("/learn/search/?q=%00").status_code == 400


def test_nul_byte_in_a_posted_form_answers_400_and_creates_nothing(client, psychiatrist):
    client.force_login(psychiatrist)
    visit = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("invitation_new"),
        {"first_name": "No\x00ra", "last_name": "N", "email": "n@p.example", "visit_at": visit},
    )
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_sign_in_with_a_nul_byte_answers_400(client):
    response = client.post("/accounts/login/", {"username": "a\x00@b.c", "password": "x"})
    assert response.status_code == 400


@pytest.mark.parametrize("staff_kind", ["psychiatrist", "editor", "superuser"])
def test_invitation_to_a_staff_email_is_refused_with_a_clear_message(
    client, psychiatrist, editor, staff_kind
):
    staff = {
        "psychiatrist": lambda: make_user("doc@clinic.example", groups=["Psychiatrists"]),
        "editor": lambda: editor,
        "superuser": lambda: make_user("boss@clinic.example", is_superuser=True),
    }[staff_kind]()
    client.force_login(psychiatrist)
    visit = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("invitation_new"),
        {"first_name": "A", "last_name": "B", "email": staff.email.upper(), "visit_at": visit},
    )
    assert response.status_code == 200
    assert "belongs to a staff account" in response.content.decode()
    assert not Invitation.objects.exists()


def test_invitation_to_an_existing_patient_email_is_still_allowed(client, psychiatrist, patient):
    client.force_login(psychiatrist)
    visit = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("invitation_new"),
        {"first_name": "A", "last_name": "B", "email": patient.email, "visit_at": visit},
    )
    assert response.status_code == 302
    assert Invitation.objects.filter(email=patient.email).exists()


def _setting(name, secure: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env["DJANGO_SECURE_COOKIES"] = secure
    code = (
        f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("name", "secure", "expected"),
    [
        ("SESSION_COOKIE_NAME", "true", "__Host-sessionid"),
        ("CSRF_COOKIE_NAME", "true", "__Host-csrftoken"),
        ("SESSION_COOKIE_NAME", "false", "sessionid"),
    ],
)
def test_cookie_names_carry_the_host_prefix_when_cookies_are_secure(name, secure, expected):
    assert _setting(name, secure) == expected
