"""Review reminders (clinical reviewers hear once per page per review interval that it is
overdue) and the release of approved versions whose go-live time has come."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from portal.roles import CLINICAL_REVIEWERS

from . import services
from .models import Page


def _reviewer_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    users = users.filter(groups__name=CLINICAL_REVIEWERS)
    return sorted(set(users.values_list("email", flat=True)))


def _reminder_body(pages) -> str:
    lines = [
        "These education pages are past their clinical review date. Please review each one:",
        "an editor submits it for review, and your approval records you and the new date.",
        "",
    ]
    for page in pages:
        due = page.review_due.isoformat() if page.review_due else "never reviewed"
        url = settings.PORTAL_BASE_URL + reverse("admin:education_page_change", args=[page.pk])
        lines.append(f"- {page.title} (review due: {due})\n  {url}")
    return "\n".join(lines)


def _not_yet_reminded():
    """Overdue published pages with no reminder for their current review due date yet."""
    today = timezone.localdate()
    not_sent = Q(review_reminder_sent_for__isnull=True)
    due_and_new = Q(review_due__lte=today) & (
        not_sent | ~Q(review_reminder_sent_for=F("review_due"))
    )
    never_reviewed = Q(review_due__isnull=True) & not_sent
    return Page.objects.published().filter(due_and_new | never_reviewed).order_by("title")


@shared_task(name="education.tasks.remind_overdue_reviews")
def remind_overdue_reviews() -> int:
    """Email the clinical reviewers the overdue pages not reminded yet; answer how many.

    Idempotent: each page records the due date it was reminded for, inside the same
    transaction as the send, so a re-run (or a second worker) lists it no more.
    """
    recipients = _reviewer_emails()
    if not recipients:
        return 0
    with transaction.atomic():
        pages = list(_not_yet_reminded().select_for_update(skip_locked=True, of=("self",)))
        if not pages:
            return 0
        body = _reminder_body(pages)
        subject = f"{len(pages)} education page{'s' if len(pages) != 1 else ''} overdue for review"
        with get_connection() as connection:
            for email in recipients:
                EmailMessage(subject, body, to=[email], connection=connection).send()
        today = timezone.localdate()
        for page in pages:
            # A never-reviewed page is reminded once, dated the day of the reminder.
            sent_for = page.review_due or today
            Page.objects.filter(pk=page.pk).update(review_reminder_sent_for=sent_for)
    return len(pages)


@shared_task(name="education.tasks.release_scheduled_pages")
def release_scheduled_pages() -> int:
    """Make live the approved versions whose go-live time has come (beat, every minute).
    Idempotent: a released page has no scheduled version left."""
    return len(services.pages_release_scheduled())
