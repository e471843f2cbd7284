"""The detail page's order, and what a psychiatrist sees at 1280 px without scrolling."""

import pytest

from tests.factories import make_submitted_intake

ORDER = ['id="safety-title"', 'id="flags-title"', 'id="medications-title"', 'id="scores-title"',
         'id="group-substances-title"', 'id="group-side-effects-title"',
         'id="group-histories-title"', 'id="answers-title"', 'id="history-title"']  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["", "print/"], ids=["detail", "print"])
def test_the_detail_page_runs_safety_flags_medicines_scores_then_the_rest(
    client, psychiatrist, patient, suffix
):
    intake = make_submitted_intake(patient, archetype="routine_cns_load")
    client.force_login(psychiatrist)
    html = client.get(f"/review/i/{intake.public_id}/{suffix}").content.decode()
    places = [html.index(marker) for marker in ORDER]
    assert places == sorted(places)
    assert "No positive safety answer (C-SSRS" in html
