import importlib

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate

from portal.patient_records import PatientRecord, patient_records_register


def _intake_records(patient_id: int) -> list[PatientRecord]:
    """The patient's intakes, as the audit log names them (the access report's rows)."""
    Intake = apps.get_model("intake", "Intake")
    rows = Intake.objects.filter(patient_id=patient_id).values_list("pk", "public_id")
    return [PatientRecord("intake.intake", str(pk), public_id.hex) for pk, public_id in rows]


def _sync_flag_indexes(sender, *, using, **kwargs):
    """After every ``migrate``: the flag filter's per-rule indexes follow the rules."""
    from .models.review import flag_indexes_sync  # models are not importable at app loading

    flag_indexes_sync(using=using)


class IntakeConfig(AppConfig):
    name = "intake"
    verbose_name = "Intake"

    def ready(self):
        # ``tasks``: registered in every process (web too), so a task sent by name
        # (``notifications.SEND_TASK``) runs inline when there is no broker.
        # ``checkins``: where a sent check-in goes, and the due sweep's task.
        from . import receivers, tasks  # noqa: F401
        from .checkins import receivers as checkin_receivers  # noqa: F401
        from .checkins import tasks as checkin_tasks  # noqa: F401
        from .notifications import receivers as notification_receivers  # noqa: F401

        patient_records_register(_intake_records)
        post_migrate.connect(_sync_flag_indexes, sender=self, dispatch_uid="intake.flag_indexes")

    def ensure_reference_data(self) -> None:
        """Reload the medication catalog when the table is empty (a fresh test database
        after a flush); an admin's edits to a non-empty catalog are never touched."""
        Medication = self.get_model("Medication")
        if not Medication.objects.exists():
            # As the migrations loaded it: the rows (from catalog_data), then their RxNorm
            # codes, which the FHIR export reads (without them a flushed database exported
            # every medicine uncoded, in whatever tests ran after a transactional one).
            for name in ("0002_load_medication_catalog", "0016_medication_rxnorm"):
                importlib.import_module(f"intake.migrations.{name}").load(apps, None)
        # The consent documents' first versions, as their migration loaded them (the load
        # skips a kind that has any version).
        importlib.import_module("intake.migrations.0026_load_consent_documents").load(apps, None)
        importlib.import_module("intake.migrations.0029_consent_document_language").load(apps, None)
