"""A readable, line-by-line difference between two page snapshots (difflib)."""

import difflib
from dataclasses import dataclass

FIELD_LABELS = {
    "title": "Title",
    "slug": "Slug",
    "topic": "Topic",
    "summary": "Summary",
    "body": "Body",
    "order": "Order",
    "review_interval_months": "Review interval (months)",
    "related": "Related pages",
    "sources": "Sources",
}


@dataclass(frozen=True)
class FieldDiff:
    label: str
    lines: list[tuple[str, str]]  # (kind, text); kind is "same", "add", "del" or "gap"


def _as_lines(name: str, value) -> list[str]:
    if value in (None, ""):
        return []
    if name == "sources":
        parts = ("title", "publisher", "year", "url")
        return [" · ".join(str(s[key]) for key in parts if s.get(key)) for s in value]
    if name == "related":
        return [str(slug) for slug in value]
    return str(value).splitlines()


def _line_diff(old: list[str], new: list[str]) -> list[tuple[str, str]]:
    lines = []
    for line in difflib.unified_diff(old, new, lineterm="", n=2):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            if lines:  # a gap between two hunks; the first hunk needs no marker
                lines.append(("gap", "…"))
        elif line.startswith("+"):
            lines.append(("add", line[1:]))
        elif line.startswith("-"):
            lines.append(("del", line[1:]))
        else:
            lines.append(("same", line[1:]))
    return lines


def snapshot_diff(old: dict, new: dict) -> list[FieldDiff]:
    """The fields that differ, in a fixed order; an empty list when nothing changed."""
    diffs = []
    for name, label in FIELD_LABELS.items():
        before, after = _as_lines(name, old.get(name)), _as_lines(name, new.get(name))
        if before != after:
            diffs.append(FieldDiff(label=label, lines=_line_diff(before, after)))
    return diffs
