"""A positive safety answer saved in a draft reaches the team at once: the unsent intake is
in the STAT list, its safety answers (only) readable and audited, claimable, and the on-call
psychiatrists are emailed as for a sent STAT intake."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from intake.models import Intake, NotificationOutbox
from intake.review import services
from intake.safety import HIGH, NOT_KNOWN
from portal.models import AuditEvent
from tests.factories import make_intake, make_submitted_intake
from tests.intake.pages import KLONOPIN, VISIT, add_medicine, post_ok, url

pytestmark = pytest.mark.django_db
UNSENT = "Safety answer, intake not sent yet"


@pytest.fixture
def staff(psychiatrist):
    client = Client()
    client.force_login(psychiatrist)
    return client


@pytest.fixture
def draft(client, patient):
    """Alice's draft with her medicines and date of birth saved, nothing about safety yet."""
    intake = make_intake(patient)
    client.force_login(patient)
    post_ok(client, url("about", intake), {"date_of_birth": "1960-04-02",
                                           "sex_at_birth": "female", "pregnant": "no"})  # fmt: skip
    add_medicine(client, intake, KLONOPIN)
    return intake


def _save_safety(client, intake, capture, **answers):
    with capture(execute=True):
        return client.post(url("safety", intake), {"q1": "no", "q2": "no", "q6": "no", **answers})


def test_a_saved_yes_puts_the_unsent_intake_in_the_stat_list_marked_unsent(
    client, staff, draft, django_capture_on_commit_callbacks
):
    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes")
    html = staff.get("/review/").content.decode()
    row = html.split("<tbody>")[1]
    assert "Alice Adams" in row and UNSENT in row and "Low risk" in row


def test_the_on_call_psychiatrists_are_emailed_a_link_once(
    client, oncall, draft, django_capture_on_commit_callbacks
):
    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes", q2="yes")
    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes", q2="no")
    [email] = mail.outbox
    assert email.to == ["oncall@clinic.example"]
    assert f"/review/i/{draft.public_id}/" in email.body and "Alice" not in email.body
    assert NotificationOutbox.objects.get().kind == "stat_intake"


def test_a_yes_kept_from_an_incomplete_page_counts_too(
    client, staff, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("safety", draft), {"q1": "yes", "q2": "yes"})
    assert response.status_code == 200  # q6 is missing: the page comes back with the error
    assert Intake.objects.get(pk=draft.pk).safety_alert_at is not None


def test_only_the_safety_answers_are_shown_to_staff(
    client, staff, draft, django_capture_on_commit_callbacks
):
    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes", q2="yes")
    html = staff.get(f"/review/i/{draft.public_id}/").content.decode()
    assert UNSENT in html and "actual thoughts of killing yourself" in html
    for other in ("Klonopin", "1960", "Date of birth", "Alcohol", "GAD-7"):
        assert other not in html


def test_reading_the_safety_answers_is_audited(
    client, staff, psychiatrist, draft, django_capture_on_commit_callbacks
):
    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes")
    staff.get(f"/review/i/{draft.public_id}/")
    assert AuditEvent.objects.filter(
        actor=psychiatrist, action="intake.safety_viewed", object_id=str(draft.pk)
    ).exists()


@pytest.mark.parametrize("suffix", ["print/", "fhir.json"], ids=["print", "fhir"])
def test_nothing_else_of_the_unsent_intake_is_reachable(
    client, staff, draft, suffix, django_capture_on_commit_callbacks
):
    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes")
    assert staff.get(f"/review/i/{draft.public_id}/{suffix}").status_code == 404


def test_a_draft_without_a_positive_safety_answer_stays_invisible(
    client, staff, draft, django_capture_on_commit_callbacks
):
    _save_safety(client, draft, django_capture_on_commit_callbacks)
    assert staff.get(f"/review/i/{draft.public_id}/").status_code == 404
    assert "Alice" not in staff.get("/review/").content.decode()
    assert NotificationOutbox.objects.count() == 0


def test_a_phq9_item_9_answer_alone_puts_the_draft_in_the_list_with_its_risk_not_known(
    client, draft, django_capture_on_commit_callbacks
):
    mood = {f"phq_9_{n}": "0" for n in range(1, 9)} | {"phq_9_9": "1"}
    with django_capture_on_commit_callbacks(execute=True):
        post_ok(client, url("mood", draft), mood)
    intake = Intake.objects.get(pk=draft.pk)
    assert (intake.priority, intake.risk_rank) == ("stat", NOT_KNOWN)  # screener not started
    assert intake.evaluation["scores"]["phq_9"]["total"] is None  # no mood total is kept


def test_the_unsent_intake_is_claimable_and_stays_a_draft(
    client, staff, psychiatrist, draft, django_capture_on_commit_callbacks
):
    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes")
    staff.post(f"/review/i/{draft.public_id}/claim/")
    intake = Intake.objects.get(pk=draft.pk)
    assert (intake.assignee, intake.status) == (psychiatrist, "draft")


def test_take_the_next_one_takes_a_high_risk_unsent_intake(
    client, staff, draft, django_capture_on_commit_callbacks
):
    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes", q2="yes")
    with django_capture_on_commit_callbacks(execute=True):
        post_ok(client, url("safety_more", draft), {"q3": "yes", "q4": "yes", "q5": "no"})
    assert Intake.objects.get(pk=draft.pk).risk_rank == HIGH
    assert staff.post("/review/next/").url == f"/review/i/{draft.public_id}/"


def test_a_claimed_unsent_intake_stays_the_patients_to_edit(
    client, psychiatrist, draft, django_capture_on_commit_callbacks
):
    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes")
    services.intake_claim(intake_id=draft.pk, user=psychiatrist)
    post_ok(client, url("about", draft), {"date_of_birth": "1960-04-02", "sex_at_birth": "female",
                                          "pregnant": "no"})  # fmt: skip
    assert Intake.objects.get(pk=draft.pk).status == "draft"


def test_once_sent_the_intake_is_a_whole_stat_intake_with_its_own_email(
    patient, oncall, django_capture_on_commit_callbacks
):
    from intake.devtools.seed_cases import ARCHETYPES, DETAILS
    from intake.services import intake_save_answers, intake_submit

    draft = make_intake(patient, details=dict(DETAILS))
    with django_capture_on_commit_callbacks(execute=True):
        intake_save_answers(
            intake=draft,
            section="safety",
            update=lambda answers, details: answers.update(ARCHETYPES["stat_imminent"]),
        )
        intake_submit(intake_id=draft.pk, patient=patient)
    intake = Intake.objects.get(pk=draft.pk)
    assert (intake.status, intake.priority, intake.risk_rank) == ("submitted", "stat", HIGH)
    assert "medications" in intake.evaluation and intake.evaluation["medications"]
    keys = sorted(NotificationOutbox.objects.values_list("key", flat=True))
    assert keys == ["submission-1", "unsent-safety-answer"] and len(mail.outbox) == 2


@pytest.mark.parametrize(
    "pending",
    [
        {"safety": {"q1": True, "q2": "perhaps"}, "mood": {"phq_9_9": 7}},
        {"safety": {"q1": True, "q3": True}},  # q3 without q2: never asked
        {"mood": {"phq_9_9": 2}, "safety": {"q6": True, "q6_past_3_months": True}},
    ],
    ids=["odd-values", "skipped-question", "item-9-and-recent-behaviour"],
)
def test_odd_kept_answers_still_reach_the_team_and_never_fail_the_save(patient, pending):
    from intake.services import intake_save_answers

    draft = make_intake(patient)
    intake_save_answers(
        intake=draft,
        section="safety",
        update=lambda answers, details: details.update(pending=pending),
    )
    intake = Intake.objects.get(pk=draft.pk)
    assert intake.safety_alert_at is not None and intake.priority == "stat"


def test_the_self_harm_filter_and_its_count_include_the_unsent_intake(
    client, staff, draft, django_capture_on_commit_callbacks
):
    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes", q2="yes")
    html = staff.get("/review/", {"flag": "self_harm"}).content.decode()
    assert "Alice Adams" in html.split("<tbody>")[1]
    assert re.search(r"STAT</span> 1<", html)


def test_an_unsent_intake_saved_before_gets_its_flag_codes_from_the_migration(
    client, staff, draft, django_capture_on_commit_callbacks
):
    import importlib

    from django.apps import apps

    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes", q2="yes")
    Intake.objects.filter(pk=draft.pk).update(flag_codes=[])
    importlib.import_module("intake.migrations.0019_unsent_safety_flag_codes").fill(apps, None)
    draft.refresh_from_db()
    assert "self_harm" in draft.flag_codes


def test_an_unfinished_screener_reads_risk_not_known_never_low(
    client, staff, draft, patient, second_patient, django_capture_on_commit_callbacks
):
    """Issue 23 #1: yes to questions 1 and 2, question 6 left blank, saved for later."""
    low = make_submitted_intake(second_patient, archetype="stat_item_9", visit_in_hours=24)
    Intake.objects.filter(pk=low.pk).update(submitted_at=timezone.now() - timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("safety", draft), {"q1": "yes", "q2": "yes", "save_later": "1"})
    rows = staff.get("/review/").content.decode().split("<tbody>")[1].split("</tr>")
    page = staff.get(f"/review/i/{draft.public_id}/").content.decode()
    assert "Alice Adams" in rows[0] and "Risk not known: screener not finished" in rows[0]
    assert "Low risk" in rows[1]  # the known low one waited longer, and comes after
    assert "Risk not known: screener not finished" in page and "Low risk" not in page


def test_the_unsent_row_shows_nothing_of_the_unsent_sections(
    client, staff, draft, django_capture_on_commit_callbacks
):
    """Issue 23 #2: the draft holds clonazepam and a visit reason; the row shows neither."""
    post_ok(client, url("visit", draft), VISIT)
    _save_safety(client, draft, django_capture_on_commit_callbacks, q1="yes")
    row = staff.get("/review/").content.decode().split("<tbody>")[1]
    assert "Not sent yet" in row
    for other in ("No medicines", "clonazepam", "Klonopin", "Panic attacks"):
        assert other not in row
