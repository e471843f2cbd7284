"""Each instrument's wording as data: one JSON file per instrument and language
(``<instrument>.<language>.json``, e.g. ``phq_9.es.json``), each with its status.

Only the words are data. What an instrument is (its items, their answer values, scores and
LOINC codes, the C-SSRS skip logic) is declared once in ``intake.clinical.instruments``; a
file must give exactly as many items, in the same order (by ``id``), and as many answers
per item as that declaration, or it is refused with ``InstrumentTextError`` naming the file
and what is wrong. So a licensed text can change what a question says, never what an answer
scores.

A file says where its words come from (``status``): ``"adapted by the project"`` (the
project's own plain wording of each item's meaning, the files in this directory) or
``"validated text supplied by the clinic"`` (a clinic licensed for a validated translation
drops its file into one of its own directories, searched first; see docs/clinical.md).

Pure Python: the directories to search are passed in (the Django side reads them from
``settings.INSTRUMENT_TEXTS_DIRS``: ``intake.forms.instruments``).
"""

import functools
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent
ADAPTED = "adapted by the project"
VALIDATED = "validated text supplied by the clinic"
STATUSES = (ADAPTED, VALIDATED)
REQUIRED = ("instrument", "language", "status", "version", "source", "licence", "title")


class InstrumentTextError(ValueError):
    """A wording file that does not fit its instrument; ``str()`` names the file and why."""


@dataclass(frozen=True)
class InstrumentText:
    instrument: str
    language: str
    status: str
    version: str
    source: str
    licence: str
    title: str
    question: str
    items: tuple[str, ...]  # each item's text, in the declared order
    options: tuple[tuple[str, ...], ...]  # each item's answers' words, in the declared order
    scale: tuple[str, ...]  # the shared answers' words; () when items differ (AUDIT-C)
    sha256: str  # of the words alone: two files with the same words have the same hash
    path: str

    def record(self) -> dict:
        """What an intake keeps of the text a page was answered in."""
        return {
            "instrument": self.instrument,
            "language": self.language,
            "status": self.status,
            "version": self.version,
            "sha256": self.sha256,
        }


def file_name(instrument_id: str, language: str) -> str:
    return f"{instrument_id}.{language}.json"


def find_text(instrument, language: str, dirs: Iterable = ()) -> InstrumentText | None:
    """The instrument's words in ``language``: the first file found in ``dirs`` (a clinic's,
    in order), then the project's; None when there is none in that language."""
    for folder in (*dirs, PROJECT_DIR):
        path = Path(folder) / file_name(instrument.id, language)
        if path.is_file():
            return read_text(path, instrument)
    return None


def read_text(path: Path, instrument) -> InstrumentText:
    """The file's words, checked against the instrument's declaration (``InstrumentTextError``
    otherwise). Read again only when the file changes."""
    stat = Path(path).stat()
    return _read(str(path), stat.st_mtime_ns, stat.st_size, instrument)


@functools.lru_cache(maxsize=256)
def _read(path: str, _mtime: int, _size: int, instrument) -> InstrumentText:
    where = f"{path}"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InstrumentTextError(f"{where}: not a readable JSON file ({error})") from error
    if not isinstance(data, dict):
        raise InstrumentTextError(f"{where}: must be a JSON object")
    return _parse(data, where, instrument)


def _text(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InstrumentTextError(f'{where}: "{key}" must be a non-empty string')
    return value.strip()


def _words(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InstrumentTextError(f"{where}: must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _parse(data: dict, where: str, instrument) -> InstrumentText:
    for key in REQUIRED:
        _text(data, key, where)
    name = instrument.id
    if data["instrument"] != name:
        raise InstrumentTextError(
            f'{where}: "instrument" is {data["instrument"]!r}, but the file is for {name!r}'
        )
    named = Path(where).name.split(".")
    if len(named) == 3 and named[1] != data["language"].strip():
        raise InstrumentTextError(
            f'{where}: "language" is {data["language"]!r}, but the file is named for {named[1]!r}'
        )
    if data["status"] not in STATUSES:
        raise InstrumentTextError(
            f'{where}: "status" must be one of {", ".join(map(repr, STATUSES))}, '
            f"not {data['status']!r}"
        )
    items = data.get("items")
    declared = instrument.items
    if not isinstance(items, list):
        raise InstrumentTextError(f'{where}: "items" must be a list of items')
    if len(items) != len(declared):
        raise InstrumentTextError(
            f"{where}: {len(items)} items, but {instrument.id} declares {len(declared)} "
            f"(ids {', '.join(item.id for item in declared)}); the wording cannot add or "
            "drop a question"
        )
    scale = _words(data["options"], f'{where}: "options"') if "options" in data else ()
    texts, options = [], []
    for n, (given, item) in enumerate(zip(items, declared, strict=True), start=1):
        at = f"{where}: item {n}"
        if not isinstance(given, dict):
            raise InstrumentTextError(f"{at}: must be an object with an id and a text")
        if str(given.get("id")) != item.id:
            raise InstrumentTextError(
                f"{at}: id {given.get('id')!r}, but item {n} of {instrument.id} is {item.id!r}"
            )
        texts.append(_text(given, "text", at))
        words = _words(given["options"], f'{at}: "options"') if "options" in given else scale
        if not words:
            raise InstrumentTextError(f'{at}: no "options", and the file has no shared ones')
        if len(words) != len(item.options):
            raise InstrumentTextError(
                f"{at} ({item.id}): {len(words)} answer options, but {instrument.id} declares "
                f"{len(item.options)} for it; the wording cannot change the answers"
            )
        options.append(words)
    question = _text(data, "question", where)
    wording = {
        "language": data["language"],
        "title": data["title"].strip(),
        "question": question,
        "items": texts,
        "options": options,
    }
    digest = hashlib.sha256(
        json.dumps(wording, ensure_ascii=False, sort_keys=True).encode("utf-8")
    ).hexdigest()
    return InstrumentText(
        instrument=name,
        language=data["language"].strip(),
        status=data["status"],
        version=data["version"].strip(),
        source=data["source"].strip(),
        licence=data["licence"].strip(),
        title=data["title"].strip(),
        question=question,
        items=tuple(texts),
        options=tuple(options),
        scale=scale,
        sha256=digest,
        path=where,
    )
