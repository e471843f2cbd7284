"""The psychiatrist's check-in schedule page, reached from an intake's detail page
(psychiatrists only; the intake through the review queue's access helper, so a draft or an
unknown id is a 404). Every showing of it and every change is audited on the intake."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from portal.audit import record
from portal.roles import psychiatrist_required

from ..review.views import _get_intake_for_reviewer
from .forms import ScheduleForm
from .selectors import open_checkin, schedule_for
from .services import checkin_schedule_set, checkin_schedule_stop


@psychiatrist_required
@require_http_methods(["GET", "POST"])
def schedule(request, public_id):
    intake = _get_intake_for_reviewer(request, public_id)
    current = schedule_for(patient_id=intake.patient_id)
    form = ScheduleForm(request.POST or None, initial=ScheduleForm.initial_for(current))
    if request.method == "POST" and form.is_valid():
        checkin_schedule_set(
            intake=intake,
            actor=request.user,
            interval_days=form.cleaned_data["interval_days"],
            next_due_at=form.next_due_at(),
        )
        messages.success(request, "Check-in schedule saved.")
        return redirect("review:checkin_schedule", public_id=intake.public_id)
    record(actor=request.user, action="checkin.schedule.viewed", obj=intake)
    context = {
        "intake": intake,
        "patient_name": intake.patient.get_full_name() or "The patient",
        "schedule": current,
        "open_checkin": open_checkin(patient_id=intake.patient_id),
        "form": form,
    }
    return render(request, "checkins/schedule.html", context, status=400 if form.errors else 200)


@psychiatrist_required
@require_POST
def stop(request, public_id):
    intake = _get_intake_for_reviewer(request, public_id)
    if checkin_schedule_stop(intake=intake, actor=request.user) is not None:
        messages.success(request, "Check-ins stopped.")
    return redirect("review:checkin_schedule", public_id=intake.public_id)
