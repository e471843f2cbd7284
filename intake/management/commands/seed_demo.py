"""``manage.py seed_demo --intakes N``: N synthetic intakes (all priorities, statuses and
flags) for a demo or a benchmark. Synthetic people on example.org; nobody can sign in as
them. Works on SQLite (``make run``) and PostgreSQL."""

import time

from django.core.management.base import BaseCommand, CommandError

from intake.devtools.seeding import seed_intakes


class Command(BaseCommand):
    help = "Create N realistic synthetic intakes with bulk inserts (default 40)."

    def add_arguments(self, parser):
        parser.add_argument("--intakes", type=int, default=40, help="how many (default 40)")
        parser.add_argument("--seed", type=int, default=None, help="random seed (repeatable)")

    def handle(self, *args, intakes: int, seed: int | None, **options):
        if intakes < 1:
            raise CommandError("--intakes must be at least 1")
        started = time.monotonic()
        made = seed_intakes(intakes, seed=seed, write=self.stdout.write)
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Created {made} synthetic intakes in {seconds:.1f} s")
        )
