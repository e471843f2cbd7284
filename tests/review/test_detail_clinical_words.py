"""The detail page reads as a psychiatrist reads (issue 22): no raw answer keys, correct
plurals, flags by severity then clinical weight, each flag linked only to a page about its
own subject, and morphine milligram equivalents beside the diazepam equivalents."""

import re

import pytest

from intake.devtools.seed_cases import CLONAZEPAM, NO_HEALTH_CONDITIONS, _med, base
from intake.medicine_words import duration_words
from intake.review.triggers import fact_words, triggers_in_words
from tests.factories import make_submitted_intake

pytestmark = pytest.mark.django_db
RAW_KEY = re.compile(r"[a-z0-9]_[a-z0-9]|[A-Z0-9]_[A-Z0-9]")


def _page(client, psychiatrist, answers, patient) -> str:
    intake = make_submitted_intake(patient, answers=answers)
    client.force_login(psychiatrist)
    return client.get(f"/review/i/{intake.public_id}/").content.decode()


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        ("cssrs.q6_past_3_months", "false", "C-SSRS Q6 in the past 3 months: no"),
        ("phq_9.minimum_total", "24", "PHQ-9 at least (from the items answered): 24"),
        ("phq_9.item_4", "not answered", "PHQ-9 item 4: not answered"),
        ("gad_7.prorated_total", "16", "GAD-7 prorated total (one item missing): 16"),
        ("psych_history.diagnoses", "eating", "past diagnosis: an eating disorder"),
        ("health.seizures", "true", "a seizure at some time: yes"),
        ("allergy_details", "Klonopin", "allergy reported: Klonopin"),
        ("health.head_injury", "true", "head injury: yes"),
    ],
    ids=lambda v: v if "." in str(v) or "_" in str(v) else None,
)
def test_an_answer_reference_never_shows_a_raw_key(path, value, words):
    assert fact_words(path, value) == words
    assert not RAW_KEY.search(words)


def test_a_prescriber_reference_reads_as_who_prescribed_it():
    medicines = [{"match": {"counted": True, "generic": "clonazepam", "kind": "exact",
                            "typed": "clonazepam"},
                  "daily_words": "2 mg a day", "matched": ""}]  # fmt: skip
    flag = {"triggered_by": ["medications[0].prescriber=Dr Rivera (clonazepam)"]}
    assert triggers_in_words(flag, medicines) == "Clonazepam 2 mg a day (prescribed by Dr Rivera)"


@pytest.mark.parametrize(
    ("weeks", "words"),
    [(52, "52 weeks (about 1 year)"), (78, "78 weeks (about 1.5 years)"), (104, "2 years")],
)
def test_a_duration_in_years_has_the_right_plural(weeks, words):
    assert duration_words(weeks) == words


def test_opioid_with_a_benzodiazepine_is_read_before_alcohol_with_one(
    client, psychiatrist, patient
):
    answers = base(medications=[CLONAZEPAM, _med("methadone", 10, times=3)],
                   sex_at_birth="male", audit_c=[3, 2, 2])  # fmt: skip
    html = _page(client, psychiatrist, answers, patient)
    assert html.index("Benzodiazepine with opioid use disorder treatment") < html.index(
        "Benzodiazepine and a positive alcohol screen"
    )


def test_an_unrecognised_medicine_links_to_no_unrelated_page(client, psychiatrist, patient):
    answers = base(medications=[CLONAZEPAM, _med("melatonin", 3, times=1)])
    html = _page(client, psychiatrist, answers, patient)
    card = html.split("Check this medicine: not recognised", 1)[1].split("</div>", 1)[0]
    assert "Education page" not in card


def test_an_opioid_shows_its_morphine_milligram_equivalent(client, psychiatrist, patient):
    answers = base(medications=[CLONAZEPAM, _med("Percocet", 10, times=3)])
    html = _page(client, psychiatrist, answers, patient)
    assert "morphine milligram equivalent:</strong> 45 MME a day" in html
    assert "about 45 morphine milligram equivalents a day" in html


def test_a_phq_9_with_an_item_missing_shows_its_minimum_prorated_total_and_the_gap(
    client, psychiatrist, patient
):
    answers = base(phq_9=[3, 3, 3, 3, 3, 3, 3, 3, None])
    html = _page(client, psychiatrist, answers, patient)
    assert "at least 24" in html and "at least severe" in html
    assert "8 of 9 answered (item 9 not answered)" in html
    assert "Prorated (mean of the answered items x 9): 27, severe." in html
    assert "Severe depression (PHQ-9 at least 24; item 9 not answered)" in html


@pytest.mark.parametrize("suffix", ["", "print/"], ids=["detail", "print"])
def test_the_band_at_the_top_names_allergies_history_and_pregnancy(
    client, psychiatrist, patient, suffix
):
    answers = base(
        pregnant="unsure",
        allergy_details="Ativan, hives",
        psych_history={"diagnoses": ["bipolar", "anxiety"]},
        health={**NO_HEALTH_CONDITIONS, "medicine_allergies": True, "seizures": True},
    )
    intake = make_submitted_intake(patient, answers=answers)
    client.force_login(psychiatrist)
    html = client.get(f"/review/i/{intake.public_id}/{suffix}").content.decode()
    band = html.split('class="prescribing-band', 1)[1].split("</section>", 1)[0]
    for text in ("Medicine allergies:", "Ativan, hives", "Bipolar disorder",
                 "A seizure at some time", "May be pregnant"):  # fmt: skip
        assert text in band
    assert html.index("prescribing-band") < html.index('id="medications-title"')


def test_the_band_says_not_answered_rather_than_none(client, psychiatrist, patient):
    answers = base()
    answers.pop("health")
    html = _page(client, psychiatrist, answers, patient)
    band = html.split('class="prescribing-band', 1)[1].split("</section>", 1)[0]
    assert band.count("not answered") == 3
