"""Over-long text is refused with the limit, never cut short without a word."""

import re

import pytest

from intake.models import Intake
from tests.intake.pages import KLONOPIN, VISIT, url

pytestmark = pytest.mark.django_db


def _has_maxlength(html: str, name: str) -> bool:
    field = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html)
    assert field, name
    return "maxlength" in field.group(0)


def test_a_700_character_reason_is_refused_with_the_limit_and_kept(alice, intake):
    reason = "a" * 700
    response = alice.post(
        url("visit", intake), {**VISIT, "visit_reason": "other", "visit_reason_other": reason}
    )
    html = response.content.decode()
    assert "Use 500 characters or fewer (you entered 700)" in html
    assert reason in html
    intake.refresh_from_db()
    assert "visit_reason_other" not in intake.answers


def test_a_long_medicine_name_is_refused_not_cut_to_100(alice, intake):
    response = alice.post(url("medication_add", intake), {**KLONOPIN, "name": "K" * 120})
    assert "Use 100 characters or fewer for the name" in response.content.decode()
    assert Intake.objects.get(pk=intake.pk).answers.get("medications") in (None, [])


@pytest.mark.parametrize(
    ("page", "field"),
    [("visit", "visit_reason_other"), ("medication_add", "name"), ("contact", "visit_address")],
    ids=["reason", "medicine-name", "address"],
)
def test_no_field_lets_the_browser_cut_text_silently(alice, intake, page, field):
    assert not _has_maxlength(alice.get(url(page, intake)).content.decode(), field)


def test_a_long_text_field_offers_a_character_count(alice, intake):
    html = alice.get(url("visit", intake)).content.decode()
    field = re.search(r'<textarea[^>]*name="visit_reason_other"[^>]*>', html).group(0)
    assert 'data-character-limit="500"' in field
