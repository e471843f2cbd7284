"""The shorter pages in Chromium: a medicine over two pages, the side effects and falls and
driving pages, radio targets at least 40 px tall at 360 px, questions bigger than their
answers; each page walked once on a phone and axe-core clean at 360 and 1280 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.axe import assert_accessible_at_widths, at_both_widths
from tests.browser import SERTRALINE, open_intake, patient_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EMAIL = "nia@patients.example"


@pytest.fixture
def nia_intake(db):
    return patient_intake(EMAIL)


def _short_targets(page) -> list[tuple[str, float]]:
    """(text, height) of each radio or checkbox label (its clickable row) under 40 px."""
    short = []
    for label in page.locator(".form-check-label").all():
        box = label.bounding_box()
        if box["height"] < 40:
            short.append((label.inner_text(), box["height"]))
    return short


def _font_size(locator) -> float:
    return float(locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


@pytest.mark.parametrize("path", ["side-effects/", "medications/add/", "about/"])
def test_radio_targets_are_at_least_40_px_tall_on_a_phone(phone_page, nia_intake, path):
    nia_intake.answers = {"medications": [dict(SERTRALINE)]}
    nia_intake.save()
    open_intake(phone_page, nia_intake, path)
    labels = phone_page.locator(".form-check-label")
    assert labels.count() >= 4
    assert _short_targets(phone_page) == []
    radio = phone_page.locator("input[type=radio]").first
    assert radio.bounding_box()["height"] >= 24  # the control itself, bigger than the default


def test_a_question_reads_bigger_and_bolder_than_its_answers(phone_page, nia_intake):
    open_intake(phone_page, nia_intake, "about/")
    legend = phone_page.locator("legend.question").first
    option = phone_page.locator(".form-check-label").first
    assert _font_size(legend) > _font_size(option)
    assert int(legend.evaluate("e => getComputedStyle(e).fontWeight")) >= 700


def _fill_what(page, name: str, strength: str, how_often: int) -> None:
    page.get_by_label("Name of the medicine").fill(name)
    page.get_by_label("Strength of one tablet").fill(strength)
    page.get_by_label("How many tablets").fill("1")
    page.check(f"#id_how_often_{how_often}")
    page.get_by_role("button", name="Continue").click()


def test_a_medicine_is_added_over_two_pages_with_nothing_lost(phone_page, nia_intake):
    page = phone_page
    open_intake(page, nia_intake, "medications/add/")
    expect(page.get_by_role("heading", name="What you take")).to_be_visible()
    assert_accessible_at_widths(page, "medicine-what")
    _fill_what(page, "Klonopin", "0.5", 1)
    expect(page.get_by_role("heading", name="How you take Klonopin")).to_be_visible()
    assert_accessible_at_widths(page, "medicine-how")
    page.get_by_role("button", name="Save medicine").click()  # nothing answered: errors
    expect(page.locator("#error-summary")).to_be_focused()
    assert_accessible_at_widths(page, "medicine-how-errors")
    page.reload()  # the first page's answers are kept on the server
    expect(page.get_by_role("heading", name="How you take Klonopin")).to_be_visible()
    page.get_by_role("link", name="Back", exact=True).click()
    expect(page.get_by_label("Strength of one tablet")).to_have_value("0.5")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("How long have you been taking it?").fill("6")
    page.check("#id_duration_unit_1")
    page.check("#id_taking_0")
    page.check("#id_prescribed_0")
    page.get_by_role("button", name="Save medicine").click()
    expect(page.get_by_role("heading", name="Your medicines")).to_be_visible()
    expect(page.get_by_text(re.compile("1 mg a day"))).to_be_visible()


def test_side_effects_then_falls_and_driving(phone_page, nia_intake):
    page = phone_page
    nia_intake.answers = {"medications": [dict(SERTRALINE)]}
    nia_intake.save()
    open_intake(page, nia_intake, "side-effects/")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("#error-summary")).to_be_focused()
    assert_accessible_at_widths(page, "side-effects-errors")
    # Each answer is chosen by its tile in both layouts (two a row on a phone, four on a
    # desktop): "Not at all" at 360 px, then "A little", the answer kept, at 1280 px.
    for width in at_both_widths(page):
        answer = 0 if width == 360 else 1
        for name in ("drowsiness", "brain_fog", "coordination", "memory", "fatigue",
                     "confusion", "over_medicated", "breakthrough_anxiety"):  # fmt: skip
            page.locator(f"label[for=id_{name}_{answer}]").click()
            assert page.is_checked(f"#id_{name}_{answer}")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Falls and driving")).to_be_visible()
    assert_accessible_at_widths(page, "falls-and-driving")
    page.check("#id_falls_1")
    page.check("#id_driving_0")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Anxiety", exact=True)).to_be_visible()
    nia_intake.refresh_from_db()
    effects = nia_intake.answers["side_effects"]
    assert (effects["memory"], effects["falls"], effects["driving"]) == ("mild", False, True)
