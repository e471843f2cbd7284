"""Light pages: the slim Bootstrap stylesheet keeps every class a template uses, and a page
loads only the scripts it uses (issue 26; the weight itself: test_page_weight.py)."""

import re
from pathlib import Path

import crispy_bootstrap5
from django.conf import settings
from django.urls import reverse

from portal.slimcss import SLIM, bootstrap_classes

BASE = Path(settings.BASE_DIR)
_CLASS_ATTR = re.compile(r'class="([^"]*)"')


def _template_files():
    yield from (BASE / "templates").rglob("*.html")
    for app in ("portal", "intake", "education"):
        yield from (BASE / app).rglob("templates/**/*.html")
    yield from (Path(crispy_bootstrap5.__file__).parent / "templates").rglob("*.html")


def test_every_bootstrap_class_a_template_uses_is_in_the_slim_stylesheet():
    used = set()
    for path in _template_files():
        for value in _CLASS_ATTR.findall(path.read_text()):
            used.update(re.findall(r"[A-Za-z0-9_-]+", value))
    slim = set(re.findall(r"\.(-?[A-Za-z_][A-Za-z0-9_-]*)", SLIM.read_text()))
    missing = sorted((used & bootstrap_classes()) - slim)
    assert not missing, f"run `manage.py slim_bootstrap` and commit it: {missing}"


def test_the_sign_in_page_loads_no_script_and_the_full_bootstrap_nowhere(client):
    html = client.get(reverse("login")).content.decode()
    assert "<script" not in html
    assert "bootstrap.slim" in html
    assert "bootstrap.min.css" not in html
    assert "bootstrap.bundle" not in html
