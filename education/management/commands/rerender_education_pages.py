"""Render every page's Markdown again, e.g. after the sanitiser's allow-list changed."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from education.models import Page
from education.rendering import render_markdown


class Command(BaseCommand):
    help = "Re-render and re-sanitise the HTML of every education page (content unchanged)."

    def handle(self, *args, **options):
        changed = 0
        fields = ("pk", "body", "body_html", "toc", "live_body", "live_body_html", "live_toc")
        for page in Page.objects.only(*fields).iterator():
            working, live = render_markdown(page.body), render_markdown(page.live_body)
            before = (page.body_html, page.toc, page.live_body_html, page.live_toc)
            if (working.html, working.toc, live.html, live.toc) != before:
                # Not a content change (the words are the same, approved or not), so no
                # revision and no version bump; updated_at moves so cached copies (ETag)
                # are refreshed.
                Page.objects.filter(pk=page.pk).update(
                    body_html=working.html,
                    toc=working.toc,
                    live_body_html=live.html,
                    live_toc=live.toc,
                    updated_at=timezone.now(),
                )
                changed += 1
        self.stdout.write(f"Re-rendered {changed} page(s).")
