"""The care team's verification page: one signature, its stored text, and whether the
SHA-256 of that text is still the hash recorded when the patient signed."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from intake.review.views import _get_intake_for_reviewer
from portal.audit import record
from portal.roles import psychiatrist_required

from .models import ConsentSignature, text_sha256


@require_GET
@psychiatrist_required
def verify(request, public_id, signature_id):
    intake = _get_intake_for_reviewer(request, public_id)
    signature = get_object_or_404(
        ConsentSignature.objects.select_related("document", "user"), pk=signature_id, intake=intake
    )
    # The read is about the patient's intake, so the patient's access report lists it.
    record(
        actor=request.user,
        action="consent.viewed",
        obj=intake,
        detail={"signature": signature.pk},
    )
    context = {
        "intake": intake,
        "signature": signature,
        "recomputed": text_sha256(signature.shown_text),
        "matches": signature.text_matches(),
        "paragraphs": [p for p in signature.shown_text.split("\n\n") if p.strip()],
    }
    return render(request, "consent/verify.html", context)
