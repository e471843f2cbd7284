"""The signed-in user read from the shared cache (portal/identity.py), against real Redis:
fast on a repeat request, and never stale after a change to the account or its roles."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches

from portal import roles
from portal.identity import CachedModelBackend

pytestmark = pytest.mark.django_db
QUEUE = "/review/"


def test_a_repeat_request_reads_no_user_row(shared_cache, psychiatrist, django_assert_num_queries):
    backend = CachedModelBackend()
    first = backend.get_user(psychiatrist.pk)
    with django_assert_num_queries(0):
        again = backend.get_user(psychiatrist.pk)
    assert again.pk == first.pk == psychiatrist.pk
    assert roles.is_psychiatrist(again)


def test_each_request_gets_its_own_copy_of_the_user(shared_cache, psychiatrist):
    backend = CachedModelBackend()
    first = backend.get_user(psychiatrist.pk)
    first.first_name = "Changed in memory only"
    assert backend.get_user(psychiatrist.pk).first_name == "Sam"


def test_without_a_shared_cache_the_row_is_read_every_time(psychiatrist, django_assert_num_queries):
    backend = CachedModelBackend()
    backend.get_user(psychiatrist.pk)
    with django_assert_num_queries(1):
        backend.get_user(psychiatrist.pk)


def test_a_change_counts_in_a_process_still_holding_the_old_row(shared_cache, psychiatrist):
    backend = CachedModelBackend()
    backend.get_user(psychiatrist.pk)  # this process now holds the row under a stamp
    held = len(caches["local"]._cache)
    user = get_user_model().objects.get(pk=psychiatrist.pk)
    user.last_name = "Stone-Reyes"
    user.save()  # as another process would: only the shared entry is dropped
    assert len(caches["local"]._cache) == held
    assert backend.get_user(psychiatrist.pk).last_name == "Stone-Reyes"


def test_a_deactivated_account_is_signed_out_at_its_next_request(
    shared_cache, client, psychiatrist
):
    client.force_login(psychiatrist)
    assert client.get(QUEUE).status_code == 200
    user = get_user_model().objects.get(pk=psychiatrist.pk)
    user.is_active = False
    user.save()
    response = client.get(QUEUE)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_new_password_ends_the_sessions_signed_in_with_the_old_one(
    shared_cache, client, psychiatrist
):
    client.force_login(psychiatrist)
    assert client.get(QUEUE).status_code == 200
    user = get_user_model().objects.get(pk=psychiatrist.pk)
    user.set_password("a whole new passphrase 2026")
    user.save()
    response = client.get(QUEUE)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_role_taken_away_counts_at_the_next_request(shared_cache, client, psychiatrist):
    client.force_login(psychiatrist)
    assert client.get(QUEUE).status_code == 200
    psychiatrist.groups.remove(Group.objects.get(name=roles.PSYCHIATRISTS))
    assert client.get(QUEUE).status_code == 404


def test_the_redis_cache_keeps_one_client_per_server(shared_cache):
    cache = caches["default"]
    cache.set("portal:test:key", {"value": 1}, 30)
    assert cache.get("portal:test:key") == {"value": 1}
    assert cache._cache.get_client() is cache._cache.get_client()
