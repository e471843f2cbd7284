"""A Spanish-speaking patient on a phone (issue 26): at 360 px with a Spanish browser the
sign-in page and the intake home are in Spanish, say lang="es", and have no axe-core
violations; the switch back to English works without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from portal import roles
from tests.browser import PASSWORD, user_with_password

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def spanish_phone(chromium, live_server):
    context = chromium.new_context(
        viewport={"width": 360, "height": 780}, base_url=live_server.url, locale="es-US"
    )
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def test_sign_in_and_the_intake_home_in_spanish_at_360px(spanish_phone, axe):
    page = spanish_phone
    user_with_password("lucia@patients.example", groups=(roles.PATIENTS,))
    page.goto("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Iniciar sesión")
    axe(page, "sign-in-es-360px")

    page.get_by_label("Correo electrónico").fill("lucia@patients.example")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    expect(page).to_have_url(re.compile(r"/intake/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sus preguntas antes de la cita")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    axe(page, "intake-home-es-360px")

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your pre-visit questions")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_switch_works_with_javascript_off(chromium, live_server):
    context = chromium.new_context(
        viewport={"width": 360, "height": 780}, base_url=live_server.url,
        java_script_enabled=False, locale="en-US",
    )  # fmt: skip
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        page.get_by_role("button", name="Español").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Iniciar sesión")
    finally:
        context.close()
