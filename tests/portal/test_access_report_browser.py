"""A patient reads "Who has seen my answers" on a phone, by keyboard too."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from portal import audit
from tests.browser import patient_intake, sign_in
from tests.factories import make_psychiatrist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_access_table_scrolls_by_keyboard_and_passes_axe_on_a_phone(phone_page, axe):
    intake = patient_intake("alice@patients.example")
    reader = make_psychiatrist(first_name="Samantha", last_name="Okonkwo-Fairweather")
    audit.record(actor=reader, action="intake.viewed", obj=intake)
    audit.record(actor=reader, action="intake.printed", obj=intake)
    sign_in(phone_page, "alice@patients.example")
    phone_page.goto(reverse("access_report"))
    table = phone_page.get_by_role("region", name="Staff views of your records, newest first")
    expect(table).to_contain_text("Samantha Okonkwo-Fairweather")
    table.focus()
    expect(table).to_be_focused()
    axe(phone_page, "access-report-360px")
