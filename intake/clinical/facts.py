"""What the rules read: the case, each medication resolved against the catalog, the scores."""

from dataclasses import dataclass, field

from intake.clinical import catalog_data as classes
from intake.clinical.case import Case, MedicationInput
from intake.clinical.catalog import CatalogEntry
from intake.clinical.dosing import Equivalent
from intake.clinical.dosing import mg as mg_words


@dataclass(frozen=True)
class ResolvedMedication:
    index: int
    input: MedicationInput
    entry: CatalogEntry | None  # None: an unknown name, kept as free text (class "other")
    daily_mg: float | None
    equivalent: Equivalent | None

    @property
    def generic(self) -> str | None:
        return self.entry.generic if self.entry else None

    @property
    def drug_class(self) -> str:
        return self.entry.drug_class if self.entry else classes.OTHER

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
        daily = "unknown" if self.daily_mg is None else f"{mg_words(self.daily_mg)} mg/day"
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

    def score(self, instrument: str, key: str):
        """A score value, or None when the instrument was not answered."""
        return self.scores.get(instrument, {}).get(key)
