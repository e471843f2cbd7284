"""The case file evaluator without Django: read the text, validate every case, evaluate.

Validation comes first and needs no catalog, so invalid input is answered without a
database. Errors are ``InputError`` with one line naming what is wrong, e.g.
``[3].medications[1].strength_mg: must be a number above 0``.
"""

import json
from collections.abc import Iterable
from datetime import date

from intake.clinical.case import Case, CaseError, parse_case
from intake.clinical.catalog import CatalogEntry, build_index
from intake.clinical.evaluate import evaluate

INVALID = 2  # the exit status for invalid input


class InputError(ValueError):
    """Invalid input; ``str()`` is the one line to show."""


def read_cases(text: str, *, as_of: date | None = None) -> Case | list[Case]:
    """One case for a JSON object, a list of cases for a JSON list; else ``InputError``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise InputError(f"input: not valid JSON ({error.msg}, {where})")
    except RecursionError:
        raise InputError("input: nested too deeply to read")
    try:
        if isinstance(data, list):
            return [_parse(item, as_of, f"[{n}]") for n, item in enumerate(data)]
        if isinstance(data, dict):
            return _parse(data, as_of, "")
    except CaseError as error:
        raise InputError(" ".join(str(error).split()))  # always one line
    raise InputError("input: must be a JSON object (one case) or a list of them")


def _parse(data, as_of: date | None, prefix: str) -> Case:
    try:
        return parse_case(data, as_of=as_of)
    except CaseError as error:
        raise error.under(prefix) if prefix else error


def evaluate_cases(cases: Case | list[Case], entries: Iterable[CatalogEntry]) -> str:
    """The evaluation as JSON text: an object for one case, a list for a list."""
    index = build_index(entries)  # built once for every case of a list
    if isinstance(cases, list):
        return json.dumps([evaluate(case, index).to_dict() for case in cases], indent=2)
    return json.dumps(evaluate(cases, index).to_dict(), indent=2)


def evaluate_text(
    text: str, entries: Iterable[CatalogEntry], *, as_of: date | None = None
) -> tuple[int, str]:
    """(0, the JSON output) or (2, the one-line error), as the command answers."""
    try:
        cases = read_cases(text, as_of=as_of)
    except InputError as error:
        return INVALID, str(error)
    return 0, evaluate_cases(cases, entries)
