"""Synthetic check-ins between visits at benchmark scale (``bench_queue --checkin-scores``).

Issue 27's scale point: the queue at 1M intakes *plus* 5M check-in scores. A check-in holds
two scores (PHQ-9 and GAD-7), so N scores are N / 2 check-in intakes, ``PER_PATIENT`` for
each patient whose first intake was reviewed (a patient in ongoing care), every
``INTERVAL_DAYS`` back from now. Each check-in is one of a few answer sets evaluated once
by the real clinical core (so its flags, priority and queue card are what a real submit
would store) and written in one ``INSERT ... SELECT`` per batch of patients: millions of
rows in minutes, where ``bulk_create`` would take the better part of an hour.

Where each goes follows ``intake.checkins.services.checkin_route``: one that needs review
(urgent, or a meaningful worsening) was reviewed by the patient's psychiatrist, or waits
for them when it came in the last ``OPEN_DAYS``; every other one is ``recorded``. Each
gets its status history, and each patient an active schedule (next due within the next
interval), so the reminder sweep runs against a realistic number of schedules.
"""

import json
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from ..checkins.services import RECORDED_NOTE, needs_review
from ..evaluation import evaluate_answers
from ..models import Intake, IntakeKind
from ..services import evaluation_apply

SCORES_PER_CHECKIN = 2  # the PHQ-9 and the GAD-7
PER_PATIENT = 5
INTERVAL_DAYS = 14
OPEN_DAYS = 3  # a check-in needing review that came in this recently still waits
PATIENT_BATCH = 20_000
CSSRS_NO = {"q1": False, "q2": False, "q6": False}
# (PHQ-9 items, GAD-7 items, how often): most patients steady or better, some worse.
ANSWER_SETS = (
    ([1, 1, 0, 0, 1, 0, 0, 0, 0], [1, 1, 0, 0, 1, 0, 0], 40),  # minimal
    ([1, 1, 1, 1, 1, 1, 0, 0, 0], [1, 1, 1, 1, 1, 0, 0], 25),  # mild
    ([2, 2, 1, 1, 1, 1, 1, 1, 0], [2, 2, 1, 1, 1, 1, 1], 20),  # moderate
    ([2, 2, 2, 2, 2, 1, 1, 1, 0], [2, 2, 2, 2, 1, 1, 1], 10),  # moderately severe: worse
    ([3, 3, 3, 3, 3, 3, 2, 2, 0], [3, 3, 2, 2, 2, 2, 2], 5),  # severe: urgent
)
# The earlier PHQ-9 each check-in is judged against: a rise of 5 or more is a worsening.
EARLIER = {"phq_9": {"total": 6}, "gad_7": {"total": 5}}


@dataclass(frozen=True)
class Evaluated:
    answers: dict
    evaluation: dict
    priority: str
    priority_rank: int
    risk_rank: int
    flag_codes: list
    queue_card: dict
    review: bool
    weight: int


def evaluated_sets(today) -> list[Evaluated]:
    """Each answer set as a real submit would store it."""
    sets = []
    for phq_9, gad_7, weight in ANSWER_SETS:
        answers = {"phq_9": phq_9, "gad_7": gad_7, "panic_attacks_per_week": 0,
                   "cssrs": dict(CSSRS_NO)}  # fmt: skip
        intake = Intake(kind=IntakeKind.CHECK_IN, answers=answers)
        evaluation_apply(
            intake=intake, evaluation=evaluate_answers(answers, as_of=today, earlier_scores=EARLIER)
        )
        sets.append(
            Evaluated(answers, intake.evaluation, intake.priority, intake.priority_rank,
                      intake.risk_rank, intake.flag_codes, intake.queue_card,
                      needs_review(intake), weight)
        )  # fmt: skip
    return sets


def _variants_table(cursor, sets: list[Evaluated]) -> None:
    """A temporary table of the answer sets, each owning a share of 0..99 by its weight."""
    cursor.execute(
        "CREATE TEMP TABLE seed_checkin_variant (lo int, hi int, answers jsonb, "
        "evaluation jsonb, priority text, priority_rank smallint, risk_rank smallint, "
        "flag_codes jsonb, queue_card jsonb, review boolean) ON COMMIT DROP"
    )
    lo = 0
    for one in sets:
        cursor.execute(
            "INSERT INTO seed_checkin_variant VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [lo, lo + one.weight, _json(one.answers), _json(one.evaluation), one.priority,
             one.priority_rank, one.risk_rank, _json(one.flag_codes), _json(one.queue_card),
             one.review],
        )  # fmt: skip
        lo += one.weight


def _json(value) -> str:
    return json.dumps(value)


# One batch: the patients of reviewed first intakes with ids in [%(low)s, %(high)s), each
# with PER_PATIENT check-ins every INTERVAL_DAYS, the latest within the last interval. The
# variant is drawn from a hash of the patient and the check-in's number, so a run is the
# same every time.
INSERT_CHECKINS = """
INSERT INTO intake_intake (public_id, patient_id, visit_at, kind, status, answers, details,
    reopened_sections, created_at, updated_at, submitted_at, first_submitted_at,
    submission_count, priority, priority_rank, risk_rank, safety_alert_at, evaluation,
    flag_codes, queue_card, age, assignee_id, assigned_at)
SELECT gen_random_uuid(), f.patient_id, NULL, 'check_in',
    CASE WHEN NOT v.review THEN 'recorded'
         WHEN c.at > %(now)s - make_interval(days => %(open_days)s) THEN 'submitted'
         ELSE 'reviewed' END,
    v.answers, '{}'::jsonb, '[]'::jsonb, c.at - interval '12 minutes', c.at, c.at, c.at, 1,
    v.priority, v.priority_rank, v.risk_rank, NULL, v.evaluation, v.flag_codes, v.queue_card,
    f.age, CASE WHEN v.review THEN f.assignee_id END, CASE WHEN v.review THEN c.at END
FROM intake_intake f
CROSS JOIN LATERAL (
    SELECT n, %(now)s - make_interval(days => %(interval)s * (n - 1))
        - make_interval(mins => (abs(hashint4(f.patient_id)::bigint)
            %% (%(interval)s * 1440))::int) AS at,
        abs(hashint4(f.patient_id * 31 + n)::bigint) %% 100 AS draw
    FROM generate_series(1, %(per_patient)s) AS n
) c
JOIN seed_checkin_variant v ON c.draw >= v.lo AND c.draw < v.hi
WHERE f.kind = 'first' AND f.status = 'reviewed' AND f.id >= %(low)s AND f.id < %(high)s
"""
# Each new check-in's history: opened (draft -> submitted by the patient), then recorded,
# or taken and reviewed by its psychiatrist.
INSERT_HISTORY = """
INSERT INTO intake_statuschange (intake_id, from_status, to_status, actor_id, at, note)
SELECT i.id, s.from_status, s.to_status,
    CASE WHEN s.step = 1 THEN i.patient_id WHEN s.to_status = 'recorded' THEN NULL
         ELSE i.assignee_id END,
    i.submitted_at + s.step * interval '1 minute', s.note
FROM intake_intake i
JOIN (VALUES (1, 'draft', 'submitted', '', 'any'),
             (2, 'submitted', 'recorded', %(recorded_note)s, 'recorded'),
             (2, 'submitted', 'in_review', '', 'reviewed'),
             (3, 'in_review', 'reviewed', 'Check-in reviewed.', 'reviewed'))
    AS s(step, from_status, to_status, note, applies)
  ON s.applies = 'any' OR s.applies = i.status
WHERE i.kind = 'check_in' AND i.id > %(after)s
"""
# Every patient with check-ins is on a schedule, next due somewhere in the next interval
# (some already due: what the sweep finds on its next run).
INSERT_SCHEDULES = """
INSERT INTO intake_checkinschedule (patient_id, instruments, interval_days, next_due_at,
    active, set_by_id, created_at, updated_at)
SELECT DISTINCT ON (f.patient_id) f.patient_id, '["phq_9", "gad_7"]'::jsonb, %(interval)s,
    %(now)s + make_interval(mins => ((abs(hashint4(f.patient_id)::bigint)
        %% (%(interval)s * 1440)) - 60 * 24)::int), true, f.assignee_id, %(now)s, %(now)s
FROM intake_intake f
WHERE f.kind = 'first' AND f.status = 'reviewed' AND f.id >= %(low)s AND f.id < %(high)s
ON CONFLICT (patient_id) DO NOTHING
"""


def seed_checkins(scores: int, *, write=print) -> int:
    """Add check-ins until the database holds at least ``scores`` check-in scores; returns
    how many check-ins were added."""
    wanted = -(-scores // SCORES_PER_CHECKIN)
    have = Intake.objects.filter(kind=IntakeKind.CHECK_IN).count()
    now = timezone.now()
    sets = evaluated_sets(timezone.localdate())
    added = 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM intake_intake "
                       "WHERE kind = 'first' AND status = 'reviewed'")  # fmt: skip
        low, top = cursor.fetchone()
    while have + added < wanted and low <= top:
        high = low + PATIENT_BATCH
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT coalesce(max(id), 0) FROM intake_intake")
            (after,) = cursor.fetchone()
            _variants_table(cursor, sets)
            params = {"now": now, "interval": INTERVAL_DAYS, "per_patient": PER_PATIENT,
                      "open_days": OPEN_DAYS, "low": low, "high": high, "after": after,
                      "recorded_note": RECORDED_NOTE}  # fmt: skip
            cursor.execute(INSERT_CHECKINS, params)
            added += cursor.rowcount
            cursor.execute(INSERT_HISTORY, params)
            cursor.execute(INSERT_SCHEDULES, params)
        low = high
        write(f"  {have + added} / {wanted} check-ins")
    return added
