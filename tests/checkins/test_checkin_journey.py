"""A scheduled check-in from the reminder to the psychiatrist: reminded with no health
information, answered on the usual pages, its scores recorded; a positive safety answer
takes the STAT path; a meaningful worsening reaches the patient's psychiatrist."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.template.loader import render_to_string

from intake.checkins.services import checkins_owe_due
from intake.models import Intake, IntakeKind, IntakeStatus
from intake.review.selectors import QueueFilters, queue_page
from intake.sections import questionnaire
from tests.checkins.conftest import START
from tests.intake.pages import MOOD, SAFETY, post_ok

pytestmark = pytest.mark.django_db
DUE = START + timedelta(days=14)
CALM_ANXIETY = {**{f"gad_7_{n}": "1" for n in range(1, 8)}, "panic_attacks_per_week": "0"}
# Words that would tell a reader of the inbox something about the patient's health.
HEALTH_WORDS = (
    "phq", "gad", "c-ssrs", "depress", "anxi", "mood", "suicid", "score", "mg",
    "clonazepam", "klonopin", "sertraline", "medicine", "medication", "safety",
)  # fmt: skip


@pytest.fixture
def reminded(schedule, clock, django_capture_on_commit_callbacks):
    """The check-in came due and the sweep reminded Alice: (her check-in, the email)."""
    clock.move_to(DUE + timedelta(minutes=3))
    with django_capture_on_commit_callbacks(execute=True):
        checkins_owe_due()
    [email] = mail.outbox
    return Intake.objects.get(kind=IntakeKind.CHECK_IN), email


def _answer(client, checkin, capture, *, mood=MOOD, safety=SAFETY, more=None):
    """Alice signs in from the email and answers the check-in's pages, then sends it."""
    pages = questionnaire(IntakeKind.CHECK_IN).steps_by_key
    client.force_login(checkin.patient)
    assert client.get(pages["mood"].url(checkin.public_id)).status_code == 200
    with capture(execute=True):
        post_ok(client, pages["mood"].url(checkin.public_id), mood)
        post_ok(client, pages["anxiety"].url(checkin.public_id), CALM_ANXIETY)
        post_ok(client, pages["safety"].url(checkin.public_id), safety)
        if more is not None:
            post_ok(client, pages["safety_more"].url(checkin.public_id), more)
        response = client.post(f"/intake/{checkin.public_id}/submit/", {"confirm": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    checkin.refresh_from_db()
    return checkin


def test_the_reminder_says_there_is_a_check_in_where_to_sign_in_and_the_crisis_line(reminded):
    """Nothing else: the crisis line every patient email carries is no health information."""
    checkin, email = reminded
    crisis = render_to_string("portal/emails/_crisis.txt").strip()
    assert crisis in email.body
    text = f"{email.subject}\n{email.body.replace(crisis, '')}".lower()
    assert email.to == ["alice@patients.example"]
    assert "check-in" in email.subject.lower()
    assert f"/intake/{checkin.public_id}/" in email.body
    assert [word for word in HEALTH_WORDS if word in text] == []
    without_link = text.replace(f"/intake/{checkin.public_id}/", "")
    assert re.findall(r"\d+", without_link) == []  # no score, no dose


def test_the_email_link_opens_the_check_in_task_list_after_sign_in(reminded, alice):
    checkin, email = reminded
    link = re.search(r"https?://\S+", email.body).group(0)
    alice.force_login(checkin.patient)
    response = alice.get(link.replace("http://testserver", ""))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your check-in" in page and "Mood and anxiety" in page
    assert "Medicines" not in page and "Consent and agreements" not in page


def test_a_calm_check_in_is_answered_its_scores_recorded_and_kept_out_of_the_open_queue(
    reminded, client, psychiatrist, django_capture_on_commit_callbacks
):
    checkin = _answer(client, reminded[0], django_capture_on_commit_callbacks)
    scores = checkin.evaluation["scores"]
    assert (scores["phq_9"]["total"], scores["gad_7"]["total"]) == (0, 7)
    assert checkin.status == IntakeStatus.RECORDED
    open_queue = queue_page(user=psychiatrist, filters=QueueFilters())
    assert checkin.public_id not in {row["public_id"] for row in open_queue.rows}
    recorded = queue_page(user=psychiatrist, filters=QueueFilters(status="recorded"))
    assert [row["public_id"] for row in recorded.rows] == [checkin.public_id]
    assert "Check-in of" in client.get("/intake/").content.decode()
    client.force_login(psychiatrist)
    assert client.get(f"/review/i/{checkin.public_id}/").status_code == 200


def test_a_positive_safety_answer_in_a_check_in_reaches_the_stat_list_and_the_on_call(
    reminded, client, oncall, psychiatrist, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    checkin = _answer(
        client,
        reminded[0],
        django_capture_on_commit_callbacks,
        safety={"q1": "yes", "q2": "yes", "q6": "no"},
        more={"q3": "no", "q4": "no", "q5": "no"},
    )
    assert (checkin.status, checkin.priority) == (IntakeStatus.SUBMITTED, "stat")
    assert "self_harm" in checkin.flag_codes
    top = queue_page(user=psychiatrist, filters=QueueFilters()).rows[0]
    assert top["public_id"] == checkin.public_id
    to_oncall = [email for email in mail.outbox if email.to == ["oncall@clinic.example"]]
    assert to_oncall and all(f"/review/i/{checkin.public_id}/" in e.body for e in to_oncall)


def test_a_meaningful_worsening_goes_to_the_patients_psychiatrist_without_becoming_stat(
    reminded, client, psychiatrist, django_capture_on_commit_callbacks
):
    worse = {f"phq_9_{n}": "1" if n < 9 else "0" for n in range(1, 10)}  # 8, from 3
    checkin = _answer(client, reminded[0], django_capture_on_commit_callbacks, mood=worse)
    assert "phq9_worsening" in checkin.flag_codes
    assert (checkin.status, checkin.priority) == (IntakeStatus.SUBMITTED, "routine")
    mine = queue_page(user=psychiatrist, filters=QueueFilters(who="mine"))
    assert [row["public_id"] for row in mine.rows] == [checkin.public_id]
    client.force_login(psychiatrist)
    row = client.get("/review/?who=mine").content.decode().split("<tbody>")[1]
    assert "Check-in between visits" in row and "PHQ-9 worse" in row
