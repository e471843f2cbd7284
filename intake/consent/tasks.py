"""Telling the patient their signed copy is ready: by id, with no health information."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from portal.audit import record

from .models import ConsentSignature

SUBJECT = "A copy of a document you signed is ready"
# Neither the document's name nor the medicine it is about: the name of the
# controlled-medicine agreement alone would tell a reader of the inbox something clinical.
BODY = (
    "Hello,\n\n"
    "A copy of a document you signed on the patient portal is ready for you to download.\n"
    "Sign in to see it: {link}\n\n"
    "If you did not sign anything, please contact the clinic."
)


@shared_task(acks_late=True)
def send_signed_copy_email(signature_id: int) -> None:
    signature = ConsentSignature.objects.select_related("user").filter(pk=signature_id).first()
    if signature is None or signature.user is None or not signature.user.email:
        return
    link = settings.PORTAL_BASE_URL + reverse("intake:home")
    send_mail(SUBJECT, BODY.format(link=link), None, [signature.user.email])
    record(actor=None, action="consent.copy_emailed", obj=signature)
