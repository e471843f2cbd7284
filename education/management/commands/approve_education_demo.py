"""For the demo only: the demo reviewer approves the untouched seed pages. Safe to re-run."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from education.models import ReviewerProfile
from education.seed import approve_demo_pages
from portal.roles import is_clinical_reviewer


class Command(BaseCommand):
    help = (
        "Approve the seed education pages nobody has edited, as a demo clinical reviewer. "
        "The public pages then say it is a demo review. Never use it in a real deployment."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reviewer", required=True, help="username of the demo reviewer")

    def handle(self, *args, reviewer, **options):
        user = get_user_model().objects.filter(username=reviewer).first()
        if user is None or not is_clinical_reviewer(user):
            raise CommandError(f"{reviewer} is not a member of Clinical reviewers.")
        ReviewerProfile.objects.get_or_create(
            user=user, defaults={"credentials": "MD", "is_demo": True}
        )
        approved = approve_demo_pages(reviewer=user)
        self.stdout.write(f"Education pages approved as a demo review: {len(approved)}.")
