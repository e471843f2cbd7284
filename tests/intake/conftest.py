"""Fixtures shared by the intake's tests."""

import pytest

from tests.factories import make_intake


@pytest.fixture
def intake(patient):
    """Alice's draft intake, visit in three days."""
    return make_intake(patient)


@pytest.fixture
def alice(client, patient):
    """The test client signed in as Alice, the patient."""
    client.force_login(patient)
    return client
