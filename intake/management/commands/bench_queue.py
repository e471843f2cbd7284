"""``manage.py bench_queue``: how the review queue holds up at 1,000 and 100,000 intakes.

On PostgreSQL only, in a database whose name ends in ``_bench`` (it deletes every intake
there). For each size it seeds synthetic intakes (``seed_demo``'s generator), serves the
portal with gunicorn (DEBUG off) and measures, in the same run, a bare Django view, the
queue's first page, a deep keyset page and an intake's detail page: requests per second
and p50/p95/p99 latency, then the ratios the issue sets as targets.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_rev_bench \\
        python manage.py migrate && python manage.py bench_queue
"""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from intake.models import Intake
from intake.models.review import OPEN_STATUSES
from intake.review.bench.loadgen import run_load, with_cookies_set_by
from intake.review.bench.server import gunicorn
from intake.review.seeding import seed_intakes
from intake.review.selectors import encode_cursor, queue_rows
from portal import roles

BENCH_USER = "bench.psychiatrist@example.org"
TABLES = ("intake_note", "intake_notificationoutbox", "intake_statuschange", "intake_intake")


class Command(BaseCommand):
    help = "Benchmark the review queue at two sizes on PostgreSQL (wipes a *_bench database)."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="1000,100000")
        parser.add_argument("--seconds", type=float, default=10.0, help="per endpoint")
        parser.add_argument("--concurrency", type=int, default=4)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
        parser.add_argument("--port", type=int, default=8765)

    def handle(self, *args, **options):
        self._check_database()
        sizes = sorted(int(size) for size in options["sizes"].split(","))
        self._wipe()
        results = {}
        for size in sizes:
            self._grow_to(size)
            results[size] = self._measure(size, options)
        self._report(results, sizes)

    # ---- set-up ----------------------------------------------------------------------
    def _check_database(self):
        name = connection.settings_dict["NAME"]
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark runs on PostgreSQL (set DATABASE_URL).")
        if not name.endswith("_bench"):
            raise CommandError(f"Refusing to wipe {name!r}: use a database named *_bench.")

    def _wipe(self):
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
        get_user_model().objects.filter(username__startswith="seed.").delete()
        self.stdout.write("Wiped intakes and synthetic patients.")

    def _grow_to(self, size: int):
        missing = size - Intake.objects.count()
        if missing > 0:
            started = time.monotonic()
            seed_intakes(missing, seed=size, write=lambda line: None)
            seconds = time.monotonic() - started
            self.stdout.write(f"Seeded {missing} intakes (to {size}) in {seconds:.1f} s")
        with connection.cursor() as cursor:
            # What autovacuum does after a bulk load; the planner needs fresh statistics.
            cursor.execute("VACUUM ANALYZE intake_intake")
            cursor.execute("VACUUM ANALYZE auth_user")

    def _session_cookie(self) -> str:
        user, _ = get_user_model().objects.get_or_create(
            username=BENCH_USER,
            defaults={"email": BENCH_USER, "first_name": "Bench", "last_name": "Reviewer"},
        )
        user.groups.add(Group.objects.get(name=roles.PSYCHIATRISTS))
        client = Client()
        client.force_login(user)
        return f"sessionid={client.cookies['sessionid'].value}"

    def _targets(self) -> dict[str, str]:
        open_queue = queue_rows(Intake.objects.filter(status__in=OPEN_STATUSES))
        total = open_queue.count()
        # Set-up only: find the row 80% down the queue to start a deep keyset page from.
        deep_row = open_queue[int(total * 0.8)]
        first = open_queue.first()
        return {
            "bare view": "/review/_bench/bare/",
            "bare signed-in": "/review/_bench/bare-signed-in/",
            "queue first page": "/review/",
            "queue deep page": f"/review/?after={encode_cursor(deep_row)}",
            "detail page": f"/review/i/{first['public_id']}/",
        }

    # ---- measuring -------------------------------------------------------------------
    def _measure(self, size: int, options) -> dict:
        cookie = self._session_cookie()
        targets = self._targets()
        open_count = Intake.objects.filter(status__in=OPEN_STATUSES).count()
        self.stdout.write(f"\n== {size} intakes ({open_count} open) ==")
        results = {}
        port, workers = options["port"], options["workers"]
        with gunicorn(port=port, workers=workers) as base:
            # Like a browser after its first page: it keeps the CSRF cookie it was sent.
            cookie = with_cookies_set_by(base + targets["queue first page"], cookie)
            for name, path in targets.items():
                results[name] = self._load(name, base + path, cookie, options)
        return results

    def _load(self, name: str, url: str, cookie: str, options):
        run_load(name, url, cookie=cookie, seconds=1, concurrency=2)  # warm-up
        result = run_load(
            name, url, cookie=cookie, seconds=options["seconds"],
            concurrency=options["concurrency"],
        )  # fmt: skip
        self.stdout.write(
            f"{name:32} {result.requests:6d} req {result.rps:8.1f} req/s  "
            f"p50 {result.percentile(50):6.1f} ms  p95 {result.percentile(95):6.1f} ms  "
            f"p99 {result.percentile(99):6.1f} ms  errors {result.errors}"
        )
        return result

    def _report(self, results: dict, sizes: list[int]):
        small, large = sizes[0], sizes[-1]
        self.stdout.write(f"\n== ratios ({large} vs {small} intakes) ==")
        for name in results[large]:
            ratio = results[large][name].percentile(95) / results[small][name].percentile(95)
            verdict = "ok" if ratio <= 1.25 else "ABOVE 1.25x"
            self.stdout.write(f"p95 {name:32} {ratio:5.2f}x  {verdict}")
        for size in sizes:
            for baseline in ("bare view", "bare signed-in"):
                share = results[size]["queue first page"].rps / results[size][baseline].rps
                verdict = "ok" if share >= 0.40 else "BELOW 40%"
                self.stdout.write(
                    f"queue first page throughput at {size}: {share:4.0%} of {baseline:14}  "
                    f"{verdict}"
                )
