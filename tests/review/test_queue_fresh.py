"""The queue page is rendered afresh on every view (no page cache), with the shared cache as
in production: every write shows at once, each psychiatrist sees their own page, messages
show once, and the CSRF token (outside the cached filter form) works."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from intake.models import Intake
from intake.review import services
from tests.factories import make_patient, make_queue_intake, make_submitted_intake

pytestmark = pytest.mark.django_db
QUEUE = "/review/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(params=["per process", "shared Redis (CACHE_URL)"])
def cache_mode(request):
    if request.param != "per process":
        request.getfixturevalue("shared_cache")
    return request.param


def test_each_page_carries_a_working_csrf_token(cache_mode, psychiatrist):
    make_queue_intake(priority="stat")
    client = Client(enforce_csrf_checks=True)
    client.force_login(psychiatrist)
    client.get(QUEUE)
    html = client.get(QUEUE).content.decode()  # the filter form now from the cache
    tokens = TOKEN.findall(html)
    # take-next and sign-out forms, and the idle warning's "Stay signed in" and "Sign out now"
    assert len(tokens) == 4
    response = client.post(reverse("review:take_next"), {"csrfmiddlewaretoken": tokens[0]})
    assert response.status_code == 302
    assert Intake.objects.get().assignee_id == psychiatrist.pk


def test_the_cached_filter_form_still_shows_the_filters_chosen(cache_mode, client, psychiatrist):
    client.force_login(psychiatrist)
    client.get(QUEUE, {"flag": "self_harm"})
    html = client.get(QUEUE, {"flag": "self_harm"}).content.decode()
    assert re.search(r'<option value="self_harm" selected', html)
    html = client.get(QUEUE, {"flag": ""}).content.decode()
    assert not re.search(r'<option value="self_harm" selected', html)


def test_a_message_shows_once(cache_mode, client, psychiatrist):
    client.force_login(psychiatrist)
    client.get(QUEUE)
    shown = client.post(reverse("review:take_next"), follow=True).content.decode()
    assert "Nothing is waiting" in shown
    assert "Nothing is waiting" not in client.get(QUEUE).content.decode()


def test_each_psychiatrist_gets_their_own_page(cache_mode, psychiatrist, second_psychiatrist):
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


def test_a_claim_shows_at_once(cache_mode, client, psychiatrist):
    intake = make_queue_intake()
    client.force_login(psychiatrist)
    assert "Submitted" in client.get(QUEUE).content.decode()
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    assert "In review" in client.get(QUEUE).content.decode()


def test_a_new_submission_shows_at_once(cache_mode, client, psychiatrist, patient):
    client.force_login(psychiatrist)
    assert "Alice Adams" not in client.get(QUEUE).content.decode()
    make_submitted_intake(patient)
    assert "Alice Adams" in client.get(QUEUE).content.decode()


def test_a_deleted_intake_and_a_renamed_patient_show_at_once(cache_mode, client, psychiatrist):
    gone = make_submitted_intake(make_patient("gone@example.org", first_name="Gus"))
    kept = make_submitted_intake(make_patient("kept@example.org", first_name="Kim"))
    client.force_login(psychiatrist)
    html = client.get(QUEUE).content.decode()
    assert "Gus" in html and "Kim" in html
    Intake.objects.filter(pk=gone.pk).delete()
    get_user_model().objects.filter(pk=kept.patient_id).update(first_name="Kira")
    html = client.get(QUEUE).content.decode()
    assert "Gus" not in html and "Kim" not in html and "Kira" in html
