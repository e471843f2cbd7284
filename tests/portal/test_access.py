import pytest
from django.urls import reverse

from portal.models import AuditEvent
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "landing"),
    [("patient", "intake:home"), ("psychiatrist", "review:queue"), ("editor", "admin:index")],
    ids=["patient", "psychiatrist", "editor"],
)
def test_each_role_lands_on_its_own_home(client, request, persona, landing):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("home"))
    assert response.url == reverse(landing)


def test_a_clinical_reviewer_lands_on_the_review_list(client):
    from tests.factories import make_clinical_reviewer

    client.force_login(make_clinical_reviewer())
    assert client.get(reverse("home")).url == reverse("admin:education_page_reviews")


def test_admin_lands_on_the_admin(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("home")).url == reverse("admin:index")


def test_a_new_user_signs_in_with_email_and_password_and_lands_on_their_home(client):
    make_user("pia@patients.example", groups=("Patients",), password="a-long-passphrase-99")
    response = client.post(
        reverse("login"),
        {"username": "pia@patients.example", "password": "a-long-passphrase-99"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("intake:home")


def test_patient_cannot_reach_the_admin(client, patient):
    client.force_login(patient)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response.url


@pytest.mark.parametrize(
    ("persona", "url_name"),
    [("patient", "review:queue"), ("psychiatrist", "intake:home"), ("editor", "review:queue")],
    ids=["patient-to-queue", "psychiatrist-to-intake", "editor-to-queue"],
)
def test_wrong_role_gets_404(client, request, persona, url_name):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse(url_name)).status_code == 404


def test_failed_login_is_audited_without_the_typed_text(client, patient):
    client.post(reverse("login"), {"username": patient.username, "password": "wrong"})
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.object_id == str(patient.pk) and event.actor is None


def test_failed_login_for_an_unknown_address_is_audited_without_the_address(client):
    client.post(reverse("login"), {"username": "nobody@x.example", "password": "wrong"})
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert "nobody" not in f"{event.object_type}{event.object_id}{event.request_id}"


def test_login_and_logout_are_audited(client):
    make_user("lou@patients.example", groups=("Patients",), password="a-long-passphrase-99")
    client.post(
        reverse("login"), {"username": "lou@patients.example", "password": "a-long-passphrase-99"}
    )
    client.post(reverse("logout"))
    signed = AuditEvent.objects.filter(action__startswith="auth.").order_by("id")
    assert list(signed.values_list("action", flat=True)) == ["auth.login", "auth.logout"]


def test_audit_events_are_append_only(patient):
    from portal.audit import record

    event = record(actor=patient, action="test.action", obj=patient)
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def test_audit_rows_carry_the_request_id_of_the_request(client, patient):
    response = client.post(reverse("login"), {"username": patient.username, "password": "nope"})
    failed = AuditEvent.objects.get(action="auth.login_failed")
    assert failed.request_id == response["X-Request-ID"]


def test_pages_send_a_strict_content_security_policy(client):
    csp = client.get(reverse("home"))["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_password_reset_email_is_sent_through_django_mail(client, mailoutbox):
    user = make_user("rae@patients.example", groups=("Patients",), password="a-long-passphrase-99")
    client.post(reverse("password_reset"), {"email": user.email})
    assert len(mailoutbox) == 1 and "/accounts/reset/" in mailoutbox[0].body


def test_pages_for_a_signed_in_patient_are_never_stored_by_the_browser(client, patient):
    client.force_login(patient)
    response = client.get(reverse("intake:home"))
    assert "no-store" in response["Cache-Control"]


def test_public_pages_for_an_anonymous_visitor_stay_cacheable(client):
    response = client.get(reverse("home"))
    assert "no-store" not in response.get("Cache-Control", "")


def test_favicon_ico_points_at_the_projects_own_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.url.endswith("portal/favicon.svg")


def test_a_stale_form_gets_a_plain_words_page_not_a_technical_one(patient):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(patient)
    response = client.post(reverse("logout"))
    assert response.status_code == 403
    assert "Please try that again" in response.content.decode()


def test_an_unknown_page_gets_the_portals_own_not_found_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and "Page not found" in response.content.decode()


def test_sign_in_after_a_timeout_says_the_saved_answers_are_kept(client):
    response = client.get(reverse("login") + "?next=/intake/")
    assert "Anything you saved is kept" in response.content.decode()


def test_content_editors_hold_the_education_permissions_and_nothing_else():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Content editors")
    labels = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert labels == {"education"} and group.permissions.count() >= 12
