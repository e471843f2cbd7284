from django.shortcuts import render

from ..access_report import access_rows
from ..audit import record
from ..roles import patient_required


@patient_required
def access_report(request):
    """ "Who has seen my answers": staff name, role and when; nothing else about them."""
    record(actor=request.user, action="access_report.viewed", obj=request.user)
    return render(request, "portal/access_report.html", {"rows": access_rows(patient=request.user)})
