"""ARCHITECTURE.md §5: the simulator imports only core and config, and nothing imports it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "imaradesk"
ALLOWED = ("imaradesk.core", "imaradesk.config", "imaradesk.simulator")


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_simulator_imports_only_core_and_config() -> None:
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in (PACKAGE / "simulator").rglob("*.py")
        for name in imports_of(path)
        if name.startswith("imaradesk") and not name.startswith(ALLOWED)
    }
    assert offenders == set()


def test_no_domain_imports_the_simulator() -> None:
    composition_roots = {"app.py", "cli.py", "demo.py", "bench"}
    offenders = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "simulator" not in path.parts
        and path.relative_to(PACKAGE).parts[0] not in composition_roots
        and any(name.startswith("imaradesk.simulator") for name in imports_of(path))
    }
    assert offenders == set()
