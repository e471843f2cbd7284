"""What changed since the last visit, at the top of the detail and print pages."""

import pytest
from django.urls import reverse

from intake.models import IntakeKind
from intake.review.changes import what_changed
from intake.review.detail import detail_context
from intake.services import intake_submit, intake_transition
from tests.factories import make_submitted_intake
from tests.intake.follow_up_cases import RECONCILED, answer_the_rest, returning_patient
from tests.intake.pages import post_ok

pytestmark = pytest.mark.django_db

# This time: a PHQ-9 of 0 (16 last time: remission) and a GAD-7 of 7 (14: a response).
CALMER = {f"phq_9_{n}": "0" for n in range(1, 10)}


@pytest.fixture
def follow_up(client, patient):
    """The returning patient's follow-up, sent: Klonopin up from 1 to 1.5 mg a day,
    sertraline the same, zolpidem stopped 3 weeks ago; calmer scores."""
    _, intake = returning_patient(patient)
    client.force_login(patient)
    url = reverse("intake:step", args=[intake.public_id, "medications/since-last-time/"])
    post_ok(client, url, RECONCILED)
    intake.refresh_from_db()
    answer_the_rest(client, intake, mood=CALMER)
    intake.refresh_from_db()
    client.logout()
    return intake_submit(intake_id=intake.pk, patient=patient)


def test_the_changes_are_the_changed_and_stopped_medicines_with_their_doses(follow_up):
    medicines = what_changed(follow_up)["medicines"]
    [changed], [stopped] = medicines["changed"], medicines["stopped"]
    assert (changed["name"], changed["before"]["daily"], changed["after"]["daily"]) == (
        "clonazepam", "1 mg a day", "1.5 mg a day"
    )  # fmt: skip
    assert changed["before"]["diazepam"] and changed["after"]["diazepam"]
    assert (stopped["name"], stopped["stopped_when"]) == ("zolpidem", "3 weeks ago")
    assert (medicines["started"], medicines["unchanged"]) == ([], ["sertraline"])


def test_the_score_changes_carry_their_clinical_meaning(follow_up):
    scores = {s["key"]: (s["was"], s["now"], s["label"]) for s in what_changed(follow_up)["scores"]}
    assert scores["phq_9"] == (16, 0, "Remission")
    assert scores["gad_7"] == (14, 7, "Response")


def test_a_flag_raised_by_a_stopped_medicine_is_gone(follow_up):
    gone = {f["code"] for f in what_changed(follow_up)["flags"]["gone"]}
    assert "cns_load" in gone


def test_a_first_intake_has_nothing_to_compare_with(patient):
    first, _ = returning_patient(patient)
    assert what_changed(first) is None


def test_the_detail_and_print_pages_lead_with_what_changed(client, follow_up, psychiatrist):
    intake_transition(intake=follow_up, to="in_review", actor=psychiatrist)
    client.force_login(psychiatrist)
    for name in ("review:detail", "review:print"):
        html = client.get(reverse(name, args=[follow_up.public_id])).content.decode()
        assert html.index("What changed since the last visit") < html.index('id="flags-title"')
        assert "Stopped:</strong> zolpidem, 3 weeks ago" in html


def test_a_check_in_compares_its_scores_and_not_its_medicines(patient):
    returning_patient(patient)
    check_in = make_submitted_intake(patient, kind=IntakeKind.CHECK_IN, answers={
        "phq_9": [3, 3, 3, 3, 3, 2, 2, 2, 0], "gad_7": [2, 2, 2, 2, 2, 2, 2],
        "panic_attacks_per_week": 1, "cssrs": {"q1": False, "q2": False, "q6": False}})  # fmt: skip
    changes = what_changed(check_in)
    assert (changes["medicines"], changes["flags"]) == (None, None)
    phq_9 = next(s for s in changes["scores"] if s["key"] == "phq_9")
    assert (phq_9["was"], phq_9["now"], phq_9["label"], phq_9["worsened"]) == (
        16, 21, "Meaningful worsening", True
    )  # fmt: skip


def test_the_whole_detail_page_counts_from_the_last_visit_not_a_check_in_between(client, patient):
    first, intake = returning_patient(patient)
    make_submitted_intake(patient, kind=IntakeKind.CHECK_IN, answers={
        "phq_9": [1] * 9, "gad_7": [1] * 7, "panic_attacks_per_week": 0,
        "cssrs": {"q1": False, "q2": False, "q6": False}})  # fmt: skip
    client.force_login(patient)
    url = reverse("intake:step", args=[intake.public_id, "medications/since-last-time/"])
    post_ok(client, url, RECONCILED)
    intake.refresh_from_db()
    answer_the_rest(client, intake, mood=CALMER)
    sent = intake_submit(intake_id=intake.pk, patient=patient)
    context = detail_context(sent)
    # The medicines' and scores' change markers and the block at the top share one baseline:
    # a check-in asks no medicines, so counting from it would call every medicine new.
    assert context["trend"]["at"] == context["what_changed"]["since"] == first.submitted_at
