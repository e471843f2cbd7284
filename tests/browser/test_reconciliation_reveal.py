"""The medicine reconciliation on a phone (360 px): each medicine's new dose is shown only
after "Yes, but the dose has changed", when it was stopped only after "No, I have stopped
it"; a question with an error stays in view; without JavaScript every question shows and
the page sends the same (intake.js, progressive enhancement)."""

import pytest
from playwright.sync_api import expect

from portal import roles
from tests.browser import sign_in, user_with_password
from tests.intake.follow_up_cases import returning_patient

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PAGE = "medications/since-last-time/"
CHANGED, STOPPED = "Yes, but the dose has changed", "No, I have stopped it"


def _still_taking(page, name: str):
    return page.get_by_role("group", name=f"{name}: still taking it? Same dose?")


def _new_dose(page, name: str) -> list:
    return [
        page.get_by_label(f"New dose of {name}: strength of one tablet, in mg"),
        page.get_by_label(f"New dose of {name}: how many tablets in each dose"),
        page.get_by_label(f"New dose of {name}: how often you take it"),
    ]


def _most_doses(page, name: str):
    return page.get_by_label(f"New dose of {name}, if only when needed: the most doses in one day")


def _stopped_when(page, name: str):
    return page.get_by_label(f"If you stopped {name}: when did you stop?")


@pytest.fixture
def reconciling(phone_page):
    """Rory, back for a follow-up, on the reconciliation page of his phone: Klonopin,
    sertraline and zolpidem listed last time."""
    patient = user_with_password("rory@patients.example", groups=(roles.PATIENTS,))
    _, follow_up = returning_patient(patient)
    sign_in(phone_page, "rory@patients.example")
    phone_page.goto(f"/intake/{follow_up.public_id}/{PAGE}")
    return phone_page


def test_choosing_changed_reveals_that_medicines_new_dose_and_nothing_else(reconciling, axe):
    page = reconciling
    for field in [*_new_dose(page, "Klonopin"), _stopped_when(page, "Klonopin")]:
        expect(field).to_be_hidden()
    axe(page, "360px-reconciliation-nothing-chosen")

    changed = _still_taking(page, "Klonopin").get_by_label(CHANGED, exact=True)
    assert "div_id_m0_strength_mg" in changed.get_attribute("aria-controls").split()
    changed.check()
    for field in _new_dose(page, "Klonopin"):
        expect(field).to_be_visible()
    expect(_most_doses(page, "Klonopin")).to_be_hidden()  # taken twice a day
    expect(_stopped_when(page, "Klonopin")).to_be_hidden()
    expect(_new_dose(page, "sertraline")[0]).to_be_hidden()
    _new_dose(page, "Klonopin")[2].select_option("as_needed")
    expect(_most_doses(page, "Klonopin")).to_be_visible()
    axe(page, "360px-reconciliation-new-dose-shown")


def test_the_keyboard_reveals_as_a_click_does(reconciling):
    page = reconciling
    _still_taking(page, "zolpidem").get_by_label("Yes, at the same dose", exact=True).focus()
    page.keyboard.press("ArrowDown")  # to "Yes, but the dose has changed"
    expect(_new_dose(page, "zolpidem")[0]).to_be_visible()
    page.keyboard.press("ArrowDown")  # to "No, I have stopped it"
    expect(_stopped_when(page, "zolpidem")).to_be_visible()
    expect(_new_dose(page, "zolpidem")[0]).to_be_hidden()


def test_a_question_with_an_error_stays_in_view(reconciling, axe):
    page = reconciling
    _still_taking(page, "Klonopin").get_by_label("Yes, at the same dose", exact=True).check()
    _still_taking(page, "sertraline").get_by_label("Yes, at the same dose", exact=True).check()
    _still_taking(page, "zolpidem").get_by_label(STOPPED, exact=True).check()
    page.get_by_role("button", name="Save and continue").click()  # when it stopped: not said
    expect(page.get_by_text("Enter when you stopped zolpidem").first).to_be_visible()
    expect(_stopped_when(page, "zolpidem")).to_be_visible()
    _still_taking(page, "zolpidem").get_by_label("Yes, at the same dose", exact=True).check()
    expect(_stopped_when(page, "zolpidem")).to_be_visible()  # its error is still on the page
    axe(page, "360px-reconciliation-error")
    _still_taking(page, "zolpidem").get_by_label(STOPPED, exact=True).check()
    _stopped_when(page, "zolpidem").fill("3 weeks ago")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Your medicines", exact=True)).to_be_visible()


def test_without_javascript_every_question_shows_and_the_answers_are_sent(chromium, live_server):
    patient = user_with_password("rory@patients.example", groups=(roles.PATIENTS,))
    _, follow_up = returning_patient(patient)
    context = chromium.new_context(
        viewport={"width": 360, "height": 780}, base_url=live_server.url, java_script_enabled=False
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    sign_in(page, "rory@patients.example")
    page.goto(f"/intake/{follow_up.public_id}/{PAGE}")
    for field in [*_new_dose(page, "Klonopin"), _most_doses(page, "Klonopin"),
                  _stopped_when(page, "Klonopin")]:  # fmt: skip
        expect(field).to_be_visible()
    _still_taking(page, "Klonopin").get_by_label(CHANGED, exact=True).check()
    _new_dose(page, "Klonopin")[2].select_option("3")
    _still_taking(page, "sertraline").get_by_label("Yes, at the same dose", exact=True).check()
    _still_taking(page, "zolpidem").get_by_label(STOPPED, exact=True).check()
    _stopped_when(page, "zolpidem").fill("3 weeks ago")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Your medicines", exact=True)).to_be_visible()
    follow_up.refresh_from_db()
    assert [m["name"] for m in follow_up.answers["stopped_medications"]] == ["zolpidem"]
    assert follow_up.answers["medications"][0]["times_per_day"] == 3
    context.close()
