"""Telling the patient their signed copy is ready: by id, with no health information."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from portal.audit import record
from portal.patient_mail import patient_language, render_patient_email

from .models import ConsentSignature

# The words are in templates/intake/emails/signed_copy*.txt, in the patient's language.
# Neither the document's name nor the medicine it is about: the name of the
# controlled-medicine agreement alone would tell a reader of the inbox something clinical.


@shared_task(acks_late=True)
def send_signed_copy_email(signature_id: int) -> None:
    signature = ConsentSignature.objects.select_related("user").filter(pk=signature_id).first()
    if signature is None or signature.user is None or not signature.user.email:
        return
    link = settings.PORTAL_BASE_URL + reverse("intake:home")
    subject, body = render_patient_email(
        "intake/emails/signed_copy", {"link": link}, language=patient_language(signature.user)
    )
    send_mail(subject, body, None, [signature.user.email])
    record(actor=None, action="consent.copy_emailed", obj=signature)
