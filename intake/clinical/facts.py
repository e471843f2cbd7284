"""What the rules read: the case, each medication resolved against the catalog, the scores."""

from dataclasses import dataclass, field

from intake.clinical import catalog_data as classes
from intake.clinical.case import Case, MedicationInput
from intake.clinical.catalog import CORRECTED, CatalogEntry, MedicineMatch
from intake.clinical.dosing import Equivalent
from intake.clinical.dosing import mg as mg_words


@dataclass(frozen=True)
class ResolvedMedication:
    index: int
    input: MedicationInput
    # The entry the rules use: an exact or alias match, or a corrected one the patient
    # confirmed. None: not recognised (kept as free text; the unrecognised flag fires).
    entry: CatalogEntry | None
    daily_mg: float | None
    equivalent: Equivalent | None
    match: MedicineMatch | None = None  # how the typed name was matched

    @property
    def generic(self) -> str | None:
        return self.entry.generic if self.entry else None

    @property
    def drug_class(self) -> str:
        """The entry's class; for a class word ("benzos") its class; else "other"."""
        if self.entry:
            return self.entry.drug_class
        return (self.match and self.match.class_word) or classes.OTHER

    @property
    def recognised(self) -> bool:
        return self.entry is not None

    @property
    def unconfirmed(self) -> bool:
        """A corrected name the patient did not confirm (said no, or was not asked)."""
        return self.match is not None and self.match.kind == CORRECTED and self.entry is None

    @property
    def could_be_sedating(self) -> bool:
        """Unrecognised, and possibly a sedative: nothing or two drugs matched (it could be
        anything), a class word for a sedating class, or an unconfirmed sedating correction.
        """
        if self.entry:
            return False
        m = self.match
        if m is not None and m.class_word:
            return m.class_word in (classes.BENZO, classes.OPIOID)
        if m is not None and m.entry:  # an unconfirmed correction
            return m.entry.sedating
        return True

    @property
    def is_benzo(self) -> bool:
        return self.drug_class == classes.BENZO

    @property
    def path(self) -> str:
        return f"medications[{self.index}]"

    @property
    def ref(self) -> str:
        """A short answer reference, e.g. ``medications[0]=clonazepam``."""
        return f"{self.path}={self.generic or self.input.name}"

    def dose_ref(self) -> str:
        at_least = "at least " if self.input.taking == "more" else ""
        daily = (
            "unknown" if self.daily_mg is None else f"{at_least}{mg_words(self.daily_mg)} mg/day"
        )
        return f"{self.ref} ({daily})"


@dataclass(frozen=True)
class Facts:
    case: Case
    medications: tuple[ResolvedMedication, ...] = ()
    scores: dict = field(default_factory=dict)

    def of_class(self, *drug_classes: str) -> list[ResolvedMedication]:
        return [m for m in self.medications if m.drug_class in drug_classes]

    @property
    def benzos(self) -> list[ResolvedMedication]:
        return self.of_class(classes.BENZO)

    @property
    def unrecognised(self) -> list[ResolvedMedication]:
        return [m for m in self.medications if not m.recognised]

    def score(self, instrument: str, key: str):
        """A score value, or None when the instrument was not answered."""
        return self.scores.get(instrument, {}).get(key)
