"""A page posted after the session ended is kept, and saved once the same patient signs in
again (``intake.post_stash``)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from intake.post_stash import intake_resume_page, post_stash_put, post_stash_take
from portal.roles import patient_required


def keep_post_when_signed_out(view):
    """Outermost on a view that takes a POST: one that arrives signed out (the session
    expired) is kept, and the patient is sent to sign in, then to ``resume`` (which saves a
    page's answers; an action such as send or remove is not replayed, and the patient lands
    on their intake rather than on an address that only takes a POST)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        signed_out = request.method == "POST" and not request.user.is_authenticated
        if signed_out and post_stash_put(
            session=request.session, path=request.path, post=request.POST
        ):
            return redirect_to_login(reverse("intake:resume"))
        return view(request, *args, **kwargs)

    return wrapped


@patient_required
def resume(request):
    """After sign-in: save the kept page (if it is this patient's) and go back to it."""
    stash = post_stash_take(session=request.session)
    saved = intake_resume_page(user=request.user, stash=stash) if stash else None
    if saved is None:
        return redirect("intake:home")
    _page, complete = saved
    if complete:
        messages.success(
            request,
            _(
                "You were signed out before this page was saved. We kept your answers "
                "and they are saved now."
            ),
        )
    else:
        messages.info(
            request,
            _(
                "You were signed out before this page was saved. We kept the answers you "
                "gave and they are saved now. Some questions on this page still need an answer."
            ),
        )
    return redirect(stash["path"])
