"""``request|post_kept``: a page posted after the session ended is waiting for sign-in (so
the sign-in page says what will happen to it)."""

from django import template

from intake.post_stash import stash_waiting

register = template.Library()


@register.filter
def post_kept(request) -> bool:
    return stash_waiting(request.session)
