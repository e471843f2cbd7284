"""The health conditions, psychiatric history and pharmacy sections: their pages, the
check page, the flag they raise and the psychiatrist's detail and print pages."""

import pytest
from django.urls import reverse

from intake.review import services
from tests.intake.pages import fill_intake, post_ok, submit, url

pytestmark = pytest.mark.django_db

HEALTH = {
    "sleep_apnoea": "yes",
    "lung_disease": "no",
    "liver_disease": "yes",
    "kidney_disease": "no",
    "falls_past_year": "no",
    "seizures": "no",
    "head_injury": "no",
    "medicine_allergies": "yes",
    "allergy_details": "Penicillin: a rash",
}
PSYCH_HISTORY = {
    "diagnoses": ["depression", "panic"],
    "diagnoses_other": "Insomnia",
    "hospital_stays": "1",
    "last_hospital_stay": "March 2019, for depression",
    "therapist": "yes",
    "therapist_name": "Jo Park, Albany Counselling",
    "took_past_medicines": "yes",
}
PAST_MEDICINES = {
    "past_medicine_1": "Paroxetine",
    "past_medicine_1_helped": "some",
    "past_medicine_1_stopped": "Weight gain",
}
PHARMACY = {
    "has_pharmacy": "yes",
    "pharmacy_name": "Main Street Pharmacy",
    "pharmacy_phone": "202-555-0199",
    "pharmacy_town": "Albany",
}


def _errors(response) -> dict:
    return response.context["form"].errors


def _fill_new_sections(client, intake):
    for step, data in (("health", HEALTH), ("psych_history", PSYCH_HISTORY),
                       ("past_medicines", PAST_MEDICINES), ("pharmacy", PHARMACY)):  # fmt: skip
        post_ok(client, url(step, intake), data)


# ---- the pages -------------------------------------------------------------------------------
def test_the_health_page_stores_case_answers_and_the_allergy_apart(alice, intake):
    post_ok(alice, url("health", intake), HEALTH)
    intake.refresh_from_db()
    assert intake.answers["health"] == {
        "sleep_apnoea": True, "lung_disease": False, "liver_disease": True,
        "kidney_disease": False, "falls_past_year": False, "seizures": False,
        "head_injury": False, "medicine_allergies": True,
    }  # fmt: skip
    assert intake.answers["allergy_details"] == "Penicillin: a rash"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"sleep_apnoea": ""}, "sleep_apnoea", "Select yes or no: do you have sleep apnoea"),
        ({"allergy_details": ""}, "allergy_details", "Enter which medicines you are allergic"),
        ({"allergy_details": "x" * 501}, "allergy_details", "Use 500 characters or fewer"),
    ],
    ids=["unanswered", "allergy-without-details", "allergy-too-long"],
)
def test_the_health_page_says_what_is_wrong_and_keeps_the_answers(alice, intake, change, field,
                                                                   message):  # fmt: skip
    response = alice.post(url("health", intake), {**HEALTH, **change})
    assert response.status_code == 200
    assert message in " ".join(_errors(response)[field])
    html = response.content.decode()
    assert 'id="error-summary"' in html or "error-summary" in html
    assert 'value="yes" name="liver_disease"' in html or "checked" in html


def test_the_psychiatric_history_pages_store_a_small_list_of_past_medicines(alice, intake):
    post_ok(alice, url("psych_history", intake), PSYCH_HISTORY)
    post_ok(alice, url("past_medicines", intake), PAST_MEDICINES)
    intake.refresh_from_db()
    history = intake.answers["psych_history"]
    assert history["diagnoses"] == ["depression", "panic"]
    assert history["hospital_stays"] == 1
    assert history["past_medicines"] == [
        {"name": "Paroxetine", "helped": "some", "why_stopped": "Weight gain"}
    ]
    assert history["therapist"] is True
    assert history["took_past_medicines"] is True


def test_the_past_medicines_page_is_asked_after_yes(alice, intake):
    response = post_ok(alice, url("psych_history", intake), PSYCH_HISTORY)
    assert response.url == url("past_medicines", intake)
    html = alice.get(url("past_medicines", intake)).content.decode()
    assert "Past medicine 1 for mood or anxiety: name (optional)" in html
    assert f'href="{url("psych_history", intake)}"' in html  # Back: the page before


def test_yes_from_the_check_page_goes_on_to_the_past_medicines(alice, intake):
    post_ok(alice, url("psych_history", intake), {**PSYCH_HISTORY, "took_past_medicines": "no"})
    change = url("psych_history", intake) + "?change=1"
    response = post_ok(alice, change, PSYCH_HISTORY)
    assert response.url == url("past_medicines", intake) + "?change=1"
    response = post_ok(alice, url("past_medicines", intake) + "?change=1", PAST_MEDICINES)
    assert response.url == url("check", intake)


@pytest.mark.parametrize("answer", ["no", ""], ids=["no", "not-answered"])
def test_the_past_medicines_page_is_not_asked_after_no(alice, intake, answer):
    response = post_ok(
        alice, url("psych_history", intake), {**PSYCH_HISTORY, "took_past_medicines": answer}
    )
    assert response.url == url("pharmacy", intake)
    assert alice.get(url("past_medicines", intake)).url == url("pharmacy", intake)
    html = alice.get(url("tasks", intake)).content.decode()
    assert "Past medicine" not in html
    intake.refresh_from_db()
    assert intake.answers["psych_history"]["past_medicines"] == []


def test_no_after_yes_leaves_out_the_past_medicines_given(alice, intake):
    post_ok(alice, url("psych_history", intake), PSYCH_HISTORY)
    post_ok(alice, url("past_medicines", intake), PAST_MEDICINES)
    post_ok(alice, url("psych_history", intake), {**PSYCH_HISTORY, "took_past_medicines": "no"})
    intake.refresh_from_db()
    assert intake.answers["psych_history"]["past_medicines"] == []
    html = alice.get(url("check", intake)).content.decode()
    assert "Paroxetine" not in html


def test_saying_yes_again_keeps_the_past_medicines(alice, intake):
    post_ok(alice, url("psych_history", intake), PSYCH_HISTORY)
    post_ok(alice, url("past_medicines", intake), PAST_MEDICINES)
    post_ok(alice, url("psych_history", intake), {**PSYCH_HISTORY, "diagnoses": ["ocd"]})
    intake.refresh_from_db()
    assert intake.answers["psych_history"]["past_medicines"][0]["name"] == "Paroxetine"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"hospital_stays": ""}, "hospital_stays", "Enter how many hospital stays"),
        ({"hospital_stays": "two"}, "hospital_stays", "as a whole number"),
        ({"hospital_stays": "-1"}, "hospital_stays", "from 0 to 99"),
        ({"last_hospital_stay": ""}, "last_hospital_stay", "Enter when your last hospital stay"),
        ({"therapist": ""}, "therapist", "Select yes or no"),
    ],
    ids=["stays-missing", "stays-words", "stays-negative", "last-stay-missing",
         "therapist-missing"],
)  # fmt: skip
def test_the_psychiatric_history_page_refuses_bad_input(alice, intake, change, field, message):
    response = alice.post(url("psych_history", intake), {**PSYCH_HISTORY, **change})
    assert response.status_code == 200
    assert message in " ".join(_errors(response)[field])
    assert "Albany Counselling" in response.content.decode()  # everything typed stays


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"past_medicine_1_helped": ""}, "past_medicine_1_helped", "Select whether medicine 1"),
        ({"past_medicine_2_stopped": "Too sleepy"}, "past_medicine_2", "Enter the name of past"),
    ],
    ids=["helped-missing", "reason-without-name"],
)
def test_the_past_medicines_page_refuses_bad_input(alice, intake, change, field, message):
    post_ok(alice, url("psych_history", intake), PSYCH_HISTORY)
    response = alice.post(url("past_medicines", intake), {**PAST_MEDICINES, **change})
    assert response.status_code == 200
    assert message in " ".join(_errors(response)[field])
    assert "Weight gain" in response.content.decode()  # everything typed stays


def test_only_a_named_past_medicine_is_asked_whether_it_helped(alice, intake):
    post_ok(alice, url("psych_history", intake), PSYCH_HISTORY)
    response = alice.post(
        url("past_medicines", intake), {**PAST_MEDICINES, "past_medicine_1_helped": ""}
    )
    assert set(_errors(response)) == {"past_medicine_1_helped"}
    post_ok(alice, url("past_medicines", intake), {})  # no medicine named: nothing to ask


# Answers stored before the past medicines had their own page (no gate answer), and the
# same answers stored now: the psychiatrist reads them as before.
STORED_HISTORY = {
    "diagnoses": ["depression", "panic"],
    "diagnoses_other": "Insomnia",
    "hospital_stays": 1,
    "last_hospital_stay": "March 2019, for depression",
    "past_medicines": [{"name": "Paroxetine", "helped": "some", "why_stopped": "Weight gain"}],
    "therapist": True,
    "therapist_name": "Jo Park",
}
STORED_ROWS = [
    ("Has a doctor or therapist ever told you that you have any of these? (optional)",
     "Depression, Panic disorder"),
    ("Any other diagnosis (optional)", "Insomnia"),
    ("How many times have you stayed in hospital for your mental health?", "1"),
    ("When was the last stay, and what was it for? (if you have stayed)",
     "March 2019, for depression"),
    ("Do you see a therapist or counsellor now?", "Yes"),
    ("Their name and where they work (optional)", "Jo Park"),
    ("Past medicine 1 for mood or anxiety: name (optional)", "Paroxetine"),
    ("Did past medicine 1 help?", "A little"),
    ("Why did you stop past medicine 1? (optional)", "Weight gain"),
]  # fmt: skip


def _history_rows(intake) -> list[tuple[str, str]]:
    from intake.review.detail import _answer_sections

    section = next(s for s in _answer_sections(intake) if s["key"] == "psych_history")
    return [(row["label"], row["value"]) for row in section["rows"]]


def test_past_medicines_stored_before_the_gate_read_as_before(intake):
    from intake.fhir import history as fhir_history
    from intake.fhir import sections as fhir_sections

    intake.answers = {**intake.answers, "psych_history": dict(STORED_HISTORY)}
    assert _history_rows(intake) == STORED_ROWS
    before = fhir_sections.psych_history_answers(intake.answers)
    conditions = fhir_history.conditions(intake.answers, {"reference": "Patient/1"}, None)
    intake.answers["psych_history"]["took_past_medicines"] = True
    assert fhir_sections.psych_history_answers(intake.answers) == before
    assert fhir_history.conditions(intake.answers, {"reference": "Patient/1"}, None) == conditions
    gate = ("Have you taken other medicines for mood or anxiety in the past? (optional)", "Yes")
    assert _history_rows(intake) == [*STORED_ROWS[:6], gate, *STORED_ROWS[6:]]


def test_a_history_saved_before_the_gate_offers_yes(alice, intake):
    intake.answers = {**intake.answers, "psych_history": dict(STORED_HISTORY)}
    intake.save()
    form = alice.get(url("psych_history", intake)).context["form"]
    assert form.initial["took_past_medicines"] == "yes"


def test_no_hospital_stays_needs_no_last_stay(alice, intake):
    post_ok(alice, url("psych_history", intake),
            {**PSYCH_HISTORY, "hospital_stays": "0", "last_hospital_stay": ""})  # fmt: skip


def test_the_pharmacy_is_kept_with_the_contact_details(alice, intake):
    post_ok(alice, url("pharmacy", intake), PHARMACY)
    intake.refresh_from_db()
    assert intake.details["pharmacy"] == {
        "name": "Main Street Pharmacy", "phone": "+12025550199", "town": "Albany",
    }  # fmt: skip
    assert "pharmacy" not in intake.answers


@pytest.mark.parametrize(
    ("change", "field"),
    [({"pharmacy_name": ""}, "pharmacy_name"), ({"pharmacy_town": ""}, "pharmacy_town"),
     ({"pharmacy_phone": "12"}, "pharmacy_phone"), ({"has_pharmacy": ""}, "has_pharmacy")],
    ids=["name", "town", "phone", "unanswered"],
)  # fmt: skip
def test_the_pharmacy_page_refuses_an_incomplete_pharmacy(alice, intake, change, field):
    response = alice.post(url("pharmacy", intake), {**PHARMACY, **change})
    assert response.status_code == 200 and field in _errors(response)


def test_no_pharmacy_is_a_complete_answer(alice, intake):
    post_ok(alice, url("pharmacy", intake), {"has_pharmacy": "no"})
    intake.refresh_from_db()
    assert intake.details["pharmacy"] == {}


# ---- skippable: optional on the task list, never holding up the send -----------------------
def test_the_new_sections_are_optional_and_do_not_hold_up_sending(alice, intake):
    html = alice.get(url("tasks", intake)).content.decode()
    for title in ("Health conditions that change sedative safety", "Psychiatric history",
                  "Pharmacy and prescribers"):  # fmt: skip
        assert title in html
    assert html.count(">\n          Optional") + html.count("Optional") >= 3
    fill_intake(alice, intake)
    assert submit(alice, intake).status_code == 302
    intake.refresh_from_db()
    assert intake.status == "submitted"


# ---- the check page, the flag, the psychiatrist's pages --------------------------------------
def test_the_check_page_reads_the_new_answers_back(alice, intake):
    fill_intake(alice, intake)
    _fill_new_sections(alice, intake)
    html = alice.get(url("check", intake)).content.decode()
    for text in ("Do you have sleep apnoea?", "Penicillin: a rash", "Depression, Panic disorder",
                 "March 2019, for depression", "Paroxetine", "A little", "Weight gain",
                 "Jo Park, Albany Counselling", "Main Street Pharmacy", "Albany"):  # fmt: skip
        assert text in html, text


@pytest.fixture
def sent_with_new_sections(alice, intake, psychiatrist):
    fill_intake(alice, intake)
    _fill_new_sections(alice, intake)
    submit(alice, intake)
    return services.intake_claim(intake_id=intake.pk, user=psychiatrist)


def test_sleep_apnoea_and_liver_disease_with_klonopin_raise_cited_flags(sent_with_new_sections):
    flags = {f["code"]: f for f in sent_with_new_sections.evaluation["flags"]}
    assert flags["benzo_respiratory"]["severity"] == "high"
    assert flags["benzo_hepatic"]["severity"] == "moderate"
    assert sent_with_new_sections.priority == "urgent"


@pytest.mark.parametrize("page", ["detail", "print"])
def test_the_psychiatrist_sees_the_new_sections_and_flags(
    client, psychiatrist, sent_with_new_sections, page
):
    client.force_login(psychiatrist)
    html = client.get(reverse(f"review:{page}", args=[sent_with_new_sections.public_id]))
    html = html.content.decode()
    for text in ("Benzodiazepine with sleep apnoea or lung disease",
                 "Benzodiazepine with liver disease", "sleep apnoea: yes",
                 "Psychiatric history", "Paroxetine", "Penicillin: a rash",
                 "Main Street Pharmacy", "Dr Lee"):  # fmt: skip
        assert text in html, text


# ---- pharmacy, prescribers and the PDMP check on the detail page ---------------------------
def _detail(client, intake, suffix=""):
    return client.get(f"/review/i/{intake.public_id}/{suffix}")


def test_the_detail_page_names_each_prescriber_against_the_medicine_and_the_pharmacy(
    client, psychiatrist, sent_with_new_sections
):
    client.force_login(psychiatrist)
    html = _detail(client, sent_with_new_sections).content.decode()
    section = html[html.index('id="pharmacy-title"') :]
    assert "Main Street Pharmacy, Albany, (202) 555-0199" in section
    assert "Klonopin (clonazepam):</strong> prescribed to the patient by Dr Lee" in section
    assert "check the New York prescription drug monitoring program (PDMP)" in section
    assert "No PDMP check recorded yet." in section


def test_a_psychiatrist_records_a_pdmp_check_which_is_audited(
    client, psychiatrist, sent_with_new_sections
):
    from intake.models import PdmpCheck
    from portal.models import AuditEvent

    client.force_login(psychiatrist)
    address = f"/review/i/{sent_with_new_sections.public_id}/pdmp-checked/"
    assert client.post(address, {"checked": "on"}).status_code == 302
    check = PdmpCheck.objects.get(intake=sent_with_new_sections)
    assert (check.actor, check.state) == (psychiatrist, "NY")
    assert (
        AuditEvent.objects.filter(
            action="intake.pdmp_checked",
            object_id=str(sent_with_new_sections.pk),
            actor=psychiatrist,
        ).count()
        == 1
    )
    html = _detail(client, sent_with_new_sections).content.decode()
    assert "PDMP checked by" in html and "No PDMP check recorded yet." not in html
    printed = _detail(client, sent_with_new_sections, "print/").content.decode()
    assert "PDMP checked by" in printed and "Record the PDMP check" not in printed


def test_recording_a_pdmp_check_unconfirmed_is_an_error_beside_the_box(
    client, psychiatrist, sent_with_new_sections
):
    from intake.models import PdmpCheck

    client.force_login(psychiatrist)
    response = client.post(f"/review/i/{sent_with_new_sections.public_id}/pdmp-checked/", {})
    assert response.status_code == 400
    assert "Confirm that you checked the PDMP" in response.content.decode()
    assert not PdmpCheck.objects.exists()


def test_a_double_click_records_one_pdmp_check(client, psychiatrist, sent_with_new_sections):
    from intake.models import PdmpCheck

    client.force_login(psychiatrist)
    for _ in range(2):
        client.post(f"/review/i/{sent_with_new_sections.public_id}/pdmp-checked/",
                    {"checked": "on"})  # fmt: skip
    assert PdmpCheck.objects.count() == 1


def test_a_patient_cannot_record_a_pdmp_check(alice, sent_with_new_sections):
    from intake.models import PdmpCheck

    response = alice.post(f"/review/i/{sent_with_new_sections.public_id}/pdmp-checked/",
                          {"checked": "on"})  # fmt: skip
    assert response.status_code == 404
    assert not PdmpCheck.objects.exists()


def test_an_optional_section_can_be_skipped_to_the_next_page(alice, intake):
    html = alice.get(url("health", intake)).content.decode()
    assert f'href="{url("psych_history", intake)}">Skip this section' in html
    pharmacy = alice.get(url("pharmacy", intake)).content.decode()
    assert f'href="{url("goals", intake)}">Skip this section' in pharmacy
    last = alice.get(url("goals", intake)).content.decode()
    assert f'href="{url("check", intake)}">Skip this section' in last
    about = alice.get(url("about", intake)).content.decode()
    assert "Skip this section" not in about
