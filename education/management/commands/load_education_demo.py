"""Load the seed education content (the clonazepam topic). Safe to re-run."""

from django.core.management.base import BaseCommand

from education.seed import load_seed


class Command(BaseCommand):
    help = (
        "Load the seed education topics and pages. Re-running never duplicates a page and "
        "never overwrites a page an editor has changed."
    )

    def handle(self, *args, **options):
        report = load_seed()
        self.stdout.write(
            f"Education pages: {len(report.created)} created, {len(report.updated)} updated "
            f"from the seed, {len(report.kept)} kept as they are."
        )
