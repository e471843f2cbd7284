"""Each consent signature as an R4/R4B ``Consent``: who signed what, when, and the text.

``sourceAttachment`` carries the exact text the patient was shown (base64) with its SHA-1 in
``hash`` (FHIR's Attachment.hash is SHA-1); the SHA-256 the portal verifies against is the
resource's identifier. ``policy`` names the document version the patient agreed to.
"""

import base64
import hashlib

from django.conf import settings

from ..consent.models import ConsentKind, ConsentSignature

LOINC = "http://loinc.org"
SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
# Privacy-notice acknowledgement is a patient-privacy consent; the other two consent to
# treatment (care by video, the rules of a controlled medicine).
SCOPES = {
    ConsentKind.TELEHEALTH: ("treatment", "Treatment"),
    ConsentKind.PRIVACY_NOTICE: ("patient-privacy", "Privacy Consent"),
    ConsentKind.CONTROLLED_SUBSTANCE: ("treatment", "Treatment"),
}
CATEGORIES = {
    ConsentKind.PRIVACY_NOTICE: ("57016-8", "Privacy policy acknowledgment Document"),
}
PATIENT_CONSENT = ("59284-0", "Patient Consent")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def consent_resource(signature: ConsentSignature, subject: dict) -> dict:
    document = signature.document
    text = signature.shown_text.encode("utf-8")
    scope_code, scope_display = SCOPES[document.kind]
    category_code, category_display = CATEGORIES.get(document.kind, PATIENT_CONSENT)
    withdrawn = hasattr(signature, "withdrawal")
    base = settings.PORTAL_BASE_URL
    return {
        "resourceType": "Consent",
        "identifier": [
            {"system": f"{base}/fhir/consent-text-sha256", "value": signature.text_sha256}
        ],
        "status": "inactive" if withdrawn else "active",
        "scope": {"coding": [{"system": SCOPE, "code": scope_code, "display": scope_display}]},
        "category": [
            {"coding": [{"system": LOINC, "code": category_code, "display": category_display}]}
        ],
        "patient": subject,
        "dateTime": signature.signed_at.isoformat(),
        "performer": [subject],
        "sourceAttachment": {
            "contentType": "text/plain; charset=utf-8",
            "data": _b64(text),
            "hash": _b64(hashlib.sha1(text).digest()),  # noqa: S324 (FHIR's Attachment.hash)
            "title": f"{document.title}, version {document.version}",
            "creation": signature.signed_at.isoformat(),
        },
        "policy": [{"uri": f"{base}/consent/{document.kind}/v{document.version}"}],
        "verification": [{"verified": True, "verificationDate": signature.signed_at.isoformat()}],
    }


def consent_resources(intake, subject: dict) -> list[tuple[int, dict]]:
    """(signature id, Consent) for each signature on the intake, oldest first."""
    signatures = (
        ConsentSignature.objects.filter(intake=intake)
        .select_related("document", "withdrawal")
        .order_by("signed_at", "pk")
    )
    return [(s.pk, consent_resource(s, subject)) for s in signatures]
