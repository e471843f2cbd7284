"""A session id is rotated at each privilege step: after the password, and again after the
second-factor code (or enrolment). An id seen before a step is worth nothing after it."""

from importlib import import_module

import pytest
from django.conf import settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser import PASSWORD, user_with_password
from tests.factories import second_factor_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def _session_exists(key: str) -> bool:
    return import_module(settings.SESSION_ENGINE).SessionStore().exists(key)


def test_the_session_id_changes_after_the_password_and_again_after_the_code(client):
    doctor = user_with_password("doc@clinic.example", groups=["Psychiatrists"])
    anonymous = client.session
    anonymous["seen"] = True
    anonymous.save()
    before = client.session.session_key
    client.post("/accounts/login/", {"username": doctor.username, "password": PASSWORD})
    after_password = client.session.session_key
    assert after_password != before
    response = client.post("/accounts/mfa/verify/", {"token": second_factor_code(doctor)})
    assert response.status_code == 302
    after_code = client.session.session_key
    assert after_code != after_password
    assert not _session_exists(after_password)
    assert client.get("/review/").status_code == 200


def test_the_session_id_changes_when_a_first_sign_in_enrols_the_app(client):
    doctor = user_with_password("new.doc@clinic.example", groups=["Psychiatrists"])
    TOTPDevice.objects.filter(user=doctor).delete()
    client.post("/accounts/login/", {"username": doctor.username, "password": PASSWORD})
    client.get("/accounts/mfa/setup/")
    after_password = client.session.session_key
    pending = TOTPDevice.objects.get(user=doctor, confirmed=False)
    response = client.post("/accounts/mfa/setup/", {"token": f"{totp(pending.bin_key):06d}"})
    assert response.status_code == 302
    assert client.session.session_key != after_password
    assert not _session_exists(after_password)
