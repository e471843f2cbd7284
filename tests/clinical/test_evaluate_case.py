"""The evaluate_case command: the case library, lists, stdin, and invalid input (exit 2)."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.clinical.case import TOP_KEYS
from intake.clinical.cli import evaluate_text
from tests.clinical.helpers import ENTRIES

CASES = Path(__file__).parent / "cases"
LIBRARY = sorted(p for p in CASES.glob("*.json") if not p.name.endswith(".expected.json"))
ROOT = Path(__file__).resolve().parents[2]


def run(*args, stdin: str | None = None) -> tuple[int, str, str]:
    """The command as a clinical lead runs it: a separate process, exit status, both streams."""
    done = subprocess.run(
        [sys.executable, "manage.py", "evaluate_case", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ.copy(),
        timeout=60,
    )
    return done.returncode, done.stdout, done.stderr


def run_in_process(monkeypatch, *args, stdin: str = "") -> tuple[int, str, str]:
    """The same command called in this process: exit status, stdout, stderr."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("evaluate_case", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def command_output(*args) -> object:
    out = io.StringIO()
    call_command("evaluate_case", *args, stdout=out)
    return json.loads(out.getvalue())


def test_the_case_library_holds_at_least_20_cases_each_with_its_expected_output():
    assert len(LIBRARY) >= 20
    assert all(p.with_suffix(".expected.json").exists() for p in LIBRARY)


@pytest.mark.django_db
@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_the_command_answers_each_library_case_as_expected(path):
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    assert command_output(str(path)) == expected


@pytest.mark.django_db
def test_a_list_of_cases_gives_a_list_of_evaluations_in_order(tmp_path):
    many = tmp_path / "library.json"
    many.write_text(json.dumps([json.loads(p.read_text()) for p in LIBRARY]))
    expected = [json.loads(p.with_suffix(".expected.json").read_text()) for p in LIBRARY]
    assert command_output(str(many)) == expected


@pytest.mark.django_db
def test_the_command_reads_standard_input_for_a_dash(monkeypatch):
    text = '{"age": 70, "medications": [{"name": "Xanax", "strength_mg": 0.5, "times_per_day": 1}]}'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert command_output("-")["priority"] == "urgent"


@pytest.mark.django_db
def test_the_as_of_option_sets_the_date_ages_are_worked_out_at(tmp_path):
    case = tmp_path / "case.json"
    case.write_text('{"date_of_birth": "1961-11-25"}')
    assert command_output(str(case), "--as-of", "2026-11-24")["age"] == 64


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('{"medications": [{"name": "a", "strength_mg": 1}, {"name": "b", "strength_mg": 0}]}',
         "medications[1].strength_mg: must be a number above 0"),
        ('[{}, {}, {}, {"age": 130}]', "[3].age: must be a whole number from 0 to 120"),
        ('[{}, "x"]', "[1]: must be a JSON object"),
        ('{"age": 30,}', "input: not valid JSON (Expecting property name enclosed in double "
         "quotes, line 1 column 12)"),
        ("", "input: not valid JSON (Expecting value, line 1 column 1)"),
        ("42", "input: must be a JSON object (one case) or a list of them"),
        ('{"phq9": [0, 0, 0, 0, 0, 0, 0, 0, 0]}', "phq9: unknown key (check the spelling)"),
    ],
    ids=["bad-field", "bad-field-in-a-list", "non-object-in-a-list", "invalid-json", "empty",
         "not-an-object", "typo"],
)  # fmt: skip
def test_invalid_input_exits_2_with_one_line_naming_the_field(monkeypatch, text, error):
    status, out, err = run_in_process(monkeypatch, "-", stdin=text)
    assert (status, out, err) == (2, "", error + "\n")


def test_a_missing_file_exits_2_without_a_traceback(monkeypatch, tmp_path):
    status, out, err = run_in_process(monkeypatch, str(tmp_path / "nope.json"))
    assert (status, err) == (
        2,
        f"{tmp_path / 'nope.json'}: cannot read (No such file or directory)\n",
    )


def test_a_file_that_is_not_utf8_exits_2(monkeypatch, tmp_path):
    binary = tmp_path / "case.json"
    binary.write_bytes(b'{"age": "\xff"}')
    assert run_in_process(monkeypatch, str(binary))[0::2] == (2, "input: not UTF-8 text\n")


def test_end_to_end_as_a_separate_process_invalid_input_exits_2_without_a_traceback():
    status, out, err = run("-", stdin='[{}, {"age": 130}]')
    assert (status, out, err) == (2, "", "[1].age: must be a whole number from 0 to 120\n")


# ---- property tests: the evaluator answers or exits 2, never raises ------------------------
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)  # fmt: skip
VALUES = st.one_of(
    JSON,
    st.integers(-2, 30),
    st.sampled_from(["none", "mild", "severe", "female", "male", "1958-04-02", "2026-11-25"]),
    st.lists(st.one_of(st.none(), st.integers(-1, 5), st.booleans()), max_size=11),
    st.dictionaries(st.sampled_from(["q1", "q2", "q3", "q4", "q5", "q6", "q6_past_3_months"]),
                    st.one_of(st.none(), st.booleans()), max_size=7),
    st.lists(st.fixed_dictionaries({"name": st.sampled_from(["Klonopin", "oxy", "x", ""])},
                                   optional={"strength_mg": JSON, "times_per_day": JSON,
                                             "as_needed": JSON, "max_doses_per_day": JSON,
                                             "taking": JSON, "weeks_taking": JSON}),
             max_size=3),
)  # fmt: skip
NEAR_CASES = st.dictionaries(st.sampled_from(sorted(TOP_KEYS)), VALUES, max_size=8)


def _answers_or_exits_2(text: str) -> None:
    status, output = evaluate_text(text, ENTRIES)
    if status == 0:
        assert isinstance(json.loads(output), dict | list)
    else:
        assert status == 2 and "\n" not in output and ": " in output


@given(JSON)
def test_the_evaluator_never_raises_on_arbitrary_json(value):
    _answers_or_exits_2(json.dumps(value))


@given(st.one_of(NEAR_CASES, st.lists(NEAR_CASES, max_size=3)))
def test_the_evaluator_never_raises_on_nearly_valid_cases(value):
    _answers_or_exits_2(json.dumps(value))


@given(st.text(max_size=40))
def test_the_evaluator_never_raises_on_arbitrary_text(text):
    _answers_or_exits_2(text)


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(NEAR_CASES)
def test_the_command_itself_answers_or_exits_2(monkeypatch, value):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(value).encode())))
    err = io.StringIO()
    try:
        call_command("evaluate_case", "-", stdout=io.StringIO(), stderr=err)
    except SystemExit as exit_:
        assert exit_.code == 2 and err.getvalue().count("\n") == 1


def test_the_documented_worked_example_is_what_the_command_prints():
    clinical = (ROOT / "docs" / "clinical.md").read_text()
    blocks = clinical.split("### Worked example", 1)[1].split("```json\n")[1:3]
    shown_input, shown_output = (json.loads(block.split("```", 1)[0]) for block in blocks)
    worked = CASES / "00-readme-worked-example"
    assert shown_input == json.loads(worked.with_suffix(".json").read_text())
    assert shown_output == json.loads(worked.with_suffix(".expected.json").read_text())
