"""Closing a STAT intake needs an acknowledgement: a reason from a short list ("other" with
words), audited and shown on the detail page."""

import pytest

from intake.models import Intake, StatAcknowledgement
from intake.review import services
from portal.models import AuditEvent
from tests.factories import make_submitted_intake

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_stat(patient, psychiatrist):
    intake = make_submitted_intake(patient, archetype="stat_imminent")
    return services.intake_claim(intake_id=intake.pk, user=psychiatrist)


def _close(client, intake, **data):
    return client.post(f"/review/i/{intake.public_id}/reviewed/", {"note": "Called.", **data})


def test_closing_a_stat_intake_without_a_reason_is_refused_beside_the_field(
    client, psychiatrist, held_stat
):
    client.force_login(psychiatrist)
    response = _close(client, held_stat, note="Spoke with her today.")
    html = response.content.decode()
    assert response.status_code == 400 and Intake.objects.get(pk=held_stat.pk).status == "in_review"
    assert html.count("Choose what was done about the safety concern.") == 2  # summary + field
    assert 'href="#id_acknowledgement_0"' in html and "Spoke with her today." in html


def test_other_needs_words_saying_what_was_done(client, psychiatrist, held_stat):
    client.force_login(psychiatrist)
    response = _close(client, held_stat, acknowledgement="other", acknowledgement_other="  ")
    assert response.status_code == 400 and "Say what was done." in response.content.decode()
    assert not StatAcknowledgement.objects.exists()


def test_a_forged_reason_is_refused(client, psychiatrist, held_stat):
    client.force_login(psychiatrist)
    response = _close(client, held_stat, acknowledgement="nothing_to_see")
    assert response.status_code == 400
    assert "Choose one of the listed answers." in response.content.decode()


def test_the_reason_is_audited_and_shown_on_the_detail_page(client, psychiatrist, held_stat):
    client.force_login(psychiatrist)
    _close(client, held_stat, acknowledgement="emergency_services")
    assert Intake.objects.get(pk=held_stat.pk).status == "reviewed"
    assert AuditEvent.objects.filter(
        actor=psychiatrist,
        action="intake.stat_acknowledged.emergency_services",
        object_id=str(held_stat.pk),
    ).exists()
    html = client.get(f"/review/i/{held_stat.public_id}/").content.decode()
    assert "STAT acknowledged:</strong> Emergency services called (Sam Stone" in html


def test_the_words_of_other_are_shown_but_never_audited(client, psychiatrist, held_stat):
    client.force_login(psychiatrist)
    _close(client, held_stat, acknowledgement="other", acknowledgement_other="Mother is with her.")
    html = client.get(f"/review/i/{held_stat.public_id}/").content.decode()
    assert "Other: Mother is with her." in html
    assert not AuditEvent.objects.filter(action__icontains="mother").exists()


def test_the_service_refuses_to_close_a_stat_intake_without_an_acknowledgement(
    psychiatrist, held_stat
):
    with pytest.raises(services.AcknowledgementRequired):
        services.intake_mark_reviewed(intake_id=held_stat.pk, user=psychiatrist, note="Done.")
    assert Intake.objects.get(pk=held_stat.pk).status == "in_review"


def test_a_non_stat_intake_closes_with_its_note_alone(client, patient, psychiatrist):
    intake = make_submitted_intake(patient, archetype="urgent_opioid")
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    client.force_login(psychiatrist)
    _close(client, intake)
    assert Intake.objects.get(pk=intake.pk).status == "reviewed"
