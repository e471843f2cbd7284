"""Erase a patient on request: ``manage.py erase_patient EMAIL --by ADMIN --confirm``.

What goes and what stays: ``intake/erasure.py``. Refused while a legal hold is placed.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from intake.erasure import ErasureRefused, patient_erase


class Command(BaseCommand):
    help = "Erase a patient's intakes, answers, notes and account details (audit kept)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the patient's sign-in email address")
        parser.add_argument(
            "--by", required=True, help="the superuser doing the erasure (audited as the actor)"
        )
        parser.add_argument("--reason", default="patient request")
        parser.add_argument(
            "--confirm", action="store_true", help="required: erasure cannot be undone"
        )

    def handle(self, *args, email, by, reason, confirm, **options):
        users = get_user_model().objects
        actor = users.filter(username__iexact=by.strip(), is_superuser=True, is_active=True).first()
        if actor is None:
            raise CommandError(f"--by must name an active superuser; {by!r} is not one.")
        user = users.filter(username__iexact=email.strip()).first()
        if user is None:
            raise CommandError("No account with that email address.")
        if not confirm:
            raise CommandError("Erasure cannot be undone: run again with --confirm.")
        try:
            outcome = patient_erase(patient=user, actor=actor, reason=reason)
        except ErasureRefused as refused:
            raise CommandError(f"Not erased: {refused}.") from None
        self.stdout.write(f"Erased. The audit log now names this patient {outcome}.")
