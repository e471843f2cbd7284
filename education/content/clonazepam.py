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

# A visible placeholder, so nobody mistakes the demo content for a clinical sign-off.
REVIEWER = {
    "reviewer_name": "Demo Reviewer",
    "reviewer_credentials": "MD (placeholder until clinical sign-off)",
}

PAGES = [*BASICS, *SAFETY]
