"""The submit's locked read brings the consent signatures' state and the earlier totals
(``intake.services.submit_reads``): what the submit decides from them is what it decides
from its own queries."""

import copy
from datetime import UTC, datetime

import pytest
from django.db import transaction
from django.urls import reverse

from intake.consent.selectors import consent_complete
from intake.devtools.seed_cases import ARCHETYPES, DETAILS, base
from intake.models import Intake
from intake.services import submit_reads
from intake.trends import earlier_scores
from tests.clinical.helpers import answers_totalling
from tests.factories import make_intake, make_submitted_intake, sign_consents

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _phq(total: int) -> list:
    return answers_totalling(total, 8, 3) + [0]


def _locked(intake) -> Intake:
    return Intake.objects.select_for_update().annotate(**submit_reads()).get(pk=intake.pk)


def _send(client, intake):
    client.force_login(intake.patient)
    return client.post(reverse("intake:submit", args=[intake.public_id]), {"confirm": "on"})


@pytest.mark.parametrize(("later", "fires"), [(14, True), (13, False)])
def test_a_submit_compares_with_the_earlier_total_it_read_with_the_intake(
    client, patient, later, fires
):
    first = make_submitted_intake(patient, answers=base(phq_9=_phq(9)))
    Intake.objects.filter(pk=first.pk).update(submitted_at=datetime(2026, 9, 1, tzinfo=UTC))
    draft = make_intake(
        patient, answers=base(phq_9=_phq(later)), details=dict(DETAILS), visit_in_hours=96
    )

    _send(client, draft)

    draft.refresh_from_db()
    assert draft.status == "submitted"
    assert ("phq9_worsening" in draft.flag_codes) is fires


def test_the_read_totals_are_the_ones_the_submit_would_query(patient):
    make_submitted_intake(patient, answers=base(phq_9=_phq(9)))
    draft = make_intake(patient, answers=base(phq_9=_phq(20)), visit_in_hours=96)
    with transaction.atomic():
        locked = _locked(draft)
    assert earlier_scores(locked, locked.earlier_totals) == earlier_scores(locked)
    assert earlier_scores(locked)["phq_9"]["total"] == 9


def test_a_withdrawal_read_with_the_intake_holds_it_back(client, patient):
    draft = make_intake(
        patient, answers=copy.deepcopy(ARCHETYPES["routine_calm"]), details=dict(DETAILS)
    )
    sign_consents(draft)
    client.force_login(patient)
    client.post(reverse("intake:consent_withdraw", args=[draft.public_id, "telehealth"]))
    with transaction.atomic():
        locked = _locked(draft)
    assert consent_complete(locked, locked.signature_facts) is False

    response = _send(client, draft)

    assert "Consent to care by video" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_signed_documents_read_with_the_intake_let_it_be_sent(client, patient):
    draft = make_intake(
        patient, answers=copy.deepcopy(ARCHETYPES["routine_calm"]), details=dict(DETAILS)
    )
    with transaction.atomic():
        assert consent_complete(_locked(draft), _locked(draft).signature_facts) is True

    _send(client, draft)

    draft.refresh_from_db()
    assert draft.status == "submitted"
