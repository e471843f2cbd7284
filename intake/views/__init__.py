"""Patient views of the intake. Every one reaches the intake through
``access._get_intake_for_patient`` (404 for anything not the patient's own)."""

from .export import answers_download
from .medications import medication_edit, medication_remove, medications
from .pages import home, start, step, tasks
from .resume import resume
from .scores import scores
from .submit import check, confirmation, submit

__all__ = [
    "answers_download",
    "check",
    "confirmation",
    "home",
    "medication_edit",
    "medication_remove",
    "medications",
    "resume",
    "scores",
    "start",
    "step",
    "submit",
    "tasks",
]
