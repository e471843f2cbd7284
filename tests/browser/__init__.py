"""Small helpers for Playwright tests."""

from tests.factories import make_user

PASSWORD = "correct-horse-battery-staple-42"


def sign_in(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def user_with_password(username: str, groups=(), **extra):
    return make_user(username, groups=groups, password=PASSWORD, **extra)
