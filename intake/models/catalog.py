"""The medication catalog: names the patient may type, drug class and benzodiazepine equivalents.

Loaded by a data migration from ``intake.clinical.catalog_data`` and editable in the admin.
The clinical core never imports this model: ``intake.evaluation`` turns rows into plain
``CatalogEntry`` values with ``Medication.to_entry()``.
"""

from django.db import models

from intake.clinical.catalog import CatalogEntry


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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["generic_name"]

    def __str__(self):
        return self.generic_name

    def to_entry(self):
        """The pure value the clinical core matches and evaluates against."""

        def _f(value):
            return None if value is None else float(value)

        return CatalogEntry(
            generic=self.generic_name,
            brand_names=tuple(self.brand_names or ()),
            aliases=tuple(self.aliases or ()),
            drug_class=self.drug_class,
            cns_active=self.cns_active,
            sedating=self.sedating,
            ashton_mg=_pair(_f(self.ashton_low_mg), _f(self.ashton_high_mg)),
            vadod_mg=_pair(_f(self.vadod_low_mg), _f(self.vadod_high_mg)),
            equivalence_note=self.equivalence_note,
        )


def _pair(low, high):
    if low is None:
        return None
    return (low, high if high is not None else low)
