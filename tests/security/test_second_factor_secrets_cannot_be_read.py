"""No one, a superuser included, can read a second-factor secret through the admin: no key,
no config URL, no QR code, no recovery codes. A device can only be reset."""

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import mfa
from portal.models import AuditEvent
from tests.factories import give_second_factor, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return make_user("root@clinic.example", is_staff=True, is_superuser=True)


@pytest.fixture
def doctors_device(psychiatrist):
    mfa.recovery_codes_replace(user=psychiatrist)
    return give_second_factor(psychiatrist)


def _secret_texts(device) -> list[str]:
    codes = StaticDevice.objects.get(user=device.user).token_set.values_list("token", flat=True)
    return [device.key, device.key.upper(), device.config_url, *codes]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/otp_totp/totpdevice/",
        "/admin/otp_totp/totpdevice/{pk}/change/",
        "/admin/otp_static/staticdevice/",
        "/admin/otp_static/staticdevice/{static_pk}/change/",
    ],
    ids=["app-list", "app-page", "codes-list", "codes-page"],
)
def test_a_superuser_sees_no_key_and_no_recovery_code(client, superuser, doctors_device, path):
    static = StaticDevice.objects.get(user=doctors_device.user)
    client.force_login(superuser)
    response = client.get(path.format(pk=doctors_device.pk, static_pk=static.pk))
    body = response.content.decode()
    assert response.status_code in (200, 404)
    assert not [text for text in _secret_texts(doctors_device) if text in body]


@pytest.mark.parametrize("suffix", ["config/", "qrcode/"])
def test_the_config_and_qr_code_urls_do_not_exist(client, superuser, doctors_device, suffix):
    client.force_login(superuser)
    response = client.get(f"/admin/otp_totp/totpdevice/{doctors_device.pk}/{suffix}")
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_a_missing_device_id_is_refused_not_a_server_error(request, who):
    client = Client(raise_request_exception=False)
    client.force_login(request.getfixturevalue(who))
    for path in ("change/", "config/", "qrcode/"):
        response = client.get(f"/admin/otp_totp/totpdevice/999999/{path}")
        assert response.status_code in (403, 404), path


def test_the_admin_can_reset_a_device_and_the_reset_is_audited(client, superuser, doctors_device):
    client.force_login(superuser)
    response = client.post(
        "/admin/otp_totp/totpdevice/",
        {"action": "reset_second_factor", "_selected_action": [doctors_device.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=doctors_device.user).exists()
    reset = AuditEvent.objects.get(action="mfa.reset")
    assert (reset.actor, reset.object_id) == (superuser, str(doctors_device.user_id))
