"""A Spanish-speaking patient completes the whole intake on a phone (issue 26): at 360 px
with a Spanish browser every page says lang="es", is in Spanish and passes axe, from the
task list to the confirmation."""

import re

import pytest
from playwright.sync_api import expect

from intake.answers import HEALTH_KEYS, SIDE_EFFECT_KEYS, SUBSTANCE_KEYS
from tests.browser import PASSWORD, patient_intake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SAVE = re.compile("^(Guardar y continuar|Continuar|Guardar medicamento)$")


@pytest.fixture
def spanish_phone(chromium, live_server):
    context = chromium.new_context(
        viewport={"width": 360, "height": 780}, base_url=live_server.url, locale="es-US"
    )
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def _page(page, axe, heading: str) -> None:
    """A new page: in Spanish, with its heading, and accessible."""
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    axe(page, f"es-360px-{heading}")


def _choose(page, name: str, index: int) -> None:
    page.check(f"#id_{name}_{index}")


def _save(page) -> None:
    page.get_by_role("button", name=SAVE).click()


def _about_you(page, axe):
    page.get_by_role("link", name="Sobre usted").click()
    _page(page, axe, "Sobre usted")
    page.get_by_label("Fecha de nacimiento").fill("1971-03-14")
    page.get_by_label("Femenino").check()
    _save(page)
    _page(page, axe, "Cómo podemos comunicarnos con usted")
    page.get_by_label("Número de teléfono celular").fill("(202) 555-0143")
    page.get_by_label("Sí, pueden llamarme o enviarme mensajes de texto").check()
    page.get_by_label("¿Dónde estará durante su cita por video? Estado").select_option("NY")
    page.get_by_label("Dirección donde estará durante su cita").fill("1 Example St, Albany")
    _save(page)
    _page(page, axe, "Su cita")
    page.get_by_label("Ataques de pánico").check()
    _save(page)


def _medicines(page, axe):
    _page(page, axe, "Sus medicamentos")
    _choose(page, "add_another", 0)
    _save(page)
    _page(page, axe, "Qué toma")
    page.get_by_label("Nombre del medicamento").fill("Klonopin")
    page.get_by_label("Concentración de una tableta").fill("0.5")
    page.get_by_label("Cuántas tabletas").fill("1")
    _choose(page, "how_often", 1)
    _save(page)
    _page(page, axe, "Cómo toma Klonopin")
    page.get_by_label("¿Desde hace cuánto lo toma?").fill("6")
    _choose(page, "duration_unit", 1)
    _choose(page, "taking", 0)
    _choose(page, "prescribed", 0)
    _save(page)
    expect(page.get_by_text("1 mg al día: 1 tableta de 0.5 mg, dos veces al día")).to_be_visible()
    _choose(page, "add_another", 1)
    _save(page)


def _questions(page, axe):
    _page(page, axe, "Su historial con benzodiacepinas")
    _choose(page, "dosing", 1)
    for name in ("used_before", "tried_to_stop", "withdrawal_before", "missed_dose_symptoms",
                 "plans_to_stop"):  # fmt: skip
        _choose(page, name, 1)
    _save(page)
    _page(page, axe, "Alcohol")
    _choose(page, "audit_c_1", 0)
    _save(page)
    _page(page, axe, "Otras sustancias")
    for name in SUBSTANCE_KEYS:
        _choose(page, name, 1)
    _choose(page, "drug_use_past_year", 0)  # yes: the drug use questions follow
    _save(page)
    _page(page, axe, "Uso de drogas en los últimos 12 meses")
    for n in range(1, 11):
        _choose(page, f"dast_10_{n}", 0 if n == 3 else 1)
    _save(page)
    _page(page, axe, "Efectos secundarios")
    for name in SIDE_EFFECT_KEYS:
        _choose(page, name, 0)
    _save(page)
    _page(page, axe, "Caídas y manejo")
    _choose(page, "falls", 1)
    _choose(page, "driving", 0)
    _save(page)
    _page(page, axe, "Ansiedad")
    for n in range(1, 8):
        _choose(page, f"gad_7_{n}", 1)
    page.get_by_label("cuántos ataques de pánico tiene").fill("2")
    _save(page)
    _page(page, axe, "Estado de ánimo")
    for n in range(1, 10):
        _choose(page, f"phq_9_{n}", 0)
    _save(page)
    _page(page, axe, "Su seguridad")
    for name in ("q1", "q2", "q6"):
        _choose(page, name, 1)
    _save(page)


def _optional_sections(page, axe):
    _page(page, axe, "Problemas de salud que cambian la seguridad de los sedantes")
    for name in HEALTH_KEYS:
        _choose(page, name, 1)
    _save(page)
    _page(page, axe, "Historial psiquiátrico")
    page.get_by_label("¿Cuántas veces ha estado internado").fill("0")
    _choose(page, "therapist", 1)
    _choose(page, "took_past_medicines", 1)
    _save(page)
    _page(page, axe, "Su farmacia")
    _choose(page, "has_pharmacy", 1)
    _save(page)
    _page(page, axe, "Lo que quiere de su cita")
    page.get_by_label("¿Qué le gustaría lograr en su cita?").fill("Dormir mejor")
    expect(page.locator("#id_hopes-count")).to_have_text("Le quedan 988 caracteres")
    _save(page)


def test_a_spanish_speaking_patient_completes_the_whole_intake_at_360px(spanish_phone, axe):
    page = spanish_phone
    patient_intake("lucia@patients.example")
    page.goto("/accounts/login/")
    page.get_by_label("Correo electrónico").fill("lucia@patients.example")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    _page(page, axe, "Sus preguntas antes de la cita")  # the task list
    page.get_by_role("link", name="Consentimientos y acuerdos").click()
    _page(page, axe, "Consentimientos y acuerdos")  # signed by the factory
    page.get_by_role("link", name="Volver a sus preguntas antes de la cita").click()
    _about_you(page, axe)
    _medicines(page, axe)
    _questions(page, axe)
    _optional_sections(page, axe)

    _page(page, axe, "Revise sus respuestas")
    expect(page.get_by_text("14 de marzo de 1971")).to_be_visible()
    page.get_by_label("Confirmo que mis respuestas son verdaderas").check()
    page.get_by_role("button", name="Enviar mis respuestas").click()
    _page(page, axe, "Sus respuestas se enviaron")
    expect(page.get_by_role("heading", name="Qué pasa ahora")).to_be_visible()
