"""Review reminders: editors hear once per page per review interval that it is overdue."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from portal.roles import CONTENT_EDITORS

from .models import Page


def _editor_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(is_superuser=True) | Q(groups__name=CONTENT_EDITORS, is_staff=True))
    return sorted(set(users.values_list("email", flat=True)))


def _reminder_body(pages) -> str:
    lines = [
        "These education pages are past their medical review date. Please arrange a review,",
        "then record the reviewer and the new review date on each page.",
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
    """Email the editors the overdue pages not reminded yet; answer how many were listed.

    Idempotent: each page records the due date it was reminded for, inside the same
    transaction as the send, so a re-run (or a second worker) lists it no more.
    """
    recipients = _editor_emails()
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
