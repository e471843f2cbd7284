"""Rebuild ``vendor/bootstrap/bootstrap.slim.css``: ``manage.py slim_bootstrap``.

Run it after a template, form or script starts using a Bootstrap class the slim file lacks
(tests/portal/test_slim_css.py names them), then commit the file (portal/slimcss.py says why).
"""

from django.core.management.base import BaseCommand

from portal.slimcss import BOOTSTRAP, SLIM, slim


class Command(BaseCommand):
    help = "Write the part of Bootstrap's CSS the portal's pages use (bootstrap.slim.css)."

    def handle(self, *args, **options):
        SLIM.write_text(slim())
        self.stdout.write(
            f"{SLIM.name}: {SLIM.stat().st_size:,} bytes (from {BOOTSTRAP.stat().st_size:,})."
        )
