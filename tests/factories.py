"""Factories for test data, in one place."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from portal import roles


def make_user(username: str, *, groups=(), password: str | None = None, **extra):
    user = get_user_model().objects.create(
        username=username,
        email=username,
        first_name=extra.pop("first_name", "Test"),
        last_name=extra.pop("last_name", username.split("@")[0].title()),
        **extra,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    user.groups.add(*Group.objects.filter(name__in=groups))
    if roles.is_staff_account(user):
        give_second_factor(user)
    return user


def give_second_factor(user):
    """A confirmed authenticator-app device, as staff have after enrolling."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)


def second_factor_code(user) -> str:
    """The code the user's app shows now. The device forgets the last code it accepted, so a
    test may sign the same person in twice within one 30-second step."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=user, confirmed=True)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def make_patient(username="alice@patients.example", **extra):
    return make_user(username, groups=(roles.PATIENTS,), **extra)


def make_psychiatrist(username="sam@clinic.example", **extra):
    return make_user(username, groups=(roles.PSYCHIATRISTS,), **extra)


def make_editor(username="eve@clinic.example", **extra):
    return make_user(username, groups=(roles.CONTENT_EDITORS,), is_staff=True, **extra)


def make_clinical_reviewer(username="rex@clinic.example", *, credentials="MD", **extra):
    """A clinical reviewer (staff, group "Clinical reviewers") with a reviewer profile."""
    from education.models import ReviewerProfile

    user = make_user(username, groups=(roles.CLINICAL_REVIEWERS,), is_staff=True, **extra)
    ReviewerProfile.objects.create(user=user, credentials=credentials)
    return user


def make_invitation(
    *, created_by, email="new.patient@patients.example", hours_to_visit=48, **extra
):
    from portal.models import Invitation

    return Invitation.objects.create(
        email=email,
        first_name=extra.pop("first_name", "Nora"),
        last_name=extra.pop("last_name", "Newman"),
        visit_at=timezone.now() + timedelta(hours=hours_to_visit),
        created_by=created_by,
        **extra,
    )


def make_intake(patient, *, visit_in_hours: int | None = 72, consents: bool = True, **fields):
    """A draft intake for ``patient`` (their visit ``visit_in_hours`` from now, or none).

    ``consents``: the patient has signed every consent document in its current version, as
    they would on the consent pages before sending (False: none signed yet)."""
    from intake.models import Intake

    visit_at = None if visit_in_hours is None else timezone.now() + timedelta(hours=visit_in_hours)
    intake = Intake.objects.create(patient=patient, visit_at=visit_at, **fields)
    if consents:
        sign_consents(intake, every=True)
    return intake


def make_topic(slug="anxiety-basics", **extra):
    from education.models import Topic

    return Topic.objects.create(slug=slug, title=extra.pop("title", slug.title()), **extra)


def make_page(
    slug="a-page",
    *,
    topic=None,
    published=True,
    approved_by=None,
    body="## Hello\n\nSome text.",
    **extra,
):
    """An education page saved through the services, so it has revisions like real ones.

    ``published``: live (unapproved, like seed content); ``approved_by``: a clinical
    reviewer approved it, so it is live with their stamp."""
    from education import services
    from education.models import Page

    page = Page(
        topic=topic or make_topic(f"topic-for-{slug}"),
        slug=slug,
        title=extra.pop("title", slug.replace("-", " ").capitalize()),
        summary=extra.pop("summary", "A short summary."),
        body=body,
        **extra,
    )
    services.page_save(page=page, author=None, change_note="Made by a test.")
    if approved_by is not None:
        services.page_submit(page=page, actor=None)
        services.page_approve(page=page, reviewer=approved_by)
    elif published:
        services.page_seed_live(page=page, revision=page.revisions.first())
    return Page.objects.get(pk=page.pk)


def sign_consents(intake, *, user=None, every: bool = False):
    """Sign every document the intake needs (``every``: every document, needed or not, so
    answers changed later need no new signature), in its current version, as the patient
    would on the consent pages (the typed name is the name on record)."""
    from intake.consent.selectors import consent_missing, current_documents, shown_text
    from intake.consent.services import consent_sign

    user = user or intake.patient
    if every:
        documents = list(current_documents().values())
    else:
        documents = [state.document for state in consent_missing(intake)]
    for document in documents:
        consent_sign(
            intake=intake,
            document=document,
            user=user,
            typed_name=user.get_full_name(),
            shown_text=shown_text(document, intake),
            client_ip="127.0.0.1",
            user_agent="tests",
            email_copy=False,
        )
    return intake


def make_submitted_intake(
    patient, *, archetype="routine_calm", answers=None, visit_in_hours=72, **fields
):
    """An intake submitted through the real submit service (evaluation, signal, history),
    answered with one of the review queue's synthetic archetypes, or with ``answers``."""
    from intake.devtools.seed_cases import ARCHETYPES, DETAILS
    from intake.services import intake_submit

    intake = make_intake(
        patient,
        visit_in_hours=visit_in_hours,
        answers=ARCHETYPES[archetype] if answers is None else answers,
        details=dict(DETAILS),
        **fields,
    )
    return intake_submit(intake_id=intake.pk, patient=patient)


def make_queue_intake(patient=None, *, priority="routine", status="submitted", **fields):
    """A queue row written directly (no evaluation run): for ordering and paging tests. Its
    queue card is worked out from ``evaluation`` and ``answers`` as the services do."""
    from intake.models import PRIORITY_RANK, Intake
    from intake.queue_card import queue_card

    now = timezone.now()
    patient = patient or make_patient(f"p{Intake.objects.count()}-{now.timestamp()}@example.org")
    values = {
        "visit_at": now + timedelta(days=2),
        "submitted_at": now - timedelta(hours=1),
        "flag_codes": [],
        "evaluation": {"scores": {"gad_7": {"total": 3, "band": "minimal"}}},
        **fields,
    }
    values.setdefault("queue_card", queue_card(values["evaluation"], values.get("answers", {})))
    return Intake.objects.create(
        patient=patient,
        status=status,
        priority=priority,
        priority_rank=PRIORITY_RANK[priority],
        submission_count=1,
        **values,
    )


def sign_in_through_the_forms(client, user, password: str):
    """Sign in as a person does: the password form, then, for staff, the code from their
    app. Returns the password form's response."""
    from portal import mfa

    response = client.post("/accounts/login/", {"username": user.username, "password": password})
    if response.status_code == 302 and (mfa.mfa_required(user) or mfa.mfa_enrolled(user)):
        code = client.post("/accounts/mfa/verify/", {"token": second_factor_code(user)})
        assert code.status_code == 302, code.content.decode()[:500]
    return response
