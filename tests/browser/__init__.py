"""Small helpers for Playwright tests."""

from django.contrib.auth import get_user_model

from portal import roles
from tests.factories import make_intake, make_user, second_factor_code

PASSWORD = "correct-horse-battery-staple-42"
# A medicine already saved on a patient's intake (its answers in the stored format).
SERTRALINE = {"name": "sertraline", "strength_mg": 50.0, "times_per_day": 1,
              "duration": 12, "duration_unit": "weeks"}  # fmt: skip


def sign_in(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/accounts/mfa/verify/" in page.url:
        # Staff: the second step, with the code their app would show now.
        user = get_user_model().objects.get(username=username)
        page.get_by_label("Code").fill(second_factor_code(user))
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()


def user_with_password(username: str, groups=(), **extra):
    return make_user(username, groups=groups, password=PASSWORD, **extra)


def patient_intake(username: str, **fields):
    """A draft intake of a patient who signs in with ``PASSWORD``."""
    return make_intake(user_with_password(username, groups=(roles.PATIENTS,)), **fields)


def open_intake(page, intake, path: str = "") -> None:
    """Sign in as the intake's patient, then open its page at ``path``."""
    sign_in(page, intake.patient.get_username())
    page.goto(f"/intake/{intake.public_id}/{path}")
