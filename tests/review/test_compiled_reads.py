"""A read compiled once (intake/compiled.py) answers as its queryset does, for any values."""

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from intake.compiled import CompiledRead, NotCompilable
from intake.models import Intake
from intake.review.selectors import person_name
from tests.factories import make_patient, make_queue_intake

pytestmark = pytest.mark.django_db


def _cards(*, patient_id: int):
    return Intake.objects.filter(patient_id=patient_id).order_by("pk").values("pk", "queue_card")


def _statuses(*, ids: list[int]):
    return Intake.objects.filter(pk__in=ids).order_by("pk").values_list("status", flat=True)


@pytest.fixture
def two_patients():
    alice, bob = make_patient("a@example.org"), make_patient("b@example.org")
    make_queue_intake(alice, priority="stat")
    make_queue_intake(bob, status="in_review")
    make_queue_intake(bob, status="reviewed")
    return alice, bob


def test_each_value_gets_the_rows_its_queryset_gets(two_patients):
    cards = CompiledRead(_cards)
    for patient in two_patients:
        assert cards(patient_id=patient.pk) == list(_cards(patient_id=patient.pk))


def test_a_json_column_comes_back_decoded(two_patients):
    alice, _bob = two_patients
    (row,) = CompiledRead(_cards)(patient_id=alice.pk)
    assert isinstance(row["queue_card"], dict)


def test_a_list_of_ids_is_compiled_per_length(two_patients):
    statuses = CompiledRead(_statuses)
    ids = list(Intake.objects.order_by("pk").values_list("pk", flat=True))
    assert statuses(ids=ids[1:]) == ["in_review", "reviewed"]
    assert statuses(ids=ids[:1]) == ["submitted"]


def _made_before_now(*, patient_id: int):
    made = Intake.objects.filter(patient_id=patient_id, created_at__lt=timezone.now())
    return made.values_list("pk", flat=True)


def test_a_value_the_build_works_out_itself_is_never_frozen_into_the_sql(two_patients):
    alice, _bob = two_patients
    made_before_now = CompiledRead(_made_before_now)
    assert len(made_before_now(patient_id=alice.pk)) == 1
    make_queue_intake(alice, priority="urgent")
    assert len(made_before_now(patient_id=alice.pk)) == 2


def test_such_a_read_is_refused_by_the_compiler(two_patients):
    with pytest.raises(NotCompilable):
        CompiledRead(_made_before_now)._compile({}, {"patient_id": two_patients[0].pk})


def _held(*, public_id):
    held = Intake.objects.select_related("patient").filter(public_id=public_id)
    return held.annotate(assignee_name=person_name("assignee_id"))


def test_model_rows_come_with_their_related_objects_and_annotations(two_patients, psychiatrist):
    intake = make_queue_intake(two_patients[0], status="in_review", assignee=psychiatrist)

    (read,) = CompiledRead(_held)(public_id=intake.public_id)

    assert (read.pk, read.queue_card, read.assignee_name) == (
        intake.pk, intake.queue_card, "Sam Stone")  # fmt: skip
    assert read.patient == two_patients[0] and "patient" in read._state.fields_cache


@pytest.mark.django_db(transaction=True)
def test_a_locking_read_needs_its_transaction(two_patients):
    locked = CompiledRead(
        lambda *, pk: Intake.objects.select_for_update().filter(pk=pk).values_list("pk")
    )
    intake = Intake.objects.first()
    with pytest.raises(TransactionManagementError):
        locked(pk=intake.pk)
    with transaction.atomic():
        assert locked(pk=intake.pk) == [(intake.pk,)]


@pytest.mark.postgres
def test_a_prepared_read_is_kept_by_postgresql_and_answers_for_each_value(two_patients):
    cards = CompiledRead(_cards, prepared=True)
    runs = [(p, cards(patient_id=p.pk)) for _ in range(4) for p in two_patients]

    assert all(rows == list(_cards(patient_id=p.pk)) for p, rows in runs)
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any('"intake_intake"."queue_card"' in statement for statement in prepared)


@pytest.mark.postgres
def test_a_prepared_read_is_counted_as_any_query(two_patients):
    cards = CompiledRead(_cards, prepared=True)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(6):
            cards(patient_id=two_patients[0].pk)
    assert len(queries) == 6
