"""`manage.py demo_code`: the demo staff's second-step code without an authenticator app."""

from base64 import b32decode
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.management.commands.load_demo import DEMO_TOTP_KEY_BASE32
from tests.factories import make_editor

pytestmark = pytest.mark.django_db


def _demo_code() -> dict[str, str]:
    out = StringIO()
    call_command("demo_code", stdout=out)
    pairs = (line.split(": ") for line in out.getvalue().splitlines() if "@demo.example" in line)
    return dict(pairs)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())


def test_each_demo_staff_code_is_one_their_device_accepts(demo):
    codes = _demo_code()
    devices = TOTPDevice.objects.select_related("user").order_by("user__username")
    assert set(codes) == {
        "admin@demo.example",
        "editor@demo.example",
        "psychiatrist@demo.example",
        "reviewer@demo.example",
    }
    assert all(device.verify_token(codes[device.user.username]) for device in devices)


def test_after_a_code_was_used_the_next_one_it_accepts_is_printed(demo):
    device = TOTPDevice.objects.get(user__username="editor@demo.example")
    assert device.verify_token(_demo_code()["editor@demo.example"])
    device.refresh_from_db()
    assert device.verify_token(_demo_code()["editor@demo.example"])


def test_it_refuses_without_debug(settings):
    settings.DEBUG = False
    make_editor("editor@demo.example")
    TOTPDevice.objects.update(key=b32decode(DEMO_TOTP_KEY_BASE32).hex())
    with pytest.raises(CommandError, match="DEBUG"):
        _demo_code()


def test_it_refuses_without_the_demo_accounts(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="load_demo"):
        _demo_code()
