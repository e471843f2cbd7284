"""The standard FHIR ``translation`` extension
(http://hl7.org/fhir/StructureDefinition/translation): another language's words for a
string element, put on the element's shadow (``_text`` beside ``text``)."""

from django.conf import settings
from django.utils import translation

TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
ENGLISH = "en"


def other_languages() -> list[str]:
    """The offered languages other than English, the resources' own language."""
    return [code for code, _name in settings.LANGUAGES if code != ENGLISH]


def extension(language: str, words: str) -> dict:
    return {
        "url": TRANSLATION,
        "extension": [
            {"url": "lang", "valueCode": language},
            {"url": "content", "valueString": words},
        ],
    }


def translated(element: dict, key: str, words: dict | None) -> dict:
    """``element`` with ``words`` (language -> words) as translations of its ``key``; a
    language whose words are the English ones (not yet translated) is left out."""
    english = element.get(key)
    found = [
        extension(code, str(w)) for code, w in (words or {}).items() if w and str(w) != english
    ]
    if found:
        element[f"_{key}"] = {"extension": found}
    return element


def in_each_language(lazy_words) -> dict:
    """A lazy string's words in each other offered language (from the catalogues)."""
    found = {}
    for code in other_languages():
        with translation.override(code):
            found[code] = str(lazy_words)
    return found
