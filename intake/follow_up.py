"""The follow-up intake's and the check-in's questionnaires, declared from the first visit's.

A follow-up asks again only what may have changed since the last intake the patient sent:
the instruments always fresh, the safety pages exactly as in a first intake (the same
``Step`` objects, so crisis help, STAT and escalation cannot differ). A check-in between
visits is the PHQ-9 page, the GAD-7 page and the safety pages, nothing else.

``settings.INTAKE_FOLLOW_UP_QUESTIONNAIRE`` and ``settings.INTAKE_CHECK_IN_QUESTIONNAIRE``
name these; ``intake.sections.questionnaire(kind)`` reads them.
"""

from django.utils.translation import gettext_lazy as _

from .sections import QUESTIONNAIRE, Questionnaire, Section

_FIRST = QUESTIONNAIRE.sections_by_key
_STEPS = QUESTIONNAIRE.steps_by_key

# Until the reconciliation pages are declared the follow-up asks what a first visit asks.
FOLLOW_UP = Questionnaire(sections=QUESTIONNAIRE.sections)

CHECK_IN = Questionnaire(
    sections=(
        Section(
            "mood",
            _("Mood and anxiety"),
            (_STEPS["mood"], _STEPS["anxiety"]),
        ),
        _FIRST["safety"],
    )
)
