"""Instrument scoring: every band boundary on both sides, incomplete answers, the C-SSRS."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.clinical import instruments as ins
from tests.clinical.helpers import answers_totalling, dast_answers


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
     (14, "moderate"), (15, "severe"), (21, "severe")],
    ids=lambda v: str(v),
)  # fmt: skip
def test_gad_7_bands_change_at_5_10_and_15(total, band):
    assert ins.score_gad_7(answers_totalling(total, 7, 3)) == {
        "total": total,
        "band": band,
        "complete": True,
    }


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
     (14, "moderate"), (15, "moderately_severe"), (19, "moderately_severe"), (20, "severe"),
     (27, "severe")],
    ids=lambda v: str(v),
)  # fmt: skip
def test_phq_9_bands_change_at_5_10_15_and_20(total, band):
    score = ins.score_phq_9(answers_totalling(total, 9, 3))
    assert (score["total"], score["band"]) == (total, band)


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "none"), (1, "low"), (2, "low"), (3, "moderate"), (5, "moderate"),
     (6, "substantial"), (8, "substantial"), (9, "severe"), (10, "severe")],
    ids=lambda v: str(v),
)  # fmt: skip
def test_dast_10_bands_change_at_1_3_6_and_9(total, band):
    assert ins.score_dast_10(dast_answers(total)) == {
        "total": total,
        "band": band,
        "complete": True,
    }


@pytest.mark.parametrize(
    ("item_3_answer", "total"),
    [(True, 0), (False, 1)],
    ids=["always-able-to-stop-scores-0", "not-always-able-to-stop-scores-1"],
)
def test_dast_10_item_3_is_reverse_scored(item_3_answer, total):
    answers = [False] * 10
    answers[2] = item_3_answer
    assert ins.score_dast_10(answers)["total"] == total


@pytest.mark.parametrize(
    ("sex", "total", "positive"),
    [
        ("male", 3, False),
        ("male", 4, True),
        ("female", 2, False),
        ("female", 3, True),
        ("unknown", 2, False),
        ("unknown", 3, True),
        (None, 2, False),
        (None, 3, True),
    ],
    ids=["male-3", "male-4", "female-2", "female-3", "unknown-2", "unknown-3", "not-given-2",
         "not-given-3"],
)  # fmt: skip
def test_audit_c_is_positive_at_4_for_men_and_3_otherwise(sex, total, positive):
    score = ins.score_audit_c(answers_totalling(total, 3, 4), sex)
    assert (score["total"], score["positive"]) == (total, positive)


@pytest.mark.parametrize(
    ("answers", "drinks"),
    [([0, 0, 0], False), ([1, 0, 0], True), ([None, 0, 0], None)],
    ids=["never", "monthly-or-less", "frequency-unanswered"],
)
def test_audit_c_reports_any_drinking_from_the_first_question(answers, drinks):
    assert ins.score_audit_c(answers)["drinks"] is drinks


@pytest.mark.parametrize(
    ("scorer", "answers", "of"),
    [
        (ins.score_gad_7, [3, 3, 3, None, 3, 3, 3], 7),
        (ins.score_gad_7, [3, 3], 7),
        (ins.score_phq_9, [1] * 8, 9),
        (ins.score_dast_10, [True] * 9 + [None], 10),
        (ins.score_audit_c, [4, 4], 3),
    ],
    ids=["gad-7-null-answer", "gad-7-short-list", "phq-9-item-9-missing", "dast-10-null",
         "audit-c-short"],
)  # fmt: skip
def test_an_incomplete_instrument_gets_no_total(scorer, answers, of):
    score = scorer(answers)
    assert (score["total"], score["complete"], score["of"]) == (None, False, of)


def test_phq_9_reports_item_9_even_when_other_items_are_missing():
    score = ins.score_phq_9([None, 0, 0, 0, 0, 0, 0, 0, 2])
    assert (score["total"], score["item_9"]) == (None, 2)


def test_a_yes_no_answer_never_counts_as_a_score():
    # True == 1 in Python; a boolean in a 0-3 instrument must stay unanswered.
    assert ins.item_scores(ins.GAD_7, [True] * 7) == [None] * 7


@pytest.mark.parametrize(
    ("answers", "risk"),
    [
        ({"q1": False, "q2": False, "q6": False}, "none"),
        ({"q1": True, "q2": False, "q6": False}, "low"),
        ({"q1": True, "q2": True, "q3": False, "q4": False, "q5": False, "q6": False}, "low"),
        ({"q1": True, "q2": True, "q3": True, "q4": False, "q5": False, "q6": False},
         "moderate"),
        ({"q1": False, "q2": False, "q6": True, "q6_past_3_months": False}, "moderate"),
        ({"q1": True, "q2": True, "q3": True, "q4": True, "q5": False, "q6": False}, "high"),
        ({"q1": True, "q2": True, "q3": False, "q4": False, "q5": True, "q6": False}, "high"),
        ({"q1": False, "q2": False, "q6": True, "q6_past_3_months": True}, "high"),
    ],
    ids=["all-no", "wish-dead", "thoughts-no-method", "method", "behaviour-over-3-months",
         "intent", "plan", "behaviour-within-3-months"],
)  # fmt: skip
def test_cssrs_risk_follows_the_screener_triage(answers, risk):
    assert ins.score_cssrs(answers) == {"risk": risk, "complete": True}


@pytest.mark.parametrize(
    ("answers", "asked"),
    [
        ({}, ["q1", "q2", "q6"]),
        ({"q2": False, "q6": False}, ["q1", "q2", "q6"]),
        ({"q2": True}, ["q1", "q2", "q3", "q4", "q5", "q6"]),
        ({"q2": False, "q6": True}, ["q1", "q2", "q6", "q6_past_3_months"]),
    ],
    ids=["start", "q2-no-skips-to-q6", "q2-yes-asks-q3-to-q5", "q6-yes-asks-when"],
)
def test_cssrs_skip_logic_asks_follow_ups_only_after_a_yes(answers, asked):
    assert ins.cssrs_asked(answers) == asked


def test_cssrs_with_an_unanswered_question_has_no_risk_yet():
    assert ins.score_cssrs({"q1": False, "q2": True, "q6": False})["risk"] is None


def test_cssrs_high_risk_answers_are_imminent_even_before_the_screener_is_finished():
    assert ins.cssrs_imminent({"q2": True, "q4": True})


@pytest.mark.parametrize(
    ("instrument", "panel", "total", "items"),
    [
        ("gad_7", "69737-5", "70274-6", 7),
        ("phq_9", "44249-1", "44261-6", 9),
        ("audit_c", "72109-2", "75626-2", 3),
        ("dast_10", None, "82667-7", 10),
    ],
    ids=["gad-7", "phq-9", "audit-c", "dast-10"],
)
def test_instruments_carry_their_loinc_codes(instrument, panel, total, items):
    data = ins.INSTRUMENTS[instrument]
    assert (data.panel_loinc, data.total_loinc, len(data.items)) == (panel, total, items)


def test_phq_9_item_9_has_its_own_loinc_code():
    assert ins.PHQ_9.items[8].loinc == "44260-8"


def test_gad_7_answers_use_the_loinc_frequency_answers():
    codes = [option.loinc_answer for option in ins.GAD_7.options]
    assert codes == ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]


@given(st.lists(st.integers(0, 3), min_size=7, max_size=7))
def test_gad_7_total_is_the_sum_of_item_scores_within_range(answers):
    total = ins.score_gad_7(answers)["total"]
    assert total == sum(answers) and 0 <= total <= 21


@given(st.lists(st.integers(0, 3), min_size=9, max_size=9))
def test_phq_9_total_is_the_sum_of_item_scores_within_range(answers):
    score = ins.score_phq_9(answers)
    assert score["total"] == sum(answers) and 0 <= score["total"] <= 27
    assert score["item_9"] == answers[8]


@given(st.lists(st.integers(0, 4), min_size=3, max_size=3), st.sampled_from(["male", "female"]))
def test_audit_c_total_is_the_sum_of_item_scores_within_range(answers, sex):
    assert ins.score_audit_c(answers, sex)["total"] == sum(answers) <= 12


@given(st.lists(st.booleans(), min_size=10, max_size=10))
def test_dast_10_total_counts_yes_answers_with_item_3_reversed(answers):
    expected = sum(answers) - answers[2] + (not answers[2])
    assert ins.score_dast_10(answers)["total"] == expected <= 10


@given(st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=7, max_size=7))
def test_gad_7_with_any_unanswered_item_never_has_a_total(answers):
    score = ins.score_gad_7(answers)
    assert (score["total"] is None) == (None in answers)


# ---- partial PHQ-9 and GAD-7 (issue 22; clinical-reference.md section 9) --------------------
@pytest.mark.parametrize(
    ("scorer", "answers", "partial"),
    [
        (ins.score_phq_9, [3, 3, 3, 3, 3, 3, 3, 3, None],
         {"minimum_total": 24, "minimum_band": "severe", "missing_items": [9],
          "prorated_total": 27, "prorated_band": "severe"}),
        (ins.score_phq_9, [2, 2, 2, 2, 2, 2, 2, None, 0],
         {"minimum_total": 14, "minimum_band": "moderate", "missing_items": [8],
          "prorated_total": 16, "prorated_band": "moderately_severe"}),
        # Two missing: the minimum only, never prorated.
        (ins.score_phq_9, [2, 2, 2, 2, 2, 1, None, None, 0],
         {"minimum_total": 11, "minimum_band": "moderate", "missing_items": [7, 8]}),
        # 11 / 6 x 7 = 12.83: rounded to 13.
        (ins.score_gad_7, [2, 2, None, 2, 2, 2, 1],
         {"minimum_total": 11, "minimum_band": "moderate", "missing_items": [3],
          "prorated_total": 13, "prorated_band": "moderate"}),
        # A short list: the items not given are the missing ones.
        (ins.score_gad_7, [3, 3, 3, 3, 3, 3],
         {"minimum_total": 18, "minimum_band": "severe", "missing_items": [7],
          "prorated_total": 21, "prorated_band": "severe"}),
    ],
    ids=["phq-9-item-9-missing", "phq-9-prorated-into-a-band", "phq-9-two-missing",
         "gad-7-rounded", "gad-7-short-list"],
)  # fmt: skip
def test_a_partial_phq_9_or_gad_7_gets_its_minimum_and_prorated_totals(scorer, answers, partial):
    score = scorer(answers)
    assert score["total"] is None
    assert {key: score.get(key) for key in partial} == partial


@pytest.mark.parametrize(
    "answers",
    [[None] * 9, [1] * 9],
    ids=["nothing-answered", "complete"],
)
def test_no_partial_totals_when_nothing_or_everything_is_answered(answers):
    assert "minimum_total" not in ins.score_phq_9(answers)


def test_other_instruments_get_no_partial_totals():
    assert "minimum_total" not in ins.score_audit_c([4, None, 4])
