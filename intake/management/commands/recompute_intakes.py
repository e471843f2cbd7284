"""``manage.py recompute_intakes``: re-run scores, flags and priority on every open intake
after a rules change (``--async`` hands it to a Celery worker instead)."""

from django.core.management.base import BaseCommand

from intake.recompute import intakes_recompute


class Command(BaseCommand):
    help = "Recompute scores, flags and priority for every open intake; report the changes."

    def add_arguments(self, parser):
        parser.add_argument("--async", action="store_true", dest="run_async",
                            help="queue the Celery task instead of running here")  # fmt: skip

    def handle(self, *args, run_async: bool, **options):
        if run_async:
            from intake.tasks import recompute_open_intakes

            recompute_open_intakes.delay()
            self.stdout.write("Queued the recompute task.")
            return
        result = intakes_recompute()
        self.stdout.write(
            f"Checked {result.checked} open intakes: {result.changed} changed "
            f"({result.priority_changed} changed priority), {result.failed} could not be read."
        )
