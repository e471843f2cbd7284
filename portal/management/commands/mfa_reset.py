"""Reset a user's lost second factor: ``manage.py mfa_reset USER --by ADMIN``.

Every device goes; a staff member sets up a new one at their next sign-in. The reset is
audited under the admin who asked for it (check who is asking before you run this).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.mfa import mfa_turn_off


class Command(BaseCommand):
    help = "Remove a user's second-factor devices (lost phone); audited under --by."

    def add_arguments(self, parser):
        parser.add_argument("username", help="the account whose second factor is reset")
        parser.add_argument("--by", required=True, help="the superuser doing the reset")

    def handle(self, *args, username, by, **options):
        users = get_user_model().objects
        user = users.filter(username__iexact=username).first()
        if user is None:
            raise CommandError(f"No account {username!r}.")
        actor = users.filter(username__iexact=by, is_superuser=True, is_active=True).first()
        if actor is None:
            raise CommandError(f"--by must name an active superuser; {by!r} is not one.")
        mfa_turn_off(user=user, actor=actor)
        self.stdout.write(
            f"Second factor reset for {user.username}; they set up a new one at next sign-in."
        )
