"""Any input to a follow-up's own pages, and to the psychiatrist's check-in schedule: an
answer or an error message beside the field, never a server error."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from intake.review import services
from intake.sections import questionnaire
from tests.factories import make_submitted_intake
from tests.intake.follow_up_cases import returning_patient
from tests.intake.test_fuzz import SETTINGS, VALUE

pytestmark = pytest.mark.django_db

FOLLOW_UP = questionnaire("follow_up")
# The follow-up's own pages ("Has anything changed?", the medicine reconciliation).
OWN_PAGES = [key for key in FOLLOW_UP.steps_by_key if key.endswith("_since_last_time")]
# The answers these pages branch on, mixed with every tricky value the intake's fuzz sends.
ANSWER = st.one_of(
    st.sampled_from(["unchanged", "changed", "stopped", "yes", "no", "as_needed", "2"]), VALUE
)


def _payload(names):
    return st.dictionaries(st.sampled_from(names), st.one_of(ANSWER, st.lists(ANSWER, max_size=3)))


def test_the_follow_up_has_pages_of_its_own():
    assert "medicines_since_last_time" in OWN_PAGES and len(OWN_PAGES) >= 5


@pytest.mark.parametrize("step_key", OWN_PAGES, ids=OWN_PAGES)
def test_no_post_to_a_follow_up_page_gives_a_server_error(client, patient, step_key):
    _, intake = returning_patient(patient)
    client.force_login(patient)
    page = FOLLOW_UP.steps_by_key[step_key]
    names = [*page.form(intake=intake).fields, "unexpected"]
    address = page.url(intake.public_id)

    @SETTINGS
    @given(data=_payload(names))
    def run(data):
        assert client.post(address, data).status_code < 500

    run()


def test_no_post_to_the_check_in_schedule_gives_a_server_error(client, patient, psychiatrist):
    intake = make_submitted_intake(patient)
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    client.force_login(psychiatrist)
    address = reverse("review:checkin_schedule", args=[intake.public_id])
    names = ["interval_days", "first_due_on", "unexpected"]

    @SETTINGS
    @given(data=_payload(names))
    def run(data):
        assert client.post(address, data).status_code < 500

    run()
