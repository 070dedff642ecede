"""Fault injection on webhook delivery (SPEC §2, whatsapp-cloud-api.md §1.3 and §11).

Every decision comes from one seeded random source, so a run with the same seed and the same
sequence of events injects the same faults.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import random
from dataclasses import dataclass
from typing import Any, Literal

from imaradesk.config import SimulatorFaultSettings

OVERSIZED_BYTES = 3 * 1024 * 1024 + 1024  # Meta's cap is 3 MB (§1.3)
FaultKind = Literal["invalid_signature", "malformed_json", "oversized"]


@dataclass(frozen=True)
class FaultPlan:
    is_dropped: bool = False
    is_duplicated: bool = False
    is_held: bool = False  # delivered after the next event of the same chat: reordering
    latency: float = 0.0
    extras: tuple[FaultKind, ...] = ()  # extra bad deliveries sent next to the real one


class FaultInjector:
    def __init__(self, settings: SimulatorFaultSettings, seed: int | None) -> None:
        self.settings = settings
        self.seed = seed
        self._random = random.Random(seed)  # noqa: S311 (test faults, not security)

    def reseed(self) -> None:
        self._random = random.Random(self.seed)  # noqa: S311

    def update(self, changes: dict[str, Any]) -> SimulatorFaultSettings:
        self.settings = SimulatorFaultSettings.model_validate(self.settings.model_dump() | changes)
        return self.settings

    def plan(self) -> FaultPlan:
        s = self.settings
        # Always draw the same number of values, so one setting never shifts another's sequence.
        draws = [self._random.random() for _ in range(7)]
        jitter = draws[6] * s.latency_jitter_seconds
        extras: list[FaultKind] = []
        if draws[3] < s.invalid_signature_probability:
            extras.append("invalid_signature")
        if draws[4] < s.malformed_json_probability:
            extras.append("malformed_json")
        if draws[5] < s.oversized_probability:
            extras.append("oversized")
        return FaultPlan(
            is_dropped=draws[0] < s.drop_probability,
            is_duplicated=draws[1] < s.duplicate_probability,
            is_held=draws[2] < s.reorder_probability,
            latency=s.latency_seconds + jitter,
            extras=tuple(extras),
        )


def forged_signature(body: bytes) -> str:
    """A well-formed header whose digest was made with the wrong secret: it must be rejected."""
    return "sha256=" + hmac.new(b"not-the-app-secret", body, hashlib.sha256).hexdigest()


def malformed_body(body: bytes) -> bytes:
    return body[: max(len(body) // 2, 1)] + b',"oops":'


def oversized_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """The same event padded past 3 MB with a field a tolerant parser would otherwise ignore."""
    padded = copy.deepcopy(payload)
    value = padded["entry"][0]["changes"][0]["value"]
    value["padding"] = "x" * OVERSIZED_BYTES
    return padded
