"""Small readers for one case value each: they return the value or raise ``CaseError``.

A path names the field the way a person would find it in the file, e.g.
``medications[1].strength_mg``; messages say what a valid value looks like.
"""

import math
from datetime import date


class CaseError(ValueError):
    """An invalid case: ``path`` names the field, ``message`` what is wrong with it."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)

    def under(self, prefix: str) -> "CaseError":
        """The same error seen from a list of cases, e.g. ``[3].age: ...``."""
        return CaseError(f"{prefix}.{self.path}" if self.path else prefix, self.message)


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def section(data: dict, key: str, path: str = "") -> dict | None:
    """An optional nested object (null or absent: None)."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise CaseError(join(path, key), "must be an object")
    return value


def only_keys(data: dict, allowed: tuple[str, ...] | frozenset[str], path: str) -> None:
    for key in data:
        if key not in allowed:
            # A key is the input's own text: keep the message to one short line.
            shown = " ".join(str(key).split())[:60] or repr(key)
            raise CaseError(join(path, shown), "unknown key (check the spelling)")


def boolean(data: dict, key: str, path: str, default: bool | None = None) -> bool | None:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise CaseError(join(path, key), "must be true or false")
    return value


def choice(data: dict, key: str, path: str, choices: tuple[str, ...], default=None):
    value = data.get(key)
    if value is None:
        return default
    if value not in choices or not isinstance(value, str):
        raise CaseError(join(path, key), "must be one of " + ", ".join(choices))
    return value


def text(data: dict, key: str, path: str, *, max_length: int, required: bool = False):
    """Some text, stripped; blank counts as not given."""
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise CaseError(join(path, key), "must be some text")
    if value is None or not value.strip():
        if required:
            raise CaseError(join(path, key), "is required")
        return None
    if len(value) > max_length:
        raise CaseError(join(path, key), f"must be at most {max_length} characters")
    return value.strip()


def _finite(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def number(
    data: dict,
    key: str,
    path: str,
    *,
    above: float | None = None,
    minimum: float | None = None,
    maximum: float,
    default=None,
) -> float | None:
    """A number above ``above`` (exclusive) or from ``minimum`` (inclusive), at most ``maximum``."""
    value = data.get(key)
    if value is None:
        return default
    found = _finite(value)
    if above is not None and (found is None or found <= above):
        raise CaseError(join(path, key), f"must be a number above {_plain(above)}")
    if minimum is not None and (found is None or found < minimum):
        raise CaseError(join(path, key), f"must be a number of {_plain(minimum)} or more")
    if found is None:
        raise CaseError(join(path, key), "must be a number")
    if found > maximum:
        raise CaseError(join(path, key), f"must be at most {_plain(maximum)}")
    return found


def whole(data: dict, key: str, path: str, *, low: int, high: int, default=None) -> int | None:
    value = data.get(key)
    if value is None:
        return default
    number = _finite(value)
    if number is None or number != int(number) or not low <= number <= high:
        raise CaseError(join(path, key), f"must be a whole number from {low} to {high}")
    return int(number)


def iso_date(data: dict, key: str, path: str) -> date | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise CaseError(join(path, key), "must be a date written YYYY-MM-DD")


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
