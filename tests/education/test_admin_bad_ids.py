"""An address with an id that is not a page's (a word, a file name) is a missing page."""

import pytest
from django.contrib.messages import get_messages

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/admin/education/page/abc/change/", "/admin/education/page/add/widgets.css/change/"],
    ids=["word", "file-name"],
)
def test_a_page_id_that_is_not_a_number_redirects_with_the_missing_page_message(
    client, editor, url
):
    client.force_login(editor)
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "doesn’t exist. Perhaps it was deleted?" in message
