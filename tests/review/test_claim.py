import pytest

from intake.models import Intake
from intake.review import services
from portal.models import AuditEvent
from tests.concurrency import run_together
from tests.factories import make_psychiatrist, make_queue_intake

pytestmark = pytest.mark.django_db


def _claim_url(intake, action="claim") -> str:
    return f"/review/i/{intake.public_id}/{action}/"


def test_claiming_puts_the_intake_in_review_with_me_as_assignee(client, psychiatrist):
    intake = make_queue_intake()
    client.force_login(psychiatrist)
    client.post(_claim_url(intake))
    intake.refresh_from_db()
    assert (intake.status, intake.assignee) == ("in_review", psychiatrist)


def test_a_second_psychiatrist_is_told_who_holds_the_intake(
    client, psychiatrist, second_psychiatrist
):
    intake = make_queue_intake()
    services.intake_claim(intake_id=intake.pk, user=second_psychiatrist)
    client.force_login(psychiatrist)
    response = client.post(_claim_url(intake), follow=True)
    assert "Ria Reyes has already claimed it" in response.content.decode()
    assert Intake.objects.get(pk=intake.pk).assignee == second_psychiatrist


def test_claiming_an_intake_i_already_hold_changes_nothing(psychiatrist):
    intake = make_queue_intake()
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    assert intake.status_changes.count() == 1


def test_take_the_next_one_claims_the_top_unclaimed_intake(client, psychiatrist):
    make_queue_intake(priority="stat", status="in_review", assignee=make_psychiatrist("x@e.org"))
    make_queue_intake(priority="routine")
    top = make_queue_intake(priority="urgent")
    client.force_login(psychiatrist)
    response = client.post("/review/next/")
    assert response.url == f"/review/i/{top.public_id}/"
    assert Intake.objects.get(pk=top.pk).assignee == psychiatrist


def test_a_double_click_on_take_the_next_one_holds_only_one_intake(client, psychiatrist):
    make_queue_intake(priority="stat")
    make_queue_intake(priority="urgent")
    client.force_login(psychiatrist)
    first, second = (client.post("/review/next/") for _click in range(2))
    assert first.url == second.url
    assert Intake.objects.filter(assignee=psychiatrist).count() == 1


def test_take_the_next_one_with_nothing_waiting_says_so(client, psychiatrist):
    client.force_login(psychiatrist)
    response = client.post("/review/next/", follow=True)
    assert "Nothing is waiting" in response.content.decode()


def test_releasing_gives_the_intake_back_to_the_queue(client, psychiatrist):
    intake = make_queue_intake()
    services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    client.force_login(psychiatrist)
    client.post(_claim_url(intake, "release"))
    intake.refresh_from_db()
    assert (intake.status, intake.assignee) == ("submitted", None)


def test_only_the_holder_can_release(client, psychiatrist, second_psychiatrist):
    intake = make_queue_intake()
    services.intake_claim(intake_id=intake.pk, user=second_psychiatrist)
    client.force_login(psychiatrist)
    client.post(_claim_url(intake, "release"))
    assert Intake.objects.get(pk=intake.pk).assignee == second_psychiatrist


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_psychiatrists_claiming_at_once_get_one_winner_and_one_refusal(
    psychiatrist, second_psychiatrist
):
    intake = make_queue_intake()
    results = run_together(
        lambda user: services.intake_claim(intake_id=intake.pk, user=user),
        [psychiatrist, second_psychiatrist],
    )
    refusals = [r for r in results if isinstance(r, services.ClaimRefused)]
    winner = Intake.objects.get(pk=intake.pk).assignee
    assert len(refusals) == 1 and refusals[0].holder == winner
    assert intake.status_changes.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_psychiatrists_taking_the_next_one_at_once_get_different_intakes(
    psychiatrist, second_psychiatrist
):
    make_queue_intake(priority="stat")
    make_queue_intake(priority="urgent")
    results = run_together(
        lambda user: services.intake_take_next(user=user), [psychiatrist, second_psychiatrist]
    )
    assert len({r.pk for r in results if isinstance(r, Intake)}) == 2


@pytest.mark.parametrize(
    ("action", "expected"),
    [("claim", "intake.claimed"), ("release", "intake.released")],
    ids=["claim", "release"],
)
def test_claim_and_release_are_audited(client, psychiatrist, action, expected):
    intake = make_queue_intake()
    if action == "release":
        services.intake_claim(intake_id=intake.pk, user=psychiatrist)
    client.force_login(psychiatrist)
    client.post(_claim_url(intake, action))
    assert AuditEvent.objects.filter(
        action=expected, actor=psychiatrist, object_id=str(intake.pk)
    ).exists()
