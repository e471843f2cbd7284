"""Give the demo patient an open draft intake for a visit a few days ahead. Idempotent."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone

from intake.models import Intake, IntakeStatus
from intake.services import intake_create

DEMO_PATIENT = "patient@demo.example"
DAYS_AHEAD = 3


class Command(BaseCommand):
    help = "Open a draft intake for the demo patient's next visit (safe to re-run)."

    def handle(self, *args, **options):
        patient = get_user_model().objects.filter(username=DEMO_PATIENT).first()
        if patient is None:
            self.stdout.write("no demo patient: run load_demo first")
            return
        upcoming = Intake.objects.filter(
            patient=patient, status=IntakeStatus.DRAFT, visit_at__gte=timezone.now()
        ).first()
        if upcoming:
            self.stdout.write(f"kept the demo patient's draft intake {upcoming.public_id}")
            return
        day = timezone.localdate() + timedelta(days=DAYS_AHEAD)
        visit_at = timezone.make_aware(datetime.combine(day, time(10, 30)))
        intake = intake_create(patient=patient, visit_at=visit_at)
        self.stdout.write(f"opened a draft intake {intake.public_id} for the demo patient")
