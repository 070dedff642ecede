"""The dependency rules of ARCHITECTURE.md §5, checked on every run."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "imaradesk"
SELECT_CALL = re.compile(r"(?<![\w.])select\(")
COMMIT_CALL = re.compile(r"\.commit\(\)")


def _python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_import_contracts_hold() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_queries_live_only_in_repositories() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _python_files()
        if path.name != "repository.py" and "analytics" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if SELECT_CALL.search(line)
    ]
    assert offenders == [], f"select( outside repository.py: {offenders}"


def test_only_the_unit_of_work_and_the_worker_commit() -> None:
    allowed = {PACKAGE / "db" / "session.py", PACKAGE / "jobs" / "worker.py"}
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _python_files()
        if path not in allowed
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if COMMIT_CALL.search(line)
    ]
    assert offenders == [], f"commit() outside the unit of work: {offenders}"
