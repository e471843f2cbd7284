"""``manage.py bench_queue``: the portal under a clinic's mixed load, on PostgreSQL.

In a database whose name ends in ``_bench`` (it adds synthetic people and intakes there),
with ``--intakes N`` seeded first if fewer are there. It serves the portal with gunicorn
(DEBUG off, ``--workers``) and, while a *writer* claims and reviews intakes over HTTP at
``--writes`` a second, measures every page in short rounds taken in turn (so each one sees
the same machine, the same writes and the same noise): a bare view and the same view behind
the queue's sign-in (the baselines), each psychiatrist's queue page (their own filters and
page depth), the detail page, a patient saving a step and a patient submitting. Each round
runs ``--concurrency`` closed-loop clients for ``--round`` seconds; each page gets
``--seconds`` in all. It prints requests per second and p50/p95/p99 per page, the ratios
to the bare signed-in view, and (``--compare`` a smaller run's ``--out`` file) each page's
p95 against that run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_1m_bench \\
        python manage.py migrate && python manage.py bench_queue --intakes 1000000

``--checkin-scores N`` adds check-ins between visits until N scores are stored (two a
check-in, ``intake/devtools/checkin_seeding.py``) and times one run of the reminder sweep
over the schedules that adds (rolled back, so nothing is sent).
"""

import itertools
import json
import threading
import time
from datetime import timedelta
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.middleware.csrf import _get_new_csrf_string
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake.checkins.selectors import schedules_due
from intake.checkins.services import SWEEP_BATCH, checkins_owe_due
from intake.consent.models import ConsentSignature, text_sha256
from intake.consent.selectors import current_documents, shown_text
from intake.devtools.bench.loadgen import Call, LoadResult, Pacer, run_calls, send
from intake.devtools.bench.server import gunicorn
from intake.devtools.checkin_seeding import seed_checkins
from intake.devtools.seed_cases import ARCHETYPES, DETAILS
from intake.devtools.seeding import UNUSABLE, seed_intakes
from intake.models import Intake, IntakeKind
from intake.models.checkins import CheckInSchedule
from intake.models.review import queue_sort_expressions
from intake.review.selectors import QueueFilters, encode_cursor, queue_filter
from portal import mfa, roles

BARE, SIGNED_IN = "bare view", "bare signed-in view"
# Each psychiatrist's queue page: (name, filters, how far down the list the page starts).
QUEUE_PAGES = [
    ("queue: first page", {}, 0.0),
    ("queue: deep page (80%)", {}, 0.8),
    ("queue: flag self-harm", {"flag": "self_harm"}, 0.0),
    ("queue: flag benzo+opioid, page 3", {"flag": "opioid_benzo"}, "page3"),
    ("queue: reviewed", {"status": "reviewed"}, 0.0),
    ("queue: reviewed, deep (80%)", {"status": "reviewed"}, 0.8),
    ("queue: assigned to me", {"who": "mine"}, 0.0),
    ("queue: no one yet", {"who": "unassigned"}, 0.0),
    ("queue: visit tomorrow", {"visit_date": "tomorrow"}, 0.0),
]
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
ANXIETY = {f"gad_7_{n}": str(n % 4) for n in range(1, 8)} | {"panic_attacks_per_week": "2"}


class Command(BaseCommand):
    help = "The portal under a mixed clinic load (PostgreSQL, a *_bench database)."

    def add_arguments(self, parser):
        parser.add_argument("--intakes", type=int, default=0, help="seed up to this many")
        parser.add_argument(
            "--checkin-scores", type=int, default=0, help="then check-ins up to this many scores"
        )
        parser.add_argument("--seconds", type=float, default=20.0, help="per page, in all")
        parser.add_argument("--round", type=float, default=2.0, help="seconds per round")
        parser.add_argument("--concurrency", type=int, default=4)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
        parser.add_argument("--writes", type=float, default=3.0, help="claims+reviews a second")
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--out", help="write the results here (JSON)")
        parser.add_argument("--compare", help="a smaller run's --out file: p95 growth")

    def handle(self, *args, **options):
        self._check_database()
        with connection.cursor() as cursor:  # set-up only (the served portal keeps its own)
            cursor.execute("SET statement_timeout = 0")
        self._grow_to(options["intakes"], options["checkin_scores"])
        self.total = Intake.objects.exclude(status="draft").count()
        self.checkins = Intake.objects.filter(kind=IntakeKind.CHECK_IN).count()
        if self.checkins:
            self._sweep_cost()
        psychiatrists = self._people("bench.psychiatrist", roles.PSYCHIATRISTS, 10)
        targets = self._queue_targets(psychiatrists)
        pool = self._submit_pool(int(options["seconds"] * 80))
        savers = self._step_savers(20)
        self.stdout.write(
            f"== {self.total} intakes ({self.checkins} of them check-ins, "
            f"{Intake.objects.filter(status='submitted').count()} waiting); "
            f"{options['workers']} gunicorn workers, {options['concurrency']} "
            f"clients a round, writer at {options['writes']}/s =="
        )
        with gunicorn(port=options["port"], workers=options["workers"]) as base:
            results, writer_rate = self._measure(base, psychiatrists, targets, pool, savers,
                                                 options)  # fmt: skip
        self._report(results, writer_rate, options)

    # ---- set-up ----------------------------------------------------------------------
    def _check_database(self):
        name = connection.settings_dict["NAME"]
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark runs on PostgreSQL (set DATABASE_URL).")
        if not name.endswith("_bench"):
            raise CommandError(f"Refusing to write to {name!r}: use a database named *_bench.")

    def _grow_to(self, size: int, checkin_scores: int):
        missing = size - Intake.objects.exclude(kind=IntakeKind.CHECK_IN).count()
        if missing > 0:
            started = time.monotonic()
            seed_intakes(missing, seed=size, write=lambda line: None)
            seconds = time.monotonic() - started
            self.stdout.write(f"Seeded {missing} intakes (to {size}) in {seconds:.1f} s")
        if checkin_scores:
            started = time.monotonic()
            added = seed_checkins(checkin_scores, write=lambda line: None)
            seconds = time.monotonic() - started
            self.stdout.write(f"Seeded {added} check-ins (to {checkin_scores} scores) in "
                              f"{seconds:.1f} s")  # fmt: skip
        with connection.cursor() as cursor:
            # What autovacuum does after a bulk load (or a migration's backfill), for every
            # table seeding wrote: the planner needs fresh statistics (an unanalysed status
            # history of millions of rows gets a parallel scan per detail page), and a
            # vacuum still owed would run during the measurement.
            cursor.execute("VACUUM ANALYZE")

    def _sweep_cost(self):
        """One run of the reminder sweep over every schedule (rolled back: no reminder is
        kept or sent), and the plan of its read: its cost is its batch, not the patients."""
        schedules = CheckInSchedule.objects.filter(active=True).count()
        due = schedules_due(now=timezone.now()).count()
        with connection.cursor() as cursor:
            sql, params = schedules_due(now=timezone.now())[:SWEEP_BATCH].query.sql_with_params()
            cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {sql}", params)  # noqa: S608
            plan = " / ".join(line.strip() for (line,) in cursor.fetchall()[:2])
        started = time.monotonic()
        with transaction.atomic():
            taken = checkins_owe_due(batch=SWEEP_BATCH)
            transaction.set_rollback(True)
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Reminder sweep: {taken} of {due} due schedules ({schedules} active) in "
            f"{seconds * 1000:.0f} ms, {seconds * 1000 / max(taken, 1):.1f} ms each; read: {plan}"
        )

    def _people(self, prefix: str, group: str, count: int) -> list:
        User = get_user_model()
        users = []
        for n in range(count):
            user, _ = User.objects.get_or_create(
                username=f"{prefix}.{n}@example.org",
                defaults={"email": f"{prefix}.{n}@example.org", "first_name": "Bench",
                          "last_name": f"Person {n}"},
            )  # fmt: skip
            users.append(user)
        Group.objects.get(name=group).user_set.add(*users)
        return users

    def _session(self, user) -> dict:
        """A signed-in session and a CSRF secret for ``user``, as cookies and a header."""
        store = import_module(settings.SESSION_ENGINE).SessionStore()
        store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), MODEL_BACKEND
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        if mfa.mfa_required(user):  # staff sign in with their authenticator app
            store[DEVICE_ID_SESSION_KEY] = self._second_factor(user).persistent_id
        store.create()
        secret = _get_new_csrf_string()
        cookie = (f"{settings.SESSION_COOKIE_NAME}={store.session_key}; "
                  f"{settings.CSRF_COOKIE_NAME}={secret}")  # fmt: skip
        return {"Cookie": cookie, "X-CSRFToken": secret}

    def _second_factor(self, user) -> TOTPDevice:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        return device or TOTPDevice.objects.create(user=user, name="Bench app", confirmed=True)

    def _queue_targets(self, psychiatrists) -> list[tuple[str, str]]:
        """(name, path) of each psychiatrist's page; the second-to-last holds 30 intakes."""
        mine = psychiatrists[QUEUE_PAGES.index(next(p for p in QUEUE_PAGES
                                                    if p[1] == {"who": "mine"}))]  # fmt: skip
        waiting = Intake.objects.filter(status="submitted", assignee__isnull=True)
        held = list(waiting.values_list("pk", flat=True)[:30])
        Intake.objects.filter(pk__in=held).update(status="in_review", assignee=mine,
                                                  assigned_at=timezone.now())  # fmt: skip
        targets = []
        tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
        for (name, chosen, depth), user in zip(QUEUE_PAGES, psychiatrists, strict=False):
            chosen = {k: (tomorrow if v == "tomorrow" else v) for k, v in chosen.items()}
            query = dict(chosen)
            after = self._cursor(user, chosen, depth)
            if after:
                query["after"] = after
            targets.append((name, "/review/" + (f"?{urlencode(query)}" if query else "")))
        return targets

    def _cursor(self, user, chosen: dict, depth) -> str | None:
        """Set-up only: the cursor of the row ``depth`` down the list (or of page 2's end)."""
        if not depth:
            return None
        filters = QueueFilters(**{k: v for k, v in chosen.items() if k != "visit_date"})
        selected = queue_filter(user=user, filters=filters)
        index = 49 if depth == "page3" else int(selected.count() * depth)
        ordered = selected.order_by(*queue_sort_expressions()).values_list("public_id", flat=True)
        public_id = ordered[index : index + 1].first()
        return encode_cursor({"public_id": public_id}) if public_id else None

    def _patients(self, count: int, tag: str) -> list:
        User = get_user_model()
        stamp = f"{tag}.{int(time.time())}"
        users = User.objects.bulk_create(
            [User(username=f"bench.{stamp}.{n}@example.org", email=f"bench.{stamp}.{n}"
                  "@example.org", first_name="Bench", last_name="Patient", password=UNUSABLE)
             for n in range(count)]
        )  # fmt: skip
        Group.objects.get(name=roles.PATIENTS).user_set.add(*users)
        return users

    def _drafts(self, patients, answers: dict) -> list[Intake]:
        soon = timezone.now() + timedelta(days=5)
        return Intake.objects.bulk_create(
            [Intake(patient=p, visit_at=soon + timedelta(minutes=n), answers=dict(answers),
                    details=dict(DETAILS)) for n, p in enumerate(patients)]
        )  # fmt: skip

    def _submit_pool(self, size: int) -> list[tuple[dict, str]]:
        """Complete drafts, one per submit request, each with its patient's session."""
        patients = self._patients(size, "submit")
        drafts = self._drafts(patients, ARCHETYPES["routine_calm"])
        self._sign_consents(drafts)
        return [(self._session(p), f"/intake/{d.public_id}/submit/")
                for p, d in zip(patients, drafts, strict=True)]  # fmt: skip

    @staticmethod
    def _sign_consents(drafts: list[Intake]) -> None:
        """Every current consent document signed, as each patient would before sending
        (the submit refuses without them)."""
        documents = list(current_documents().values())
        ConsentSignature.objects.bulk_create(
            [ConsentSignature(document=document, intake=draft, user=draft.patient,
                              typed_name="Bench Patient", shown_text=text,
                              text_sha256=text_sha256(text), client_ip="127.0.0.1",
                              user_agent="bench_queue")
             for draft in drafts for document in documents
             for text in [shown_text(document, draft)]]
        )  # fmt: skip

    def _step_savers(self, count: int) -> list[tuple[dict, str]]:
        patients = self._patients(count, "steps")
        drafts = self._drafts(patients, ARCHETYPES["routine_calm"])
        return [(self._session(p), f"/intake/{d.public_id}/anxiety/")
                for p, d in zip(patients, drafts, strict=True)]  # fmt: skip

    # ---- measuring -------------------------------------------------------------------
    def _calls(self, base, psychiatrists, targets, pool, savers) -> dict:
        """Page name -> a function giving the next request to send."""
        sessions = [self._session(user) for user in psychiatrists]
        # A STAT intake: the fullest detail page (its flags, scores, medicines, history),
        # with check-ins' scores on its charts when there are check-ins.
        stat = Intake.objects.exclude(status="draft").filter(priority="stat")
        charted = stat.filter(kind=IntakeKind.FIRST, patient__intakes__kind=IntakeKind.CHECK_IN)
        detail = (self.checkins and charted.first()) or stat.first()
        calls = {
            BARE: lambda: Call("GET", "/review/_bench/bare/"),
            SIGNED_IN: lambda s=sessions[-1]: Call("GET", "/review/_bench/bare-signed-in/", s),
        }
        for (name, path), session in zip(targets, sessions, strict=False):
            calls[name] = lambda p=path, s=session: Call("GET", p, s)
        calls["detail page"] = lambda s=sessions[0]: Call(
            "GET", f"/review/i/{detail.public_id}/", s
        )
        body = urlencode(ANXIETY).encode()
        turn = itertools.cycle(savers)
        lock = threading.Lock()

        def step_save():
            with lock:
                session, path = next(turn)
            return Call("POST", path, session, body, ok=(302,))

        submits = iter(pool)

        def submit():
            with lock:
                one = next(submits, None)
            if one is None:
                return None
            return Call("POST", one[1], one[0], b"confirm=on", ok=(302,))

        calls["patient: save a step"] = step_save
        calls["patient: submit"] = submit
        return calls

    def _writer(self, base, psychiatrist):
        """One unit of the writer's work: take the next intake, then mark it reviewed."""
        session = self._session(psychiatrist)
        host, port = base.split("//")[1].split(":")

        def step() -> bool:
            taken = send(host, int(port), Call("POST", "/review/next/", session, b"x=1"))
            where = taken.headers.get("Location", "")
            if taken.status != 302 or "/review/i/" not in where:
                return False
            # A STAT intake also needs what was done about the safety concern.
            note = urlencode(
                {"note": "Reviewed in the benchmark.", "acknowledgement": "contacted_patient"}
            ).encode()
            done = send(host, int(port), Call("POST", where + "reviewed/", session, note))
            return done.status == 302

        return step

    def _measure(self, base, psychiatrists, targets, pool, savers, options):
        calls = self._calls(base, psychiatrists, targets, pool, savers)
        writer = Pacer(self._writer(base, psychiatrists[-2]), options["writes"])
        for name, next_call in calls.items():  # warm-up: every worker has every page ready
            run_calls(name, base, next_call, seconds=0.3, concurrency=2)
        writer.start()
        results: dict[str, LoadResult] = {}
        rounds = max(1, round(options["seconds"] / options["round"]))
        for _ in range(rounds):
            for name, next_call in calls.items():
                one = run_calls(name, base, next_call, seconds=options["round"],
                                concurrency=options["concurrency"])  # fmt: skip
                results[name] = results[name] + one if name in results else one
        return results, (writer.stop(), writer.failed)

    # ---- the report ------------------------------------------------------------------
    def _report(self, results: dict, writer, options):
        baseline = results[SIGNED_IN]
        earlier = {}
        if options["compare"]:
            with open(options["compare"]) as handle:
                earlier = json.load(handle)["pages"]
        header = (f"{'page':34} {'req/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} "
                  f"{'err':>4} {'x rps':>6} {'x p95':>6}")  # fmt: skip
        if earlier:
            header += f" {'p95 vs ' + str(earlier['_total']):>14}"
        self.stdout.write("\n" + header)
        table = {"_total": self.total}
        for name, result in results.items():
            row = {
                "rps": result.rps, "p50": result.percentile(50), "p95": result.percentile(95),
                "p99": result.percentile(99), "errors": result.errors,
                "requests": result.requests,
            }  # fmt: skip
            table[name] = row
            line = (f"{name:34} {row['rps']:7.1f} {row['p50']:7.1f} {row['p95']:7.1f} "
                    f"{row['p99']:7.1f} {row['errors']:4d} {row['rps'] / baseline.rps:6.0%} "
                    f"{row['p95'] / baseline.percentile(95):6.2f}")  # fmt: skip
            if name in earlier:
                line += f" {row['p95'] / earlier[name]['p95']:13.2f}x"
            self.stdout.write(line)
        rate, failed = writer
        self.stdout.write(
            f"\nwriter: {rate:.2f} claim+review a second ({failed} failed); latencies in ms; "
            "x rps / x p95: against the bare signed-in view"
        )
        if options["out"]:
            with open(options["out"], "w") as handle:
                json.dump({"pages": table, "writer_rate": rate}, handle, indent=1)
