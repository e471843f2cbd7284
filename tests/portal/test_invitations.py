from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal import services
from portal.models import AuditEvent, Invitation
from portal.tokens import make_invitation_token
from tests.factories import make_invitation

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-and-unusual-passphrase-77"


def _accept_url(invitation):
    return reverse("invitation_accept", args=[make_invitation_token(invitation.public_id)])


def _set_password(client, url, password=PASSWORD):
    return client.post(url, {"password1": password, "password2": password})


def test_psychiatrist_invites_a_patient_and_the_email_holds_only_a_link(client, psychiatrist):
    client.force_login(psychiatrist)
    visit = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    with pytest.MonkeyPatch.context():
        response = client.post(
            reverse("invitation_new"),
            {
                "first_name": "Nora",
                "last_name": "Newman",
                "email": "nora@patients.example",
                "visit_at": visit,
            },
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    # The email task runs when the transaction commits; in this test that is simulated.
    from portal.tasks import send_invitation_email

    send_invitation_email(invitation.pk)
    body = mail.outbox[0].body
    assert "/invite/" in body and "Nora" not in body and "Newman" not in body


def test_invitation_email_is_sent_once_even_if_the_task_runs_twice(psychiatrist):
    from portal.tasks import send_invitation_email

    invitation = make_invitation(created_by=psychiatrist)
    send_invitation_email(invitation.pk)
    send_invitation_email(invitation.pk)
    assert len(mail.outbox) == 1


def test_patient_cannot_create_invitations(client, patient):
    client.force_login(patient)
    assert client.get(reverse("invitation_new")).status_code == 404


def test_invitation_for_a_past_visit_is_refused_with_a_message(client, psychiatrist):
    client.force_login(psychiatrist)
    response = client.post(
        reverse("invitation_new"),
        {
            "first_name": "N",
            "last_name": "N",
            "email": "n@patients.example",
            "visit_at": "2020-01-01T10:00",
        },
    )
    assert "The visit must be in the future." in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("visit_at", ["9999-12-31T23:59", "2199-01-01T10:00"], ids=["9999", "2199"])
def test_invitation_for_a_visit_years_away_is_refused_and_the_page_still_opens(
    client, psychiatrist, visit_at
):
    client.force_login(psychiatrist)
    data = {"first_name": "N", "last_name": "N", "email": "n@patients.example"}
    response = client.post(reverse("invitation_new"), {**data, "visit_at": visit_at})
    assert "The visit must be within the next 2 years" in response.content.decode()
    assert not Invitation.objects.exists()
    assert client.get(reverse("invitation_new")).status_code == 200


def test_accepting_an_invitation_creates_a_signed_in_patient(client, psychiatrist):
    invitation = make_invitation(created_by=psychiatrist)
    response = _set_password(client, _accept_url(invitation))
    assert response.status_code == 302 and response.url == reverse("intake:home")
    invitation.refresh_from_db()
    assert invitation.patient.groups.filter(name="Patients").exists()
    assert client.get(reverse("intake:home")).status_code == 200


def test_accepting_an_invitation_is_audited(client, psychiatrist):
    invitation = make_invitation(created_by=psychiatrist)
    _set_password(client, _accept_url(invitation))
    assert AuditEvent.objects.filter(
        action="invitation.accepted", object_id=str(invitation.pk)
    ).exists()


def test_a_used_invitation_link_gives_a_clear_page(client, psychiatrist):
    invitation = make_invitation(created_by=psychiatrist)
    url = _accept_url(invitation)
    _set_password(client, url)
    client.logout()
    response = client.get(url)
    assert response.status_code == 410
    assert "already used" in response.content.decode()


def test_an_expired_invitation_link_gives_a_clear_page(client, psychiatrist, settings):
    invitation = make_invitation(created_by=psychiatrist)
    url = _accept_url(invitation)
    with time_machine.travel(
        timezone.now() + timedelta(hours=settings.INVITATION_MAX_AGE_HOURS + 1)
    ):
        response = client.get(url)
    assert response.status_code == 410
    assert "expired" in response.content.decode()


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),
        lambda t: "x" + t,
        lambda t: "not-a-token",
        lambda t: t.split(":")[0],
    ],
    ids=["changed-signature", "changed-value", "garbage", "signature-removed"],
)
def test_a_tampered_invitation_link_gives_a_clear_page_not_an_error(client, psychiatrist, mangle):
    invitation = make_invitation(created_by=psychiatrist)
    token = make_invitation_token(invitation.public_id)
    response = client.get(reverse("invitation_accept", args=[mangle(token)]))
    assert response.status_code == 404
    assert "not complete or not valid" in response.content.decode()


def test_mismatched_passwords_keep_the_patient_on_the_form_with_a_message(client, psychiatrist):
    invitation = make_invitation(created_by=psychiatrist)
    response = client.post(
        _accept_url(invitation), {"password1": PASSWORD, "password2": PASSWORD + "x"}
    )
    assert "The two passwords do not match." in response.content.decode()
    assert not Invitation.objects.get().is_used


def test_accepting_the_same_invitation_twice_concurrently_is_refused_the_second_time(psychiatrist):
    invitation = make_invitation(created_by=psychiatrist)
    services.invitation_accept(invitation_id=invitation.pk, password=PASSWORD)
    with pytest.raises(services.InvitationUnavailable):
        services.invitation_accept(invitation_id=invitation.pk, password=PASSWORD)


def test_self_registration_is_off_by_default(client):
    assert client.get(reverse("register")).status_code == 404


def test_self_registration_sends_a_link_when_allowed(client, settings):
    settings.ALLOW_SELF_REGISTRATION = True
    response = client.post(
        reverse("register"),
        {
            "first_name": "Ivy",
            "last_name": "Iris",
            "email": "ivy@patients.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    # The account is made from the emailed link (tests/security/test_self_registration_*).
    assert "Check your email" in response.content.decode()
