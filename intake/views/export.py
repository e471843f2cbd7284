"""A patient's own answers, to keep: every intake of theirs as one JSON file."""

from django.http import JsonResponse
from django.utils import timezone

from intake.models import Intake
from portal.audit import record
from portal.roles import patient_required


def _intake_copy(intake: Intake) -> dict:
    return {
        "visit_at": intake.visit_at.isoformat() if intake.visit_at else None,
        "status": intake.get_status_display(),
        "submitted_at": intake.submitted_at.isoformat() if intake.submitted_at else None,
        "answers": intake.answers,
        "details": intake.details,
    }


@patient_required
def answers_download(request):
    intakes = Intake.objects.filter(patient=request.user).order_by("created_at", "id")
    response = JsonResponse(
        {
            "downloaded_at": timezone.now().isoformat(),
            "intakes": [_intake_copy(intake) for intake in intakes],
        },
        json_dumps_params={"indent": 2},
    )
    response["Content-Disposition"] = 'attachment; filename="my-pre-visit-answers.json"'
    record(actor=request.user, action="intake.answers_downloaded", obj=request.user)
    return response
