"""Medication catalog entries as plain values, and matching a typed name against them.

Pure: the Django model (``intake.models.Medication``) converts its rows into
``CatalogEntry`` values; tests build the same values from ``catalog_data``.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from intake.clinical import catalog_data

ASHTON = "Ashton 2002"
VADOD = "VA/DoD 2021"

# A word inside a longer name ("clonazepam 0.5 mg tabs") must be this long to count, so a
# stray short word can never pick a drug.
_MIN_WORD_MATCH = 4


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


def build_index(entries: Iterable[CatalogEntry]) -> dict[str, CatalogEntry]:
    """Every normalised name (generic, brand, alias) -> its entry."""
    index: dict[str, CatalogEntry] = {}
    for entry in entries:
        for name in entry.names():
            key = normalise(name)
            if key:
                index.setdefault(key, entry)
    return index


def match(
    name: str, entries: Iterable[CatalogEntry] | dict[str, CatalogEntry]
) -> CatalogEntry | None:
    """The catalog entry a typed name means, or None (it then stays free text, class "other").

    First the whole name (ignoring case, spaces and punctuation), then its words, so
    "Klonopin 0.5 mg" still finds clonazepam; words naming two different drugs match none.
    """
    index = entries if isinstance(entries, dict) else build_index(entries)
    whole = normalise(name)
    if whole in index:
        return index[whole]
    found = {
        index[word].generic: index[word]
        for word in (normalise(w) for w in re.split(r"[\s/,;+()&-]+", name))
        if len(word) >= _MIN_WORD_MATCH and word in index
    }
    return next(iter(found.values())) if len(found) == 1 else None
