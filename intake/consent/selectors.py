"""Reads for consent: which documents an intake needs, and where each one stands."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.functions import JSONObject
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intake.compiled import CompiledRead
from intake.evaluation import counted_class

from .models import ConsentDocument, ConsentKind, ConsentSignature, ConsentWithdrawal

# The task list's row, the check page's list of what is missing, the refusal's message.
CONSENT_TITLE = _("Consent and agreements")

# Classes scheduled as controlled substances in the US (21 CFR 1308): listing one asks for
# the controlled-medicine agreement.
CONTROLLED_CLASSES = frozenset({"benzodiazepine", "opioid", "z-drug", "stimulant", "barbiturate"})

# The address of each document's page below the intake's ("consent/telehealth/").
SLUGS = {
    ConsentKind.TELEHEALTH: "telehealth",
    ConsentKind.PRIVACY_NOTICE: "privacy-notice",
    ConsentKind.CONTROLLED_SUBSTANCE: "controlled-medicine",
}
KIND_OF_SLUG = {slug: kind for kind, slug in SLUGS.items()}
# ``IntakeKind.CHECK_IN`` (intake/models/intake.py imports this package's models).
CHECK_IN = "check_in"


def lists_controlled_medicine(answers: dict) -> bool:
    return any(
        counted_class(m) in CONTROLLED_CLASSES
        for m in answers.get("medications") or []
        if isinstance(m, dict)
    )


def required_kinds(intake) -> list[str]:
    if intake.kind == CHECK_IN:
        # A check-in between visits (issue 27) is part of the care the patient consented to
        # on their visit intake: it asks for no document again, nor does a reminder wait on one.
        return []
    kinds = [ConsentKind.TELEHEALTH, ConsentKind.PRIVACY_NOTICE]
    if lists_controlled_medicine(intake.answers):
        kinds.append(ConsentKind.CONTROLLED_SUBSTANCE)
    return kinds


# The language every document has: a kind with no approved version in the patient's
# language is read and signed in this one.
BASE_LANGUAGE = "en"


def page_language() -> str:
    """The offered language of the page being drawn ("es" for "es-us")."""
    code = (translation.get_language() or BASE_LANGUAGE).split("-")[0]
    return code if code in dict(settings.LANGUAGES) else BASE_LANGUAGE


def in_language(versions: list[ConsentDocument], language: str) -> list[ConsentDocument]:
    """One kind's approved versions in ``language``, newest first; the base language's when
    it has none."""
    chosen = [d for d in versions if d.language == language]
    return chosen or [d for d in versions if d.language == BASE_LANGUAGE]


def current_documents(language: str = BASE_LANGUAGE) -> dict[str, ConsentDocument]:
    """The approved version patients sign now, for each kind, in ``language``."""
    approved = list(ConsentDocument.objects.approved().order_by("kind", "-version"))
    current = {}
    for kind in ConsentKind:
        versions = in_language([d for d in approved if d.kind == kind], language)
        if versions:
            current[kind] = versions[0]
    return current


@dataclass(frozen=True)
class ConsentState:
    kind: str
    label: str
    slug: str
    required: bool
    document: ConsentDocument | None  # the current version
    signature: ConsentSignature | None  # the latest signature for this kind
    state: str  # "signed", "missing", "withdrawn" or "outdated"

    @property
    def signed(self) -> bool:
        return self.state == "signed"

    @property
    def missing_label(self) -> str:
        """What the check page says is missing."""
        return {
            "withdrawn": _("withdrawn: sign again to send your answers"),
            "outdated": _("changed since you signed: read and sign again"),
        }.get(self.state, _("not signed yet"))

    def url(self, intake) -> str:
        return reverse("intake:consent_sign", args=[intake.public_id, self.slug])


def _asks_again_since(kind_versions: list[ConsentDocument], signed_version: int) -> bool:
    return any(d.asks_again for d in kind_versions if d.version > signed_version)


# Compiled once and prepared (intake/compiled.py; by the intake): the detail page and the
# consent pages read them.
_approved = CompiledRead(
    lambda: ConsentDocument.objects.approved().order_by("kind", "-version"), prepared=True
)
_signatures = CompiledRead(
    lambda *, intake_id: (
        ConsentSignature.objects.filter(intake_id=intake_id)
        .select_related("document", "withdrawal")
        .order_by("-signed_at", "-pk")
    ),
    prepared=True,
)


def consent_states(intake) -> list[ConsentState]:
    """Every document the intake needs, or has a signature for, and where it stands. A
    signature is judged against the versions of its own language; a document still to sign
    is the current version in the page's language."""
    required = required_kinds(intake)
    language = page_language()
    approved = _approved()
    signatures = {}
    for signature in _signatures(intake_id=intake.pk):
        signatures.setdefault(signature.document.kind, signature)
    states = []
    for kind in ConsentKind:
        of_kind = [d for d in approved if d.kind == kind]
        signature = signatures.get(kind)
        if kind not in required and signature is None:
            continue
        signed_in = in_language(of_kind, signature.document.language) if signature else []
        state = _state(signature, signed_in)
        versions = signed_in if state == "signed" else in_language(of_kind, language)
        states.append(
            ConsentState(
                kind=kind,
                label=kind.label,
                slug=SLUGS[kind],
                required=kind in required,
                document=versions[0] if versions else None,
                signature=signature,
                state=state,
            )
        )
    return states


def _state(signature: ConsentSignature | None, versions: list[ConsentDocument]) -> str:
    if signature is None:
        return "missing"
    return signature_state(
        withdrawn=hasattr(signature, "withdrawal"),
        outdated=_asks_again_since(versions, signature.document.version),
    )


def signature_state(*, withdrawn: bool, outdated: bool) -> str:
    """Where a kind's latest signature stands: withdrawn, outdated (a later approved version
    in its language asks again) or signed."""
    if withdrawn:
        return "withdrawn"
    return "outdated" if outdated else "signed"


def _judged_signatures(intake) -> QuerySet:
    """Each of the intake's signatures (``intake``: its id, or ``OuterRef("pk")`` of an
    intake read), newest first, with what ``consent_states`` judges it by, read in SQL:
    its ``kind``, whether ``withdrawn``, whether ``outdated``. A signature is only ever of
    an approved version (``consent_sign``), so its language always has approved versions
    and "outdated" is a later one in that language that asks again."""
    later = ConsentDocument.objects.approved().filter(
        kind=OuterRef("document__kind"),
        language=OuterRef("document__language"),
        version__gt=OuterRef("document__version"),
        asks_again=True,
    )
    withdrawal = ConsentWithdrawal.objects.filter(signature=OuterRef("pk"))
    return (
        ConsentSignature.objects.filter(intake_id=intake)
        .order_by("-signed_at", "-pk")
        .annotate(kind=F("document__kind"), withdrawn=Exists(withdrawal), outdated=Exists(later))
    )


signature_facts = CompiledRead(
    lambda *, intake_id: _judged_signatures(intake_id).values_list("kind", "withdrawn", "outdated"),
    prepared=True,
)


def signature_facts_of_intake() -> ArraySubquery:
    """``signature_facts`` as a column of an intake read (each a JSON object), so a caller
    that reads the intake anyway (the submit's locked read) needs no query of its own."""
    facts = JSONObject(kind="kind", withdrawn="withdrawn", outdated="outdated")
    return ArraySubquery(_judged_signatures(OuterRef("pk")).values(fact=facts))


def consent_complete(intake, facts: list | None = None) -> bool:
    """True when ``consent_missing`` is empty, from narrow rows (one query, or ``facts``:
    the intake read's ``signature_facts_of_intake``): the submit asks on every send, and
    only a refusal needs the documents themselves."""
    required = required_kinds(intake)
    if not required:
        return True
    if facts is None:
        facts = signature_facts(intake_id=intake.pk)
    else:
        facts = [(f["kind"], f["withdrawn"], f["outdated"]) for f in facts]
    latest: dict[str, str] = {}
    for kind, withdrawn, outdated in facts:
        latest.setdefault(kind, signature_state(withdrawn=withdrawn, outdated=outdated))
    return all(latest.get(kind) == "signed" for kind in required)


def consent_missing(intake) -> list[ConsentState]:
    """The required documents not signed in a version that still counts."""
    return [s for s in consent_states(intake) if s.required and not s.signed]


def shown_text(document: ConsentDocument, intake) -> str:
    """The exact text the patient reads and signs: the document, and under the consent to
    care by video, the emergency plan made of their own answers, in the document's
    language (what is signed is one language throughout, whatever the page's)."""
    if document.kind != ConsentKind.TELEHEALTH:
        return document.text
    with translation.override(document.language):
        plan = emergency_plan(intake)
    return f"{document.text.rstrip()}\n\n{plan}\n"


def emergency_plan(intake) -> str:
    contact = intake.details.get("contact") or {}
    where = contact.get("visit_address") or gettext("not given yet")
    state = contact.get("visit_state") or ""
    if state:
        where = f"{where} ({state})"
    emergency = contact.get("emergency_contact") or {}
    parts = [emergency.get(k) for k in ("name", "relationship", "phone")]
    person = ", ".join(p for p in parts if p) or gettext("none given")
    return "\n".join(
        (
            gettext("Your emergency plan."),
            gettext("Where you will be during your visit: %(where)s.") % {"where": where},
            gettext("Your emergency contact: %(person)s.") % {"person": person},
        )
    )


def consent_task(intake) -> dict:
    """The task list's "Consent and agreements" row: its status and what is left to sign."""
    states = [s for s in consent_states(intake) if s.required]
    missing = [s.label for s in states if not s.signed]
    if not missing:
        status = "completed"
    elif len(missing) < len(states):
        status = "in_progress"
    else:
        status = "not_started"
    return {
        "title": CONSENT_TITLE,
        "url": reverse("intake:consent", args=[intake.public_id]),
        "status": status,
        "missing": missing,
    }
