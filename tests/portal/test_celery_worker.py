import time
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from portal import services
from portal.models import AuditEvent, Invitation

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def _wait_for(condition, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_real_worker_sends_the_invitation_email_after_commit(celery_worker, psychiatrist):
    invitation = services.invitation_create(
        email="wes@patients.example",
        first_name="Wes",
        last_name="West",
        visit_at=timezone.now() + timedelta(days=2),
        created_by=psychiatrist,
    )
    assert _wait_for(lambda: Invitation.objects.get(pk=invitation.pk).sent_at is not None)
    assert [m.to for m in mail.outbox] == [["wes@patients.example"]]
    assert AuditEvent.objects.filter(
        action="invitation.sent", object_id=str(invitation.pk)
    ).exists()
