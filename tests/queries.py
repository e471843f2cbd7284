"""Counting the queries a page costs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_queries(client, address: str) -> int:
    """The queries of a second GET of ``address`` (the first of a process builds its
    per-process tables and memos), which must answer 200."""
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries.captured_queries)
