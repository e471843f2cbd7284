"""Figures a test measures (the fault table, timings) printed at the end of the run.

A test's own output is captured, and under pytest-xdist it happens in a worker process, so
``report`` writes each table to a folder the whole run shares (made by the controller in
``tests/env.py``) and ``pytest_terminal_summary`` (tests/conftest.py) prints them there.
"""

import os
from pathlib import Path


def folder() -> Path:
    return Path(os.environ["PORTAL_TEST_FIGURES"])


def report(title: str, text: str) -> None:
    """Print ``text`` under ``title`` in the run's closing summary."""
    name = "".join(c if c.isalnum() else "-" for c in title.lower())
    (folder() / f"{name}-{os.getpid()}.md").write_text(f"## {title}\n\n{text.strip()}\n")


def collected() -> list[str]:
    return [path.read_text() for path in sorted(folder().glob("*.md"))]
