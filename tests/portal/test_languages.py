"""English and Spanish (issue 26): the browser's language decides before sign-in, and the
committed catalogues compile (what `make messages` does on a fresh clone)."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse

CATALOGUES = sorted(Path(settings.BASE_DIR).glob("*/locale/*/LC_MESSAGES/django.po"))


@pytest.mark.django_db
def test_a_spanish_browser_gets_the_sign_in_page_in_spanish(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9,en;q=0.5")
    html = response.content.decode()
    assert response["Content-Language"] == "es"
    assert '<html lang="es">' in html
    assert "Ir al contenido principal" in html


@pytest.mark.django_db
def test_an_english_browser_and_an_unknown_language_get_english(client):
    for header in ("en-US,en;q=0.9", "fr-FR,fr;q=0.9"):
        html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE=header).content.decode()
        assert '<html lang="en">' in html
        assert "Skip to main content" in html


def test_there_is_a_spanish_catalogue_for_the_portal():
    assert Path(settings.BASE_DIR, "portal/locale/es/LC_MESSAGES/django.po") in CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_each_catalogue_compiles_cleanly(path):
    """Babel skips a catalogue marked fuzzy (its header) and a translation whose
    placeholders differ from the English would fail when rendered."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    assert not catalog.fuzzy, f"{path}: remove '#, fuzzy' from the header"
    problems = [(message.id, errors) for message, errors in catalog.check() if errors]
    assert not problems, problems
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    assert not fuzzy, f"fuzzy translations are not used: {fuzzy}"
