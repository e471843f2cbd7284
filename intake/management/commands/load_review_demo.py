"""Demo queue content for ``make run``: 40 synthetic intakes, once (idempotent)."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Seed 40 synthetic intakes for the demo review queue, unless they exist already."

    def handle(self, *args, **options):
        synthetic = get_user_model().objects.filter(username__startswith="seed.")
        if synthetic.exists():
            self.stdout.write("Demo queue already seeded; kept as it is.")
            return
        call_command("seed_demo", intakes=40, seed=1, stdout=self.stdout)
