"""Error pages keep the portal's header and a way home."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from portal.idle import IDLE_LIMIT_KEY

pytestmark = pytest.mark.django_db


def test_a_bad_request_gets_the_portals_400_page_with_its_header(client):
    response = client.get("/", HTTP_HOST="not-a-host-we-serve.example")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Request not understood" in html
    assert 'class="site-header' in html


def test_the_500_page_has_the_header_and_a_link_home():
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert 'class="site-header' in html
    assert '<a href="/">Go to the start page</a>' in html


def test_a_bad_host_from_a_signed_in_browser_gets_the_400_page(client, psychiatrist):
    # The session is read before the host is checked, and the user only after: the page's
    # idle-warning context must not need a user that was never set (a session signed in
    # before the idle rule holds no idle limit, which is worked out from the user).
    client.force_login(psychiatrist)
    session = client.session
    del session[IDLE_LIMIT_KEY]
    session.save()
    response = client.get("/review/", HTTP_HOST="not-a-host-we-serve.example")
    assert response.status_code == 400
    assert "Request not understood" in response.content.decode()
