"""Shared helpers for the clinical tests: build cases in the case-file format, evaluate them."""

from intake.clinical.case import parse_case
from intake.clinical.catalog import build_index, entries_from_data
from intake.clinical.evaluate import evaluate

ENTRIES = entries_from_data()
INDEX = build_index(ENTRIES)  # built once for every test


def med(name: str, strength_mg=1, times_per_day=1, **extra) -> dict:
    """One medication row; as-needed rows drop times_per_day."""
    row = {"name": name, "strength_mg": strength_mg, **extra}
    if not extra.get("as_needed"):
        row["times_per_day"] = times_per_day
    return row


def evaluated(case: dict) -> dict:
    return evaluate(parse_case(case), INDEX).to_dict()


def flags(case: dict) -> dict[str, dict]:
    """The flags a case raises, by code."""
    return {flag["code"]: flag for flag in evaluated(case)["flags"]}


def answers_totalling(total: int, count: int, highest: int) -> list[int]:
    """``count`` answers from 0 to ``highest`` that add up to ``total``, highest first."""
    answers = []
    for _ in range(count):
        answers.append(min(highest, total))
        total -= answers[-1]
    assert total == 0, "total out of range"
    return answers


def dast_answers(total: int) -> list[bool]:
    """DAST-10 answers (true = yes) scoring ``total``; item 3 is reverse-scored."""
    scores = answers_totalling(total, 10, 1)
    # Put the item-3 point last, so small totals use the plain items first.
    scores = scores[:2] + [scores[9]] + scores[2:9]
    return [not s if n == 2 else bool(s) for n, s in enumerate(scores)]
