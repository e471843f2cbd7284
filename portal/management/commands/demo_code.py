"""Print the demo staff's second-step code now: ``manage.py demo_code``.

The demo staff's authenticator key is the documented one that ``load_demo`` gives them,
so this reveals nothing the README does not; it saves the reader installing an app or
``oathtool``. It refuses unless DEBUG is on and the demo accounts exist, and it reads
only devices that hold the demo key.
"""

import time
from base64 import b32decode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .load_demo import DEMO_TOTP_KEY_BASE32, DEMO_USERS


class Command(BaseCommand):
    help = "Print the current second-step code of each demo staff account (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "demo_code is for the local demo: it runs only with DEBUG on (DJANGO_DEBUG=true)."
            )
        devices = _demo_devices()
        if not devices:
            raise CommandError(
                "No demo staff accounts here: run `make run` or `manage.py load_demo` first."
            )
        now = time.time()
        for device in devices:
            self.stdout.write(f"{device.user.username}: {_code(device, now)}")
        step = devices[0].step
        self.stdout.write(f"The codes change in {step - int(now - devices[0].t0) % step} s.")


def _demo_devices() -> list[TOTPDevice]:
    usernames = [username for username, *_ in DEMO_USERS]
    return list(
        TOTPDevice.objects.filter(
            user__username__in=usernames,
            confirmed=True,
            key=b32decode(DEMO_TOTP_KEY_BASE32).hex(),
        )
        .select_related("user")
        .order_by("user__username")
    )


def _code(device: TOTPDevice, now: float) -> str:
    """The code the device accepts now. A code is accepted once: after this step's code
    was used, the next step's (which the device's tolerance accepts already)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = now
    if totp.t() <= device.last_t:
        totp.time = now + device.step * (device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"
