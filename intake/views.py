from django.shortcuts import render

from portal.roles import patient_required


@patient_required
def home(request):
    return render(request, "intake/home.html")
