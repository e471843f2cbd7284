""" "Who has seen my answers": each patient sees staff views of their own intakes only."""

import pytest

from tests.browser import PASSWORD, sign_in, user_with_password
from tests.factories import make_submitted_intake

pytestmark = pytest.mark.django_db
REPORT = "/accounts/who-has-seen-my-answers/"


def test_a_patient_sees_who_read_their_intake_and_nothing_else_about_them(
    client, patient, second_patient, psychiatrist
):
    mine = make_submitted_intake(patient)
    theirs = make_submitted_intake(second_patient)
    client.force_login(psychiatrist)
    client.get(f"/review/i/{mine.public_id}/")
    client.get("/review/")
    client.force_login(patient)
    html = client.get(REPORT).content.decode()
    assert "Sam Stone" in html and "Psychiatrist" in html
    assert "Read your answers" in html and "Saw your intake in the review list" in html
    assert psychiatrist.email not in html
    client.force_login(second_patient)
    other = client.get(REPORT).content.decode()
    assert "Read your answers" not in other  # only the queue listing touched Bob's intake
    assert theirs.public_id.hex not in other


def test_staff_cannot_open_the_patient_report(client, psychiatrist):
    client.force_login(psychiatrist)
    assert client.get(REPORT).status_code == 404


@pytest.mark.browser
def test_the_patient_finds_the_report_from_the_menu(page, axe):
    pia = user_with_password("pia@patients.example", groups=["Patients"])
    doctor = user_with_password(
        "dr.ann@clinic.example", groups=["Psychiatrists"], first_name="Ann", last_name="Lee"
    )
    intake = make_submitted_intake(pia)
    from portal.audit import record

    record(actor=doctor, action="intake.viewed", obj=intake)
    sign_in(page, "pia@patients.example", PASSWORD)
    page.get_by_role("link", name="Who has seen my answers").click()
    page.get_by_role("heading", name="Who has seen my answers").wait_for()
    row = page.get_by_role("row").filter(has_text="Ann Lee")
    assert "Psychiatrist" in row.inner_text() and "Read your answers" in row.inner_text()
    axe(page, "who has seen my answers")
