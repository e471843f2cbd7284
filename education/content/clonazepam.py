"""The clonazepam topic: its pages in reading order (one per subject in DESIGN.md)."""

from .. import slugs
from .clonazepam_basics import PAGES as BASICS
from .clonazepam_safety import PAGES as SAFETY

TOPIC = {
    "slug": slugs.TOPIC_CLONAZEPAM,
    "title": "Clonazepam (Klonopin)",
    "summary": (
        "Plain-language pages about clonazepam and other benzodiazepines: doses, timing, "
        "side effects, safety and stopping."
    ),
    "order": 1,
}

PAGES = [*BASICS, *SAFETY]
