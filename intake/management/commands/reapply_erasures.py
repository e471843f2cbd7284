"""After restoring a backup: ``manage.py reapply_erasures`` erases again every patient on
the erasure list (``PORTAL_ERASURE_LIST``; intake/erasure_list.py)."""

from django.core.management.base import BaseCommand, CommandError

from intake.erasure_reapply import erasures_reapply


class Command(BaseCommand):
    help = "Erase again every patient on the erasure list (run after every restore)."

    def handle(self, *args, **options):
        outcomes, refusals = erasures_reapply()
        for line in outcomes:
            self.stdout.write(line)
        if refusals:
            raise CommandError("Not erased again: " + "; ".join(refusals))
        self.stdout.write(f"{len(outcomes)} erasure(s) on the list applied.")
