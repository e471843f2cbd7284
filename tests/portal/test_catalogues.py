"""The committed catalogues: an empty plural entry is compiled (unlike an empty singular)
and hides the translation another catalogue holds, so a Spanish page would show English
without any test of that page failing at once."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("*/locale/*/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_catalogue_holds_an_empty_plural(path):
    with path.open("rb") as po:
        catalogue = read_po(po)
    empty = [m.id for m in catalogue if isinstance(m.id, tuple) and not all(m.string)]
    assert empty == []


def test_every_catalogue_is_found():
    assert {p.relative_to(ROOT).parts[0] for p in CATALOGUES} == {"portal", "intake", "education"}
