"""The detail page and the check-your-answers page cost a fixed number of queries: one
intake with a single medicine and one with six medicines, a dozen flags, notes and PDMP
checks are read with the same queries. (An intake with no flag at all saves one: there
are no education pages to look up.)"""

import copy

import pytest
from django.urls import reverse

from intake.devtools.seed_cases import ARCHETYPES, DETAILS, NO_HEALTH_CONDITIONS, _med, base
from intake.review import services
from portal.models import AuditEvent
from tests.factories import make_intake, make_patient, make_submitted_intake
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

SIX_MEDICINES_MANY_FLAGS = base(
    date_of_birth="1953-02-11",
    medications=[
        _med("Klonopin", 1, taking="more"),
        _med("Xanax", 0.5, times=1),
        _med("oxycodone", 5),
        _med("zolpidem", 10, times=1),
        _med("gabapentin", 300),
        _med("melatonin", 3, times=1),
    ],
    audit_c=[3, 2, 2],
    phq_9=[2, 2, 1, 2, 1, 2, 1, 0, 1],
    cssrs={"q1": True, "q2": False, "q6": False},
    health={**NO_HEALTH_CONDITIONS, "sleep_apnoea": True, "liver_disease": True},
)


def _busy_intake(psychiatrist):
    """Six medicines and many flags, an earlier intake to compare with, a claim, two notes
    and a PDMP check."""
    patient = make_patient("busy@patients.example")
    make_submitted_intake(patient, archetype="urgent_opioid")
    intake = make_submitted_intake(patient, answers=copy.deepcopy(SIX_MEDICINES_MANY_FLAGS))
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    for body in ("Call first.", "Ask about the oxycodone."):
        services.note_add(intake=intake, author=psychiatrist, body=body)
    services.pdmp_check_record(intake=intake, user=psychiatrist)
    return intake


def test_the_detail_page_reads_a_busy_intake_with_the_queries_of_a_plain_one(
    client, psychiatrist, patient
):
    plain = make_submitted_intake(patient, archetype="routine_drinks")  # one medicine, a flag
    busy = _busy_intake(psychiatrist)
    assert len(plain.evaluation["medications"]) == len(plain.evaluation["flags"]) == 1
    assert len(busy.evaluation["medications"]) == 6 and len(busy.evaluation["flags"]) >= 10
    client.force_login(psychiatrist)
    counts = [
        page_queries(client, reverse("review:detail", args=[i.public_id])) for i in (plain, busy)
    ]
    assert counts[0] == counts[1], counts


def test_each_read_of_the_detail_page_writes_one_audit_row(client, psychiatrist):
    busy = _busy_intake(psychiatrist)
    client.force_login(psychiatrist)
    before = AuditEvent.objects.filter(action="intake.viewed").count()
    client.get(reverse("review:detail", args=[busy.public_id]))
    assert AuditEvent.objects.filter(action="intake.viewed").count() == before + 1


def test_the_check_page_reads_six_medicines_with_the_queries_of_one(client, patient):
    one = make_intake(patient, answers=copy.deepcopy(ARCHETYPES["routine_calm"]), details=DETAILS)
    six = make_intake(
        patient,
        visit_in_hours=96,
        answers=copy.deepcopy(SIX_MEDICINES_MANY_FLAGS),
        details=DETAILS,
    )
    client.force_login(patient)
    counts = [page_queries(client, reverse("intake:check", args=[i.public_id])) for i in (one, six)]
    assert counts[0] == counts[1], counts
