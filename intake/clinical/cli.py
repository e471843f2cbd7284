"""The case file evaluator without Django: text in, (exit status, one output text) out.

Status 0: the output is the evaluation as JSON (an object for one case, a list for a
list). Status 2: the output is one line naming what is wrong, e.g.
``[3].medications[1].strength_mg: must be a number above 0``.
"""

import json
from collections.abc import Iterable
from datetime import date

from intake.clinical.case import CaseError, parse_case
from intake.clinical.catalog import CatalogEntry
from intake.clinical.evaluate import evaluate

INVALID = 2


def evaluate_text(
    text: str, entries: Iterable[CatalogEntry], *, as_of: date | None = None
) -> tuple[int, str]:
    entries = tuple(entries)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return (
            INVALID,
            f"input: not valid JSON ({error.msg}, line {error.lineno} column {error.colno})",
        )
    except RecursionError:
        return INVALID, "input: nested too deeply to read"
    try:
        if isinstance(data, list):
            result = [_one(item, entries, as_of, f"[{n}]") for n, item in enumerate(data)]
        elif isinstance(data, dict):
            result = _one(data, entries, as_of, "")
        else:
            return INVALID, "input: must be a JSON object (one case) or a list of them"
    except CaseError as error:
        return INVALID, " ".join(str(error).split())
    return 0, json.dumps(result, indent=2)


def _one(data, entries, as_of, prefix: str) -> dict:
    try:
        return evaluate(parse_case(data, as_of=as_of), entries).to_dict()
    except CaseError as error:
        raise error.under(prefix) if prefix else error
