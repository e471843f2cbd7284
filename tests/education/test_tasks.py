import datetime
import time

import pytest
import time_machine
from celery.signals import task_postrun
from django.core import mail

from education.models import Page
from education.tasks import remind_overdue_reviews
from tests.factories import make_clinical_reviewer, make_page, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer():
    return make_clinical_reviewer()


@pytest.fixture
def overdue_page(reviewer):
    with time_machine.travel("2024-01-01 15:00Z"):
        return make_page("overdue", title="Overdue page", approved_by=reviewer)


def test_reviewers_get_the_overdue_pages_with_admin_links(reviewer, editor, overdue_page):
    make_page("fresh", title="Fresh page", approved_by=reviewer)
    remind_overdue_reviews()
    (message,) = mail.outbox
    assert message.to == [reviewer.email]
    assert "Overdue page" in message.body and "Fresh page" not in message.body
    assert f"/admin/education/page/{overdue_page.pk}/change/" in message.body


def test_a_second_run_sends_nothing_new(reviewer, overdue_page):
    remind_overdue_reviews()
    remind_overdue_reviews()
    assert len(mail.outbox) == 1


def test_a_page_is_reminded_again_once_its_next_interval_runs_out(reviewer, overdue_page):
    remind_overdue_reviews()
    overdue_page.last_reviewed = datetime.date(2025, 1, 1)  # as if approved again then
    overdue_page.save()
    with time_machine.travel(datetime.datetime(2026, 1, 2, 12, tzinfo=datetime.UTC)):
        remind_overdue_reviews()
    assert len(mail.outbox) == 2


def test_drafts_are_not_reminded(reviewer):
    make_page("draft", published=False)
    assert remind_overdue_reviews() == 0


def test_only_clinical_reviewers_hear(reviewer, editor, patient, overdue_page):
    make_user("ada@clinic.example", is_superuser=True, is_staff=True)
    remind_overdue_reviews()
    assert [message.to for message in mail.outbox] == [[reviewer.email]]


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_reminder_once(celery_worker, reviewer, overdue_page):
    finished = []

    def count(sender=None, **kwargs):
        finished.append(sender.name)

    # The worker is a thread of this process, so its signals reach this test.
    task_postrun.connect(count, weak=False)
    try:
        for _ in range(2):
            celery_worker.send_task("education.tasks.remind_overdue_reviews")
        deadline = time.monotonic() + 30
        while len(finished) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        task_postrun.disconnect(count)
    assert finished == ["education.tasks.remind_overdue_reviews"] * 2
    assert len(mail.outbox) == 1
    assert Page.objects.get(pk=overdue_page.pk).review_reminder_sent_for == datetime.date(
        2025, 1, 1
    )
