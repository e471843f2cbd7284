"""Bulk synthetic intakes for demos and the benchmark (``manage.py seed_demo``).

Synthetic names, emails on the reserved example.org domain, answers from
``seed_cases`` (each distinct answer set is evaluated once and reused), written with
``bulk_create`` in batches: no per-row signals, no emails, no audit rows.
"""

import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from portal import roles

from ..evaluation import evaluate_answers
from ..models import Intake, StatusChange
from ..models.intake import DRAFT_PRIORITY_RANK
from ..sections import questionnaire
from ..services import evaluation_apply
from .seed_cases import ARCHETYPES, DETAILS, EARLIER_SCORES, WEIGHTS, draft_answers, variant

BATCH = 2000
VARIANTS = 6
FIRST = ["Avery", "Blake", "Casey", "Dana", "Eden", "Finley", "Gray", "Harper", "Indy",
         "Jules", "Kai", "Lane", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Reese", "Sage",
         "Tatum", "Uma", "Vale", "Wren", "Yael", "Zion", "Arden", "Bellamy", "Corin", "Dallas",
         "Ellis"]  # fmt: skip
LAST = ["Ashgrove", "Birchwood", "Coldwater", "Dunmore", "Elmstead", "Fernhill", "Glenrock",
        "Hollowell", "Ivybridge", "Juniper", "Kestrel", "Larkspur", "Millbrook", "Northcott",
        "Oakhurst", "Pinecrest", "Quarry", "Rowan", "Stonefield", "Thornbury", "Underhill",
        "Valewood", "Westbrook", "Yarrow", "Zephyr"]  # fmt: skip
# An unusable password hash: nobody can sign in as a synthetic person.
UNUSABLE = "!"
# Open queue vs history: a small demo shows mostly open intakes; a large run looks like a
# practice with a backlog of days and a long reviewed history.
SMALL_MIX = {"draft": 10, "submitted": 45, "in_review": 15, "info_requested": 10, "reviewed": 20}
LARGE_MIX = {"draft": 4, "submitted": 6, "in_review": 2, "info_requested": 1, "reviewed": 87}
SMALL = 1000


@dataclass(frozen=True)
class Answered:
    answers: dict
    evaluation: dict


def _answer_sets(today) -> list[tuple[Answered, int]]:
    """Every archetype variant with its evaluation, and how often to draw it."""
    sets = []
    for name, answers in ARCHETYPES.items():
        for n in range(VARIANTS):
            varied = variant(answers, n)
            earlier = EARLIER_SCORES.get(name)
            evaluation = evaluate_answers(varied, as_of=today, earlier_scores=earlier)
            sets.append((Answered(varied, evaluation), WEIGHTS[name]))
    return sets


@contextmanager
def _explicit_times(*fields):
    """Let bulk_create keep the historical times we give (auto_now / auto_now_add would
    overwrite them with "now")."""
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f, _now, _add in saved:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, add in saved:
            f.auto_now, f.auto_now_add = now, add


def _psychiatrists(tag: str):
    group = Group.objects.get(name=roles.PSYCHIATRISTS)
    existing = list(group.user_set.filter(is_active=True)[:5])
    if existing:
        return existing
    users = [
        get_user_model().objects.create(
            username=f"dr.{name.lower()}.{tag}@example.org", email=f"dr.{name.lower()}.{tag}"
            "@example.org", first_name="Dr", last_name=name, password=UNUSABLE,
        )
        for name in ("Ashgrove", "Birchwood", "Coldwater")
    ]  # fmt: skip
    group.user_set.add(*users)
    return users


def _patients(count: int, tag: str, rng: random.Random, start: int):
    User = get_user_model()
    users = [
        User(
            username=f"seed.{tag}.{start + n}@example.org",
            email=f"seed.{tag}.{start + n}@example.org",
            first_name=rng.choice(FIRST),
            last_name=rng.choice(LAST),
            password=UNUSABLE,
        )
        for n in range(count)
    ]
    users = User.objects.bulk_create(users, batch_size=BATCH)
    group = Group.objects.get(name=roles.PATIENTS)
    Through = User.groups.through
    Through.objects.bulk_create(
        [Through(user_id=u.pk, group_id=group.pk) for u in users], batch_size=BATCH
    )
    return users


def _history(intake: Intake, status: str, assignee) -> list[StatusChange]:
    at = intake.submitted_at
    moves = [("draft", "submitted", intake.patient, "")]
    if status in ("in_review", "info_requested", "reviewed"):
        moves.append(("submitted", "in_review", assignee, ""))
    if status == "info_requested":
        moves.append(("in_review", "info_requested", assignee,
                      "Please tell me more about how you feel between doses."))  # fmt: skip
    if status == "reviewed":
        moves.append(("in_review", "reviewed", assignee, "Reviewed; to discuss at the visit."))
    rows = []
    for n, (src, dst, actor, note) in enumerate(moves):
        rows.append(StatusChange(intake=intake, from_status=src, to_status=dst, actor=actor,
                                 note=note, at=at + timedelta(minutes=30 * n)))  # fmt: skip
    return rows


def _intake(patient, status, answered: Answered | None, rng, now, doctors) -> Intake:
    if status == "reviewed":
        visit = now - timedelta(minutes=15 * rng.randrange(96, 96 * 365))
    else:
        visit = now + timedelta(minutes=15 * rng.randrange(4, 96 * 21))
    if status != "reviewed" and rng.random() < 0.03:
        visit = None  # not booked yet: sorts after every booked visit
    intake = Intake(patient=patient, visit_at=visit, status=status, details=dict(DETAILS))
    if answered is None:
        intake.answers, intake.priority_rank = draft_answers(), DRAFT_PRIORITY_RANK
        intake.created_at = intake.updated_at = now - timedelta(hours=rng.randrange(1, 200))
        return intake
    submitted = (visit or now) - timedelta(minutes=rng.randrange(60, 60 * 24 * 10))
    submitted = min(submitted, now - timedelta(minutes=rng.randrange(5, 600)))
    intake.answers = answered.answers
    evaluation_apply(intake=intake, evaluation=answered.evaluation)
    intake.submitted_at = intake.first_submitted_at = submitted
    intake.created_at = submitted - timedelta(minutes=rng.randrange(10, 300))
    intake.updated_at = submitted
    intake.submission_count = 1
    if status != "submitted":
        intake.assignee = rng.choice(doctors)
        intake.assigned_at = submitted + timedelta(minutes=30)
    if status == "info_requested":
        intake.reopened_sections = [rng.choice(questionnaire().section_keys)]
    return intake


# A small demo starts with every archetype once (so every priority and flag is there),
# in these statuses in turn; STAT ones wait in the queue.
DEMO_STATUSES = ("submitted", "in_review", "submitted", "reviewed", "info_requested")


def _plan(count: int, rng: random.Random, sets) -> list[tuple[str, Answered | None]]:
    """(status, answers) for each intake to make, in order."""
    answered, weights = zip(*sets, strict=True)
    mix = SMALL_MIX if count < SMALL else LARGE_MIX
    statuses = rng.choices(list(mix), weights=list(mix.values()), k=count)
    plan = [(s, None if s == "draft" else rng.choices(answered, weights)[0]) for s in statuses]
    if count < SMALL:
        firsts = [a for n, (a, _w) in enumerate(sets) if n % VARIANTS == 0]
        for n, one in enumerate(firsts[:count]):
            stat = one.evaluation["priority"] == "stat"
            plan[n] = ("submitted" if stat else DEMO_STATUSES[n % len(DEMO_STATUSES)], one)
    return plan


def seed_intakes(count: int, *, seed: int | None = None, write=print) -> int:
    """Create ``count`` synthetic intakes (with their patients and status history)."""
    rng = random.Random(seed)
    tag = f"{rng.randrange(16**6):06x}"
    now = timezone.now()
    plan = _plan(count, rng, _answer_sets(timezone.localdate()))
    doctors = _psychiatrists(tag)
    intake_fields = [Intake._meta.get_field(n) for n in ("created_at", "updated_at")]
    at_field = StatusChange._meta.get_field("at")
    done = 0
    while done < count:
        size = min(BATCH * 5, count - done)
        with transaction.atomic(), _explicit_times(*intake_fields, at_field):
            patients = _patients(size, tag, rng, done)
            intakes = [
                _intake(patient, status, answered, rng, now, doctors)
                for patient, (status, answered) in zip(
                    patients, plan[done : done + size], strict=True
                )
            ]
            Intake.objects.bulk_create(intakes, batch_size=BATCH)
            history = [
                row
                for intake in intakes
                if intake.status != "draft"
                for row in _history(intake, intake.status, intake.assignee)
            ]
            StatusChange.objects.bulk_create(history, batch_size=BATCH)
        done += size
        write(f"  {done} / {count} intakes")
    return done
