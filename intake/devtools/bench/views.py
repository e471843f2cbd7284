"""The benchmark's baseline views, mounted under /review/_bench/ only when PORTAL_BENCH=1
(intake/review/urls.py): never in production."""

from django.http import Http404, HttpResponse

from portal.roles import psychiatrist_required


def bench_bare(request):
    """The benchmark's baseline: a bare view on the same server (mounted only when
    PORTAL_BENCH=1; see urls.py)."""
    if request.method != "GET":
        raise Http404
    return HttpResponse(b"ok", content_type="text/plain")


@psychiatrist_required
def bench_bare_signed_in(request):
    """The same bare view behind the queue's own sign-in and role check (the session, user
    and group lookups every psychiatrist page pays), to separate their cost from the
    queue's."""
    return bench_bare(request)
