"""Fixtures shared by the security tests."""

import pytest
from django.core.cache import cache


@pytest.fixture
def fresh_cache():
    """An empty cache before and after the test: sign-in throttles, lockouts and
    second-factor attempts are counted there."""
    cache.clear()
    yield
    cache.clear()
