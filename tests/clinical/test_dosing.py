"""Dose maths: daily totals, as-needed maximums, fractions, diazepam-equivalent ranges."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.clinical.dosing import (
    daily_dose_mg,
    describe_daily_dose,
    diazepam_equivalent,
    mg,
    sum_equivalents,
)
from tests.clinical.helpers import ENTRIES

BY_GENERIC = {entry.generic: entry for entry in ENTRIES}


@pytest.mark.parametrize(
    ("args", "kwargs", "daily"),
    [
        ((0.5, 1, 2), {}, 1.0),
        ((1, 0.5, 2), {}, 1.0),
        ((0.5, 0.5, 1), {}, 0.25),
        ((2, 1.5, 3), {}, 9.0),
        ((0.1, 1, 3), {}, 0.3),
        ((5, 1, None), {"as_needed": True, "max_doses_per_day": 4}, 20.0),
        ((0.5, 2, None), {"as_needed": True, "max_doses_per_day": 3}, 3.0),
        ((None, 1, 2), {}, None),
        ((1, 1, None), {}, None),
        ((1, 1, None), {"as_needed": True}, None),
    ],
    ids=["half-mg-twice", "half-tablet-twice", "half-of-a-half", "one-and-a-half-three-times",
         "decimal-exact", "as-needed-max", "as-needed-two-tablets", "strength-unknown",
         "times-unknown", "as-needed-max-unknown"],
)  # fmt: skip
def test_daily_dose_is_strength_times_amount_times_doses(args, kwargs, daily):
    assert daily_dose_mg(*args, **kwargs) == daily


@pytest.mark.parametrize(
    ("args", "kwargs", "words"),
    [
        ((0.5, 1, 2), {}, "1 mg a day (0.5 mg tablet x 1, twice a day)"),
        ((1, 0.5, 1), {}, "0.5 mg a day (1 mg tablet x 0.5, once a day)"),
        ((0.25, 1, 3), {}, "0.75 mg a day (0.25 mg tablet x 1, 3 times a day)"),
        ((5, 1, None), {"as_needed": True, "max_doses_per_day": 4},
         "up to 20 mg a day (5 mg tablet x 1, as needed, at most 4 times a day)"),
        ((5, 1, None), {"as_needed": True, "max_doses_per_day": 1},
         "up to 5 mg a day (5 mg tablet x 1, as needed, at most once a day)"),
        ((None, 1, 2), {}, "daily dose not known"),
    ],
    ids=["twice", "half-tablet-once", "three-times", "as-needed", "as-needed-once", "unknown"],
)  # fmt: skip
def test_the_daily_dose_reads_as_words(args, kwargs, words):
    assert describe_daily_dose(*args, **kwargs) == words


@pytest.mark.parametrize(
    ("generic", "daily", "low", "high"),
    [
        ("clonazepam", 1, 10, 20),
        ("alprazolam", 1, 10, 20),
        ("lorazepam", 2, 10, 20),
        ("diazepam", 10, 10, 10),
        ("estazolam", 2, 10, 20),
        ("flurazepam", 30, 10, 20),
        ("triazolam", 0.25, 5, 10),
        ("clobazam", 20, 10, 10),
    ],
    ids=str,
)
def test_diazepam_equivalent_is_a_range_across_both_tables(generic, daily, low, high):
    equivalent = diazepam_equivalent(daily, BY_GENERIC[generic])
    assert (equivalent.low, equivalent.high) == (low, high)


def test_diazepam_equivalent_names_the_tables_it_used():
    assert diazepam_equivalent(1, BY_GENERIC["clonazepam"]).tables == (
        "Ashton 2002",
        "VA/DoD 2021",
    )


@pytest.mark.parametrize(
    ("daily", "generic"),
    [(50, "sertraline"), (None, "clonazepam")],
    ids=["not-a-benzodiazepine", "dose-unknown"],
)
def test_diazepam_equivalent_is_none_where_it_does_not_apply(daily, generic):
    assert diazepam_equivalent(daily, BY_GENERIC[generic]) is None


def test_two_benzodiazepines_sum_their_ranges():
    total = sum_equivalents(
        [
            diazepam_equivalent(1, BY_GENERIC["clonazepam"]),  # 10-20
            diazepam_equivalent(1, BY_GENERIC["lorazepam"]),  # 5-10
        ]
    )
    assert (total.low, total.high) == (15, 30)


def test_a_sum_with_an_unknown_dose_is_unknown():
    assert sum_equivalents([diazepam_equivalent(1, BY_GENERIC["clonazepam"]), None]) is None


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1.0, "1"), (0.125, "0.125"), (2.5, "2.5"), (0.1 + 0.2, "0.3"), (20.0, "20")],
    ids=["whole", "eighth", "half", "float-noise", "twenty"],
)
def test_doses_are_rounded_for_display_only(value, shown):
    assert mg(value) == shown


DOSES = st.decimals(min_value="0.125", max_value="100", places=3).map(float)
AMOUNTS = st.sampled_from([0.25, 0.5, 1, 1.5, 2, 3])


@given(DOSES, AMOUNTS, st.integers(1, 6))
def test_the_daily_dose_is_the_exact_product_of_its_parts(strength, amount, times):
    expected = Decimal(str(strength)) * Decimal(str(amount)) * times
    assert Decimal(str(daily_dose_mg(strength, amount, times))) == expected


@given(st.sampled_from(sorted(g for g, e in BY_GENERIC.items() if e.equivalence_tables)),
       st.lists(DOSES, min_size=1, max_size=3))  # fmt: skip
def test_summed_equivalents_add_up_each_end_and_keep_low_below_high(generic, doses):
    parts = [diazepam_equivalent(dose, BY_GENERIC[generic]) for dose in doses]
    total = sum_equivalents(parts)
    assert total.low <= total.high
    assert total.low == pytest.approx(sum(p.low for p in parts))


@pytest.mark.parametrize("generic", ["etizolam", "clonazolam", "alprazolam-like street tablets"])
def test_a_benzodiazepine_of_unknown_potency_has_no_diazepam_equivalent(generic):
    assert diazepam_equivalent(1.0, BY_GENERIC[generic]) is None
