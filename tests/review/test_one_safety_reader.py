"""Crisis help, the unsent-safety page and the risk rank read one thing: the intake's safety
answers (``intake.safety.safety_answers``), typed, from complete and unfinished pages alike.
For the same answers kept from unfinished pages they agree (issue 21)."""

import importlib

import pytest
from django.apps import apps
from django.test import Client

from intake.models import Intake
from intake.safety import LOW, NOT_KNOWN, NOT_STAT
from intake.services import intake_save_answers
from tests.factories import make_intake, make_queue_intake
from tests.intake.pages import url

pytestmark = pytest.mark.django_db

ITEM_9_ROW = "<dt>PHQ-9 item 9:"  # its row among the safety answers shown


def _draft_keeping(patient, pending: dict) -> Intake:
    """A draft whose unfinished pages kept ``pending`` (typed, as a save keeps them)."""
    draft = make_intake(patient)
    intake_save_answers(
        intake=draft,
        section="safety",
        update=lambda answers, details: details.update(pending=pending),
    )
    return Intake.objects.get(pk=draft.pk)


@pytest.mark.parametrize(
    ("pending", "positive", "item_9_shown"),
    [
        ({"safety": {"q1": True, "q2": True}}, True, False),
        ({"mood": {"phq_9_9": 2}}, True, True),
        # Not an answer to item 9 (0-3): one reader took it as positive, another dropped it.
        ({"mood": {"phq_9_9": 7}}, False, False),
        ({"mood": {"phq_9_9": 7}, "safety": {"q1": True}}, True, False),
        ({"mood": {"phq_9_9": 0}, "safety": {"q1": False, "q2": False}}, False, False),
        ({"safety": {"q1": False, "q3": True}}, False, False),  # q3 is not asked after no
    ],
    ids=[
        "two-yes-unfinished",
        "item-9-alone",
        "item-9-out-of-range",
        "item-9-out-of-range-with-a-yes",
        "all-no",
        "a-question-not-asked",
    ],
)
def test_crisis_help_the_unsent_page_and_the_risk_rank_agree(
    client, patient, psychiatrist, pending, positive, item_9_shown
):
    draft = _draft_keeping(patient, pending)
    client.force_login(patient)
    crisis = "crisis-banner" in client.get(url("tasks", draft)).content.decode()
    staff = Client()
    staff.force_login(psychiatrist)
    unsent_page = staff.get(f"/review/i/{draft.public_id}/")
    seen = unsent_page.status_code == 200

    assert crisis == seen == (draft.risk_rank != NOT_STAT) == positive
    assert (ITEM_9_ROW in unsent_page.content.decode()) == item_9_shown


def test_the_migration_types_the_safety_answers_kept_before_and_ranks_again(patient):
    """Drafts saved before kept the posted text; migration 0021 gives them the typed shape,
    and the ranks their new numbers (an unfinished screener: not known)."""
    draft = _draft_keeping(patient, {"safety": {"q1": True, "q2": True}})
    raw = {"safety": {"q1": "yes", "q2": "yes"}, "mood": {"phq_9_9": "2", "phq_9_1": "9"}}
    Intake.objects.filter(pk=draft.pk).update(details={"pending": raw}, risk_rank=3)
    sent = make_queue_intake(priority="stat", risk_rank=3)  # low, as numbered before

    importlib.import_module("intake.migrations.0021_typed_safety_drafts").forwards(apps, None)

    draft.refresh_from_db()
    sent.refresh_from_db()
    assert draft.details["pending"] == {"safety": {"q1": True, "q2": True}, "mood": {"phq_9_9": 2}}
    assert (draft.risk_rank, sent.risk_rank) == (NOT_KNOWN, LOW)
