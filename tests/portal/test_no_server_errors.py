"""Whatever a visitor puts in the address bar, the portal answers without a server error."""

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

QUEUE_KEYS = ("status", "who", "flag", "visit_date", "after", "page")
junk = st.text(max_size=60)


@pytest.fixture
def signed_in(client, request):
    def as_(persona):
        if persona:
            client.force_login(request.getfixturevalue(persona))
        return client

    return as_


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=st.dictionaries(st.sampled_from(QUEUE_KEYS), junk, max_size=4))
def test_the_queue_never_fails_on_odd_filters(signed_in, params):
    response = signed_in("psychiatrist").get("/review/", params)
    assert response.status_code < 500


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=junk)
def test_education_search_never_fails(client, query):
    assert client.get("/learn/search/", {"q": query}).status_code < 500


# Any text a URL can carry (UTF-8: no lone surrogates, which no client can send).
TOKEN_CHARACTERS = st.characters(codec="utf-8", exclude_characters="/?#%")


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(token=st.text(alphabet=TOKEN_CHARACTERS, min_size=1, max_size=80))
def test_invitation_links_never_fail(client, token):
    assert client.get(f"/invite/{token}/").status_code < 500


@pytest.mark.parametrize(
    ("persona", "path"),
    [
        ("patient", "/intake/{id}/"),
        ("patient", "/intake/{id}/check/"),
        ("psychiatrist", "/review/i/{id}/"),
        ("psychiatrist", "/review/i/{id}/fhir.json"),
        (None, "/learn/pages/no-such-page/"),
        (None, "/accounts/reset/junk/junk-token/"),
        (None, "/accounts/login/?next=//evil.example/"),
    ],
    ids=["intake", "intake-check", "review-detail", "fhir", "education-page", "reset", "next"],
)
def test_unknown_ids_and_odd_links_answer_without_a_server_error(signed_in, persona, path):
    response = signed_in(persona).get(path.format(id=uuid.uuid4()))
    assert response.status_code in (200, 302, 404)
