"""Each page's form: valid answers stored in the case format; invalid ones in plain words."""

from datetime import UTC, datetime

import pytest
import time_machine

from intake.evaluation import evaluate_answers
from intake.forms import MedicationForm, MedicationsDoneForm
from intake.forms.wellbeing import SafetyMoreForm
from intake.models import Intake
from tests.intake.pages import (
    ABOUT,
    ALCOHOL,
    ANXIETY,
    BENZO,
    DRUG_USE,
    FALLS_DRIVING,
    KLONOPIN,
    MOOD,
    OXYCODONE,
    SAFETY,
    SIDE_EFFECTS,
    SUBSTANCES,
    VISIT,
    form_of,
)

# The medicine form matches names against the catalog in the database.
pytestmark = pytest.mark.django_db

# Midday in the practice's time zone, so the local date is 2026-11-25.
TODAY = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)


def _stored(step_key, data, intake=None):
    form = form_of(step_key)(data, intake=intake or Intake(answers={}, details={}))
    assert form.is_valid(), form.errors
    answers, details = {}, {}
    form.store(answers, details)
    return answers


def _errors(form_class, data, intake=None):
    form = form_class(data, intake=intake or Intake(answers={}, details={}))
    assert not form.is_valid()
    return form.errors.as_data()


def _codes(errors, field):
    return [e.code for e in errors[field]]


# ---- about you ----------------------------------------------------------------------------
@time_machine.travel(TODAY)
@pytest.mark.parametrize(
    ("born", "code"),
    [("2026-11-26", "future"), ("2008-11-26", "too_young"), ("1900-01-01", "implausible")],
    ids=["tomorrow", "a-day-under-18", "over-120"],
)
def test_an_impossible_date_of_birth_is_refused(born, code):
    errors = _errors(form_of("about"), {**ABOUT, "date_of_birth": born})
    assert _codes(errors, "date_of_birth") == [code]


@time_machine.travel(TODAY)
def test_a_patient_who_is_18_today_may_use_the_service():
    assert _stored("about", {**ABOUT, "date_of_birth": "2008-11-25"})["date_of_birth"]


@time_machine.travel(TODAY)
def test_the_minimum_age_comes_from_settings(settings):
    settings.MINIMUM_PATIENT_AGE = 21
    errors = _errors(form_of("about"), {**ABOUT, "date_of_birth": "2006-01-01"})
    assert "21 or older" in str(errors["date_of_birth"][0].message)


@pytest.mark.parametrize(
    ("pregnant", "stored"),
    [("yes", "yes"), ("unsure", "unsure"), ("not_applicable", None)],
    ids=["yes", "unsure", "not-applicable"],
)
def test_pregnancy_is_stored_only_when_it_applies(pregnant, stored):
    assert _stored("about", {**ABOUT, "pregnant": pregnant}).get("pregnant") == stored


def test_prefer_not_to_say_is_stored_as_unknown_sex():
    assert _stored("about", {**ABOUT, "sex_at_birth": "unknown"})["sex_at_birth"] == "unknown"


def test_something_else_needs_a_few_words():
    errors = _errors(form_of("visit"), {"visit_reason": "other", "visit_reason_other": " "})
    assert "visit_reason_other" in errors


def test_free_text_has_a_length_limit():
    errors = _errors(form_of("visit"), {"visit_reason": "other", "visit_reason_other": "x" * 501})
    assert _codes(errors, "visit_reason_other") == ["max_length"]


def test_a_visit_reason_is_stored_in_the_case_format():
    assert _stored("visit", VISIT) == {"visit_reason": "panic"}


# ---- medicines ------------------------------------------------------------------------------
def _medication(data):
    form = MedicationForm(data)
    assert form.is_valid(), form.errors
    return form.medication()


def test_a_daily_medicine_is_stored_in_the_case_format_with_how_its_name_matched():
    assert _medication(KLONOPIN) == {
        "name": "Klonopin",
        "strength_mg": 0.5,
        "amount_per_dose": 1.0,
        "times_per_day": 2,
        "taking": "as_prescribed",
        "prescribed": True,
        "duration": 30,
        "duration_unit": "weeks",
        "prescriber": "Dr Lee",
        "match": "exact",
        "generic": "clonazepam",
    }


def test_an_as_needed_medicine_stores_its_maximum_and_no_times_per_day():
    stored = _medication(OXYCODONE)
    assert (stored["as_needed"], stored["max_doses_per_day"]) == (True, 4)
    assert "times_per_day" not in stored


@pytest.mark.parametrize(
    ("duration", "unit"),
    [("3", "months"), ("2", "years"), ("0", "weeks"), ("1", "months")],
    ids=["months", "years", "under-a-week", "one-month"],
)
def test_how_long_is_stored_as_the_patient_said_it(duration, unit):
    stored = _medication({**KLONOPIN, "duration": duration, "duration_unit": unit})
    assert (stored["duration"], stored["duration_unit"]) == (int(duration), unit)
    assert "weeks_taking" not in stored


def test_one_month_of_daily_clonazepam_counts_as_more_than_4_weeks():
    medicine = _medication({**KLONOPIN, "duration": "1", "duration_unit": "months"})
    evaluation = evaluate_answers(
        {"medications": [medicine], "benzo_history": {"missed_dose_symptoms": True}}
    )
    assert "withdrawal_risk" in {flag["code"] for flag in evaluation["flags"]}


def test_a_stored_duration_fills_the_form_as_the_patient_entered_it():
    medicine = _medication({**KLONOPIN, "duration": "7", "duration_unit": "months"})
    initial = MedicationForm.initial_from(medicine)
    assert (initial["duration"], initial["duration_unit"]) == (7, "months")


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("strength_mg", "0", "not_positive"),
        ("strength_mg", "-1", "not_positive"),
        ("strength_mg", "2000.5", "too_big"),
        ("strength_mg", "abc", "invalid"),
        ("amount_per_dose", "0", "not_positive"),
        ("amount_per_dose", "11", "too_big"),
        ("name", "x" * 101, "max_length"),
        ("prescriber", "x" * 101, "max_length"),
        ("how_often", "7", "invalid_choice"),
        ("duration", "-2", "negative"),
    ],
    ids=[
        "zero-strength",
        "negative-strength",
        "strength-beyond-plausible",
        "strength-not-a-number",
        "zero-tablets",
        "too-many-tablets",
        "long-name",
        "long-prescriber",
        "seven-times-a-day",
        "negative-duration",
    ],
)
def test_an_implausible_medicine_answer_is_refused(field, value, code):
    errors = _errors(MedicationForm, {**KLONOPIN, field: value})
    assert _codes(errors, field) == [code]


@pytest.mark.parametrize(
    ("value", "valid"), [("12", True), ("13", False), ("0", False)], ids=["12", "13", "0"]
)
def test_as_needed_doses_per_day_have_a_limit(value, valid):
    form = MedicationForm({**OXYCODONE, "max_doses_per_day": value})
    assert form.is_valid() is valid


def test_as_needed_without_a_maximum_asks_for_one():
    errors = _errors(MedicationForm, {**OXYCODONE, "max_doses_per_day": ""})
    assert "max_doses_per_day" in errors


def test_a_duration_beyond_a_lifetime_is_refused():
    errors = _errors(MedicationForm, {**KLONOPIN, "duration": "81", "duration_unit": "years"})
    assert "duration" in errors


def test_a_medicine_name_is_tidied():
    assert _medication({**KLONOPIN, "name": "  Klonopin   0.5 "})["name"] == "Klonopin 0.5"


def test_saying_there_are_no_more_medicines_completes_the_list():
    form = MedicationsDoneForm({"add_another": "no"}, intake=Intake(answers={}, details={}))
    assert form.is_valid()
    answers, details = {}, {}
    form.store(answers, details)
    assert (answers, details) == ({"medications": []}, {"medications_confirmed": True})


def test_an_empty_list_asks_whether_any_medicines_are_taken():
    form = MedicationsDoneForm(intake=Intake(answers={}, details={}))
    assert form.fields["add_another"].label.startswith("Do you take any medicines")


# ---- the other sections ------------------------------------------------------------------
BENZO_STORED = {**{k: False for k in BENZO if k != "dosing"}, "dosing": "divided"}
OPIOIDS_STORED = {**{k: False for k in SUBSTANCES}, "opioids": True, "drug_use_past_year": True}


@pytest.mark.parametrize(
    ("step_key", "data", "key", "expected"),
    [
        ("benzodiazepines", BENZO, "benzo_history", BENZO_STORED),
        ("alcohol", ALCOHOL, "audit_c", [1, 0, 0]),
        ("alcohol", {"audit_c_1": "0"}, "audit_c", [0, 0, 0]),
        ("substances", {**SUBSTANCES, "opioids": "yes"}, "substances", OPIOIDS_STORED),
        ("drug_use", DRUG_USE, "dast_10", [False, False, True] + [False] * 7),
        ("anxiety", ANXIETY, "gad_7", [1] * 7),
        ("mood", {**MOOD, "phq_9_9": "3"}, "phq_9", [0] * 8 + [3]),
        ("safety", SAFETY, "cssrs", {"q1": False, "q2": False, "q6": False}),
    ],
    ids=["benzo-history", "audit-c", "audit-c-never", "substances", "dast-10", "gad-7",
         "phq-9", "cssrs"],
)  # fmt: skip
def test_a_section_is_stored_in_the_case_format(step_key, data, key, expected):
    assert _stored(step_key, data)[key] == expected


def test_side_effects_and_falls_and_driving_are_stored_together_from_their_two_pages():
    intake = Intake(answers={}, details={})
    for step_key, data in (
        ("side_effects", {**SIDE_EFFECTS, "memory": "severe"}),
        ("falls_driving", FALLS_DRIVING),
    ):
        form = form_of(step_key)(data, intake=intake)
        assert form.is_valid(), form.errors
        form.store(intake.answers, intake.details)
    stored = intake.answers["side_effects"]
    assert (stored["memory"], stored["falls"], stored["driving"]) == ("severe", False, True)


def test_answering_the_side_effects_again_keeps_falls_and_driving():
    answers = {"side_effects": {**{k: "none" for k in SIDE_EFFECTS}, "falls": True}}
    form = form_of("side_effects")({**SIDE_EFFECTS, "fatigue": "mild"})
    assert form.is_valid(), form.errors
    form.store(answers, {})
    assert (answers["side_effects"]["fatigue"], answers["side_effects"]["falls"]) == ("mild", True)


def test_someone_who_drinks_must_answer_how_much():
    errors = _errors(form_of("alcohol"), {"audit_c_1": "2"})
    assert set(errors) == {"audit_c_2", "audit_c_3"}


@pytest.mark.parametrize(
    ("value", "code"), [("-1", "out_of_range"), ("101", "out_of_range"), ("2.5", "invalid")],
    ids=["negative", "beyond-plausible", "fraction"],
)  # fmt: skip
def test_panic_attacks_per_week_must_be_a_plausible_whole_number(value, code):
    errors = _errors(form_of("anxiety"), {**ANXIETY, "panic_attacks_per_week": value})
    assert _codes(errors, "panic_attacks_per_week") == [code]


def test_an_unanswered_question_names_itself():
    errors = _errors(form_of("mood"), {**MOOD, "phq_9_4": ""})
    assert str(errors["phq_9_4"][0].message).startswith("Answer this question")


def test_follow_up_safety_questions_follow_the_screeners_skip_logic():
    intake = Intake(answers={"cssrs": {"q1": True, "q2": True, "q6": False}}, details={})
    assert list(SafetyMoreForm(intake=intake).fields) == ["q3", "q4", "q5"]


def test_a_no_to_question_6_drops_its_timing_question():
    intake = Intake(answers={"cssrs": {"q6": True, "q6_past_3_months": True}}, details={})
    form = form_of("safety")(SAFETY, intake=intake)
    assert form.is_valid()
    answers = {"cssrs": {"q6": True, "q6_past_3_months": True}}
    form.store(answers, {})
    assert "q6_past_3_months" not in answers["cssrs"]


def test_the_drinking_amount_questions_are_not_marked_required_for_everyone():
    form = form_of("alcohol")()
    assert not form.fields["audit_c_2"].required and not form.fields["audit_c_3"].required


def test_someone_who_never_drinks_may_leave_the_amount_questions_blank():
    form = form_of("alcohol")({"audit_c_1": "0"}, intake=Intake(answers={}, details={}))
    assert form.is_valid(), form.errors
