"""How we can reach you: phone numbers checked and stored in E.164, errors in plain words."""

import pytest

from intake.forms.contact import ContactForm
from intake.models import Intake
from intake.sections import missing_answers
from tests.intake.answers import COMPLETE
from tests.intake.pages import CONTACT, post_ok, url

pytestmark = pytest.mark.django_db


def _form(**changes):
    form = ContactForm({**CONTACT, **changes}, intake=Intake(answers={}, details={}))
    form.is_valid()
    return form


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("(202) 555-0143", "+12025550143"),
        ("202.555.0143", "+12025550143"),
        ("+1 202 555 0143", "+12025550143"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
    ids=["us-national", "us-dots", "us-international", "uk"],
)
def test_a_phone_number_is_stored_in_e164(typed, stored):
    form = _form(mobile_phone=typed)
    details = {}
    form.store({}, details)
    assert details["contact"]["mobile_phone"] == stored


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "555-1234",
            "Enter a real mobile phone number with its area code, for example 202-555-0143",
        ),
        ("call me", "Enter the mobile phone number in digits, for example 202-555-0143"),
        ("", "Enter your mobile phone number"),
    ],
    ids=["no-area-code", "words", "empty"],
)
def test_a_bad_mobile_number_gets_a_clear_error(typed, message):
    assert _form(mobile_phone=typed).errors["mobile_phone"] == [message]


def test_an_emergency_contact_name_without_a_number_asks_for_the_number():
    form = _form(emergency_phone="")
    assert form.errors == {"emergency_phone": ["Enter your emergency contact's phone number"]}


def test_no_emergency_contact_at_all_is_accepted():
    form = _form(emergency_name="", emergency_relationship="", emergency_phone="")
    details = {}
    form.store({}, details)
    assert "emergency_contact" not in details["contact"]


def test_a_state_outside_the_list_is_refused():
    assert "visit_state" in _form(visit_state="XX").errors


def test_the_error_shows_beside_the_field_and_in_the_summary(alice, intake):
    html = alice.post(url("contact", intake), {**CONTACT, "mobile_phone": "555-1234"}).content
    message = "Enter a real mobile phone number with its area code"
    assert html.decode().count(message) == 2


def test_what_was_typed_stays_after_an_error(alice, intake):
    html = alice.post(url("contact", intake), {**CONTACT, "mobile_phone": "555-1234"}).content
    assert "1 Example Street, Albany, NY 12207</textarea>" in html.decode()


def test_a_saved_number_is_shown_back_in_the_national_format(alice, intake):
    post_ok(alice, url("contact", intake), CONTACT)
    assert 'value="(202) 555-0143"' in alice.get(url("contact", intake)).content.decode()


def test_check_your_answers_lists_every_contact_answer(alice, intake):
    post_ok(alice, url("contact", intake), CONTACT)
    html = alice.get(url("check", intake)).content.decode()
    for shown in ("(202) 555-0143", "Yes, they may call or text", "Sam Doe", "Sibling",
                  "(202) 555-0188", "New York", "1 Example Street, Albany, NY 12207"):  # fmt: skip
        assert shown in html


def test_sending_needs_a_phone_number_and_a_location():
    missing = dict(missing_answers(COMPLETE, {"medications_confirmed": True})["about"])
    assert list(missing) == [
        "Mobile phone number",
        "Whether we may call or text you",
        "The state you will be in during your visit",
        "The address you will be at during your visit",
    ]
