"""How every intake page reads: "Why we ask" said once, each hint before the options or the
box it describes (GOV.UK order)."""

import re

import pytest

from intake.sections import questionnaire
from tests.intake.pages import KLONOPIN, SAFETY, fill_intake, post_ok, url

pytestmark = pytest.mark.django_db


def _every_page(client, intake) -> dict[str, str]:
    """Page name -> HTML of every intake page a patient with a benzodiazepine (every page
    applies) sees, the medicine's two pages and the safety follow-ups included."""
    fill_intake(client, intake, safety={**SAFETY, "q2": "yes"})
    # "yes" to past medicines for mood or anxiety: their page applies.
    history = {"hospital_stays": "0", "therapist": "no", "took_past_medicines": "yes"}
    post_ok(client, url("psych_history", intake), history)
    pages = {key: url(key, intake) for key in questionnaire().step_order}
    pages.update(
        medication_add=url("medication_add", intake),
        medication_edit=url("medication_edit", intake, 0),
        medication_edit_how=url("medication_edit_how", intake, 0),
        check=url("check", intake),
        tasks=url("tasks", intake),
    )
    html = {}
    for name, address in pages.items():
        response = client.get(address)
        assert response.status_code == 200, name
        html[name] = response.content.decode()
    post_ok(client, url("medication_add", intake), KLONOPIN)
    html["medication_add_how"] = client.get(url("medication_add_how", intake)).content.decode()
    return html


def test_each_intake_page_says_why_we_ask_at_most_once(alice, intake):
    counts = {name: page.count("Why we ask") for name, page in _every_page(alice, intake).items()}
    assert {name: n for name, n in counts.items() if n > 1} == {}


def _hints_after_their_field(page: str) -> list[str]:
    late = []
    for match in re.finditer(r'id="id_(\w+?)_helptext"', page):
        name = match.group(1)
        first_input = re.search(rf'<(input|select|textarea)\b[^>]*\bname="{name}"', page)
        if first_input is None or first_input.start() < match.start():
            late.append(name)
    return late


def test_each_hint_comes_before_the_options_or_box_it_describes(alice, intake):
    pages = _every_page(alice, intake)
    late = {name: _hints_after_their_field(page) for name, page in pages.items()}
    assert {name: fields for name, fields in late.items() if fields} == {}
    assert sum(page.count("_helptext") for page in pages.values()) > 20  # hints were checked


def test_a_hint_is_still_named_by_its_question(alice, intake):
    page = alice.get(url("about", intake)).content.decode()
    assert re.search(r'<input[^>]*aria-describedby="id_date_of_birth_helptext"', page)
    assert re.search(r'<fieldset[^>]*aria-describedby="id_sex_at_birth_helptext"', page)


def test_a_question_is_marked_to_read_bigger_than_its_answers(alice, intake):
    page = alice.get(url("about", intake)).content.decode()
    assert re.search(r'<legend[^>]*class="question', page)
    assert re.search(r'<label[^>]*for="id_date_of_birth"[^>]*class="question', page)


def test_falls_and_driving_hints_do_not_repeat_the_pages_why_we_ask(alice, intake):
    fill_intake(alice, intake)
    page = alice.get(url("falls_driving", intake)).content.decode()
    assert page.count("make falls more likely") + page.count("can make driving unsafe") == 2
