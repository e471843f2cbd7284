"""The Content Security Policy (django-csp) and the Permissions-Policy
(django-permissions-policy) on every page: the same policies the portal's own middleware
sent before the libraries replaced it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "font-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "form-action 'self'",
    "base-uri 'none'", "object-src 'none'",
}  # fmt: skip


def _directives(header: str) -> set[str]:
    return {part.strip() for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("name", ["home", "login", "admin:login"])
def test_every_page_sends_the_strict_policy_and_no_camera_microphone_or_location(client, name):
    response = client.get(reverse(name))
    assert _directives(response["Content-Security-Policy"]) == STRICT
    policy = {part.strip() for part in response["Permissions-Policy"].split(",")}
    assert policy == {"camera=()", "microphone=()", "geolocation=()"}


def test_an_error_page_carries_them_too(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert _directives(response["Content-Security-Policy"]) == STRICT
    assert "camera=()" in response["Permissions-Policy"]
