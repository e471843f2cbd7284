"""Emails to patients, in the patient's own language and with no health information.

Each message is two templates, ``<name>_subject.txt`` and ``<name>.txt``, with its words
marked for translation (so they live in the catalogues like every page's). The language
is the patient's saved choice (``portal.language``); a person with none gets English.
"""

from django.template.loader import render_to_string
from django.utils import translation

from .language import is_offered, preferred_language

DEFAULT_LANGUAGE = "en"


def patient_language(user) -> str:
    """The language a patient's emails are written in."""
    code = preferred_language(user) if user is not None else None
    return code if code and is_offered(code) else DEFAULT_LANGUAGE


def render_patient_email(name: str, context: dict, *, language: str) -> tuple[str, str]:
    """The subject (one line) and body of ``name`` written in ``language``."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{name}_subject.txt", context).split())
        body = render_to_string(f"{name}.txt", context).strip() + "\n"
    return subject, body
