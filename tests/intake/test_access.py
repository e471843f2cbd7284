"""A patient reaches only their own intakes; every intake form is CSRF-protected."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_intake
from tests.intake.pages import KLONOPIN, add_medicine, question_pages, url

QUESTION_PAGES = question_pages()

pytestmark = pytest.mark.django_db

INTAKE_URLS = [
    ("tasks", ()),
    ("medications", ()),
    ("medication_add", ()),
    ("medication_edit", (0,)),
    ("medication_remove", (0,)),
    *((key, ()) for key in QUESTION_PAGES),
    ("check", ()),
    ("submit", ()),
    ("confirmation", ()),
]


@pytest.fixture
def alices_intake(client, patient):
    intake = make_intake(patient)
    client.force_login(patient)
    add_medicine(client, intake, KLONOPIN)
    client.logout()
    return intake


POST_ONLY = {"submit", "medication_remove"}
REQUESTS = [
    (method, name, args)
    for name, args in INTAKE_URLS
    for method in ("get", "post")
    if not (method == "get" and name in POST_ONLY)
]


@pytest.mark.parametrize(
    ("method", "name", "args"), REQUESTS, ids=[f"{m}-{n}" for m, n, _ in REQUESTS]
)
def test_another_patient_gets_404_for_every_intake_url(
    client, second_patient, alices_intake, method, name, args
):
    client.force_login(second_patient)
    response = getattr(client, method)(url(name, alices_intake, *args), {"key": "x"})
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "args"), INTAKE_URLS, ids=[n for n, _ in INTAKE_URLS])
def test_a_psychiatrist_gets_404_for_every_intake_url(
    client, psychiatrist, alices_intake, name, args
):
    client.force_login(psychiatrist)
    assert client.post(url(name, alices_intake, *args)).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, alices_intake):
    response = client.get(url("tasks", alices_intake))
    assert response.url.startswith(reverse("login"))


def test_a_post_without_the_csrf_token_is_refused(patient, alices_intake):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(patient)
    response = strict.post(url("about", alices_intake), {"sex_at_birth": "male"})
    assert response.status_code == 403


def test_an_unknown_intake_id_is_404(client, patient):
    client.force_login(patient)
    missing = "/intake/00000000-0000-4000-8000-000000000000/"
    assert client.get(missing).status_code == 404


def test_a_page_address_without_its_slash_goes_to_the_page(client, patient, alices_intake):
    client.force_login(patient)
    response = client.get(f"/intake/{alices_intake.public_id}/side-effects/falls-and-driving")
    assert response.status_code == 302
    assert response["Location"].endswith("/side-effects/falls-and-driving/")
    assert client.get(f"/intake/{alices_intake.public_id}/no-such-page/").status_code == 404
