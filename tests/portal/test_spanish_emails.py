"""Every email a patient gets is written in the patient's own language (issue 26), and
still carries a link and no health information. Django's locmem email backend."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from intake.consent.tasks import send_signed_copy_email
from intake.models import ConsentSignature, NotificationKind
from intake.notifications.outbox import notification_deliver, notification_owe
from portal import roles
from portal.language import set_preferred_language
from portal.tasks import send_already_registered_email
from tests.factories import make_intake, make_patient

pytestmark = pytest.mark.django_db
REMINDERS = [
    NotificationKind.VISIT_REMINDER,
    NotificationKind.INFO_REQUESTED,
    NotificationKind.CHECKIN_REMINDER,
]
KINDS = ["visit reminder", "information requested", "check-in reminder"]


@pytest.fixture
def spanish_patient(db):
    patient = make_patient("lucia@patients.example", first_name="Lucía", last_name="Ramos")
    set_preferred_language(patient, "es")
    return patient


def _reminder(patient, kind) -> mail.EmailMessage:
    intake = make_intake(patient)
    row = notification_owe(kind=kind, intake=intake, key="test")
    mail.outbox.clear()  # only the reminder: signing the consents may email a copy
    assert notification_deliver(outbox_id=row.pk)
    [email] = mail.outbox
    return email


@pytest.mark.parametrize("kind", REMINDERS, ids=KINDS)
def test_a_spanish_patients_reminder_is_in_spanish(spanish_patient, kind):
    email = _reminder(spanish_patient, kind)
    assert "Inicie sesión" in email.body and "Sign in" not in email.body
    assert "Lucía" not in email.body and "Lucía" not in email.subject


@pytest.mark.parametrize("kind", REMINDERS[:2], ids=KINDS[:2])
def test_a_spanish_reminder_gives_the_988_line_in_spanish(spanish_patient, kind):
    email = _reminder(spanish_patient, kind)
    assert "oprima 2" in email.body and "AYUDA" in email.body


@pytest.mark.parametrize("kind", REMINDERS, ids=KINDS)
def test_an_english_patients_reminder_is_in_english(patient, kind):
    email = _reminder(patient, kind)
    assert "Sign in" in email.body and "Inicie sesión" not in email.body


def test_the_reminder_follows_the_language_the_patient_chose_last(spanish_patient):
    set_preferred_language(spanish_patient, "en")
    email = _reminder(spanish_patient, NotificationKind.VISIT_REMINDER)
    assert email.subject == "Please finish your pre-visit questions"


def test_the_signed_copy_email_is_in_the_patients_language_and_names_no_document(
    spanish_patient,
):
    make_intake(spanish_patient)
    signature = ConsentSignature.objects.filter(user=spanish_patient).first()
    mail.outbox.clear()
    send_signed_copy_email(signature.pk)
    [email] = mail.outbox
    assert email.subject == "Está lista una copia de un documento que usted firmó"
    assert "Inicie sesión" in email.body and "benzodiazep" not in email.body.lower()


def test_an_already_registered_spanish_patient_is_told_in_spanish(spanish_patient):
    send_already_registered_email(spanish_patient.pk)
    [email] = mail.outbox
    assert "ya tiene una cuenta" in email.body
    assert reverse("password_reset") in email.body


@pytest.fixture
def fresh_cache():
    """Registration attempts are throttled in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def register(client, settings, django_capture_on_commit_callbacks):
    settings.ALLOW_SELF_REGISTRATION = True

    def post(language: str):
        password = "a-long-passphrase-77"
        data = {"first_name": "Ivy", "last_name": "Iris", "email": "ivy@patients.example",
                "password1": password, "password2": password}  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("register"), data, HTTP_ACCEPT_LANGUAGE=language)
        [email] = mail.outbox
        return email

    return post


def test_registering_on_a_spanish_page_gives_a_spanish_link_email_and_profile(
    client, register, fresh_cache
):
    email = register("es-US,es;q=0.9")
    assert email.subject == "Termine de crear su cuenta" and "Ivy" not in email.body
    path = re.search(r"https?://\S+", email.body).group(0).removeprefix("http://testserver")
    client.post(path)
    user = get_user_model().objects.get(username="ivy@patients.example")
    assert roles.is_patient(user) and user.patient_profile.preferred_language == "es"


def test_registering_on_an_english_page_gives_an_english_email(register, fresh_cache):
    assert register("en-US,en;q=0.9").subject == "Finish creating your account"


def _with_password(user):
    """Django sends a reset email only to an account with a usable password."""
    user.set_password("a-long-passphrase-77")
    user.save()
    return user


def test_a_password_reset_asked_from_an_english_page_reaches_a_spanish_patient_in_spanish(
    client, spanish_patient, fresh_cache
):
    _with_password(spanish_patient)
    client.post(
        reverse("password_reset"), {"email": spanish_patient.email}, HTTP_ACCEPT_LANGUAGE="en"
    )
    [email] = mail.outbox
    assert email.subject == "Cambie la contraseña de su portal de admisión"


def test_a_password_reset_for_an_english_patient_is_in_english(client, patient, fresh_cache):
    _with_password(patient)
    set_preferred_language(patient, "en")
    client.post(reverse("password_reset"), {"email": patient.email}, HTTP_ACCEPT_LANGUAGE="es")
    [email] = mail.outbox
    assert email.subject == "Reset your intake portal password"
