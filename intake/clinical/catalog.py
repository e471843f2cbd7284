"""Medication catalog entries as plain values, and matching a typed name against them.

Pure: the Django model (``intake.models.Medication``) converts its rows into
``CatalogEntry`` values; tests build the same values from ``catalog_data``.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from intake.clinical import catalog_data

ASHTON = "Ashton 2002"
VADOD = "VA/DoD 2021"

# A word inside a longer name ("clonazepam 0.5 mg tabs") must be this long to count, so a
# stray short word can never pick a drug.
_MIN_WORD_MATCH = 4
# A short alias ("bars", "oxy", "subs") counts only as the whole name: "protein bars" is not
# alprazolam.
_MIN_ALIAS_WORD = 5


@dataclass(frozen=True)
class CatalogEntry:
    generic: str
    drug_class: str
    brand_names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    cns_active: bool = False
    sedating: bool = False
    # mg approximately equal to diazepam 10 mg, (low, high), per table; None if not listed.
    ashton_mg: tuple[float, float] | None = None
    vadod_mg: tuple[float, float] | None = None
    equivalence_note: str = ""

    @property
    def is_benzodiazepine(self) -> bool:
        return self.drug_class == catalog_data.BENZO

    @property
    def unknown_potency(self) -> bool:
        """A benzodiazepine no equivalence table lists (designer benzodiazepines, street
        "bars"): its potency is unknown, and it is never shown a diazepam equivalent."""
        return self.is_benzodiazepine and not (self.ashton_mg or self.vadod_mg)

    @property
    def equivalence_tables(self) -> dict[str, tuple[float, float]]:
        """The tables that list this drug, by name, with their (low, high) mg."""
        tables = {}
        if self.ashton_mg:
            tables[ASHTON] = self.ashton_mg
        if self.vadod_mg:
            tables[VADOD] = self.vadod_mg
        return tables

    def names(self) -> tuple[str, ...]:
        return (self.generic, *self.brand_names, *self.aliases)


def entries_from_data(rows: Iterable[dict] = catalog_data.MEDICATIONS) -> tuple[CatalogEntry, ...]:
    """The catalog as shipped (what the data migration loads), for pure code and tests."""
    return tuple(
        CatalogEntry(
            generic=row["generic"],
            drug_class=row["drug_class"],
            brand_names=tuple(row["brand_names"]),
            aliases=tuple(row["aliases"]),
            cns_active=row["cns_active"],
            sedating=row["sedating"],
            ashton_mg=_pair(row["ashton_mg"]),
            vadod_mg=_pair(row["vadod_mg"]),
            equivalence_note=row["equivalence_note"],
        )
        for row in rows
    )


def _pair(value) -> tuple[float, float] | None:
    return None if value is None else (float(value[0]), float(value[1]))


def normalise(name: str) -> str:
    """Lower case, accents dropped, everything but letters and digits removed."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in folded if ch.isascii() and ch.isalnum())


# ---- matching a typed name --------------------------------------------------------------
# How a typed name was matched (``MedicineMatch.kind``):
EXACT = "exact"  # the generic or a brand name, ignoring case, spaces and punctuation
ALIAS = "alias"  # a listed other name: a known misspelling, a short or street name
CORRECTED = "corrected"  # close to one catalog name only: the patient must confirm it
AMBIGUOUS = "ambiguous"  # close to two or more different catalog drugs: none is assumed
CLASS = "class"  # a class word ("benzos"): the class is known, the drug is not
NONE = "none"  # nothing in the catalog is close
MATCH_KINDS = (EXACT, ALIAS, CORRECTED, AMBIGUOUS, CLASS, NONE)

# Words that name a class of drug, not a drug: the class counts (a patient on "benzos" and
# an opioid is on both), the dose cannot be worked out, and the psychiatrist checks it.
CLASS_WORDS = {
    "benzo": catalog_data.BENZO,
    "benzos": catalog_data.BENZO,
    "benzodiazepine": catalog_data.BENZO,
    "benzodiazepines": catalog_data.BENZO,
    "opioid": catalog_data.OPIOID,
    "opioids": catalog_data.OPIOID,
    "opiate": catalog_data.OPIOID,
    "opiates": catalog_data.OPIOID,
}

# Words of a medicine line that are never a drug's name: a fuzzy match is not tried on them.
_NOT_NAMES = frozenset({
    "tablet", "tablets", "tabs", "tab", "capsule", "capsules", "pill", "pills", "daily",
    "night", "nightly", "morning", "evening", "bedtime", "needed", "extended", "release",
    "delayed", "liquid", "drops", "patch", "spray", "syrup", "powder", "generic", "about",
    "maybe", "think",
    "times", "three", "twice", "other", "doctor", "prescribed", "sleep", "sleeping",
    "anxiety", "panic", "pain", "a", "an", "at", "as", "day", "per", "each", "every",
    "take", "takes", "the", "for", "my", "mg", "mcg", "ml", "prn", "of", "and", "or",
})  # fmt: skip


def _allowed_edits(length: int) -> int:
    """How many edits a typed word of this length may be from a catalog name.

    Short words are never corrected: too many real words are one letter from a drug.
    """
    if length < 5:
        return 0
    if length <= 7:
        return 1
    if length <= 11:
        return 2
    return 3


_SOUNDS = (("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("y", "i"), ("ie", "i"))


def sound_key(word: str) -> str:
    """A rough spelling-by-sound of a normalised word: "klonazepam" and "clonazepam" agree.

    c/k/q, ph/f, y/i are folded, a leading x is a z ("Xanax" / "zanax"), doubled letters
    are one.
    """
    key = "z" + word[1:] if word.startswith("x") else word
    for written, sound in _SOUNDS:
        key = key.replace(written, sound)
    return re.sub(r"(.)\1+", r"\1", key)


@dataclass(frozen=True)
class _Name:
    key: str  # normalised
    entry: CatalogEntry
    kind: str  # EXACT (generic or brand) or ALIAS
    text: str  # as the catalog spells it


class CatalogIndex:
    """Every catalog name, normalised, ready for exact and fuzzy lookups. Build it once per
    catalog (``build_index``) and reuse it: matching a name does not rebuild anything."""

    def __init__(self, entries: Iterable[CatalogEntry]):
        self.entries = tuple(entries)
        self.names: dict[str, _Name] = {}
        for entry in self.entries:
            labelled = [(entry.generic, EXACT)] + [(b, EXACT) for b in entry.brand_names]
            for text, kind in labelled + [(a, ALIAS) for a in entry.aliases]:
                key = normalise(text)
                if key and key not in self.names:
                    self.names[key] = _Name(key, entry, kind, text)
        # The rapidfuzz choices, spelt and by sound, built once here. Names with digits
        # ("Tylenol #3") are matched exactly only: "Tylenol" is not one edit from codeine.
        self.fuzzy_keys = [key for key in self.names if key.isalpha()]
        self.fuzzy_sounds = [sound_key(key) for key in self.fuzzy_keys]

    def __contains__(self, key: str) -> bool:
        return key in self.names

    def __getitem__(self, key: str) -> CatalogEntry:
        return self.names[key].entry

    def __len__(self) -> int:
        return len(self.names)


def build_index(entries: Iterable[CatalogEntry]) -> CatalogIndex:
    """Every normalised name (generic, brand, alias) -> its entry, plus the fuzzy choices."""
    return CatalogIndex(entries)


@dataclass(frozen=True)
class MedicineMatch:
    """What a typed medicine name was matched to, and how.

    ``text`` is the patient's own words. ``entry`` is set for ``exact``, ``alias`` and
    ``corrected`` (a corrected entry counts only once the patient confirms it);
    ``candidates`` are the generics an ``ambiguous`` name is close to; ``score`` (0-1, the
    OSA similarity of the typed word to the catalog name) is set for ``corrected`` and
    ``ambiguous``; ``drug_class`` is set for a ``class`` word.
    """

    text: str
    kind: str
    entry: CatalogEntry | None = None
    matched_name: str | None = None  # the catalog's spelling of the name that matched
    score: float | None = None
    candidates: tuple[str, ...] = ()
    class_word: str | None = None  # the drug class a class word names

    @property
    def generic(self) -> str | None:
        return self.entry.generic if self.entry else None

    @property
    def drug_class(self) -> str | None:
        """The entry's class, or a class word's class; None when unknown."""
        return self.entry.drug_class if self.entry else self.class_word

    @property
    def is_certain(self) -> bool:
        """Exact or alias: usable without asking the patient."""
        return self.kind in (EXACT, ALIAS)

    @property
    def needs_confirmation(self) -> bool:
        """A corrected name is shown back to the patient before it counts."""
        return self.kind == CORRECTED

    @property
    def asks(self) -> bool:
        """The one rule for "Did you mean ...?": asked whenever the typed name is not a
        catalog name, brand or listed other name and there is a drug to offer (a corrected
        name: one; an ambiguous one: its candidates). Exact and alias matches are not asked,
        but shown back (``read_back``)."""
        return self.kind == CORRECTED or (self.kind == AMBIGUOUS and bool(self.candidates))

    @property
    def display_name(self) -> str | None:
        """ "clonazepam (Klonopin)": the generic and the brand typed, else its first brand."""
        if not self.entry:
            return None
        brands = self.entry.brand_names
        if not brands:
            return self.entry.generic
        typed = normalise(self.text)
        if self.matched_name in brands:
            brand = self.matched_name
        elif self.matched_name == self.entry.generic:
            brand = brands[0]
        else:  # an alias: the brand it is closest to ("perkaset" -> Percocet)
            brand = max(brands, key=lambda b: OSA.normalized_similarity(typed, normalise(b)))
        return f"{self.entry.generic} ({brand})"

    @property
    def question(self) -> str | None:
        """ "Did you mean clonazepam (Klonopin)?" for a corrected name, else None."""
        return f"Did you mean {self.display_name}?" if self.kind == CORRECTED else None

    def used_entry(self, confirmed: bool | None) -> CatalogEntry | None:
        """The entry the rules may use: certain matches, or a corrected one confirmed."""
        if self.is_certain or (self.kind == CORRECTED and confirmed is True):
            return self.entry
        return None


def match_medicine(text: str, index: CatalogIndex | Iterable[CatalogEntry]) -> MedicineMatch:
    """Match a typed medicine name against the catalog. Never guesses between two drugs.

    In order, against every catalog name (``exact`` for a generic or brand, ``alias`` for
    a listed other name): the whole text; its name words without doses and units ("bars
    2 mg"); its words and word pairs ("Klonopin 0.5 mg tablets"; short aliases such as
    "bars" only count as the whole name). Then a class word (``class``). Then, by edit
    distance (rapidfuzz OSA: a swapped pair of letters is one edit) on the spelling and on
    the sound (``sound_key``), the catalog names within ``_allowed_edits`` of each long
    enough word: one drug close and every other drug at least one edit further is
    ``corrected``; two drugs about as close, or a line naming two drugs, is ``ambiguous``
    with the candidates.
    """
    index = index if isinstance(index, CatalogIndex) else build_index(index)
    whole = normalise(text)
    words = [w for w in (normalise(w) for w in re.split(r"[\s/,;+()&.-]+", text)) if w]
    core = "".join(w for w in words if w.isalpha() and w not in _NOT_NAMES)
    for key in (whole, core):
        if key in index.names:
            return _certain(text, index.names[key])
    pairs = [a + b for a, b in zip(words, words[1:], strict=False)]
    found = {}
    for key in pairs + words:
        name = index.names.get(key)
        if name and len(key) >= (_MIN_WORD_MATCH if name.kind == EXACT else _MIN_ALIAS_WORD):
            found.setdefault(name.entry.generic, name)
    if len(found) == 1:
        return _certain(text, next(iter(found.values())))
    if len(found) > 1:
        return MedicineMatch(text, AMBIGUOUS, candidates=tuple(sorted(found)))
    for key in [whole, core, *words]:
        if key in CLASS_WORDS:
            return MedicineMatch(text, CLASS, class_word=CLASS_WORDS[key])
    return _fuzzy(text, {whole, *words}, index)


def _certain(text: str, name: _Name) -> MedicineMatch:
    return MedicineMatch(text, name.kind, name.entry, matched_name=name.text)


def _fuzzy(text: str, keys: set[str], index: CatalogIndex) -> MedicineMatch:
    # generic -> (cost, similarity, name): its closest name to any typed word
    closest: dict[str, tuple[float, float, _Name]] = {}
    for key in keys:
        if key.isalpha() and key not in _NOT_NAMES:
            for cost, name in _close_names(key, index):
                similarity = round(OSA.normalized_similarity(key, name.key), 2)
                best = closest.get(name.entry.generic)
                if best is None or (cost, -similarity) < (best[0], -best[1]):
                    closest[name.entry.generic] = (cost, similarity, name)
    if not closest:
        return MedicineMatch(text, NONE)
    ranked = sorted(closest.items(), key=lambda item: (item[1][0], -item[1][1], item[0]))
    generic, (cost, similarity, name) = ranked[0]
    # A rival less than one edit further away is as likely: do not choose between them.
    rivals = [other for other, (c, _s, _n) in ranked[1:] if c < cost + 1]
    # Never across a large potency gap: between an approved benzodiazepine and one of
    # unknown potency (a designer one), a rival one whole edit further away still counts, so
    # the patient is asked rather than a drug of another potency assumed.
    rivals += [
        other
        for other, (c, _s, close) in ranked[1:]
        if other not in rivals and c <= cost + 1 and _potency_gap(name.entry, close.entry)
    ]
    if rivals:
        return MedicineMatch(
            text, AMBIGUOUS, score=similarity, candidates=tuple(sorted([generic, *rivals]))
        )
    return MedicineMatch(text, CORRECTED, name.entry, matched_name=name.text, score=similarity)


def _potency_gap(one: CatalogEntry, other: CatalogEntry) -> bool:
    """Two benzodiazepines, one of known potency and one of unknown potency."""
    both = one.is_benzodiazepine and other.is_benzodiazepine
    return both and one.unknown_potency != other.unknown_potency


def _close_names(key: str, index: CatalogIndex):
    """(cost, name) for each catalog name close to a typed word.

    The cost is the edits in spelling, or the edits in sound plus half an edit (sounding
    alike is weaker evidence than being spelt alike), plus half an edit for an alias. The
    edits must be within what the shorter of the two words allows, and in sound one fewer.
    """
    allowed = _allowed_edits(len(key))
    if not allowed:
        return
    spelt = process.extract(
        key, index.fuzzy_keys, scorer=OSA.distance, score_cutoff=allowed, limit=None
    )
    for _choice, edits, position in spelt:
        name = index.names[index.fuzzy_keys[position]]
        if edits <= _allowed_edits(min(len(key), len(name.key))):
            yield edits + _alias_cost(name), name
    sound = sound_key(key)
    heard = process.extract(
        sound, index.fuzzy_sounds, scorer=OSA.distance, score_cutoff=allowed - 1, limit=None
    )
    for choice, edits, position in heard:
        name = index.names[index.fuzzy_keys[position]]
        if edits <= _allowed_edits(min(len(sound), len(choice))) - 1:
            yield edits + 0.5 + _alias_cost(name), name


def _alias_cost(name: _Name) -> float:
    """Being close to a listed misspelling is weaker than being close to the real name:
    "tramadone" is one edit from "trazadone" but two from both tramadol and trazodone."""
    return 0.5 if name.kind == ALIAS else 0.0


def match(name: str, entries: CatalogIndex | Iterable[CatalogEntry]) -> CatalogEntry | None:
    """The catalog entry a typed name certainly means (exact or alias), else None.

    A corrected, ambiguous or unknown name gives None: use ``match_medicine`` to see why,
    and to offer the patient the correction.
    """
    return match_medicine(name, entries).used_entry(confirmed=None)
