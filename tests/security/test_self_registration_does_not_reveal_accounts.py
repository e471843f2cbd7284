"""Self-registration (when it is on) never says whether an address has an account: the same
page either way, and an email to the address either way (a link to finish, or "you already
have an account: sign in or reset your password")."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from portal import roles
from tests.browser import PASSWORD, user_with_password

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]
NEW_PASSWORD = "another-long-passphrase-77"


@pytest.fixture(autouse=True)
def _registration_on(settings):
    settings.ALLOW_SELF_REGISTRATION = True


@pytest.fixture
def existing(db):
    return user_with_password("ivy@patients.example", groups=[roles.PATIENTS])


@pytest.fixture
def register(client, django_capture_on_commit_callbacks):
    """Post the form; the email task runs as the transaction commits, as in production."""

    def post(email):
        data = {"first_name": "Ivy", "last_name": "Iris", "email": email,
                "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("register"), data)

    return post


def _page(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_the_answer_is_the_same_whether_or_not_the_address_has_an_account(register, existing):
    known = register("IVY@patients.example")
    unknown = register("ivy.new@patients.example")
    assert (known.status_code, _page(known)) == (unknown.status_code, _page(unknown))
    assert "Check your email" in _page(known)


def test_an_existing_account_gets_an_email_saying_so_and_is_left_unchanged(register, existing):
    register(existing.username)
    (message,) = mail.outbox
    assert message.to == [existing.username]
    assert "already have an account" in message.body
    assert reverse("password_reset") in message.body
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)
    assert get_user_model().objects.filter(username__iexact=existing.username).count() == 1


def test_a_new_address_gets_a_link_that_creates_the_account_and_signs_in(client, register):
    register("ivy.new@patients.example")
    assert not get_user_model().objects.filter(username="ivy.new@patients.example").exists()
    (message,) = mail.outbox
    assert message.to == ["ivy.new@patients.example"]
    assert "Ivy" not in message.body  # a link only: no name in an email
    link = re.search(r"https?://\S+", message.body).group(0)
    path = link.removeprefix("http://testserver")
    assert client.get(path).status_code == 200  # a button: mail scanners open links
    assert client.post(path)["Location"] == reverse("intake:home")
    user = get_user_model().objects.get(username="ivy.new@patients.example")
    assert roles.is_patient(user) and user.check_password(NEW_PASSWORD)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.post(path).status_code == 410  # once only


@pytest.mark.browser
def test_registering_in_a_browser_from_the_form_to_the_signed_in_home(
    page, live_server, axe, settings
):
    settings.PORTAL_BASE_URL = live_server.url
    page.goto("/accounts/register/")
    page.get_by_label("First name").fill("Ivy")
    page.get_by_label("Last name").fill("Iris")
    page.get_by_label("Email address").fill("ivy.browser@patients.example")
    page.get_by_label("Create a password").fill(NEW_PASSWORD)
    page.get_by_label("Type the password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("heading", name="Check your email").wait_for()
    axe(page, "registration sent")
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    axe(page, "registration confirm")
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_load_state()
    assert page.url.endswith(reverse("intake:home"))
