"""A returning demo patient with a follow-up intake, for ``make run``. Idempotent.

Rory Return sent a first intake six weeks ago (clonazepam 0.5 mg twice a day, sertraline,
zolpidem; a PHQ-9 of 16), then a follow-up: clonazepam now three times a day, sertraline
the same, zolpidem stopped, a PHQ-9 of 7. The psychiatrist's detail page leads with what
changed; the patient signs in as ``returning@demo.example`` with the demo password.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.utils import timezone

from intake.consent.selectors import current_documents, shown_text
from intake.consent.services import consent_sign
from intake.devtools.seed_cases import DETAILS, _med, base
from intake.forms.follow_up import SINCE_LAST_TIME, MedicinesSinceLastTimeForm
from intake.models import IntakeKind
from intake.services import intake_create, intake_submit
from portal import roles
from portal.management.commands.load_demo import DEMO_PASSWORD

RETURNING = "returning@demo.example"
FIRST = base(
    medications=[_med("Klonopin", 0.5), _med("sertraline", 50, times=1), _med("zolpidem", 10, 1)],
    phq_9=[2, 2, 2, 2, 2, 2, 2, 2, 0],
    gad_7=[2, 2, 2, 2, 2, 2, 1],
)
# The reconciliation as the patient answered it: Klonopin three times a day now.
RECONCILED = {"m0_status": "changed", "m0_strength_mg": "0.5", "m0_amount_per_dose": "1",
              "m0_how_often": "3", "m1_status": "unchanged", "m2_status": "stopped",
              "m2_stopped_when": "about a month ago"}  # fmt: skip
# This time's answers to the pages asked fresh.
FRESH = {key: FIRST[key] for key in ("visit_reason", "benzo_history", "substances", "audit_c",
                                     "dast_10", "side_effects", "panic_attacks_per_week",
                                     "cssrs")}  # fmt: skip


class Command(BaseCommand):
    help = "A returning demo patient with a sent follow-up intake (safe to re-run)."

    def handle(self, *args, **options):
        patient, created = get_user_model().objects.get_or_create(
            username=RETURNING,
            defaults={"email": RETURNING, "first_name": "Rory", "last_name": "Return"},
        )
        if not created and patient.intakes.filter(kind=IntakeKind.FOLLOW_UP).exists():
            self.stdout.write(f"kept {RETURNING} and their follow-up intake")
            return
        patient.set_password(DEMO_PASSWORD)
        patient.save()
        patient.groups.add(Group.objects.get(name=roles.PATIENTS))
        now = timezone.now()
        first = self._sent(patient, FIRST, dict(DETAILS), visit_at=now - timedelta(days=42))
        first.submitted_at = now - timedelta(days=43)
        first.save(update_fields=["submitted_at"])
        follow_up = intake_create(patient=patient, visit_at=now + timedelta(days=2), kind=None)
        answers, details = dict(follow_up.answers), dict(follow_up.details)
        form = MedicinesSinceLastTimeForm(dict(RECONCILED), intake=follow_up)
        if not form.is_valid():
            raise RuntimeError(f"demo reconciliation refused: {form.errors}")
        form.store(answers, details)
        answers[SINCE_LAST_TIME] = {key: "same" if key != "medications" else value
                                    for key, value in answers[SINCE_LAST_TIME].items()}  # fmt: skip
        answers.update(FRESH, phq_9=[1, 1, 1, 1, 1, 1, 1, 0, 0], gad_7=[1, 1, 1, 1, 1, 1, 0])
        details["medications_confirmed"] = True
        follow_up.answers, follow_up.details = answers, details
        follow_up.save(update_fields=["answers", "details"])
        self._sign(follow_up)
        intake_submit(intake_id=follow_up.pk, patient=patient)
        self.stdout.write(f"created {RETURNING} with a first intake and a sent follow-up")

    def _sent(self, patient, answers, details, *, visit_at):
        intake = intake_create(patient=patient, visit_at=visit_at, kind=IntakeKind.FIRST)
        intake.answers, intake.details = answers, details
        intake.save(update_fields=["answers", "details"])
        self._sign(intake)
        return intake_submit(intake_id=intake.pk, patient=patient)

    @staticmethod
    def _sign(intake):
        user = intake.patient
        for document in current_documents().values():
            consent_sign(intake=intake, document=document, user=user,
                         typed_name=user.get_full_name(), shown_text=shown_text(document, intake),
                         client_ip="127.0.0.1", user_agent="demo", email_copy=False)  # fmt: skip
