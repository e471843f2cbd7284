import pytest

from tests.factories import make_intake

pytestmark = pytest.mark.django_db


def test_a_superuser_sees_an_intake_in_the_admin_without_its_answers(admin_client, patient):
    intake = make_intake(patient)
    response = admin_client.get(f"/admin/intake/intake/{intake.pk}/change/")
    assert response.status_code == 200
    assert "answers" not in response.context["adminform"].form.fields


def test_nobody_can_change_an_intake_in_the_admin(admin_client, patient):
    intake = make_intake(patient)
    admin_client.post(f"/admin/intake/intake/{intake.pk}/change/", {"status": "reviewed"})
    intake.refresh_from_db()
    assert intake.status == "draft"


def test_an_editor_cannot_see_intakes_in_the_admin(client, editor, patient):
    intake = make_intake(patient)
    client.force_login(editor)
    assert client.get(f"/admin/intake/intake/{intake.pk}/change/").status_code in (302, 403, 404)
