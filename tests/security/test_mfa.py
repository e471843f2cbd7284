"""The second factor: staff cannot reach patient data or the admin without it; enrolment,
sign-in with the app, recovery codes once each; patients may opt in; the admin reset."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import AuditEvent
from tests.browser import PASSWORD, user_with_password
from tests.factories import make_patient, make_submitted_intake, second_factor_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


@pytest.fixture
def new_doctor(db):
    """A psychiatrist at their first sign-in: a password, no second factor yet."""
    doctor = user_with_password("new.doc@clinic.example", groups=["Psychiatrists"])
    TOTPDevice.objects.filter(user=doctor).delete()
    return doctor


@pytest.fixture
def enrolled_doctor(db):
    return user_with_password("doc@clinic.example", groups=["Psychiatrists"])


def _password_sign_in(client, user):
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def _code_from_secret(page_html: str) -> str:
    key = re.search(r'aria-label="Key to type into the app">([A-Z2-7 ]+)<', page_html).group(1)
    from base64 import b32decode

    return f"{totp(b32decode(key.replace(' ', ''))):06d}"


def _phi_urls(patient, psychiatrist):
    intake = make_submitted_intake(patient)
    return [
        "/review/",
        f"/review/i/{intake.public_id}/",
        f"/review/i/{intake.public_id}/fhir.json",
        "/staff/invitations/",
        "/admin/",
        "/admin/intake/intake/",
        "/admin/auth/user/",
        "/admin/portal/invitation/",
    ]


def test_staff_without_a_second_factor_reach_no_patient_data_and_no_admin(client, new_doctor):
    new_doctor.is_staff = new_doctor.is_superuser = True
    new_doctor.save()
    _password_sign_in(client, new_doctor)
    for url in _phi_urls(make_patient(), new_doctor):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/mfa/setup/"), url


def test_enrolled_staff_signed_in_with_a_password_only_are_sent_to_the_code_step(
    client, enrolled_doctor
):
    _password_sign_in(client, enrolled_doctor)
    response = client.get("/review/")
    assert response["Location"] == "/accounts/mfa/verify/?next=%2Freview%2F"
    # Nor may they enrol an attacker's phone with the password alone.
    assert client.get("/accounts/mfa/setup/")["Location"] == "/accounts/mfa/verify/"


def test_enrolment_at_first_sign_in_then_sign_in_with_the_app(client, new_doctor):
    first = _password_sign_in(client, new_doctor)
    setup_url = client.get(first["Location"])["Location"]
    page = client.get(setup_url).content.decode()
    assert client.get("/accounts/mfa/setup/qr.svg")["Content-Type"] == "image/svg+xml"
    code = _code_from_secret(page)
    response = client.post(setup_url, {"token": code}, follow=True)
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", response.content.decode())
    assert len(codes) == 10
    assert client.get("/review/").status_code == 200
    # Shown once: the page does not show them again.
    assert client.get("/accounts/mfa/codes/")["Location"] == "/accounts/mfa/"
    client.post("/accounts/logout/")
    _password_sign_in(client, new_doctor)
    assert client.get("/review/").status_code == 302
    response = client.post(
        "/accounts/mfa/verify/?next=/review/", {"token": second_factor_code(new_doctor)}
    )
    assert response["Location"] == "/review/"
    assert client.get("/review/").status_code == 200


def test_a_wrong_code_at_enrolment_is_refused_beside_the_field(client, new_doctor):
    _password_sign_in(client, new_doctor)
    response = client.post("/accounts/mfa/setup/", {"token": "000000"})
    assert "That code did not work" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=new_doctor, confirmed=True).exists()


def test_recovery_codes_work_once_each(client, new_doctor):
    _password_sign_in(client, new_doctor)
    page = client.get("/accounts/mfa/setup/").content.decode()
    codes_page = client.post(
        "/accounts/mfa/setup/", {"token": _code_from_secret(page)}, follow=True
    )
    code = re.findall(r"<li>([a-z2-7]{8})</li>", codes_page.content.decode())[0]
    client.post("/accounts/logout/")
    _password_sign_in(client, new_doctor)
    assert client.post("/accounts/mfa/verify/", {"token": code}).status_code == 302
    assert client.get("/review/").status_code == 200
    client.post("/accounts/logout/")
    _password_sign_in(client, new_doctor)
    second_use = client.post("/accounts/mfa/verify/", {"token": code})
    assert second_use.status_code == 200
    assert client.get("/review/").status_code == 302
    assert AuditEvent.objects.filter(action="mfa.recovery_code_used").count() == 1


def test_the_code_step_pauses_after_repeated_wrong_codes(client, enrolled_doctor):
    _password_sign_in(client, enrolled_doctor)
    for _ in range(5):
        client.post("/accounts/mfa/verify/", {"token": "not-a-code"})
    response = client.post("/accounts/mfa/verify/", {"token": second_factor_code(enrolled_doctor)})
    assert response.status_code == 429
    assert AuditEvent.objects.filter(action="auth.locked_out").exists()


def test_a_patient_signs_in_without_a_second_factor_until_they_turn_it_on(client):
    patient = user_with_password("pat@patients.example", groups=["Patients"])
    _password_sign_in(client, patient)
    assert client.get("/intake/").status_code in (200, 302)
    assert "/accounts/mfa/" not in client.get("/intake/").get("Location", "")
    page = client.get("/accounts/mfa/setup/").content.decode()
    client.post("/accounts/mfa/setup/", {"token": _code_from_secret(page)})
    client.post("/accounts/logout/")
    _password_sign_in(client, patient)
    assert client.get("/intake/")["Location"].startswith("/accounts/mfa/verify/")


def test_staff_cannot_turn_their_second_factor_off(client, psychiatrist):
    client.force_login(psychiatrist)
    client.post("/accounts/mfa/off/")
    assert TOTPDevice.objects.filter(user=psychiatrist, confirmed=True).exists()


def test_admin_resets_a_lost_second_factor_and_it_is_audited(enrolled_doctor):
    admin = user_with_password("root@clinic.example", is_superuser=True, is_staff=True)
    out = StringIO()
    call_command("mfa_reset", enrolled_doctor.username, "--by", admin.username, stdout=out)
    assert not TOTPDevice.objects.filter(user=enrolled_doctor).exists()
    event = AuditEvent.objects.get(action="mfa.reset")
    assert (event.actor, event.object_id) == (admin, str(enrolled_doctor.pk))


def test_reset_refuses_an_actor_who_is_not_a_superuser(enrolled_doctor, psychiatrist):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("mfa_reset", enrolled_doctor.username, "--by", psychiatrist.username)
    assert TOTPDevice.objects.filter(user=enrolled_doctor).exists()


def test_demo_staff_sign_in_with_the_documented_app_key(client):
    from base64 import b32decode

    from portal.management.commands.load_demo import DEMO_PASSWORD, DEMO_TOTP_KEY_BASE32

    call_command("load_demo", stdout=StringIO())
    client.post(
        "/accounts/login/",
        {"username": "psychiatrist@demo.example", "password": DEMO_PASSWORD},
    )
    code = f"{totp(b32decode(DEMO_TOTP_KEY_BASE32)):06d}"
    client.post("/accounts/mfa/verify/", {"token": code})
    assert client.get("/review/").status_code == 200
