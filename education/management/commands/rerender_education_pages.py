"""Render every page's Markdown again, e.g. after the sanitiser's allow-list changed."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from education.models import Page
from education.rendering import render_markdown


class Command(BaseCommand):
    help = "Re-render and re-sanitise the HTML of every education page (content unchanged)."

    def handle(self, *args, **options):
        changed = 0
        for page in Page.objects.only("pk", "body", "body_html", "toc").iterator():
            rendered = render_markdown(page.body)
            if (rendered.html, rendered.toc) != (page.body_html, page.toc):
                # Not a content change, so no revision and no version bump; updated_at
                # moves so cached copies (ETag) are refreshed.
                Page.objects.filter(pk=page.pk).update(
                    body_html=rendered.html, toc=rendered.toc, updated_at=timezone.now()
                )
                changed += 1
        self.stdout.write(f"Re-rendered {changed} page(s).")
