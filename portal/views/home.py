from django.shortcuts import redirect, render
from django.urls import reverse

from .. import roles


def landing_url_for(user) -> str:
    """Each role's own home after sign-in."""
    if user.is_superuser or roles.is_editor(user):
        return reverse("admin:index")
    if roles.is_clinical_reviewer(user):
        return reverse("admin:education_page_reviews")
    if roles.is_psychiatrist(user):
        return reverse("review:queue")
    if roles.is_patient(user):
        return reverse("intake:home")
    return reverse("no_role")


def home(request):
    if request.user.is_authenticated:
        return redirect(landing_url_for(request.user))
    return render(request, "portal/home.html")


def no_role(request):
    return render(request, "portal/no_role.html")


def disclaimer(request):
    return render(request, "portal/disclaimer.html")


def csrf_failure(request, reason=""):
    """A form sent after its page went stale (signed out, cookies cleared, a long pause):
    say what happened in plain words instead of Django's technical page."""
    return render(request, "portal/csrf_failure.html", status=403)
