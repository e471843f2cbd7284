"""python manage.py evaluate_case FILE|-: evaluate one case (object) or many (list) as JSON.

A clinical lead runs the case library through it before a rule change ships. Invalid input
exits with status 2 and one line on stderr naming the field; never a traceback.
"""

import sys
from datetime import date

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from intake.clinical.cli import INVALID, InputError, evaluate_cases, read_cases
from intake.evaluation import catalog_entries


class Command(BaseCommand):
    help = "Evaluate intake case files (JSON object or list) and print the evaluation as JSON."
    # A data tool: it needs no URL or template checks, and answers faster without them.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="a JSON case file, or - for standard input")
        parser.add_argument(
            "--as-of",
            type=date.fromisoformat,
            help="work out ages from date_of_birth at this date (YYYY-MM-DD)",
        )

    def handle(self, *args, file: str, as_of: date | None = None, **options):
        try:
            cases = read_cases(self._read(file), as_of=as_of)
        except InputError as error:
            self._fail(str(error))
        # The catalog is read only for valid input: invalid input needs no database.
        try:
            entries = catalog_entries()
        except DatabaseError as error:
            self.stderr.write(
                f"database: cannot read the medication catalog ({type(error).__name__})"
            )
            raise SystemExit(1)
        self.stdout.write(evaluate_cases(cases, entries))

    def _read(self, file: str) -> str:
        try:
            if file == "-":
                return sys.stdin.buffer.read().decode("utf-8")
            with open(file, "rb") as handle:
                return handle.read().decode("utf-8")
        except UnicodeDecodeError:
            self._fail("input: not UTF-8 text")
        except OSError as error:
            self._fail(f"{file}: cannot read ({error.strerror or 'error'})")

    def _fail(self, line: str):
        self.stderr.write(line)
        raise SystemExit(INVALID)
