"""A page posted after the patient's session ended: kept, then saved after sign-in.

When the session has expired, the request arrives signed out, with a fresh, empty session.
The page's POST body (less the CSRF token) is kept in that new session: server-side (the
session store), reached only through the random session key in the session cookie, never
in a URL. The value is signed with a timestamp and read back for at most ``MAX_AGE``
seconds. Signing in keeps an anonymous session's data (``login`` cycles the key), so after
sign-in ``intake_resume_page`` saves the answers through the ordinary save services, if
and only if the page's intake belongs to whoever signed in; otherwise they are dropped.
"""

from django.core import signing
from django.http import QueryDict
from django.urls import Resolver404, resolve

from .forms import MedicationForm, MedicationsDoneForm
from .models import Intake
from .sections import questionnaire, section_of_step
from .services import (
    IntakeLocked,
    intake_save_step,
    medication_fingerprint,
    medication_list_save,
    medication_save_page,
    medication_save_what,
)

SESSION_KEY = "intake_post_stash"
SALT = "intake.post-stash"
MAX_AGE = 30 * 60
# Never replayed: the token belonged to the old session.
DROPPED_FIELDS = frozenset({"csrfmiddlewaretoken"})
MAX_STASH_CHARS = 100_000

__all__ = ["MAX_AGE", "intake_resume_page", "post_stash_put", "post_stash_take", "stash_waiting"]


def post_stash_put(*, session, path: str, post: QueryDict) -> bool:
    """Keep ``post`` for ``path`` in the (signed-out) session; False when too large to keep."""
    data = {key: values for key, values in post.lists() if key not in DROPPED_FIELDS}
    value = signing.dumps({"path": path, "data": data}, salt=SALT, compress=True)
    if len(value) > MAX_STASH_CHARS:
        return False
    session[SESSION_KEY] = value
    return True


def stash_waiting(session) -> bool:
    """Whether a kept page is waiting (for the sign-in page's wording)."""
    return _read(session.get(SESSION_KEY)) is not None


def post_stash_take(*, session) -> dict | None:
    """The kept page ({"path", "data"}), removed from the session; None when there is none,
    it is older than ``MAX_AGE`` or its signature does not hold."""
    return _read(session.pop(SESSION_KEY, None))


def _read(value) -> dict | None:
    if not value:
        return None
    try:
        return signing.loads(value, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # SignatureExpired included
        return None


def intake_resume_page(*, user, stash: dict) -> tuple[Intake, bool] | None:
    """Save a kept page for ``user`` through the page's own save service.

    Returns (intake, whether the page was complete), or None when the page is not one of
    this user's intake pages (another person signed in), the page is no longer open, or the
    address is not a page that saves answers. Nothing is saved in those cases.
    """
    try:
        match = resolve(stash["path"])
    except Resolver404:
        return None
    public_id = match.kwargs.get("public_id")
    intake = Intake.objects.filter(public_id=public_id, patient=user).first()
    if intake is None:
        return None
    data = QueryDict(mutable=True)
    for key, values in stash["data"].items():
        data.setlist(key, values)
    try:
        complete = _save(intake, match.url_name, match.kwargs, data)
    except IntakeLocked:
        return None
    return None if complete is None else (intake, complete)


def _save(intake: Intake, url_name: str, kwargs: dict, data: QueryDict) -> bool | None:
    page = questionnaire(intake.kind).steps_by_path.get(kwargs.get("page_path", ""))
    if url_name == "step" and page is not None:
        if not intake.editable_section(section_of_step(page.key, intake.kind)):
            raise IntakeLocked
        form = page.form(data, intake=intake)
        return intake_save_step(intake=intake, step_key=page.key, form=form)
    if not intake.editable_section("medications"):
        raise IntakeLocked
    if url_name == "medications":
        return medication_list_save(intake=intake, form=MedicationsDoneForm(data, intake=intake))
    key = _medicine_key(intake, kwargs, data)
    if url_name in ("medication_add", "medication_edit"):  # what you take: a draft
        form = MedicationForm(data, intake=intake, part="what")
        return medication_save_what(intake=intake, form=form, key=key)
    if url_name in ("medication_add_how", "medication_edit_how"):
        form = MedicationForm(data, intake=intake, part="how")
        return medication_save_page(intake=intake, form=form, key=key)
    return None


def _medicine_key(intake: Intake, kwargs: dict, data: QueryDict) -> str:
    """The medicine the page showed: its fingerprint as posted, else the one at its index."""
    if data.get("key"):
        return data["key"]
    index = kwargs.get("index")
    current = intake.answers.get("medications") or []
    if index is not None and index < len(current):
        return medication_fingerprint(current[index])
    return ""
