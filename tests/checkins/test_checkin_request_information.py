"""Asking for more on a check-in offers only the check-in's own sections: one it does not
have is refused beside the field, never a server error."""

from datetime import timedelta

import pytest

from intake.models import Intake, IntakeKind
from intake.review import services
from intake.services import intake_create, intake_save_answers, intake_submit
from tests.checkins.conftest import START

pytestmark = pytest.mark.django_db
WORSE = [1, 1, 1, 1, 1, 1, 1, 1, 0]  # 8 points over the first intake's 3: to the psychiatrist


@pytest.fixture
def held_checkin(clock, first_intake, patient, psychiatrist):
    clock.move_to(START + timedelta(days=14))
    checkin = intake_create(patient=patient, kind=IntakeKind.CHECK_IN)

    def answer(answers, details):
        answers.update(phq_9=WORSE, gad_7=[1] * 7, panic_attacks_per_week=0,
                       cssrs={"q1": False, "q2": False, "q6": False})  # fmt: skip

    intake_save_answers(intake=checkin, section="mood", update=answer)
    checkin = intake_submit(intake_id=checkin.pk, patient=patient)
    return services.intake_claim(intake_id=checkin.pk, user=psychiatrist)


def _ask(client, intake, section):
    url = f"/review/i/{intake.public_id}/request-information/"
    return client.post(url, {"sections": [section], "message": "Tell me more."})


def test_a_section_the_check_in_does_not_have_is_refused_beside_the_field(
    client, psychiatrist, held_checkin
):
    client.force_login(psychiatrist)
    response = _ask(client, held_checkin, "medications")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert Intake.objects.get(pk=held_checkin.pk).status == "in_review"


def test_a_section_of_the_check_in_reopens_it_for_the_patient(client, psychiatrist, held_checkin):
    client.force_login(psychiatrist)
    _ask(client, held_checkin, "mood")
    stored = Intake.objects.get(pk=held_checkin.pk)
    assert (stored.status, stored.reopened_sections) == ("info_requested", ["mood"])
