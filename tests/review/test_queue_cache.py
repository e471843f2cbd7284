"""The queue page's cache (intake/review/queue_view.py and version.py), with the shared
cache as in production: each response still gets its own CSRF token and messages, each
psychiatrist their own page, and every write the queue shows counts at once."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from intake.models import Intake
from intake.review import recompute, services
from intake.review.version import queue_version
from intake.sections import SECTIONS
from intake.services import intake_save_answers
from tests.factories import make_intake, make_patient, make_queue_intake, make_submitted_intake

pytestmark = pytest.mark.django_db
QUEUE = "/review/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_a_repeat_view_of_the_queue_runs_no_database_query(
    shared_cache, client, psychiatrist, django_assert_num_queries
):
    make_queue_intake(priority="stat")
    client.force_login(psychiatrist)
    first = client.get(QUEUE)
    with django_assert_num_queries(0):
        again = client.get(QUEUE)
    assert again.status_code == 200
    assert TOKEN.sub("", again.content.decode()) == TOKEN.sub("", first.content.decode())


def test_each_cached_page_carries_its_own_working_csrf_token(shared_cache, psychiatrist):
    make_queue_intake(priority="stat")
    client = Client(enforce_csrf_checks=True)
    client.force_login(psychiatrist)
    client.get(QUEUE)
    html = client.get(QUEUE).content.decode()  # from the cache
    tokens = TOKEN.findall(html)
    assert len(tokens) == 2 and "csrf-" not in html  # take-next and sign-out forms
    response = client.post(reverse("review:take_next"), {"csrfmiddlewaretoken": tokens[0]})
    assert response.status_code == 302
    assert Intake.objects.get().assignee_id == psychiatrist.pk


def test_a_message_shows_once_and_is_not_kept_in_the_cache(shared_cache, client, psychiatrist):
    client.force_login(psychiatrist)
    client.get(QUEUE)
    shown = client.post(reverse("review:take_next"), follow=True).content.decode()
    assert "Nothing is waiting" in shown
    assert "Nothing is waiting" not in client.get(QUEUE).content.decode()


def test_each_psychiatrist_gets_their_own_page(shared_cache, psychiatrist, second_psychiatrist):
    intake = make_queue_intake()
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    pages = {}
    for user in (psychiatrist, second_psychiatrist):
        client = Client()
        client.force_login(user)
        client.get(QUEUE)
        pages[user.pk] = client.get(QUEUE).content.decode()
    assert ">You<" in pages[psychiatrist.pk]
    assert (
        "Sam Stone" in pages[second_psychiatrist.pk]
        and ">You<" not in pages[second_psychiatrist.pk]
    )


@pytest.mark.parametrize("cache", ["per process", "shared"])
def test_a_claim_shows_at_once_despite_the_page_cache(request, cache, client, psychiatrist):
    if cache == "shared":
        request.getfixturevalue("shared_cache")
    intake = make_queue_intake()
    client.force_login(psychiatrist)
    assert "Submitted" in client.get(QUEUE).content.decode()
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    assert "In review" in client.get(QUEUE).content.decode()


def test_a_new_submission_shows_at_once_despite_the_page_cache(
    shared_cache, client, psychiatrist, patient
):
    client.force_login(psychiatrist)
    assert "Alice Adams" not in client.get(QUEUE).content.decode()
    make_submitted_intake(patient)
    assert "Alice Adams" in client.get(QUEUE).content.decode()


def _claim(intake, psychiatrist):
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)


def _bulk_update(intake, psychiatrist):
    Intake.objects.filter(pk=intake.pk).update(priority="stat", priority_rank=0)


def _save(intake, psychiatrist):
    intake.priority = "urgent"
    intake.save()


def _recompute(intake, psychiatrist):
    Intake.objects.filter(pk=intake.pk).update(evaluation={})  # (itself a change)
    before = queue_version()
    assert recompute.intakes_recompute().changed == 1
    assert queue_version() != before


def _delete(intake, psychiatrist):
    intake.delete()


def _rename_patient(intake, psychiatrist):
    intake.patient.last_name = "Renamed"
    intake.patient.save()


@pytest.mark.parametrize(
    "write", [_claim, _bulk_update, _save, _recompute, _delete, _rename_patient]
)
def test_every_write_the_queue_shows_makes_a_new_version(shared_cache, psychiatrist, write):
    intake = make_submitted_intake(make_patient("v@example.org"))
    before = queue_version()
    assert queue_version() == before  # steady while nothing changes
    write(intake, psychiatrist)
    assert queue_version() != before


def test_a_patient_saving_a_draft_leaves_the_queue_version(shared_cache, patient):
    intake = make_intake(patient)
    before = queue_version()

    def update(answers, details):
        answers["age"] = 40

    intake_save_answers(intake=intake, section=SECTIONS[0].key, update=update)
    assert queue_version() == before


def test_a_lost_version_is_a_new_version(shared_cache):
    from django.core.cache import cache

    before = queue_version()
    cache.clear()
    assert queue_version() != before


@pytest.mark.django_db(transaction=True)
def test_the_benchmark_client_keeps_the_csrf_cookie_and_loads_the_cached_queue(
    shared_cache, live_server, psychiatrist
):
    from intake.review.bench.loadgen import run_load, with_cookies_set_by

    make_queue_intake(priority="stat")
    client = Client()
    client.force_login(psychiatrist)
    url = live_server.url + QUEUE
    cookie = with_cookies_set_by(url, f"sessionid={client.cookies['sessionid'].value}")
    assert "csrftoken=" in cookie and "sessionid=" in cookie
    result = run_load("queue", url, cookie=cookie, seconds=0.5, concurrency=2)
    assert result.requests > 0 and result.errors == 0
