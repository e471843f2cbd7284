"""A whole intake in real Chromium, walked once on a phone, every page axe-checked at 360 and
1280 px."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from intake.answers import HEALTH_KEYS
from portal import roles
from tests.axe import assert_accessible_at_widths
from tests.browser import sign_in
from tests.factories import make_intake, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "amber-meadow-lantern-2026"


def choose(page, name: str, index: int) -> None:
    page.check(f"#id_{name}_{index}")


def save(page) -> None:
    page.get_by_role("button", name=re.compile("Save and continue|Continue|Save medicine")).click()


def fill_medicine(page, name, strength, how_often_index, max_per_day=None):
    page.get_by_label("Name of the medicine").fill(name)
    page.get_by_label("Strength of one tablet").fill(strength)
    page.get_by_label("How many tablets").fill("1")
    choose(page, "how_often", how_often_index)
    if max_per_day:
        page.get_by_label("the most doses you take in one day").fill(max_per_day)
    save(page)  # what you take; then how you take it, on the second page
    page.get_by_label("How long have you been taking it?").fill("6")
    choose(page, "duration_unit", 1)
    choose(page, "taking", 0)
    choose(page, "prescribed", 0)
    save(page)


def about_you(page):
    page.get_by_role("link", name="About you").click()
    save(page)  # nothing filled in: the error state
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible_at_widths(page, "about-errors")
    page.get_by_label("Date of birth").fill("1958-04-02")
    page.get_by_label("Female").check()
    save(page)
    reach_you(page)
    assert_accessible_at_widths(page, "visit")
    page.get_by_label("Panic attacks").check()
    save(page)


def reach_you(page):
    page.get_by_label("Mobile phone number").fill("555-1234")  # too short: the error state
    save(page)
    expect(page.locator("#error_1_id_mobile_phone, .invalid-feedback").first).to_be_visible()
    assert_accessible_at_widths(page, "contact-errors")
    page.get_by_label("Mobile phone number").fill("(202) 555-0143")
    page.get_by_label("Yes, they may call or text").check()
    page.get_by_label("Emergency contact: name (optional)").fill("Sam Doe")
    page.get_by_label("Emergency contact: phone number (optional)").fill("202-555-0188")
    page.get_by_label("Where will you be during your video visit? State").select_option("NY")
    page.get_by_label("Address where you will be during your visit").fill("1 Example St, Albany")
    save(page)


def medicines(page):
    assert_accessible_at_widths(page, "medicines-empty")
    choose(page, "add_another", 0)
    save(page)
    save(page)  # an empty medicine: the error state
    assert_accessible_at_widths(page, "medicine-errors")
    fill_medicine(page, "Klonopin", "0.5", 1)
    for name, strength, often, most in (("Tylenol", "500", 6, "4"), ("oxycodone", "5", 6, "4")):
        choose(page, "add_another", 0)
        save(page)
        fill_medicine(page, name, strength, often, most)
    expect(page.get_by_text("clonazepam")).to_be_visible()
    expect(page.get_by_text("1 mg a day", exact=False)).to_be_visible()
    assert_accessible_at_widths(page, "medicines-list")
    page.get_by_role("button", name="Remove Tylenol").click()
    expect(page.get_by_text("Tylenol")).to_have_count(0)
    choose(page, "add_another", 1)
    save(page)


def other_sections(page):
    assert_accessible_at_widths(page, "benzodiazepines")
    for name in ("used_before", "tried_to_stop", "withdrawal_before", "missed_dose_symptoms",
                 "plans_to_stop"):  # fmt: skip
        choose(page, name, 1)
    choose(page, "dosing", 1)
    save(page)
    assert_accessible_at_widths(page, "alcohol")
    choose(page, "audit_c_1", 0)
    save(page)
    assert_accessible_at_widths(page, "substances")
    for name in ("opioids", "cannabis", "stimulants", "sedatives", "sud_history",
                 "family_sud_history"):  # fmt: skip
        choose(page, name, 1)
    choose(page, "drug_use_past_year", 0)  # yes: the DAST-10 page follows
    save(page)
    assert_accessible_at_widths(page, "drug-use")
    for n in range(1, 11):
        choose(page, f"dast_10_{n}", 0 if n == 3 else 1)
    save(page)
    assert_accessible_at_widths(page, "side-effects")
    for name in ("drowsiness", "brain_fog", "coordination", "memory", "fatigue", "confusion",
                 "over_medicated", "breakthrough_anxiety"):  # fmt: skip
        choose(page, name, 1)
    save(page)
    assert_accessible_at_widths(page, "falls-and-driving")
    choose(page, "falls", 1)
    choose(page, "driving", 0)
    save(page)
    assert_accessible_at_widths(page, "anxiety")
    for n in range(1, 8):
        choose(page, f"gad_7_{n}", 2)
    page.get_by_label("how many panic attacks").fill("3")
    save(page)


def mood_and_safety(page):
    assert_accessible_at_widths(page, "mood")
    for n in range(1, 10):
        choose(page, f"phq_9_{n}", 1)  # item 9 "several days": a positive safety answer
    save(page)
    main = page.locator("main")
    first = main.locator(":scope > *").first
    expect(first).to_contain_text("988")
    expect(page.locator("main .crisis-banner")).to_be_visible()
    assert_accessible_at_widths(page, "safety-with-crisis-help")
    for name in ("q1", "q2", "q6"):
        choose(page, name, 1)
    save(page)


def goals(page):
    expect(page.get_by_role("heading", name="What you want from your visit")).to_be_visible()
    page.get_by_label("What would you like to get from your visit?").fill("Sleep better")
    expect(page.locator("#id_hopes-count")).to_have_text("You have 988 characters remaining")
    assert_accessible_at_widths(page, "goals")
    save(page)


def new_sections(page):
    """Health conditions, psychiatric history (its past medicines after "yes") and the
    pharmacy."""
    expect(
        page.get_by_role("heading", name="Health conditions that change sedative safety")
    ).to_be_visible()
    assert_accessible_at_widths(page, "health")
    for name in HEALTH_KEYS:
        choose(page, name, 0 if name in ("sleep_apnoea", "medicine_allergies") else 1)
    save(page)  # an allergy without its details: the error beside the field
    expect(page.locator("#error-summary")).to_contain_text("Enter which medicines")
    assert_accessible_at_widths(page, "health-errors")
    page.get_by_label(re.compile("Which medicines, and what happened")).fill("Penicillin: a rash")
    save(page)
    expect(page.get_by_role("heading", name="Psychiatric history")).to_be_visible()
    assert_accessible_at_widths(page, "psychiatric-history")
    page.get_by_label("Depression", exact=True).check()
    page.get_by_label(re.compile("How many times have you stayed in hospital")).fill("0")
    choose(page, "therapist", 1)
    choose(page, "took_past_medicines", 0)  # "yes": the past medicines page is asked
    save(page)
    expect(page.get_by_role("heading", name="Past medicines for mood or anxiety")).to_be_visible()
    page.get_by_label(re.compile("Past medicine 1 for mood or anxiety")).fill("Paroxetine")
    save(page)  # named without whether it helped: the error beside it
    expect(page.locator("#error-summary")).to_contain_text("Select whether medicine 1 helped")
    expect(page.locator("#error-summary")).not_to_contain_text("medicine 2")
    assert_accessible_at_widths(page, "past-medicines-errors")
    choose(page, "past_medicine_1_helped", 1)
    page.get_by_label("Why did you stop past medicine 1? (optional)").fill("Weight gain")
    save(page)
    expect(page.get_by_role("heading", name="Your pharmacy")).to_be_visible()
    assert_accessible_at_widths(page, "pharmacy")
    choose(page, "has_pharmacy", 0)
    page.get_by_label("Pharmacy name").fill("Main Street Pharmacy")
    page.get_by_label("Pharmacy phone number (optional)").fill("202-555-0199")
    page.get_by_label("Town or city of the pharmacy").fill("Albany")
    save(page)


def check_change_and_submit(page):
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    assert_accessible_at_widths(page, "check")
    page.get_by_role("button", name="Send my answers").click()  # not confirmed: the error
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible_at_widths(page, "check-errors")
    page.get_by_role("link", name="Change Sex assigned at birth").click()
    page.get_by_label("Prefer not to say", exact=True).check()
    save(page)
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    expect(page.get_by_text("Prefer not to say")).to_be_visible()
    page.get_by_label("I confirm that my answers are true").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Your answers have been sent")).to_be_visible()
    expect(page.locator("main .crisis-banner")).to_be_visible()
    expect(page.get_by_role("heading", name="Pages for you")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("opioids", re.I)).first).to_be_visible()
    assert_accessible_at_widths(page, "confirmation")
    page.get_by_role("link", name="See a copy of your answers").click()
    expect(page.get_by_role("link", name=re.compile("^Change"))).to_have_count(0)
    assert_accessible_at_widths(page, "read-only-copy")


def test_a_patient_completes_an_intake_in_the_browser(phone_page):
    from intake.models import Intake

    page = phone_page
    call_command("load_education_demo", stdout=io.StringIO())
    user = make_user("pia@patients.example", groups=(roles.PATIENTS,), password=PASSWORD)
    intake = make_intake(user)
    sign_in(page, "pia@patients.example", PASSWORD)
    page.goto("/intake/")
    assert_accessible_at_widths(page, "task-list")
    about_you(page)
    medicines(page)
    other_sections(page)
    mood_and_safety(page)
    new_sections(page)
    goals(page)
    check_change_and_submit(page)
    intake.refresh_from_db()
    stored = Intake.objects.get(pk=intake.pk)
    assert (stored.status, stored.priority) == ("submitted", "stat")
    assert [m["name"] for m in stored.answers["medications"]] == ["Klonopin", "oxycodone"]
    assert stored.answers["health"]["sleep_apnoea"] is True
    assert stored.answers["psych_history"]["past_medicines"][0]["name"] == "Paroxetine"
    assert stored.details["pharmacy"]["town"] == "Albany"
    assert "benzo_respiratory" in stored.flag_codes


def test_medicines_can_be_added_and_removed_with_javascript_off(chromium, live_server):
    user = make_user("jo@patients.example", groups=(roles.PATIENTS,), password=PASSWORD)
    make_intake(user)
    context = chromium.new_context(
        java_script_enabled=False,
        viewport={"width": 360, "height": 780},
        base_url=live_server.url,
    )
    page = context.new_page()
    try:
        sign_in(page, "jo@patients.example", PASSWORD)
        page.goto("/intake/")
        page.get_by_role("link", name="Your medicines").click()
        choose(page, "add_another", 0)
        save(page)
        fill_medicine(page, "Xanax", "0.25", 6, "3")
        expect(page.get_by_text("alprazolam")).to_be_visible()
        page.get_by_role("button", name="Remove Xanax").click()
        expect(page.get_by_text("Xanax")).to_have_count(0)
    finally:
        context.close()


def test_the_other_intake_pages_have_no_accessibility_violations(page, axe):
    user = make_user("lu@patients.example", groups=(roles.PATIENTS,), password=PASSWORD)
    sign_in(page, "lu@patients.example", PASSWORD)
    page.goto("/intake/")
    axe(page, "home-start")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="About you").click()
    axe(page, "about")
    page.goto(page.url.replace("/about/", "/medications/add/"))
    axe(page, "medicine-add")
    page.goto(page.url.replace("/medications/add/", "/safety/"))
    for name, index in (("q1", 0), ("q2", 0), ("q6", 1)):
        choose(page, name, index)
    save(page)
    expect(page.get_by_role("heading", name="More about your safety")).to_be_visible()
    axe(page, "safety-more")
    page.goto(page.url.replace("/safety/more/", "/check/"))
    page.get_by_label("I confirm that my answers are true").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator("#missing-summary")).to_be_visible()
    axe(page, "check-missing-answers")
    make_intake(user, visit_in_hours=24 * 30)
    page.goto("/intake/")
    axe(page, "home-list")
