"""`make run PORT=8101` serves on that port, and the links in its emails point there."""

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _runserver_command(*make_args, env_extra=None) -> list[str]:
    """The runserver line `make run` would execute (make -n runs nothing)."""
    env = {k: v for k, v in os.environ.items() if k not in {"PORTAL_BASE_URL", "PORT"}}
    env.update(env_extra or {})
    lines = subprocess.run(
        ["make", "-n", "run", *make_args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout.splitlines()
    [line] = [line for line in lines if "runserver" in line]
    return shlex.split(line)


@pytest.mark.parametrize(
    ("make_args", "origin"),
    [((), "http://127.0.0.1:8000"), (("PORT=8101",), "http://127.0.0.1:8101")],
    ids=["default-port", "port-8101"],
)
def test_make_run_serves_on_its_port_and_links_point_there(make_args, origin):
    command = _runserver_command(*make_args)
    assert command[-1] == origin.removeprefix("http://")
    assert f"PORTAL_BASE_URL={origin}" in command


def test_a_portal_base_url_already_set_wins():
    command = _runserver_command(
        "PORT=8101", env_extra={"PORTAL_BASE_URL": "https://tunnel.example"}
    )
    assert "PORTAL_BASE_URL=https://tunnel.example" in command
