"""What a PHQ-9 or GAD-7 change means, each threshold tested on both sides.

Sources (docs/clinical.md, "Score changes"): response = a fall of 50% or more, remission =
below 5, both from an earlier total of 10 or more (Kroenke 2001/2010; NQF 0710/1884);
meaningful change = 5 points on the PHQ-9 (Kroenke 2001; Loewe 2004), 4 on the GAD-7
(Toussaint 2020).
"""

import pytest

from intake.clinical.case import CaseError, parse_case
from intake.clinical.measurement import (
    IMPROVEMENT,
    NO_CHANGE,
    PATIENT_WORDS,
    REMISSION,
    RESPONSE,
    WORSENING,
    meaning,
    score_change,
)
from tests.clinical.helpers import answers_totalling, evaluated, flags


@pytest.mark.parametrize(
    ("earlier", "current", "expected"),
    [
        # Worsening: a rise of 5 or more.
        (5, 10, WORSENING),
        (5, 9, NO_CHANGE),
        (0, 5, WORSENING),
        (0, 4, NO_CHANGE),
        (22, 27, WORSENING),
        (22, 26, NO_CHANGE),
        (10, 15, WORSENING),
        # Remission: below 5, from 10 or more.
        (10, 4, REMISSION),
        (10, 5, RESPONSE),  # 5 is not below 5, but it is half of 10
        (9, 4, IMPROVEMENT),  # from below 10: not a remission, a fall of 5
        (9, 5, NO_CHANGE),
        (27, 0, REMISSION),
        (12, 4, REMISSION),  # also a response: remission says more
        # Response: a fall of 50% or more, from 10 or more.
        (20, 10, RESPONSE),
        (20, 11, IMPROVEMENT),  # 45%: not a response, but down 9
        (11, 5, RESPONSE),  # 54.5%
        (11, 6, IMPROVEMENT),  # 45%, down 5
        (13, 7, IMPROVEMENT),  # 46%, down 6
        (14, 7, RESPONSE),  # exactly half
        (15, 8, IMPROVEMENT),  # 47%, down 7
        # Improvement: a fall of 5 or more without response or remission.
        (8, 3, IMPROVEMENT),
        (8, 4, NO_CHANGE),
        (26, 21, IMPROVEMENT),
        (26, 22, NO_CHANGE),
        # No change.
        (7, 7, NO_CHANGE),
        (0, 0, NO_CHANGE),
        (3, 2, NO_CHANGE),  # minimal to minimal: not "remission"
    ],
)
def test_a_phq_9_change_means_what_the_conventions_say(earlier, current, expected):
    assert meaning("phq_9", earlier, current) == expected


@pytest.mark.parametrize(
    ("earlier", "current", "expected"),
    [
        # The GAD-7's meaningful change is 4 (Toussaint 2020), not 5.
        (5, 9, WORSENING),
        (5, 8, NO_CHANGE),
        (17, 21, WORSENING),
        (17, 20, NO_CHANGE),
        (9, 5, IMPROVEMENT),
        (9, 6, NO_CHANGE),
        # Response and remission as for the PHQ-9.
        (10, 4, REMISSION),
        (10, 5, RESPONSE),
        (9, 4, IMPROVEMENT),
        (16, 8, RESPONSE),
        (16, 9, IMPROVEMENT),
        (12, 9, NO_CHANGE),
        (3, 1, NO_CHANGE),
    ],
)
def test_a_gad_7_change_uses_its_own_meaningful_difference(earlier, current, expected):
    assert meaning("gad_7", earlier, current) == expected


@pytest.mark.parametrize(
    ("instrument", "earlier", "current"),
    [("phq_9", -1, 3), ("phq_9", 3, 28), ("gad_7", 22, 3), ("gad_7", 0, 22)],
)
def test_a_total_out_of_the_scales_range_is_refused(instrument, earlier, current):
    with pytest.raises(ValueError):
        meaning(instrument, earlier, current)


def test_a_total_that_is_not_a_whole_number_is_refused():
    with pytest.raises(TypeError):
        meaning("phq_9", 3.5, 4)
    with pytest.raises(TypeError):
        meaning("phq_9", True, 4)


def test_no_change_is_read_without_both_totals_or_for_an_instrument_without_conventions():
    assert score_change("phq_9", None, 12) is None
    assert score_change("phq_9", 12, None) is None
    assert score_change("audit_c", 2, 9) is None


def test_staff_see_the_numbers_and_the_meaning():
    change = score_change("phq_9", 9, 15)
    assert change.worsened and change.difference == 6
    assert change.label == "Meaningful worsening"
    assert change.staff_words == ("PHQ-9 9 -> 15: up 6, 5 or more is clinically meaningful")
    assert score_change("phq_9", 20, 8).staff_words == "PHQ-9 20 -> 8: down 12 (60%), 50% or more"
    assert score_change("gad_7", 14, 3).label == "Remission"
    assert score_change("gad_7", 14, 3).to_dict()["meaning"] == REMISSION


def test_the_patient_sees_plain_words_without_numbers_or_diagnoses():
    for words in PATIENT_WORDS.values():
        assert not any(ch.isdigit() for ch in words.replace("988", ""))
        assert "depress" not in words.lower() and "disorder" not in words.lower()
    assert "988" in score_change("phq_9", 2, 12).patient_words


# ---- phq9_worsening: the rule that reads the earlier total ------------------------------
def _phq(total: int) -> list[int]:
    return answers_totalling(total, 8, 3) + [0]  # item 9 at 0: no self_harm


@pytest.mark.parametrize(
    ("earlier", "current", "fires"),
    [(9, 14, True), (9, 13, False), (0, 5, True), (0, 4, False), (19, 24, True), (20, 24, False)],
)
def test_phq9_worsening_fires_at_a_rise_of_5_and_not_4(earlier, current, fires):
    case = {"phq_9": _phq(current), "earlier_scores": {"phq_9": {"total": earlier}}}
    found = flags(case).get("phq9_worsening")
    assert (found is not None) == fires
    if fires:
        assert found["severity"] == "moderate"
        assert found["triggered_by"] == [
            f"earlier_scores.phq_9.total={earlier}",
            f"phq_9.total={current}",
        ]
        assert "Kroenke" in found["source"] and "Loewe" in found["source"]


def test_a_worsening_alone_is_visible_but_never_stat():
    case = {"phq_9": _phq(14), "earlier_scores": {"phq_9": {"total": 2, "on": "2026-10-01"}}}
    result = evaluated(case)
    assert [f["code"] for f in result["flags"]] == ["phq9_worsening"]
    assert result["priority"] == "routine"
    assert "on 2026-10-01" in result["flags"][0]["rationale"]


def test_no_worsening_without_an_earlier_total_or_with_an_incomplete_phq_9():
    assert "phq9_worsening" not in flags({"phq_9": _phq(20)})
    incomplete = {
        "phq_9": [3, 3, 3, 3, 3, 3, None, 0, 0],
        "earlier_scores": {"phq_9": {"total": 0}},
    }
    assert "phq9_worsening" not in flags(incomplete)


def test_a_gad_7_rise_alone_raises_no_phq_9_flag():
    case = {"gad_7": [3, 3, 3, 3, 3, 0, 0], "earlier_scores": {"gad_7": {"total": 2}}}
    assert "phq9_worsening" not in flags(case)


# ---- gad7_worsening: the same rule on the GAD-7, at its own meaningful change --------------
@pytest.mark.parametrize(
    ("earlier", "current", "fires"),
    [(5, 9, True), (5, 8, False), (0, 4, True), (0, 3, False), (17, 21, True), (18, 21, False)],
)
def test_gad7_worsening_fires_at_a_rise_of_4_and_not_3(earlier, current, fires):
    case = {
        "gad_7": answers_totalling(current, 7, 3),
        "earlier_scores": {"gad_7": {"total": earlier}},
    }
    found = flags(case).get("gad7_worsening")
    assert (found is not None) == fires
    if fires:
        assert found["severity"] == "moderate"
        assert found["triggered_by"] == [
            f"earlier_scores.gad_7.total={earlier}",
            f"gad_7.total={current}",
        ]
        assert "Toussaint" in found["source"]


def test_a_gad_7_worsening_alone_is_visible_but_never_stat():
    case = {"gad_7": [3, 3, 3, 0, 0, 0, 0], "earlier_scores": {"gad_7": {"total": 4}}}
    result = evaluated(case)
    assert [f["code"] for f in result["flags"]] == ["gad7_worsening"]
    assert result["priority"] == "routine"
    assert result["flags"][0]["title"] == "GAD-7 worse by 5 (4 -> 9)"


def test_no_gad_7_worsening_without_an_earlier_total_with_an_incomplete_one_or_from_the_phq_9():
    assert "gad7_worsening" not in flags({"gad_7": [3] * 7})
    incomplete = {"gad_7": [3, 3, 3, 3, 3, None, 0], "earlier_scores": {"gad_7": {"total": 0}}}
    assert "gad7_worsening" not in flags(incomplete)
    phq_only = {"phq_9": _phq(14), "earlier_scores": {"phq_9": {"total": 2}}}
    assert "gad7_worsening" not in flags(phq_only)


@pytest.mark.parametrize(
    ("earlier", "path"),
    [
        ({"phq_9": {"total": 28}}, "earlier_scores.phq_9.total"),
        ({"phq_9": {}}, "earlier_scores.phq_9.total"),
        ({"cssrs": {"total": 1}}, "earlier_scores"),
        ({"phq_9": {"total": 3, "when": "x"}}, "earlier_scores.phq_9"),
    ],
)
def test_an_earlier_score_out_of_range_or_misnamed_is_refused_with_its_path(earlier, path):
    with pytest.raises(CaseError) as error:
        parse_case({"earlier_scores": earlier})
    assert error.value.path.startswith(path)
