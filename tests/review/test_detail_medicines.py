"""What each flag rests on, and each medicine's details, on the detail and print pages."""

import pytest

from intake.devtools.seed_cases import CLONAZEPAM, _med, base
from intake.review.triggers import fact_words, triggers_in_words
from tests.factories import make_submitted_intake
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


def _submitted(patient, medications):
    return make_submitted_intake(patient, answers=base(medications=medications))


def _page(client, psychiatrist, intake, suffix=""):
    client.force_login(psychiatrist)
    return client.get(f"/review/i/{intake.public_id}/{suffix}").content.decode()


@pytest.mark.parametrize("suffix", ["", "print/"], ids=["detail", "print"])
def test_each_medicine_shows_how_long_how_taken_who_prescribed_and_the_typed_name(
    client, psychiatrist, patient, suffix
):
    shared = _med("Xanax", 0.5, times=1, prescribed=False, taking="more", weeks_taking=8)
    intake = _submitted(patient, [_med("Klonopin", 0.5, prescriber="Dr Lee"), shared])
    html = _page(client, psychiatrist, intake, suffix)
    for text in (
        "26 weeks (about 6 months)",
        "prescribed to the patient by Dr Lee",
        "typed ‘Klonopin’, a catalog name",
        "more than prescribed",
        "not prescribed to the patient",
        "8 weeks",
    ):
        assert text in html


@pytest.mark.parametrize("suffix", ["", "print/"], ids=["detail", "print"])
def test_each_flag_says_what_it_rests_on_in_words(client, psychiatrist, patient, suffix):
    intake = make_submitted_intake(patient, archetype="urgent_opioid")
    html = _page(client, psychiatrist, intake, suffix)
    assert (
        "Clonazepam 1 mg a day (typed ‘Klonopin’, a catalog name) with oxycodone 10 mg a day"
        in html
    )


def test_the_detail_page_runs_the_same_queries_for_one_medicine_or_eight(
    client, psychiatrist, patient, second_patient
):
    one = _submitted(patient, [CLONAZEPAM])
    # Seven recognised medicines that raise no flag: the same flags as ``one``, so only the
    # number of medicines differs.
    quiet = ["hydralazine", "Celebrex", "Zyrtec", "buspirone", "Apresoline", "celecoxib",
             "cetirizine"]  # fmt: skip
    eight = _submitted(second_patient, [_med(name, 1) for name in quiet] + [CLONAZEPAM])
    client.force_login(psychiatrist)
    counts = [page_queries(client, f"/review/i/{intake.public_id}/") for intake in (one, eight)]
    assert counts[0] == counts[1]


MEDICINES = [
    {
        "match": {"typed": "Oxycodine", "kind": "corrected", "generic": "oxycodone",
                  "counted": True},
        "matched": "typed ‘Oxycodine’, corrected to oxycodone, confirmed by the patient",
        "daily_words": "30 mg a day",
    },
    {
        "match": {"typed": "clonazepam", "kind": "exact", "generic": "clonazepam",
                  "counted": True},
        "matched": "typed ‘clonazepam’",
        "daily_words": "3 mg a day",
    },
    {
        "match": {"typed": "zz pills", "kind": "none", "generic": "", "counted": False},
        "matched": "typed ‘zz pills’, not recognised",
        "daily_words": "dose not known",
    },
]  # fmt: skip


@pytest.mark.parametrize(
    ("refs", "words"),
    [
        (
            ["medications[1]=clonazepam", "medications[0]=oxycodone"],
            "Clonazepam 3 mg a day with oxycodone 30 mg a day (typed ‘Oxycodine’, corrected "
            "to oxycodone, confirmed by the patient)",
        ),
        (
            ["medications[1].taking=more (clonazepam)",
             "medications[1].prescribed=false (clonazepam)"],
            "Clonazepam 3 mg a day (taken more than prescribed; not prescribed to the patient)",
        ),
        (
            ["medications[1]=clonazepam (3 mg/day)", "age=67"],
            "Clonazepam 3 mg a day; age: 67",
        ),
        (
            ["medications[1]=clonazepam (30 weeks daily)", "benzo_history.tried_to_stop=true"],
            "Clonazepam 3 mg a day (30 weeks daily); tried to stop and could not: yes",
        ),
        (["medications[2]=zz pills"],
         "‘zz pills’ dose not known (not recognised)"),
        (["medications[2]=zz pills (not in the catalog)"],
         "‘zz pills’ dose not known (not recognised)"),
        (["audit_c.total=5", "sex_at_birth=female"],
         "AUDIT-C total: 5; sex assigned at birth: female"),
        (["cssrs.q2=yes", "phq_9.item_9=2"], "C-SSRS Q2: yes; PHQ-9 item 9: 2"),
        (["something odd"], "Something odd"),
    ],
    ids=["two-medicines", "misuse", "dose-and-age", "history", "unrecognised",
         "unrecognised-with-the-rules-note", "audit",
         "safety", "unknown-kept"],
)  # fmt: skip
def test_a_flags_answer_references_read_as_words(refs, words):
    assert triggers_in_words({"triggered_by": refs}, MEDICINES) == words


def test_a_yes_no_answer_reads_as_a_question_and_answer():
    assert fact_words("side_effects.falls", "true") == "falls: yes"


def test_a_rule_re_run_reads_answers_saved_by_the_medicines_page(patient):
    from intake.models import Intake
    from intake.recompute import intakes_recompute

    recorded = {**CLONAZEPAM, "match": "exact", "generic": "clonazepam"}
    intake = _submitted(patient, [recorded, _med("oxycodone", 5)])
    Intake.objects.filter(pk=intake.pk).update(  # as if scored under older rules
        evaluation={"priority": "routine", "flags": [], "scores": {}},
        priority="routine",
        priority_rank=2,
        flag_codes=[],
    )
    result = intakes_recompute()
    intake.refresh_from_db()
    assert (result.failed, intake.flag_codes) == (0, ["opioid_benzo"])


@pytest.mark.parametrize("suffix", ["", "print/"], ids=["detail", "print"])
def test_the_review_pages_read_each_medicines_match_from_the_evaluation(
    client, psychiatrist, patient, suffix, monkeypatch
):
    intake = _submitted(patient, [_med("Klonopin", 0.5)])

    def no_matching(name):
        raise AssertionError(f"the name {name!r} was matched again")

    # The medicine rows are not matched again (whether the benzodiazepine history applies
    # still reads the catalog, as the patient's pages do).
    monkeypatch.setattr("intake.summary.medicine_match", no_matching)
    assert "Klonopin (clonazepam)" in _page(client, psychiatrist, intake, suffix)


@pytest.mark.parametrize(
    ("stored", "paired"),
    [(["Klonopin", "Xanax"], True), (["Xanax", "Klonopin"], False), (["Klonopin"], False)],
    ids=["same-list", "reordered-since", "removed-since"],
)
def test_a_medicine_is_paired_with_its_evaluation_only_by_name_and_place(stored, paired):
    from intake.evaluation import medicine_pair

    answers = {"medications": [{"name": name} for name in stored]}
    evaluation = {"medications": [{"input": "Klonopin"}, {"input": "Xanax"}]}
    assert (medicine_pair(answers, evaluation, 1) is not None) is paired
