import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal import roles

pytestmark = pytest.mark.django_db


def _fresh(user):
    # A new request loads the user afresh: no per-request memo.
    return get_user_model().objects.get(pk=user.pk)


def test_a_psychiatrist_removed_from_the_group_loses_the_role_at_once(shared_cache, psychiatrist):
    assert roles.is_psychiatrist(_fresh(psychiatrist))
    psychiatrist.groups.remove(Group.objects.get(name=roles.PSYCHIATRISTS))
    assert not roles.is_psychiatrist(_fresh(psychiatrist))


def test_clearing_a_groups_members_drops_their_cached_roles(shared_cache, psychiatrist):
    assert roles.is_psychiatrist(_fresh(psychiatrist))
    Group.objects.get(name=roles.PSYCHIATRISTS).user_set.clear()
    assert not roles.is_psychiatrist(_fresh(psychiatrist))


def test_a_role_added_later_is_seen_at_once(shared_cache, patient):
    assert not roles.is_psychiatrist(_fresh(patient))
    Group.objects.get(name=roles.PSYCHIATRISTS).user_set.add(patient)
    assert roles.is_psychiatrist(_fresh(patient))


def test_roles_are_read_from_the_shared_cache_on_the_next_request(
    shared_cache, psychiatrist, django_assert_num_queries
):
    roles.is_psychiatrist(_fresh(psychiatrist))
    user = _fresh(psychiatrist)
    with django_assert_num_queries(0):
        assert roles.is_psychiatrist(user)
