"""A STAT intake's detail and print pages lead with how to reach the patient."""

import pytest

from tests.factories import make_submitted_intake

pytestmark = pytest.mark.django_db


def _url(intake, suffix="") -> str:
    return f"/review/i/{intake.public_id}/{suffix}"


@pytest.mark.parametrize("suffix", ["", "print/"], ids=["detail", "print"])
def test_a_stat_intake_shows_the_phone_as_a_tel_link_above_the_answers(
    client, psychiatrist, patient, suffix
):
    intake = make_submitted_intake(patient, archetype="stat_imminent")
    client.force_login(psychiatrist)
    html = client.get(_url(intake, suffix)).content.decode()
    block = html.index('id="reach-title"')
    assert '<a href="tel:+12025550143">(202) 555-0143</a>' in html
    assert block < html.index('id="flags-title"')
    assert "High risk (C-SSRS HIGH)" in html[block:]


def test_the_block_names_the_emergency_contact_and_the_visit_location(
    client, psychiatrist, patient
):
    intake = make_submitted_intake(patient, archetype="stat_item_9")
    client.force_login(psychiatrist)
    html = client.get(_url(intake)).content.decode()
    assert 'Sam Doe (Sibling): <a href="tel:+12025550188">' in html
    assert "New York: 1 Example Street, Albany, NY 12207" in html


def test_a_routine_intake_opens_with_safety_and_contact_not_the_red_block(
    client, psychiatrist, patient
):
    intake = make_submitted_intake(patient, archetype="routine_calm")
    client.force_login(psychiatrist)
    html = client.get(_url(intake)).content.decode()
    assert 'id="reach-title"' not in html
    block = html.index('id="safety-title"')
    assert block < html.index('id="flags-title"')
    assert '<a href="tel:+12025550143">(202) 555-0143</a>' in html[block:]
    assert "No positive safety answer (C-SSRS NONE)" in html[block:]


def test_an_unsent_safety_intake_shows_how_to_reach_the_patient(client, psychiatrist, patient):
    from intake.services import intake_save_answers
    from tests.factories import make_intake
    from tests.intake.answers import COMPLETE_DETAILS

    draft = make_intake(patient, details=dict(COMPLETE_DETAILS))

    def update(answers, details):
        answers["cssrs"] = {"q1": True, "q2": True}

    intake_save_answers(intake=draft, section="safety", update=update)
    client.force_login(psychiatrist)
    html = client.get(_url(draft)).content.decode()
    assert "Safety answer, intake not sent yet" in html
    assert '<a href="tel:+12025550143">' in html


def test_a_past_attempt_says_what_the_screener_found(client, psychiatrist, patient):
    """Issue 23 #3: behaviour more than 3 months ago, no current thoughts (urgent, not STAT)."""
    intake = make_submitted_intake(patient, archetype="urgent_past_attempt")
    client.force_login(psychiatrist)
    html = client.get(_url(intake)).content.decode()
    block = html[html.index('id="safety-title"') :]
    assert "Past suicidal behaviour (more than 3 months ago): moderate risk" in block
    assert "No positive safety answer" not in html
