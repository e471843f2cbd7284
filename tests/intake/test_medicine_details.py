"""The medicine writes (services), the breastfeeding and pregnancy questions, the stored
answers as the clinical core reads them, and each medicine's details read back to the
patient."""

import pytest

from intake.evaluation import case_from_answers, evaluate_answers
from intake.medicine_words import duration_words, how_long_words, match_of, match_words
from intake.services import (
    MAX_MEDICATIONS,
    IntakeLocked,
    medication_fingerprint,
    medication_remove,
    medication_upsert,
)
from tests.factories import make_intake
from tests.intake.pages import ABOUT, KLONOPIN, fill_intake, post_ok, url

from .test_forms import _errors, _stored

SERTRALINE = {"name": "sertraline", "strength_mg": 50.0, "times_per_day": 1}
DIAZEPAM = {"name": "diazepam", "strength_mg": 5.0, "times_per_day": 2}


# ---- the medicine services ------------------------------------------------------------------
@pytest.mark.django_db
def test_upsert_adds_a_medicine_and_marks_the_list_seen(patient):
    intake = medication_upsert(intake=make_intake(patient), medication=SERTRALINE)
    assert (intake.answers["medications"], intake.details["seen"]) == (
        [SERTRALINE],
        ["medications"],
    )


@pytest.mark.django_db
def test_upsert_replaces_the_medicine_it_names_wherever_it_is_now(patient):
    intake = make_intake(patient, answers={"medications": [DIAZEPAM, SERTRALINE]})
    changed = {**SERTRALINE, "strength_mg": 100.0}
    key = medication_fingerprint(SERTRALINE)
    medication_remove(intake=intake, key=medication_fingerprint(DIAZEPAM))  # another tab
    intake = medication_upsert(intake=intake, medication=changed, key=key)
    assert intake.answers["medications"] == [changed]


@pytest.mark.django_db
def test_upsert_of_a_medicine_that_has_gone_adds_it(patient):
    intake = make_intake(patient, answers={"medications": [DIAZEPAM]})
    intake = medication_upsert(intake=intake, medication=SERTRALINE, key="0123456789abcdef")
    assert intake.answers["medications"] == [DIAZEPAM, SERTRALINE]


@pytest.mark.django_db
def test_a_full_list_takes_no_more_medicines(patient):
    full = [{**SERTRALINE, "strength_mg": float(n + 1)} for n in range(MAX_MEDICATIONS)]
    intake = medication_upsert(
        intake=make_intake(patient, answers={"medications": full}), medication=DIAZEPAM
    )
    assert len(intake.answers["medications"]) == MAX_MEDICATIONS


@pytest.mark.django_db
def test_remove_takes_one_copy_only(patient):
    intake = make_intake(patient, answers={"medications": [DIAZEPAM, DIAZEPAM]})
    intake = medication_remove(intake=intake, key=medication_fingerprint(DIAZEPAM))
    assert intake.answers["medications"] == [DIAZEPAM]


@pytest.mark.django_db
def test_a_sent_intake_refuses_medicine_writes(patient):
    intake = make_intake(patient, status="submitted")
    with pytest.raises(IntakeLocked):
        medication_upsert(intake=intake, medication=SERTRALINE)


# ---- about you: pregnancy and breastfeeding --------------------------------------------------
@pytest.mark.parametrize(
    ("answer", "stored"),
    [("yes", "yes"), ("no", "no"), ("not_applicable", None), ("", None)],
    ids=["yes", "no", "does-not-apply", "blank"],
)
def test_breastfeeding_is_stored_only_as_yes_or_no(answer, stored):
    assert _stored("about", {**ABOUT, "breastfeeding": answer}).get("breastfeeding") == stored


def test_pregnancy_is_not_stored_for_sex_assigned_male():
    answers = _stored("about", {**ABOUT, "sex_at_birth": "male", "pregnant": "no"})
    assert "pregnant" not in answers


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_a_pregnancy_yes_with_sex_assigned_male_is_questioned_beside_the_field(answer):
    from tests.intake.pages import form_of

    data = {**ABOUT, "sex_at_birth": "male", "pregnant": answer}
    errors = _errors(form_of("about"), data)
    assert [e.code for e in errors["pregnant"]] == ["not_applicable"]


def test_breastfeeding_is_asked_whatever_the_sex_assigned_at_birth():
    answers = _stored("about", {**ABOUT, "sex_at_birth": "male", "breastfeeding": "yes"})
    assert answers["breastfeeding"] == "yes"


@pytest.mark.django_db
def test_check_your_answers_leaves_out_pregnancy_for_sex_assigned_male(alice, intake):
    data = {**ABOUT, "sex_at_birth": "male", "pregnant": "no", "breastfeeding": "no"}
    post_ok(alice, url("about", intake), data)
    html = alice.get(url("check", intake)).content.decode()
    assert ("Are you pregnant" in html, "Are you breastfeeding" in html) == (False, True)


# ---- the stored answers as the clinical core reads them -----------------------------------------
def test_page_only_medicine_keys_never_reach_the_clinical_core():
    stored = {"medications": [{**SERTRALINE, "match": "exact", "generic": "sertraline"}]}
    assert case_from_answers(stored)["medications"] == [SERTRALINE]


@pytest.mark.django_db
def test_stored_answers_with_breastfeeding_and_match_records_evaluate():
    answers = {
        "breastfeeding": "yes",
        "medications": [{**SERTRALINE, "match": "exact", "generic": "sertraline", "score": 100}],
    }
    result = evaluate_answers(answers)
    assert result["medications"][0]["generic"] == "sertraline"


# ---- each medicine's details in words --------------------------------------------------------
@pytest.mark.parametrize(
    ("weeks", "words"),
    [
        (None, "not given"),
        (1, "1 week"),
        (6, "6 weeks"),
        (30, "30 weeks (about 7 months)"),
        (78, "78 weeks (about 1.5 years)"),
        (104, "2 years"),
    ],
)
def test_how_long_a_medicine_has_been_taken_in_words(weeks, words):
    assert duration_words(weeks) == words


@pytest.mark.parametrize(
    ("stored", "words"),
    [
        ({"name": "clonazepam", "match": "exact", "generic": "clonazepam"}, "typed ‘clonazepam’"),
        (
            {"name": "K-pin", "match": "alias", "generic": "clonazepam"},
            "typed ‘K-pin’, a known short or street name for clonazepam",
        ),
        (
            {"name": "klonazepam", "match": "corrected", "generic": "clonazepam", "score": 90,
             "confirmed": True},
            "typed ‘klonazepam’, corrected to clonazepam (score 90), confirmed by the patient",
        ),
        (
            {"name": "klonazepam", "match": "corrected", "generic": "clonazepam", "score": 90,
             "confirmed": False},
            "typed ‘klonazepam’, closest to clonazepam (score 90); the patient said it is not: "
            "unrecognised",
        ),
        ({"name": "melatonin", "match": "none"}, "typed ‘melatonin’, not recognised"),
        (
            {"name": "klonipin xanax", "match": "ambiguous",
             "candidates": ["alprazolam", "clonazepam"]},
            "typed ‘klonipin xanax’, close to alprazolam or clonazepam: unrecognised, counted "
            "as possible",
        ),
        (
            {"name": "benzos", "match": "class"},
            "typed ‘benzos’, names a class of drug, not one drug: unrecognised",
        ),
    ],
    ids=["exact", "alias", "confirmed", "refused", "none", "ambiguous", "class"],
)  # fmt: skip
def test_how_a_name_was_matched_in_words(stored, words):
    assert match_words(match_of(stored)) == words


@pytest.mark.django_db
def test_check_your_answers_reads_each_medicines_details_back(alice, intake):
    fill_intake(alice, intake, medications=({**KLONOPIN, "taking": "more"},))
    html = alice.get(url("check", intake)).content.decode()
    for text in (
        "Taken for 30 weeks (about 7 months)",
        "Taken more than prescribed",
        "Prescribed to you by Dr Lee",
        "Klonopin (clonazepam)",
    ):
        assert text in html


@pytest.mark.parametrize(
    ("stored", "words"),
    [
        ({"duration": 1, "duration_unit": "months"}, "1 month"),
        ({"duration": 3, "duration_unit": "years"}, "3 years"),
        ({"duration": 30, "duration_unit": "weeks"}, "30 weeks (about 7 months)"),
        ({"weeks_taking": 104}, "2 years"),
    ],
    ids=["one-month", "years", "weeks", "saved-in-weeks"],
)
def test_how_long_is_said_in_the_patients_own_unit(stored, words):
    assert how_long_words(stored) == words
