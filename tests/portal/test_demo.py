from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from education.models import Page
from intake.models import Intake

pytestmark = pytest.mark.django_db


def _counts():
    return (get_user_model().objects.count(), Intake.objects.count(), Page.objects.count())


def test_load_demo_twice_creates_everything_once_and_the_demo_patient_can_sign_in():
    call_command("load_demo", stdout=StringIO())
    first = _counts()
    call_command("load_demo", stdout=StringIO())
    assert _counts() == first
    assert first[1] >= 40 and first[2] >= 12
    # django-axes checks every sign-in against its client, so authenticate needs a request.
    request = RequestFactory().post("/accounts/login/")
    user = authenticate(request, username="patient@demo.example", password="demo-portal-2026")
    assert user is not None
