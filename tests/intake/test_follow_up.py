"""The follow-up intake: it starts from the last sent answers, reconciles each medicine,
asks "Has anything changed?" over carried pages, and asks the instruments fresh."""

from collections import Counter

import pytest
from django.urls import reverse

from intake.fhir.export import questionnaire_response
from intake.models import IntakeKind
from intake.sections import questionnaire
from intake.services import IncompleteIntake, intake_create, intake_submit
from intake.summary import answer_sections
from portal.services import invitation_accept
from tests.factories import make_intake, make_invitation
from tests.intake.follow_up_cases import RECONCILED, answer_the_rest, returning_patient
from tests.intake.pages import CONTACT, add_medicine, post_ok

pytestmark = pytest.mark.django_db


def _url(intake, step_key):
    return questionnaire(intake.kind).steps_by_key[step_key].url(intake.public_id)


def test_a_returning_patients_next_intake_is_a_follow_up_started_from_the_last_answers(
    patient,
):
    _, follow_up = returning_patient(patient)
    assert follow_up.kind == IntakeKind.FOLLOW_UP
    assert follow_up.answers["allergy_details"] == "Penicillin: a rash"
    assert [m["name"] for m in follow_up.details["follow_up"]["medications"]] == [
        "Klonopin", "sertraline", "zolpidem"
    ]  # fmt: skip


def test_the_instruments_are_never_carried_into_a_follow_up(patient):
    _, follow_up = returning_patient(patient)
    carried = follow_up.answers
    assert not {"phq_9", "gad_7", "audit_c", "dast_10", "cssrs", "medications"} & set(carried)


def test_a_follow_up_with_nothing_sent_before_opens_as_a_first_visit(patient):
    make_intake(patient)  # a draft, never sent
    intake = intake_create(patient=patient, kind=IntakeKind.FOLLOW_UP)
    assert intake.kind == IntakeKind.FIRST and intake.answers == {}


def test_staff_can_still_open_a_first_visit_for_a_returning_patient(patient):
    _, intake = returning_patient(patient, kind=IntakeKind.FIRST)
    assert intake.kind == IntakeKind.FIRST and intake.answers == {}


def test_reconciliation_keeps_one_unchanged_one_at_its_new_dose_and_one_stopped(client, patient):
    _, follow_up = returning_patient(patient)
    client.force_login(patient)
    post_ok(client, _url(follow_up, "medicines_since_last_time"), RECONCILED)
    follow_up.refresh_from_db()
    current = {m["name"]: m for m in follow_up.answers["medications"]}
    assert {n: (m["reconciled"], m["times_per_day"]) for n, m in current.items()} == {
        "Klonopin": ("changed", 3), "sertraline": ("unchanged", 1)
    }  # fmt: skip
    [stopped] = follow_up.answers["stopped_medications"]
    assert (stopped["name"], stopped["stopped_when"]) == ("zolpidem", "3 weeks ago")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"m0_status": ""}, "m0_status", "Select whether you still take Klonopin"),
        ({"m0_how_often": "2"}, "m0_strength_mg", "This is the same dose as last time"),
        ({"m0_strength_mg": ""}, "m0_strength_mg", "Enter the new strength in mg"),
        ({"m2_stopped_when": " "}, "m2_stopped_when", "Enter when you stopped zolpidem"),
        ({"m0_how_often": "as_needed", "m0_max_doses_per_day": "40"}, "m0_max_doses_per_day",
         "Enter a number from 1 to"),
        ({"m0_strength_mg": "0.12345"}, "m0_strength_mg", "no more than 3 decimal places"),
    ],
    ids=["unanswered", "same-dose-called-changed", "no-new-dose", "stopped-without-when",
         "as-needed-too-often", "strength-too-precise"],
)  # fmt: skip
def test_the_reconciliation_page_says_what_is_wrong(client, patient, change, field, message):
    _, follow_up = returning_patient(patient)
    client.force_login(patient)
    response = client.post(_url(follow_up, "medicines_since_last_time"), {**RECONCILED, **change})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])


def test_a_medicine_added_to_a_follow_up_is_new_and_the_evaluation_sees_the_reconciled_list(
    client, patient
):
    _, follow_up = returning_patient(patient)
    client.force_login(patient)
    post_ok(client, _url(follow_up, "medicines_since_last_time"), RECONCILED)
    add_medicine(client, follow_up, {"name": "buspirone", "strength_mg": "10",
        "amount_per_dose": "1", "how_often": "2", "max_doses_per_day": "", "duration": "2",
        "duration_unit": "weeks", "taking": "as_prescribed", "prescribed": "yes",
        "prescriber": ""})  # fmt: skip
    answer_the_rest(client, follow_up)
    follow_up.refresh_from_db()
    intake_submit(intake_id=follow_up.pk, patient=patient)
    follow_up.refresh_from_db()
    statuses = {m["name"]: m.get("reconciled") for m in follow_up.answers["medications"]}
    assert statuses == {"Klonopin": "changed", "sertraline": "unchanged", "buspirone": "new"}
    evaluated = [m["input"] for m in follow_up.evaluation["medications"]]
    assert evaluated == ["Klonopin", "sertraline", "buspirone"]


def test_no_change_keeps_the_last_answers_and_skips_the_usual_page(client, patient):
    _, follow_up = returning_patient(patient)
    client.force_login(patient)
    post_ok(client, _url(follow_up, "contact_since_last_time"), {"contact_changed": "yes"})
    post_ok(client, _url(follow_up, "contact"), {**CONTACT, "visit_state": "CA"})
    post_ok(client, _url(follow_up, "contact_since_last_time"), {"contact_changed": "no"})
    follow_up.refresh_from_db()
    assert follow_up.details["contact"]["visit_state"] == "NY"
    page = questionnaire(follow_up.kind).steps_by_key["contact"]
    assert not page.applies(follow_up.answers)


def test_yes_opens_the_usual_page_prefilled_with_the_last_answers(client, patient):
    _, follow_up = returning_patient(patient)
    client.force_login(patient)
    response = post_ok(client, _url(follow_up, "health_since_last_time"), {"health_changed": "yes"})
    assert response.url == _url(follow_up, "health")
    page = client.get(response.url)
    assert page.context["form"].initial["allergy_details"] == "Penicillin: a rash"


def test_the_changed_question_shows_what_was_said_last_time(client, patient):
    _, follow_up = returning_patient(patient)
    client.force_login(patient)
    html = client.get(_url(follow_up, "pharmacy_since_last_time")).content.decode()
    assert "Last time you told us:" in html and "Main Street Pharmacy" in html


def test_a_follow_up_is_not_sent_until_each_medicine_is_reconciled(client, patient):
    _, follow_up = returning_patient(patient)
    client.force_login(patient)
    answer_the_rest(client, follow_up)
    with pytest.raises(IncompleteIntake) as refused:
        intake_submit(intake_id=follow_up.pk, patient=patient)
    assert refused.value.missing["medications"][0] == (
        "Your medicines since last time: 3 to answer", "medicines_since_last_time"
    )  # fmt: skip


def test_a_check_in_asks_the_phq_9_the_gad_7_and_the_safety_pages_only():
    assert questionnaire(IntakeKind.CHECK_IN).step_order == ["mood", "anxiety", "safety",
                                                             "safety_more"]  # fmt: skip


def test_a_first_intakes_page_is_not_found_on_another_kind(client, patient):
    _, follow_up = returning_patient(patient)
    client.force_login(patient)
    first_only = questionnaire().steps_by_key["about"].url(follow_up.public_id)
    assert client.get(first_only.replace("about/", "about/since-last-time/")).status_code == 200
    check_in = intake_create(patient=patient, kind=IntakeKind.CHECK_IN)
    assert client.get(_url(follow_up, "goals").replace(
        str(follow_up.public_id), str(check_in.public_id))).status_code == 404  # fmt: skip


@pytest.mark.parametrize(
    ("chosen", "kind"),
    [("", IntakeKind.FOLLOW_UP), ("first", IntakeKind.FIRST), ("follow_up", IntakeKind.FOLLOW_UP)],
    ids=["clinic-default", "staff-chose-first-visit", "staff-chose-follow-up"],
)
def test_an_invitation_for_a_returning_patient_opens_the_intake_staff_chose(
    patient, psychiatrist, chosen, kind
):
    returning_patient(patient, kind=IntakeKind.FIRST)  # (a first intake sent, then another)
    invitation = make_invitation(created_by=psychiatrist, email=patient.email, intake_kind=chosen)
    invitation_accept(invitation_id=invitation.pk, password=None, user=patient)
    assert patient.intakes.get(visit_at=invitation.visit_at).kind == kind


def test_a_returning_patients_start_button_opens_a_follow_up(client, patient):
    first, _ = returning_patient(patient)
    patient.intakes.exclude(pk=first.pk).delete()  # (no draft open: Start makes one)
    client.force_login(patient)
    client.post(reverse("intake:start"))
    assert patient.intakes.get(status="draft").kind == IntakeKind.FOLLOW_UP


def test_answers_carried_after_no_change_are_read_back_under_their_own_questions(client, patient):
    _, follow_up = returning_patient(patient)
    client.force_login(patient)
    answer_the_rest(client, follow_up)
    follow_up.refresh_from_db()
    about = next(s for s in answer_sections(follow_up, links=False) if s["section"].key == "about")
    rows = {str(row["label"]): row["value"] for row in about["rows"]}
    assert rows["Has anything changed since last time?"] == "No"
    assert rows["Date of birth"] == "April 2, 1960"
    assert rows["Mobile phone number"] == "(202) 555-0143"


def test_a_follow_ups_questionnaire_response_names_each_answer_once(client, patient):
    _, follow_up = returning_patient(patient)
    client.force_login(patient)
    answer_the_rest(client, follow_up)
    follow_up.refresh_from_db()

    def link_ids(items):
        for item in items:
            yield item["linkId"]
            yield from link_ids(item.get("item", []))

    found = list(link_ids(questionnaire_response(follow_up)["item"]))
    assert [k for k, n in Counter(found).items() if n > 1] == []
    assert {"about.date_of_birth", "health.allergy_details"} <= set(found)
