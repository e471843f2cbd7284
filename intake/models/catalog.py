"""The medication catalog: names the patient may type, drug class and benzodiazepine equivalents.

Loaded by a data migration from ``intake.clinical.catalog_data`` and editable in the admin.
The clinical core never imports this model: ``intake.evaluation`` turns rows into plain
``CatalogEntry`` values with ``Medication.to_entry()``.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from intake.clinical.catalog import CatalogEntry, normalise

TABLES = {"ashton": "Ashton 2002", "vadod": "VA/DoD 2021"}


class DrugClass(models.TextChoices):
    BENZODIAZEPINE = "benzodiazepine", "Benzodiazepine"
    OPIOID = "opioid", "Opioid"
    Z_DRUG = "z-drug", "Z-drug (sleep medicine)"
    GABAPENTINOID = "gabapentinoid", "Gabapentinoid"
    SSRI = "SSRI", "SSRI"
    SNRI = "SNRI", "SNRI"
    TCA = "TCA", "Tricyclic antidepressant"
    ANTIPSYCHOTIC = "antipsychotic", "Antipsychotic"
    MUSCLE_RELAXANT = "muscle relaxant", "Skeletal muscle relaxant"
    BUSPIRONE = "buspirone", "Buspirone"
    BARBITURATE = "barbiturate", "Barbiturate"
    ANTIHISTAMINE = "antihistamine", "Sedating (first-generation) antihistamine"
    OTHER_ANTIDEPRESSANT = "other antidepressant", "Other antidepressant (not TCA, SSRI, SNRI)"
    OREXIN_ANTAGONIST = "orexin antagonist", "Orexin receptor antagonist (sleep medicine)"
    ALPHA2_AGONIST = "alpha-2 agonist", "Alpha-2 agonist"
    STIMULANT = "stimulant", "Stimulant"
    MOOD_STABILISER = "mood stabiliser", "Mood stabiliser"
    ANTIEPILEPTIC = "antiepileptic", "Antiepileptic"
    OTHER_SEDATIVE = "other sedative", "Other sedative (e.g. phenibut)"
    OPIOID_ANTAGONIST = "opioid antagonist", "Opioid antagonist"
    BETA_BLOCKER = "beta blocker", "Beta blocker"
    ALPHA1_BLOCKER = "alpha-1 blocker", "Alpha-1 blocker"
    OTHER = "other", "Other"


def _dose_field(help_text: str):
    return models.DecimalField(
        max_digits=7, decimal_places=3, null=True, blank=True, help_text=help_text
    )


class Medication(models.Model):
    generic_name = models.CharField(max_length=80, unique=True)
    brand_names = models.JSONField(
        default=list, blank=True, help_text='A JSON list, e.g. ["Klonopin"].'
    )
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text='Common misspellings and other names, as a JSON list, e.g. ["clonazapam"].',
    )
    drug_class = models.CharField(max_length=20, choices=DrugClass.choices)
    cns_active = models.BooleanField(
        default=False, help_text="Counts toward the Beers 2023 CNS-active drug count."
    )
    sedating = models.BooleanField(
        default=False,
        help_text="Adds sedation on top of a benzodiazepine (for the CNS-load flag).",
    )
    # Dose equivalent to diazepam 10 mg, from each table; low = high unless a range is given.
    ashton_low_mg = _dose_field("Ashton 2002: mg equivalent to diazepam 10 mg (low end).")
    ashton_high_mg = _dose_field("Ashton 2002: high end where the table gives a range.")
    vadod_low_mg = _dose_field("VA/DoD 2021: mg equivalent to diazepam 10 mg (low end).")
    vadod_high_mg = _dose_field("VA/DoD 2021: high end where the table gives a range.")
    equivalence_note = models.CharField(
        max_length=200, blank=True, help_text="Where the equivalents come from, if not both tables."
    )
    rxnorm = models.CharField(
        "RxNorm code",
        max_length=12,
        blank=True,
        validators=[RegexValidator(r"^[0-9]+$", "An RxCUI is digits only, e.g. 2598.")],
        help_text="RxNorm ingredient RxCUI (NLM RxNorm, looked up in RxNav), e.g. 2598 for "
        "clonazepam. Blank when there is no single-ingredient code. The FHIR export codes "
        "the medicine with it.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["generic_name"]

    def __str__(self):
        return self.generic_name

    def clean(self):
        errors = {**self._name_errors(), **self._equivalence_errors()}
        if not errors:
            errors = self._names_taken()
        if errors:
            raise ValidationError(errors)

    def to_entry(self):
        """The pure value the clinical core matches and evaluates against."""

        def _f(value):
            return None if value is None else float(value)

        return CatalogEntry(
            generic=self.generic_name,
            brand_names=_names(self.brand_names),
            aliases=_names(self.aliases),
            drug_class=self.drug_class,
            cns_active=self.cns_active,
            sedating=self.sedating,
            ashton_mg=_pair(_f(self.ashton_low_mg), _f(self.ashton_high_mg)),
            vadod_mg=_pair(_f(self.vadod_low_mg), _f(self.vadod_high_mg)),
            equivalence_note=self.equivalence_note,
        )

    def _name_errors(self) -> dict:
        return {
            field: ValidationError(
                'Give a list of names, each in double quotes, e.g. ["Klonopin", "Rivotril"].',
                code="not_a_list_of_names",
            )
            for field in ("brand_names", "aliases")
            if not _is_name_list(getattr(self, field))
        }

    def _equivalence_errors(self) -> dict:
        errors = {}
        for table, name in TABLES.items():
            low = getattr(self, f"{table}_low_mg")
            high = getattr(self, f"{table}_high_mg")
            if low is None and high is not None:
                errors[f"{table}_low_mg"] = f"Give the {name} low end (or only the low end)."
            elif low is not None and low <= 0:
                errors[f"{table}_low_mg"] = "An equivalent dose must be above 0 mg."
            elif high is not None and high < low:
                errors[f"{table}_high_mg"] = "The high end cannot be below the low end."
        has_equivalents = self.ashton_low_mg is not None or self.vadod_low_mg is not None
        if has_equivalents and self.drug_class != DrugClass.BENZODIAZEPINE:
            errors["drug_class"] = "Only benzodiazepines have diazepam equivalents."
        return errors

    def _names_taken(self) -> dict:
        """A typed name must mean one drug: no name may also name another catalog entry."""
        taken = {
            normalise(name): other.generic_name
            for other in Medication.objects.exclude(pk=self.pk)
            for name in other.to_entry().names()
            if normalise(name)
        }
        for field in ("generic_name", "brand_names", "aliases"):
            names = [self.generic_name] if field == "generic_name" else getattr(self, field)
            for name in names:
                if normalise(name) in taken:
                    return {field: f"“{name}” already names {taken[normalise(name)]}."}
        return {}


def _is_name_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(n, str) and n.strip() for n in value)


def _names(value) -> tuple[str, ...]:
    """The usable names in a JSON list (an admin may have typed something else)."""
    if not isinstance(value, list):
        return ()
    return tuple(name for name in value if isinstance(name, str) and name.strip())


def _pair(low, high):
    if low is None:
        return None
    return (low, high if high is not None else low)
