"""In Chromium at 360 px, with the keyboard only: the patient signs the three documents,
sends the intake and downloads a signed copy; the psychiatrist sees each signature and its
version. axe on every consent page."""

import pytest
from playwright.sync_api import expect

from intake.devtools.seed_cases import DETAILS, base
from portal import roles
from tests.browser import PASSWORD, sign_in, user_with_password
from tests.factories import make_intake, make_psychiatrist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DOCUMENTS = (
    "Consent to care by video",
    "Privacy notice acknowledgement",
    "Controlled-medicine agreement",
)


def _press(locator, key: str = "Enter") -> None:
    """Reach the control with the keyboard's focus, then press a key, as a keyboard user."""
    locator.focus()
    locator.press(key)


def _sign(page, axe, title: str) -> None:
    _press(page.get_by_role("link", name=title))
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    axe(page, f"360-consent-{title}")
    if title == "Privacy notice acknowledgement":
        _press(page.get_by_role("link", name="Read our Notice of Privacy Practices"))
        expect(page.get_by_role("heading", name="Notice of Privacy Practices")).to_be_visible()
        axe(page, "360-privacy-notice")
        _press(page.get_by_role("link", name="Back"))
    _press(page.get_by_label(f"I have read the {title} and I agree to it"), " ")
    page.get_by_label("Type your full name to sign").focus()
    page.keyboard.type("pat  PATEL")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Consent and agreements")).to_be_visible()


def test_a_patient_signs_sends_and_downloads_and_the_psychiatrist_sees_it(phone_page, axe):
    page = phone_page
    patient = user_with_password(
        "pat@patients.example", groups=(roles.PATIENTS,), first_name="Pat", last_name="Patel"
    )
    intake = make_intake(patient, answers=base(), details=dict(DETAILS), consents=False)
    make_psychiatrist("doc@clinic.example", password=PASSWORD, first_name="Dee", last_name="Doc")
    sign_in(page, patient.username)
    page.goto(f"/intake/{intake.public_id}/")
    _press(page.get_by_role("link", name="Consent and agreements"))
    axe(page, "360-consent-list")
    # A name that is not the one on record: the message beside the field and in the summary.
    _press(page.get_by_role("link", name=DOCUMENTS[0]))
    _press(page.get_by_label(f"I have read the {DOCUMENTS[0]} and I agree to it"), " ")
    page.get_by_label("Type your full name to sign").focus()
    page.keyboard.type("Pam Patel")
    page.keyboard.press("Enter")
    expect(page.locator("#error-summary")).to_contain_text("not the name on your account")
    axe(page, "360-consent-name-error")
    _press(page.get_by_role("link", name="Back"))
    for title in DOCUMENTS:
        _sign(page, axe, title)
    expect(page.get_by_text("Signed", exact=True)).to_have_count(3)
    axe(page, "360-consent-list-signed")

    with page.expect_download() as download:
        _press(page.get_by_role("link", name=f"Download your signed copy of the {DOCUMENTS[2]}"))
    assert download.value.suggested_filename == "controlled-medicine-v1.pdf"

    page.goto(f"/intake/{intake.public_id}/check/")
    _press(page.get_by_label("I confirm that my answers are true"), " ")
    _press(page.get_by_role("button", name="Send my answers"))
    expect(page.get_by_role("heading", name="Your answers have been sent")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "doc@clinic.example")
    page.goto(f"/review/i/{intake.public_id}/")
    consent = page.locator("section[aria-labelledby=consent-title]")
    for title in DOCUMENTS:
        expect(consent).to_contain_text(f"{title}: signed, version 1")
    _press(consent.get_by_role("link", name=f"Verify the {DOCUMENTS[0]}"))
    expect(page.get_by_text("The stored text matches")).to_be_visible()
    axe(page, "360-consent-verify")
