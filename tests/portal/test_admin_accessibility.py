"""Every admin page an editor, a clinical reviewer and an admin reach passes axe at 360 px.

We ship the Django admin to editors, reviewers and admins, so its pages are ours to keep
accessible (WCAG 2.2 AA). Each role signs in, and the crawl follows every admin link it
finds (changelists, add and change forms, history, the education review pages), one page
of each shape (ids replaced), and runs axe-core on each.
"""

import re
from collections import deque
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from portal.management.commands.load_demo import DEMO_PASSWORD
from tests.axe import axe_violations
from tests.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Links that sign out or leave the admin; the crawl stays on pages the role reads.
SKIPPED = re.compile(r"/logout/|/admin/r/|/jsi18n/")
ID_SEGMENT = re.compile(r"/(\d+|[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{32})(?=/)")
MAX_PAGES = 150


def _shape(path: str) -> str:
    """The page's kind: its path with ids replaced, so one page of each kind is checked."""
    return ID_SEGMENT.sub("/<id>", path)


def _admin_links(page) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs if urlsplit(href).path.startswith("/admin/")]


def _crawl(page) -> tuple[dict, list]:
    """Visit each kind of admin page reachable from the index; axe each one."""
    seen, failures, visited = {_shape("/admin/")}, {}, []
    queue = deque(["/admin/"])
    while queue and len(visited) < MAX_PAGES:
        path = queue.popleft()
        response = page.goto(path)
        visited.append(path)
        if response.status >= 400 or not urlsplit(page.url).path.startswith("/admin/"):
            failures[path] = f"HTTP {response.status} at {page.url}"
            continue
        violations = axe_violations(page, f"admin-360px{path}")
        if violations:
            failures[path] = violations
        for link in _admin_links(page):
            if not SKIPPED.search(link) and _shape(link) not in seen:
                seen.add(_shape(link))
                queue.append(link)
    return failures, visited


@pytest.mark.parametrize(
    "username",
    ["editor@demo.example", "reviewer@demo.example", "admin@demo.example"],
    ids=["editor", "clinical-reviewer", "admin"],
)
def test_every_admin_page_a_role_reaches_passes_axe_on_a_phone(phone_page, username):
    call_command("load_demo", stdout=StringIO())
    sign_in(phone_page, username, DEMO_PASSWORD)
    failures, visited = _crawl(phone_page)
    print(f"{username}: {len(visited)} admin pages checked:", *visited)
    assert len(visited) >= 5
    assert not failures, "\n".join(f"{path}: {problem}" for path, problem in failures.items())
