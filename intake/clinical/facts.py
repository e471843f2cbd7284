"""What the rules read: the case, each medication resolved against the catalog, the scores."""

from dataclasses import dataclass, field, replace
from functools import cached_property

from intake.clinical import catalog_data as classes
from intake.clinical.case import Case, MedicationInput
from intake.clinical.catalog import AMBIGUOUS, CORRECTED, CatalogEntry, MedicineMatch
from intake.clinical.dosing import Equivalent, diazepam_equivalent
from intake.clinical.dosing import mg as mg_words

# The classes an unconfirmed name counts as even when its candidates differ in class: the
# combinations they make are the ones that kill (FDA 2016/2020 boxed warnings).
RISKY_CLASSES = (classes.OPIOID, classes.BENZO)


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
    # The catalog drugs an unconfirmed name may be: a correction not confirmed (declined or
    # not asked), or the candidates of an ambiguous name. Empty otherwise.
    candidates: tuple[CatalogEntry, ...] = ()
    # Set only on a medicine the rules assume from an unconfirmed name (``Facts.assumed``):
    # the class it is assumed to be when no one drug is, and the doubt in words.
    assumed_class: str | None = None
    doubt: str | None = None

    @property
    def generic(self) -> str | None:
        return self.entry.generic if self.entry else None

    @property
    def drug_class(self) -> str:
        """The entry's class; for a class word ("benzos") its class; else "other"."""
        if self.entry:
            return self.entry.drug_class
        return self.assumed_class or (self.match and self.match.class_word) or classes.OTHER

    @property
    def possible_classes(self) -> tuple[str, ...]:
        """The classes an unconfirmed name counts as for the rules: the one class all its
        candidates share, else those of its candidates that are opioids or benzodiazepines."""
        found = sorted({entry.drug_class for entry in self.candidates})
        if len(found) == 1:
            return tuple(found)
        return tuple(c for c in found if c in RISKY_CLASSES)

    def assumed(self) -> tuple["ResolvedMedication", ...]:
        """The medicines the rules assume for this unconfirmed name (none when it names no
        possible class): a line naming several drugs ("klonopin and xanax") is each of them;
        one candidate is that drug; several of one class are that class; else each risky
        class among them."""
        if self.recognised or not self.possible_classes:
            return ()
        named_each = self.match.kind == AMBIGUOUS and self.match.score is None
        if named_each or len(self.candidates) == 1:
            return tuple(self._as(entry=entry) for entry in self.candidates)
        return tuple(self._as(drug_class=c) for c in self.possible_classes)

    def _as(self, *, entry: CatalogEntry | None = None, drug_class: str | None = None):
        equivalent = (
            diazepam_equivalent(self.daily_mg, entry) if entry and entry.is_benzodiazepine else None
        )
        maybe = entry.generic if entry else _a(drug_class)
        return replace(
            self,
            entry=entry,
            equivalent=equivalent,
            assumed_class=drug_class,
            doubt=f"possibly {maybe}, {self.how_matched()}",
        )

    def how_matched(self) -> str:
        """Why the name is unrecognised, in words: "close to clonazepam, said no by the
        patient", "could be alprazolam or clonazepam"."""
        found = self.match
        if found is None:
            return "not in the catalog"
        if found.kind == CORRECTED:
            answer = "said no" if self.input.confirmed is False else "not confirmed"
            return f"close to {found.generic}, {answer} by the patient"
        if found.kind == AMBIGUOUS:
            return f"could be {' or '.join(found.candidates)}"
        if found.class_word:
            return f"a {found.class_word}, which one not known"
        return "not in the catalog"

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
        """A short answer reference, e.g. ``medications[0]=clonazepam``; for a medicine
        assumed from an unconfirmed name, the patient's words and the doubt."""
        if self.doubt:
            return f"{self.path}={self.input.name} (unconfirmed name: {self.doubt})"
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

    @property
    def unconfirmed(self) -> list[ResolvedMedication]:
        """Medicines whose unconfirmed name counts as a possible class."""
        return [m for m in self.medications if m.assumed()]

    @cached_property
    def assumed(self) -> "Facts | None":
        """These facts with each unconfirmed name taken as what it may be (``possible_*``
        flags come from it), or None when no name is in doubt."""
        if not self.unconfirmed:
            return None
        medications = []
        for m in self.medications:
            medications.extend(m.assumed() or (m,))
        return replace(self, medications=tuple(medications))


def _a(drug_class: str) -> str:
    return f"an {drug_class}" if drug_class[0] in "aeiou" else f"a {drug_class}"
