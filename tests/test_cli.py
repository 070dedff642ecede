"""The `imaradesk` command against a real database file."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imaradesk.cli import app
from imaradesk.config import reset_settings
from imaradesk.demo import DEMO_OWNER, DEMO_PASSWORD

runner = CliRunner()


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("IMARADESK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("IMARADESK_DATABASE_URL", raising=False)
    monkeypatch.setenv("IMARADESK_SECRET_KEY", "cli-test-secret-0123456789")
    reset_settings()
    yield tmp_path
    reset_settings()


def test_migrate_then_seed_demo_prints_the_login_and_is_idempotent(cli_env: Path) -> None:
    assert runner.invoke(app, ["migrate"]).exit_code == 0
    assert (cli_env / "imaradesk.db").exists()
    first = runner.invoke(app, ["seed-demo"])
    assert first.exit_code == 0, first.output
    assert DEMO_OWNER in first.output and DEMO_PASSWORD in first.output
    again = runner.invoke(app, ["seed-demo"])
    assert again.exit_code == 0 and "already there" in again.output


def test_create_user_refuses_a_weak_password_with_a_clear_message(cli_env: Path) -> None:
    runner.invoke(app, ["migrate"])
    weak = runner.invoke(
        app,
        ["create-user", "--email", "a@example.com", "--name", "A", "--workspace", "W", "--password", "short"],
    )
    assert weak.exit_code == 1
    assert "at least 10 characters" in weak.output
    good = runner.invoke(
        app,
        [
            "create-user",
            "--email",
            "a@example.com",
            "--name",
            "A",
            "--workspace",
            "W",
            "--password",
            "long enough pass",
        ],
    )
    assert good.exit_code == 0, good.output


def test_openapi_command_writes_the_schema(cli_env: Path) -> None:
    target = cli_env / "openapi.json"
    assert runner.invoke(app, ["openapi", str(target)]).exit_code == 0
    assert "/api/v1/members" in json.loads(target.read_text())["paths"]


def test_committed_openapi_schema_is_current() -> None:
    """web/openapi.json feeds the generated TypeScript client; `make openapi` refreshes both."""
    from imaradesk.app import create_app

    committed = Path(__file__).resolve().parent.parent / "web" / "openapi.json"
    assert json.loads(committed.read_text()) == create_app().openapi(), "stale web/openapi.json: run make openapi"


def test_the_printed_demo_login_works(cli_env: Path) -> None:
    """The login `make run` prints must pass the same validation as the login form."""
    from imaradesk.workspaces.schemas import LoginCreate

    assert LoginCreate(email=DEMO_OWNER, password=DEMO_PASSWORD).email == DEMO_OWNER


def test_seed_demo_in_its_own_process_queues_the_ai_labels_of_the_demo_messages(cli_env: Path) -> None:
    """A command-line process never started the API or a worker, yet its events reach every subscriber."""
    import os
    import sqlite3
    import subprocess
    import sys

    command = [sys.executable, "-c", "from imaradesk.cli import main; main()"]
    env = {**os.environ, "IMARADESK_DATA_DIR": str(cli_env), "IMARADESK_SECRET_KEY": "cli-test-secret-0123456789"}
    env.pop("IMARADESK_DATABASE_URL", None)
    for args in (["migrate"], ["seed-demo"]):
        done = subprocess.run([*command, *args], env=env, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
    with sqlite3.connect(cli_env / "imaradesk.db") as database:
        (queued,) = database.execute(
            "SELECT count(*) FROM jobs WHERE name = 'conversations.enrich_received_message'"
        ).fetchone()
    assert queued == 4
