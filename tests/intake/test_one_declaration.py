"""A page declared once, in a questionnaire of this test's own, reaches every place that
shows the patient's questions: its own page, the task list, check your answers, the
psychiatrist's detail and print pages, and both FHIR resources. Nothing else is touched."""

import json

import pytest
from django.test import Client

from intake import sections as declared
from intake.forms.base import StepForm, radio_field
from tests.factories import make_intake
from tests.intake.pages import fill_intake, post_ok, submit

pytestmark = pytest.mark.django_db

QUESTION = "How well have you slept in the past week?"
SLEPT = [("well", "Well"), ("badly", "Badly, most nights")]


class SleepForm(StepForm):
    slept = radio_field(QUESTION, SLEPT, help_text="Poor sleep and anxiety feed each other.")

    @classmethod
    def initial_from(cls, answers, details):
        return {"slept": (answers.get("sleep") or {}).get("slept")}

    def store(self, answers, details):
        answers["sleep"] = {"slept": self.cleaned_data["slept"]}


SLEEP = declared.Section(
    "sleep",
    "Your sleep",
    (
        declared.Step(
            "sleep",
            "Your sleep",
            "sleep/",
            SleepForm,
            missing=lambda a, d: [] if "sleep" in a else ["How well you slept"],
            intro="One question about your sleep.",
        ),
    ),
)
QUESTIONNAIRE = declared.Questionnaire(sections=(*declared.QUESTIONNAIRE.sections, SLEEP))


@pytest.fixture(autouse=True)
def _with_the_sleep_page(settings):
    settings.INTAKE_QUESTIONNAIRE = f"{__name__}.QUESTIONNAIRE"


@pytest.fixture
def answered(client, patient):
    """Alice's intake, every page answered, sleep "badly"; not sent yet."""
    intake = make_intake(patient)
    client.force_login(patient)
    fill_intake(client, intake)
    post_ok(client, declared.step("sleep").url(intake.public_id), {"slept": "badly"})
    return intake


def _page(client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def test_the_declared_page_asks_its_question(client, patient):
    intake = make_intake(patient)
    client.force_login(patient)
    page = _page(client, declared.step("sleep").url(intake.public_id))
    assert QUESTION in page and "Badly, most nights" in page


def test_the_task_list_names_the_new_section_and_submit_waits_for_it(client, patient):
    intake = make_intake(patient)
    client.force_login(patient)
    fill_intake(client, intake)
    assert "Your sleep" in _page(client, f"/intake/{intake.public_id}/")
    submit(client, intake)
    intake.refresh_from_db()
    assert intake.status == "draft"  # refused: the sleep page is not answered


def test_check_your_answers_reads_the_answer_back(client, answered):
    page = _page(client, f"/intake/{answered.public_id}/check/")
    assert QUESTION in page and "Badly, most nights" in page


def test_the_psychiatrist_sees_it_on_the_detail_and_print_pages(client, answered, psychiatrist):
    submit(client, answered)
    answered.refresh_from_db()
    assert answered.status == "submitted"
    staff = Client()
    staff.force_login(psychiatrist)
    for address in (f"/review/i/{answered.public_id}/", f"/review/i/{answered.public_id}/print/"):
        page = _page(staff, address)
        assert QUESTION in page and "Badly, most nights" in page, address


def test_both_fhir_resources_carry_the_question_as_the_patient_saw_it(
    client, answered, psychiatrist
):
    submit(client, answered)
    staff = Client()
    staff.force_login(psychiatrist)
    definition = json.loads(_page(staff, "/review/fhir/Questionnaire/previsit-intake.json"))
    response = json.loads(_page(staff, f"/review/i/{answered.public_id}/fhir.json"))
    (defined,) = [g for g in definition["item"] if g["linkId"] == "sleep"]
    (answer,) = [g for g in response["item"] if g["linkId"] == "sleep"]
    assert defined["item"][0]["text"] == QUESTION and defined["item"][0]["type"] == "choice"
    assert answer["item"][0]["answer"] == [
        {"valueCoding": {"code": "badly", "display": "Badly, most nights"}}
    ]
