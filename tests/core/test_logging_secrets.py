"""Tracebacks in the logs never show local variables: a secret held by a failing function stays out."""

from __future__ import annotations

import pytest
import structlog

from imaradesk.core.observability import configure_logging


def test_an_exception_logged_in_console_mode_does_not_print_local_variables(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("INFO")

    def call_vendor() -> None:
        api_key = "sk-live-very-secret-0123456789"  # the secret the log must not show
        raise ConnectionError(f"vendor unreachable ({len(api_key)} chars of key)")

    try:
        call_vendor()
    except ConnectionError:
        structlog.get_logger("test").exception("vendor.failed")
    printed = capsys.readouterr()
    output = printed.out + printed.err
    assert "vendor.failed" in output
    assert "ConnectionError" in output
    assert "sk-live-very-secret" not in output
