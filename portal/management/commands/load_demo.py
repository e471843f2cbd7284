"""Demo users (one per role) and the seed content. Idempotent. For local use only."""

from base64 import b32decode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import roles

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 (documented local demo password)
# Demo staff owe a second factor: their authenticator-app key is this documented one, so
# `make run` stays usable (add it to any TOTP app, or `oathtool --totp -b KEY`).
DEMO_TOTP_KEY_BASE32 = "DEMO" * 8
DEMO_USERS = (
    # username, first, last, groups, is_staff, is_superuser
    ("patient@demo.example", "Pat", "Demo", (roles.PATIENTS,), False, False),
    (
        "psychiatrist@demo.example",
        "Sam",
        "Reviewer",
        (roles.PSYCHIATRISTS, "On-call psychiatrists"),
        False,
        False,
    ),
    ("editor@demo.example", "Eddie", "Editor", (roles.CONTENT_EDITORS,), True, False),
    ("reviewer@demo.example", "Demo", "Reviewer", (roles.CLINICAL_REVIEWERS,), True, False),
    ("admin@demo.example", "Ada", "Admin", (), True, True),
)


DEMO_CONTENT_COMMANDS = (
    "load_education_demo",
    "load_intake_demo",
    "load_review_demo",
    "load_follow_up_demo",
)
# Approves the untouched seed pages as this user, labelled on the public pages as a demo.
DEMO_REVIEWER = "reviewer@demo.example"


class Command(BaseCommand):
    help = "Create the demo users (one per role) and load the seed content. Safe to re-run."

    def handle(self, *args, **options):
        for username, first, last, groups, is_staff, is_superuser in DEMO_USERS:
            user, created = get_user_model().objects.get_or_create(
                username=username,
                defaults={
                    "email": username,
                    "first_name": first,
                    "last_name": last,
                    "is_staff": is_staff,
                    "is_superuser": is_superuser,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(*Group.objects.filter(name__in=groups))
            if roles.is_staff_account(user):
                _give_demo_app(user)
            self.stdout.write(f"{'created' if created else 'kept'} {username}")
        # Each app loads its own demo content; each command is idempotent.
        for name in DEMO_CONTENT_COMMANDS:
            if name in get_commands():
                call_command(name, stdout=self.stdout)
        if "approve_education_demo" in get_commands():
            call_command("approve_education_demo", reviewer=DEMO_REVIEWER, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo password for every account: {DEMO_PASSWORD}"))
        self.stdout.write(
            self.style.SUCCESS(f"Demo staff authenticator-app key: {DEMO_TOTP_KEY_BASE32}")
        )


def _give_demo_app(user) -> None:
    TOTPDevice.objects.get_or_create(
        user=user,
        confirmed=True,
        defaults={"name": "Demo app", "key": b32decode(DEMO_TOTP_KEY_BASE32).hex()},
    )
