import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from portal import roles
from portal.tokens import make_invitation_token
from tests.browser import sign_in, user_with_password
from tests.factories import make_invitation, make_psychiatrist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "violet-harbor-lantern-2026"


def test_patient_opens_invitation_sets_password_signs_in_and_sees_intake_home(page, axe):
    invitation = make_invitation(created_by=make_psychiatrist(), email="nina@patients.example")
    token = make_invitation_token(invitation.public_id)

    page.goto("/")
    axe(page, "home")
    page.goto(f"/invite/{token}/")
    axe(page, "invitation-accept")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD + "-typo")
    page.get_by_role("button", name="Create account and continue").click()
    assert page.get_by_role("alert").is_visible()
    axe(page, "invitation-accept-error")

    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    page.get_by_role("button", name="Create account and continue").click()
    expect(page).to_have_url(re.compile(r"/intake/"))
    axe(page, "intake-home-after-invitation")

    page.get_by_role("button", name="Sign out").click()
    page.goto("/accounts/login/")
    axe(page, "login")
    page.get_by_label("Email address").fill("nina@patients.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/intake/"))
    assert page.get_by_role("heading", level=1).is_visible()


def test_a_used_invitation_link_shows_a_clear_page_in_the_browser(page, axe):
    invitation = make_invitation(created_by=make_psychiatrist(), email="otto@patients.example")
    url = f"/invite/{make_invitation_token(invitation.public_id)}/"
    page.goto(url)
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    page.get_by_role("button", name="Create account and continue").click()
    expect(page).to_have_url(re.compile(r"/intake/"))
    page.goto(url)
    assert page.get_by_text("already used").is_visible()
    axe(page, "invitation-used")


def test_the_portals_own_pages_have_no_accessibility_violations(page, axe):
    for path, name in (
        ("/no-such-page/", "not-found"),
        ("/accounts/login/?next=/intake/", "login-after-timeout"),
        ("/accounts/password_reset/", "password-reset"),
        ("/disclaimer/", "disclaimer"),
    ):
        page.goto(path)
        axe(page, name)


def test_a_psychiatrist_invites_a_patient_who_follows_the_emailed_link(
    page, chromium, live_server, axe, settings
):
    settings.PORTAL_BASE_URL = live_server.url
    doctor = user_with_password("dr.ada@clinic.example", groups=(roles.PSYCHIATRISTS,))
    sign_in(page, doctor.username)
    page.goto("/staff/invitations/")
    axe(page, "invitation-new")
    page.get_by_label("Patient's first name").fill("Nell")
    page.get_by_label("Patient's last name").fill("Nash")
    page.get_by_label("Patient's email address").fill("nell@patients.example")
    visit = timezone.localtime(timezone.now() + timedelta(days=2))
    page.get_by_label("Visit date and time").fill(visit.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation created")).to_be_visible()
    axe(page, "invitation-sent")

    [email] = mail.outbox
    link = re.search(r"https?://\S+/invite/\S+/", email.body).group(0)
    patient_page = chromium.new_context(base_url=live_server.url).new_page()
    patient_page.goto(link)
    patient_page.get_by_label("Create a password").fill(PASSWORD)
    patient_page.get_by_label("Type the password again").fill(PASSWORD)
    patient_page.get_by_role("button", name="Create account and continue").click()
    expect(patient_page).to_have_url(re.compile(r"/intake/"))
    expect(patient_page.get_by_text("For your visit on")).to_be_visible()
    patient_page.context.close()
