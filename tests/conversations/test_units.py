"""The named rules of the inbox, as pure functions."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from imaradesk.contacts.opt_out import ConsentChange, consent_change
from imaradesk.conversations.assignment import Candidate, pick_agent
from imaradesk.conversations.delivery import merged_status
from imaradesk.conversations.models import DeliveryStatus as S
from imaradesk.conversations.window import is_window_open

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_window_is_open_for_24_hours_after_the_last_customer_message() -> None:
    assert is_window_open(NOW - timedelta(hours=23, minutes=59), NOW)
    assert not is_window_open(NOW - timedelta(hours=24), NOW)
    assert not is_window_open(None, NOW)


@pytest.mark.parametrize(
    ("current", "incoming", "expected"),
    [
        (S.queued, S.sent, S.sent),
        (S.sent, S.read, S.read),
        (S.read, S.delivered, None),
        (S.delivered, S.delivered, None),
        (S.sent, S.failed, S.failed),
        (S.read, S.failed, None),
        (S.failed, S.delivered, S.delivered),
        (S.read, S.played, S.played),
    ],
)
def test_statuses_only_move_forward(current: S, incoming: S, expected: S | None) -> None:
    assert merged_status(current, incoming) == expected


def test_least_loaded_online_agent_under_the_limit_is_chosen() -> None:
    a, b, c, d = (uuid.uuid4() for _ in range(4))
    candidates = [
        Candidate(a, True, 5, 0),
        Candidate(b, True, 2, 1),
        Candidate(c, False, 5, 2),  # offline
        Candidate(d, True, 5, 3),
    ]
    assert pick_agent(candidates, {a: 3, b: 1, d: 3}) == b
    assert pick_agent(candidates, {a: 3, b: 2, d: 1}) == d  # b is at the limit
    assert pick_agent(candidates, {a: 5, b: 2, d: 5}) is None
    assert pick_agent(candidates, {}) == a  # ties go to the earliest member


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("STOP", ConsentChange.opted_out),
        ("  stop! ", ConsentChange.opted_out),
        ("Unsubscribe", ConsentChange.opted_out),
        ("ARRÊT", ConsentChange.opted_out),
        ("Parar", ConsentChange.opted_out),
        ("start", ConsentChange.opted_in),
        ("stop sending me the wrong size", None),
        ("Habari", None),
    ],
)
def test_consent_keywords(text: str, change: ConsentChange | None) -> None:
    assert consent_change(text) == change
