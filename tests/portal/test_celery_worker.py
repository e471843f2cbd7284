from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from portal import services
from portal.models import AuditEvent, Invitation
from tests.waiting import wait_for

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_sends_the_invitation_email_after_commit(celery_worker, psychiatrist):
    invitation = services.invitation_create(
        email="wes@patients.example",
        first_name="Wes",
        last_name="West",
        visit_at=timezone.now() + timedelta(days=2),
        created_by=psychiatrist,
    )
    assert wait_for(lambda: Invitation.objects.get(pk=invitation.pk).sent_at is not None)
    assert [m.to for m in mail.outbox] == [["wes@patients.example"]]
    assert AuditEvent.objects.filter(
        action="invitation.sent", object_id=str(invitation.pk)
    ).exists()
