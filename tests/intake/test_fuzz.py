"""Any input to any intake page: an answer or an error message, never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.forms import MedicationForm, MedicationsDoneForm
from tests.factories import make_intake
from tests.intake.pages import (
    KLONOPIN,
    MOOD,
    SAFETY,
    STEP_DATA,
    add_medicine,
    form_of,
    post_ok,
    question_pages,
    url,
)

QUESTION_PAGES = question_pages()

pytestmark = pytest.mark.django_db

TRICKY = st.sampled_from(
    ["", " ", "0", "-1", "1e400", "NaN", "Infinity", "-0", "0.0001", "99999999999999999999",
     "2.5", "7", "yes", "no", "as_needed", "other", "9999-12-31", "0001-01-01", "1960-02-30",
     "\x00", "<script>", "ünïcødé", "1" * 600, "weeks", "years", "female", "gad"]
)  # fmt: skip
VALUE = st.one_of(TRICKY, st.text(max_size=40))


def _fields(form_class, **kwargs) -> list[str]:
    return list(form_class(**kwargs).fields) + ["unexpected", "csrfmiddlewaretoken"]


def _payload(names):
    return st.dictionaries(st.sampled_from(names), st.one_of(VALUE, st.lists(VALUE, max_size=3)))


SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def alice_with_intake(client, patient):
    intake = make_intake(patient)
    client.force_login(patient)
    add_medicine(client, intake, KLONOPIN)
    post_ok(client, url("mood", intake), {**MOOD, "phq_9_9": "2"})
    post_ok(client, url("safety", intake), {**SAFETY, "q2": "yes", "q6": "yes"})
    return client, intake


def _names_for(step_key, intake) -> list[str]:
    return _fields(form_of(step_key), intake=intake) + list(STEP_DATA.get(step_key, {}))


@pytest.mark.parametrize("step_key", list(QUESTION_PAGES), ids=list(QUESTION_PAGES))
def test_no_post_to_a_question_page_gives_a_server_error(alice_with_intake, step_key):
    client, intake = alice_with_intake

    @SETTINGS
    @given(data=_payload(_names_for(step_key, intake)))
    def run(data):
        assert client.post(url(step_key, intake), data).status_code < 500

    run()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("medication_add", ()),
        ("medication_edit", (0,)),
        ("medication_edit", (99,)),
        ("medications", ()),
    ],
    ids=["add", "edit", "edit-missing", "list"],
)
def test_no_post_to_a_medicine_page_gives_a_server_error(alice_with_intake, name, args):
    client, intake = alice_with_intake
    # "key" names the medicine a change page showed (a tab may hold an old one).
    names = _fields(MedicationForm) + _fields(MedicationsDoneForm, intake=intake) + ["key"]

    @SETTINGS
    @given(data=_payload(names))
    def run(data):
        assert client.post(url(name, intake, *args), data).status_code < 500

    run()


@pytest.mark.parametrize(
    ("name", "args"),
    [("medication_remove", (0,)), ("submit", ()), ("medication_remove", (99,))],
    ids=["remove", "submit", "remove-missing"],
)
def test_no_post_to_an_action_gives_a_server_error(alice_with_intake, name, args):
    client, intake = alice_with_intake

    @SETTINGS
    @given(data=_payload(["key", "confirm", "unexpected"]))
    def run(data):
        assert client.post(url(name, intake, *args), data).status_code < 500

    run()
