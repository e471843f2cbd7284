"""The one rule for "a saved positive safety answer" (intake/safety.py), as a table."""

import pytest

from intake.safety import has_positive_safety_answer, positive_safety_answers

NO_CSSRS = {"q1": False, "q2": False, "q6": False}
PHQ_CLEAR = [0] * 9


def _kept(step: str, **values) -> dict:
    return {"pending": {step: values}}


CASES = [
    ({}, None, [], "nothing-answered"),
    ({"cssrs": NO_CSSRS, "phq_9": PHQ_CLEAR}, None, [], "all-no"),
    ({"cssrs": {**NO_CSSRS, "q1": True}}, None, ["cssrs.q1"], "q1-yes"),
    ({"cssrs": {**NO_CSSRS, "q2": True}}, None, ["cssrs.q2"], "q2-yes"),
    ({"cssrs": {**NO_CSSRS, "q6": True}}, None, ["cssrs.q6"], "q6-yes-recency-unanswered"),
    (
        {"cssrs": {**NO_CSSRS, "q6": True, "q6_past_3_months": True}},
        None,
        ["cssrs.q6_past_3_months"],
        "q6-recent",
    ),
    (
        {"cssrs": {**NO_CSSRS, "q6": True, "q6_past_3_months": False}},
        None,
        [],
        "q6-only-longer-ago",
    ),
    ({"phq_9": [0] * 8 + [1]}, None, ["phq_9.9"], "phq9-item9-one"),
    ({"phq_9": [3] * 8 + [0]}, None, [], "phq9-item9-zero-other-items-high"),
    ({}, _kept("safety", q1=True), ["cssrs.q1"], "kept-q1-yes-from-incomplete-page"),
    ({}, _kept("safety", q1=False, q2=False), [], "kept-no"),
    (
        {"cssrs": {**NO_CSSRS, "q6": True}},
        _kept("safety_more", q6_past_3_months=True),
        ["cssrs.q6_past_3_months"],
        "kept-q6r",
    ),
    ({}, _kept("safety_more", q6_past_3_months=True), [], "kept-q6r-without-q6-not-asked"),
    ({}, _kept("mood", phq_9_9=2), ["phq_9.9"], "kept-phq9-item9"),
    ({}, _kept("mood", phq_9_9=0), [], "kept-phq9-item9-zero"),
    ({}, _kept("mood", phq_9_9="nonsense"), [], "kept-phq9-unreadable"),
    ({}, _kept("mood", phq_9_9=7), [], "kept-phq9-out-of-range"),
    ({}, _kept("mood", phq_9_9="2"), [], "kept-phq9-raw-text-is-not-an-answer"),
    ({"phq_9": [0] * 8 + [1]}, _kept("mood", phq_9_9=0), ["phq_9.9"], "saved-item9-not-hidden"),
    (
        {"cssrs": {**NO_CSSRS, "q2": True}},
        _kept("safety", q2=False),
        ["cssrs.q2"],
        "saved-yes-not-hidden-by-kept-no",
    ),
]


@pytest.mark.parametrize(
    ("answers", "details", "expected"), [c[:3] for c in CASES], ids=[c[3] for c in CASES]
)
def test_positive_safety_answers(answers, details, expected):
    assert positive_safety_answers(answers, details) == expected
    assert has_positive_safety_answer(answers, details) is bool(expected)
