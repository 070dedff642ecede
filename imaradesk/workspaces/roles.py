"""Who may change whom: the role rules of spec §1 as pure functions."""

from __future__ import annotations

from imaradesk.core.errors import Forbidden
from imaradesk.workspaces.models import ROLE_RANK, Role


def require_at_least(actor_role: Role, needed: Role) -> None:
    if ROLE_RANK[actor_role] < ROLE_RANK[needed]:
        raise Forbidden(f"This needs the {needed.value} role or higher.")


def check_can_grant(actor_role: Role, role: Role) -> None:
    """Nobody grants a role above their own; only owners make owners."""
    require_at_least(actor_role, Role.admin)
    if ROLE_RANK[role] > ROLE_RANK[actor_role]:
        raise Forbidden(f"Only an owner can grant the {role.value} role.", code="role_escalation")


def check_can_manage(actor_role: Role, target_role: Role) -> None:
    """Admins manage agents and admins; only owners manage owners."""
    require_at_least(actor_role, Role.admin)
    if ROLE_RANK[target_role] > ROLE_RANK[actor_role]:
        raise Forbidden(f"Only an owner can change or remove an {target_role.value}.")
