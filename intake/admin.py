# Admin registrations for the intake app; each part registers from its own module.
from django.contrib import admin

from intake.models import Medication


@admin.register(Medication)
class MedicationAdmin(admin.ModelAdmin):
    list_display = (
        "generic_name",
        "drug_class",
        "cns_active",
        "sedating",
        "ashton_low_mg",
        "vadod_low_mg",
        "updated_at",
    )
    list_filter = ("drug_class", "cns_active", "sedating")
    search_fields = ("generic_name",)
    fieldsets = (
        (None, {"fields": ("generic_name", "brand_names", "aliases", "drug_class")}),
        ("Sedation", {"fields": ("cns_active", "sedating")}),
        ("Coding", {"fields": ("rxnorm",)}),
        (
            "Diazepam 10 mg equivalents (benzodiazepines only)",
            {
                "fields": (
                    ("ashton_low_mg", "ashton_high_mg"),
                    ("vadod_low_mg", "vadod_high_mg"),
                    "equivalence_note",
                )
            },
        ),
    )


from intake.consent import admin as consent_admin  # noqa: E402, F401 (registers its models)

from . import admin_intake  # noqa: E402, F401  (the intake admin: read-only, superusers)
