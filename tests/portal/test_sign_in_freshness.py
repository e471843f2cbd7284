"""A change to an account or its roles counts at the account's very next request, with the
shared cache as in production (cached sessions; the user and roles read afresh)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal import roles

pytestmark = pytest.mark.django_db
QUEUE = "/review/"


@pytest.fixture(params=["per process", "shared Redis (CACHE_URL)"])
def cache_mode(request):
    if request.param != "per process":
        request.getfixturevalue("shared_cache")
    return request.param


def test_a_deactivated_account_is_signed_out_at_its_next_request(cache_mode, client, psychiatrist):
    client.force_login(psychiatrist)
    assert client.get(QUEUE).status_code == 200
    get_user_model().objects.filter(pk=psychiatrist.pk).update(is_active=False)  # no signals
    response = client.get(QUEUE)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_new_password_ends_the_sessions_signed_in_with_the_old_one(
    cache_mode, client, psychiatrist
):
    client.force_login(psychiatrist)
    assert client.get(QUEUE).status_code == 200
    user = get_user_model().objects.get(pk=psychiatrist.pk)
    user.set_password("a whole new passphrase 2026")
    user.save()
    response = client.get(QUEUE)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_role_taken_away_counts_at_the_next_request(cache_mode, client, psychiatrist):
    client.force_login(psychiatrist)
    assert client.get(QUEUE).status_code == 200
    psychiatrist.groups.remove(Group.objects.get(name=roles.PSYCHIATRISTS))
    assert client.get(QUEUE).status_code == 404


def test_clearing_a_groups_members_takes_the_role_away(cache_mode, client, psychiatrist):
    client.force_login(psychiatrist)
    assert client.get(QUEUE).status_code == 200
    Group.objects.get(name=roles.PSYCHIATRISTS).user_set.clear()
    assert client.get(QUEUE).status_code == 404


def test_a_role_added_later_is_seen_at_once(cache_mode, client, patient):
    client.force_login(patient)
    assert client.get(QUEUE).status_code == 404
    Group.objects.get(name=roles.PSYCHIATRISTS).user_set.add(patient)
    # Now staff: the role counts at once, so the queue first asks for a second factor.
    response = client.get(QUEUE)
    assert response.status_code == 302 and response.url.startswith("/accounts/mfa/setup/")
