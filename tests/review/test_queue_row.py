"""A queue row's visit reason and one-line medicine summary; the queue on a phone."""

import re

import pytest
from playwright.sync_api import expect

from intake.devtools.seed_cases import _med, base
from intake.review.queue_view import medicine_summary, visit_reason_words
from portal import roles
from tests.browser import sign_in
from tests.factories import make_queue_intake, make_submitted_intake, make_user

QUEUE = "/review/"


def _m(generic, daily_mg, drug_class="other", typed=None):
    return {"input": typed or generic, "generic": generic, "class": drug_class,
            "daily_mg": daily_mg}  # fmt: skip


@pytest.mark.parametrize(
    ("medications", "expected"),
    [
        (None, "No medicines"),
        ([], "No medicines"),
        ([_m("escitalopram", 10.0)], "escitalopram 10 mg/day"),
        # The benzodiazepine leads, wherever it is listed.
        ([_m("sertraline", 50.0), _m("gabapentin", 600.0),
          _m("clonazepam", 1.0, "benzodiazepine")], "clonazepam 1 mg/day + 2 others"),
        ([_m("clonazepam", 0.5, "benzodiazepine"), _m("sertraline", 50.0)],
         "clonazepam 0.5 mg/day + 1 other"),
        # Unrecognised: the typed name, no dose when none was computed.
        ([_m(None, None, typed="Sleepwell")], "Sleepwell"),
    ],
    ids=["none", "empty", "one", "benzo-leads", "one-other", "unrecognised"],
)  # fmt: skip
def test_medicine_summary(medications, expected):
    assert medicine_summary(medications) == expected


@pytest.mark.parametrize(
    ("reason", "other", "expected"),
    [
        ("panic", None, "Panic attacks"),
        ("gad", "", "Generalised anxiety"),
        ("other", "  sleep   and\nwork ", "Other: sleep and work"),
        ("other", "x" * 80, "Other: " + "x" * 59 + "\u2026"),
        ("other", "", "Something else"),
        (None, None, ""),
    ],
    ids=["panic", "gad", "other", "other-long", "other-blank", "not-answered"],
)
def test_visit_reason_words(reason, other, expected):
    assert visit_reason_words(reason, other) == expected


@pytest.mark.django_db
def test_a_queue_row_shows_the_visit_reason_and_a_medicine_summary(
    client, psychiatrist, patient, second_patient
):
    make_submitted_intake(patient, archetype="routine_cns_load")  # panic; clonazepam + 2
    make_queue_intake(second_patient, evaluation={"medications": []})
    client.force_login(psychiatrist)
    html = client.get(QUEUE).content.decode()
    assert "Panic attacks" in html
    assert "clonazepam 1 mg/day + 2 others" in html
    assert "No medicines" in html


PASSWORD = "quiet-harbour-queue-2026"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_queue_is_a_list_that_does_not_scroll_sideways(phone_page, axe):
    make_user("dr.kim@clinic.example", groups=(roles.PSYCHIATRISTS,), password=PASSWORD)
    for n, archetype in enumerate(("routine_cns_load", "urgent_opioid", "stat_item_9")):
        person = make_user(f"p{n}@patients.example", groups=(roles.PATIENTS,),
                           first_name=f"Person{n}", last_name="Waiting")  # fmt: skip
        make_submitted_intake(person, archetype=archetype, visit_in_hours=24 + n)
    other = make_user("o@patients.example", groups=(roles.PATIENTS,), first_name="Olive",
                      last_name="Other")  # fmt: skip
    from intake.devtools.seed_cases import DETAILS
    from intake.models import Intake
    from intake.services import intake_submit
    from tests.factories import make_intake

    long_reason = base(visit_reason="other", visit_reason_other="trouble sleeping " * 20,
                       medications=[_med("Klonopin", 0.5)])  # fmt: skip
    intake_submit(intake_id=make_intake(other, answers=long_reason, details=dict(DETAILS)).pk,
                  patient=other)  # fmt: skip
    assert Intake.objects.filter(status="submitted").count() == 4
    sign_in(phone_page, "dr.kim@clinic.example", PASSWORD)
    phone_page.goto(QUEUE)
    row = phone_page.locator("table.queue-table tbody tr").filter(has_text="Person0 Waiting")
    expect(row).to_contain_text("Panic attacks")
    expect(row).to_contain_text("clonazepam 1 mg/day + 2 others")
    # Each value is labelled by its column on the phone (the label is part of its name).
    expect(row.get_by_role("cell", name=re.compile(r"^Visit: \w{3} \d"))).to_be_visible()
    sizes = phone_page.evaluate(
        """() => { const r = document.querySelector('.queue-table').closest('[role=region]');
                   return [r.scrollWidth, r.clientWidth, document.documentElement.scrollWidth,
                           window.innerWidth]; }"""
    )
    assert sizes[0] <= sizes[1] and sizes[2] <= sizes[3], sizes
    # One card per intake, stacked: the second row starts below the first one ends.
    boxes = [r.bounding_box() for r in phone_page.locator(".queue-table tbody tr").all()]
    assert len(boxes) == 4 and all(b["width"] <= 360 for b in boxes)
    assert all(a["y"] + a["height"] <= b["y"] for a, b in zip(boxes, boxes[1:], strict=False))
    axe(phone_page, "review-queue-phone-list")
