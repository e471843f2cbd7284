"""The confirmation after a positive safety answer: crisis help first, contact before the
visit, and no promise that the answers wait until the visit."""

import pytest

from tests.intake.pages import MOOD, SAFETY, fill_intake, submit, url

pytestmark = pytest.mark.django_db


def _main(html: str) -> str:
    return html[html.index('<main id="main"') :]


def test_crisis_help_comes_before_the_sent_message(alice, intake):
    fill_intake(alice, intake, safety={**SAFETY, "q1": "yes"})
    submit(alice, intake)
    main = _main(alice.get(url("confirmation", intake)).content.decode())
    assert main.index("crisis-banner") < main.index("Your answers have been sent")


def test_it_says_the_team_may_call_before_the_visit_and_does_not_wait_for_it(alice, intake):
    fill_intake(alice, intake, mood={**MOOD, "phq_9_9": "2"})
    submit(alice, intake)
    html = alice.get(url("confirmation", intake)).content.decode()
    assert "They may contact you before your visit" in html
    assert "at (202) 555-0143" in html
    assert "reads your answers before your visit" not in html


def test_without_a_safety_answer_the_visit_is_when_answers_are_read(alice, intake):
    fill_intake(alice, intake)
    submit(alice, intake)
    html = alice.get(url("confirmation", intake)).content.decode()
    assert "reads your answers before your visit" in html
    assert "crisis-banner" not in html
