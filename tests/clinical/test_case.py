# ruff: noqa: E501  (the invalid-input table reads best with one case per line)
"""Reading a case: defaults, ages, and invalid input named by its field."""

from datetime import date

import pytest

from intake.clinical.case import DIAGNOSES, CaseError, parse_case
from intake.forms.history import DIAGNOSES as ASKED


def test_an_empty_case_is_valid_and_answers_nothing():
    case = parse_case({})
    assert (case.age, case.medications, case.gad_7, case.cssrs) == (None, (), None, None)


def test_null_means_unanswered_like_a_missing_key():
    case = parse_case({"gad_7": None, "cssrs": None, "substances": None, "sex_at_birth": None})
    assert (case.gad_7, case.cssrs, case.substances.opioids) == (None, None, None)


def test_medication_defaults_are_one_tablet_as_prescribed_and_prescribed():
    (medication,) = parse_case({"medications": [{"name": "Klonopin"}]}).medications
    assert (medication.amount_per_dose, medication.taking, medication.prescribed) == (
        1,
        "as_prescribed",
        True,
    )


@pytest.mark.parametrize(
    ("as_of", "age"),
    [("2023-04-01", 64), ("2023-04-02", 65), ("2023-04-03", 65)],
    ids=["day-before-65th-birthday", "65th-birthday", "day-after"],
)
def test_age_is_worked_out_from_the_date_of_birth_at_as_of(as_of, age):
    assert parse_case({"date_of_birth": "1958-04-02", "as_of": as_of}).age == age


def test_the_callers_as_of_wins_over_the_cases_own():
    case = parse_case(
        {"date_of_birth": "1958-04-02", "as_of": "2000-01-01"}, as_of=date(2026, 11, 25)
    )
    assert case.age == 68


def test_a_leap_day_birthday_turns_a_year_older_on_1_march():
    case = parse_case({"date_of_birth": "2000-02-29", "as_of": "2021-03-01"})
    assert case.age == 21


VALID_MED = {"name": "Klonopin", "strength_mg": 0.5, "times_per_day": 2}


def _with_med(**fields) -> dict:
    return {"medications": [VALID_MED, {**VALID_MED, **fields}]}


@pytest.mark.parametrize(
    ("case", "error"),
    [
        (_with_med(strength_mg=0), "medications[1].strength_mg: must be a number above 0"),
        (_with_med(strength_mg=-1), "medications[1].strength_mg: must be a number above 0"),
        (_with_med(strength_mg="1"), "medications[1].strength_mg: must be a number above 0"),
        (_with_med(strength_mg=True), "medications[1].strength_mg: must be a number above 0"),
        (_with_med(strength_mg=1e400), "medications[1].strength_mg: must be a number above 0"),
        (_with_med(strength_mg=5001), "medications[1].strength_mg: must be at most 5000"),
        (_with_med(amount_per_dose=0), "medications[1].amount_per_dose: must be a number above 0"),
        (_with_med(times_per_day=0), "medications[1].times_per_day: must be a whole number from 1 to 6"),
        (_with_med(times_per_day=7), "medications[1].times_per_day: must be a whole number from 1 to 6"),
        (_with_med(times_per_day=1.5), "medications[1].times_per_day: must be a whole number from 1 to 6"),
        (_with_med(as_needed=True), "medications[1].times_per_day: leave out when as_needed is true (give max_doses_per_day)"),
        (_with_med(max_doses_per_day=3), "medications[1].max_doses_per_day: only for as-needed use (set as_needed to true)"),
        (_with_med(taking="sometimes"), "medications[1].taking: must be one of as_prescribed, more, less"),
        (_with_med(prescribed="yes"), "medications[1].prescribed: must be true or false"),
        (_with_med(weeks_taking=-1), "medications[1].weeks_taking: must be a number of 0 or more"),
        (_with_med(name=""), "medications[1].name: is required"),
        (_with_med(name=" "), "medications[1].name: is required"),
        (_with_med(name="x" * 121), "medications[1].name: must be at most 120 characters"),
        (_with_med(strenght_mg=1), "medications[1].strenght_mg: unknown key (check the spelling)"),
        ({"medications": [VALID_MED, "Klonopin"]}, "medications[1]: must be an object"),
        ({"medications": {"name": "x"}}, "medications: must be a list of at most 40 medicines"),
        ({"agee": 30}, "agee: unknown key (check the spelling)"),
        ({"age": -1}, "age: must be a whole number from 0 to 120"),
        ({"age": 121}, "age: must be a whole number from 0 to 120"),
        ({"age": "67"}, "age: must be a whole number from 0 to 120"),
        ({"age": 60, "date_of_birth": "1960-01-01"}, "age: give age or date_of_birth, not both"),
        ({"date_of_birth": "02/04/1958"}, "date_of_birth: must be a date written YYYY-MM-DD"),
        ({"date_of_birth": "2030-01-01", "as_of": "2026-11-25"}, "date_of_birth: must not be after 2026-11-25"),
        ({"date_of_birth": "1890-01-01", "as_of": "2026-11-25"}, "date_of_birth: gives an age above 120"),
        ({"as_of": "2026-13-01"}, "as_of: must be a date written YYYY-MM-DD"),
        ({"sex_at_birth": "F"}, "sex_at_birth: must be one of female, male, unknown"),
        ({"gad_7": [1, 2, 1, 0, 3, 1, 4]}, "gad_7[6]: must be a whole number from 0 to 3"),
        ({"gad_7": [1] * 8}, "gad_7: must be a list of 7 answers"),
        ({"gad_7": "1,2"}, "gad_7: must be a list of 7 answers"),
        ({"phq_9": [0] * 8 + [True]}, "phq_9[8]: must be a whole number from 0 to 3"),
        ({"audit_c": [5, 0, 0]}, "audit_c[0]: must be a whole number from 0 to 4"),
        ({"dast_10": [0] * 10}, "dast_10[0]: must be true or false"),
        ({"cssrs": {"q1": "no"}}, "cssrs.q1: must be true or false"),
        ({"cssrs": {"q7": False}}, "cssrs.q7: unknown key (check the spelling)"),
        ({"cssrs": {"q2": False, "q3": True}}, "cssrs.q3: leave out unless q2 is true"),
        ({"cssrs": {"q6": False, "q6_past_3_months": True}}, "cssrs.q6_past_3_months: leave out unless q6 is true"),
        ({"substances": {"opioids": "no"}}, "substances.opioids: must be true or false"),
        ({"substances": {"alcohol": True}}, "substances.alcohol: unknown key (check the spelling)"),
        ({"side_effects": {"drowsiness": "high"}}, "side_effects.drowsiness: must be one of none, mild, moderate, severe"),
        ({"side_effects": {"falls": "mild"}}, "side_effects.falls: must be true or false"),
        ({"side_effects": []}, "side_effects: must be an object"),
        ({"benzo_history": {"dosing": "weekly"}}, "benzo_history.dosing: must be one of once_daily, divided, as_needed"),
        ({"panic_attacks_per_week": -1}, "panic_attacks_per_week: must be a whole number from 0 to 500"),
        ({"visit_reason": "sleep"}, "visit_reason: must be one of panic, gad, other"),
        ({"visit_reason_other": "x" * 501}, "visit_reason_other: must be at most 500 characters"),
        ({"pregnant": True}, "pregnant: must be one of yes, no, unsure, not_applicable"),
        ([], "must be a JSON object"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_invalid_input_names_the_field_and_what_is_wrong(case, error):
    with pytest.raises(CaseError) as raised:
        parse_case(case)
    assert str(raised.value) == error


def test_an_unknown_key_with_a_line_break_still_gives_one_short_line():
    with pytest.raises(CaseError) as raised:
        parse_case({"bad\nkey" + "x" * 200: 1})
    assert "\n" not in str(raised.value) and len(str(raised.value)) < 120


def test_the_extra_intake_keys_are_accepted():
    case = parse_case(
        {
            "visit_reason": "other",
            "visit_reason_other": "Trouble sleeping",
            "pregnant": "unsure",
            "medications": [{"name": "Klonopin", "prescriber": "Dr Lee", "as_needed": True,
                             "max_doses_per_day": 2}],
            "benzo_history": {"dosing": "as_needed", "used_before": True, "tried_to_stop": False},
            "side_effects": {"driving": True},
        }
    )  # fmt: skip
    assert (case.pregnant, case.medications[0].prescriber, case.side_effects.driving) == (
        "unsure",
        "Dr Lee",
        True,
    )


def test_the_case_format_knows_every_diagnosis_the_intake_asks_about():
    assert [code for code, _label in ASKED] == list(DIAGNOSES)
