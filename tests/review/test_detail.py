import pytest
from django.core import mail
from django.urls import reverse

from intake.models import Intake, Note
from intake.review import services
from portal.models import AuditEvent
from tests.factories import make_intake, make_submitted_intake, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(patient, psychiatrist):
    """An urgent (opioid + benzodiazepine) intake the psychiatrist has claimed."""
    intake = make_submitted_intake(patient, archetype="urgent_opioid")
    return services.intake_claim(intake_id=intake.pk, user=psychiatrist)


def _url(intake, suffix="") -> str:
    return f"/review/i/{intake.public_id}/{suffix}"


def test_a_psychiatrist_cannot_open_a_draft(client, psychiatrist, patient):
    draft = make_intake(patient)
    client.force_login(psychiatrist)
    assert client.get(_url(draft)).status_code == 404


@pytest.mark.parametrize("suffix", ["", "print/", "fhir.json"], ids=["detail", "print", "fhir"])
def test_a_patient_cannot_open_a_review_page_even_for_their_own_intake(
    client, patient, second_patient, suffix
):
    mine = make_submitted_intake(patient)
    theirs = make_submitted_intake(second_patient)
    client.force_login(patient)
    assert [client.get(_url(i, suffix)).status_code for i in (mine, theirs)] == [404, 404]


def test_the_detail_page_shows_doses_equivalents_and_cited_flags(client, psychiatrist, held):
    client.force_login(psychiatrist)
    html = client.get(_url(held)).content.decode().lower()
    for text in (
        "1 mg a day (0.5 mg tablet x 1, twice a day)",  # clonazepam daily dose
        "10-20 mg",  # its diazepam-equivalent range
        "opioid",  # the opioid + benzodiazepine flag
        "fda",  # its source
        "answers by section",
        "minimal anxiety",  # a score band with its meaning
    ):
        assert text in html


def test_a_flag_links_to_its_published_education_page(client, psychiatrist, held):
    from education import slugs
    from tests.factories import make_page

    make_page(slugs.ALCOHOL_OPIOIDS_SEDATIVES, title="Alcohol, opioids and sedatives")
    client.force_login(psychiatrist)
    html = client.get(_url(held)).content.decode()
    assert f'href="/learn/{slugs.ALCOHOL_OPIOIDS_SEDATIVES}/' in html or (
        f"{slugs.ALCOHOL_OPIOIDS_SEDATIVES}/" in html and "Alcohol, opioids and sedatives" in html
    )


def test_adding_a_note_shows_it_on_the_page(client, psychiatrist, held):
    client.force_login(psychiatrist)
    response = client.post(_url(held, "note/"), {"body": "Call before the visit."}, follow=True)
    assert "Call before the visit." in response.content.decode()


def test_an_empty_note_is_refused_beside_the_field_and_in_the_summary(client, psychiatrist, held):
    client.force_login(psychiatrist)
    response = client.post(_url(held, "note/"), {"body": "  "})
    assert response.status_code == 400 and 'id="error-summary"' in response.content.decode()
    assert not Note.objects.exists()


def test_requesting_information_reopens_sections_and_emails_only_a_link(
    client, psychiatrist, held, django_capture_on_commit_callbacks
):
    client.force_login(psychiatrist)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            _url(held, "request-information/"),
            {"sections": ["mood", "medications"], "message": "How often do you take oxycodone?"},
        )
    held.refresh_from_db()
    assert (held.status, held.reopened_sections) == ("info_requested", ["medications", "mood"])
    [email] = mail.outbox
    assert email.to == ["alice@patients.example"]
    for private in ("oxycodone", "Alice", "Klonopin", "clonazepam", "mood", "opioid"):
        assert private.lower() not in (email.subject + email.body).lower()
    assert f"/intake/{held.public_id}/" in email.body


def test_request_information_needs_a_section_and_a_message(client, psychiatrist, held):
    client.force_login(psychiatrist)
    response = client.post(_url(held, "request-information/"), {"message": ""})
    assert response.status_code == 400
    assert "Choose at least one section" in response.content.decode()


def test_marking_reviewed_needs_a_closing_note(client, psychiatrist, held):
    client.force_login(psychiatrist)
    client.post(_url(held, "reviewed/"), {"note": ""})
    assert Intake.objects.get(pk=held.pk).status == "in_review"


def test_marking_reviewed_keeps_the_closing_note_in_the_history(client, psychiatrist, held):
    client.force_login(psychiatrist)
    client.post(_url(held, "reviewed/"), {"note": "Seen; taper plan at visit."})
    last = held.status_changes.last()
    assert (last.to_status, last.note) == ("reviewed", "Seen; taper plan at visit.")


def test_only_the_holder_can_mark_reviewed(client, second_psychiatrist, held):
    client.force_login(second_psychiatrist)
    client.post(_url(held, "reviewed/"), {"note": "Not mine to close."})
    assert Intake.objects.get(pk=held.pk).status == "in_review"


def test_the_printable_summary_uses_a_print_stylesheet(client, psychiatrist, held):
    client.force_login(psychiatrist)
    html = client.get(_url(held, "print/")).content.decode()
    assert 'review/print.css" media="print"' in html and "style=" not in html


@pytest.mark.parametrize(
    ("method", "suffix", "data", "action"),
    [
        ("get", "", None, "intake.viewed"),
        ("get", "print/", None, "intake.printed"),
        ("get", "fhir.json", None, "intake.exported"),
        ("post", "note/", {"body": "A note."}, "intake.note_added"),
        ("post", "reviewed/", {"note": "Done."}, "intake.status.reviewed"),
        (
            "post",
            "request-information/",
            {"sections": ["mood"], "message": "More?"},
            "intake.status.info_requested",
        ),
    ],  # fmt: skip
    ids=["open", "print", "export", "note", "reviewed", "request-information"],
)
def test_each_action_writes_an_audit_row_without_answers(
    client, psychiatrist, held, method, suffix, data, action
):
    client.force_login(psychiatrist)
    getattr(client, method)(_url(held, suffix), data or {})
    event = AuditEvent.objects.filter(action=action, object_id=str(held.pk)).get()
    assert event.actor == psychiatrist


def test_the_audit_admin_lists_one_intakes_events_and_one_users_events(client, held, psychiatrist):
    admin = make_user("root@clinic.example", is_staff=True, is_superuser=True)
    client.force_login(psychiatrist)
    client.get(_url(held))
    client.force_login(admin)
    by_intake = client.get(
        "/admin/portal/auditevent/", {"object_type": "intake.intake", "object_id": held.pk}
    )
    by_user = client.get("/admin/portal/auditevent/", {"actor__id__exact": psychiatrist.pk})
    assert (
        by_intake.context["cl"].result_count
        == AuditEvent.objects.filter(object_type="intake.intake", object_id=str(held.pk)).count()
    )
    assert {e.actor_id for e in by_user.context["cl"].result_list} == {psychiatrist.pk}


def test_the_patients_task_list_shows_the_psychiatrists_request(client, psychiatrist, held):
    services.intake_ask_patient(
        intake_id=held.pk, user=psychiatrist, sections=["mood"], message="Any panic this week?"
    )
    client.force_login(held.patient)
    response = client.get(reverse("intake:tasks", args=[held.public_id]))
    assert "Any panic this week?" in response.content.decode()


def test_the_error_summary_links_to_the_first_section_checkbox(client, psychiatrist, held):
    client.force_login(psychiatrist)
    response = client.post(_url(held, "request-information/"), {"message": "Which tablets?"})
    html = response.content.decode()
    assert 'href="#id_sections_0"' in html and 'id="id_sections_0"' in html


def test_the_detail_page_names_the_sections_the_patient_was_asked_to_update(
    client, psychiatrist, held
):
    services.intake_ask_patient(
        intake_id=held.pk, user=psychiatrist, sections=["medications"], message="Which tablets?"
    )
    client.force_login(psychiatrist)
    html = client.get(_url(held)).content.decode()
    assert "Waiting for the patient to update:</strong> Your medicines" in html


def test_a_reviewed_intake_says_who_reviewed_it_not_who_holds_it(client, psychiatrist, held):
    services.intake_mark_reviewed(intake_id=held.pk, user=psychiatrist, note="Seen.")
    client.force_login(psychiatrist)
    html = client.get(_url(held)).content.decode()
    assert "Reviewed by" in html and "held by" not in html


def test_a_double_click_on_add_note_keeps_one_note_and_one_audit_row(client, psychiatrist, held):
    client.force_login(psychiatrist)
    for _click in range(2):
        client.post(_url(held, "note/"), {"body": "Phoned the pharmacy."})
    added = AuditEvent.objects.filter(action="intake.note_added", object_id=str(held.pk))
    assert (Note.objects.filter(intake=held).count(), added.count()) == (1, 1)


@pytest.mark.parametrize(
    "action, data, says",
    [
        ("reviewed/", {"note": "Seen."}, "already marked reviewed"),
        ("request-information/", {"sections": ["mood"], "message": "Panic?"}, "wait for them"),
    ],
    ids=["mark-reviewed", "request-information"],
)
def test_a_double_click_on_a_finishing_action_says_it_is_done_not_claim_it(
    client, psychiatrist, held, action, data, says
):
    client.force_login(psychiatrist)
    client.post(_url(held, action), data, follow=True)  # shows (and uses up) "done"
    response = client.post(_url(held, action), data, follow=True)
    assert says in response.content.decode()


def test_a_detail_page_shown_again_with_form_errors_is_an_audited_view(client, psychiatrist, held):
    client.force_login(psychiatrist)
    client.post(_url(held, "note/"), {"body": ""})
    viewed = AuditEvent.objects.filter(action="intake.viewed", object_id=str(held.pk))
    assert viewed.count() == 1


def _detail_queries(client, intake) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("review:detail", args=[intake.public_id]))
    assert response.status_code == 200
    return len(queries)


def test_the_detail_page_runs_the_same_queries_however_much_the_intake_holds(client, psychiatrist):
    """One intake with one medicine, one flag and no notes; one with two medicines, more
    flags, notes and a longer status history: the same number of queries (one for the
    flags' education pages, at most), and one audit insert each."""
    small = make_submitted_intake(make_user("small@example.org"), archetype="urgent_alcohol")
    large = make_submitted_intake(make_user("large@example.org"), archetype="urgent_opioid")
    services.intake_claim(intake_id=large.pk, user=psychiatrist)
    for n in range(3):
        services.note_add(intake=large, author=psychiatrist, body=f"Note {n}")
    client.force_login(psychiatrist)
    _detail_queries(client, small)  # warm: catalog memo, content types
    before = AuditEvent.objects.count()
    assert _detail_queries(client, small) == _detail_queries(client, large)
    assert AuditEvent.objects.count() == before + 2
