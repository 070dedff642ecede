"""Small field checks shared by the send validators, each raising Meta's error code."""

from __future__ import annotations

from typing import Any

from imaradesk.simulator.errors import GraphError

CAPTIONED = frozenset({"image", "video", "document"})


def missing(name: str) -> GraphError:
    return GraphError(131008, f"The parameter {name} is required.")


def invalid(details: str) -> GraphError:
    return GraphError(131009, details)


def bad_param(details: str) -> GraphError:
    return GraphError(100, details)


def require_dict(value: Any, name: str) -> dict[str, Any]:
    if value is None:
        raise missing(name)
    if not isinstance(value, dict):
        raise bad_param(f"Param {name} must be a JSON object.")
    return value


def require_str(obj: dict[str, Any], key: str, name: str, *, max_len: int | None = None) -> str:
    value = obj.get(key)
    if value is None or value == "":
        raise missing(name)
    if not isinstance(value, str):
        raise bad_param(f"Param {name} must be a string.")
    check_len(value, name, max_len)
    return value


def check_len(value: str, name: str, max_len: int | None, min_len: int = 0) -> None:
    if max_len is not None and not min_len <= len(value) <= max_len:
        raise invalid(f"{name} length invalid. Min length: {min_len}, Max length: {max_len}")


def optional_str(obj: dict[str, Any], key: str, name: str, *, max_len: int) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise bad_param(f"Param {name} must be a string.")
    check_len(value, name, max_len)
    return value


def check_media_object(obj: dict[str, Any], kind: str) -> None:
    has_id, has_link = "id" in obj, "link" in obj
    if not has_id and not has_link:
        raise missing(f"{kind}.id or {kind}.link")
    if has_id and has_link:
        raise bad_param(f"Param {kind} must have either id or link, not both.")
    if has_link:
        link = require_str(obj, "link", f"{kind}.link")
        if not link.startswith(("http://", "https://")):
            raise invalid(f"{kind}.link must be an http or https URL.")
    else:
        require_str(obj, "id", f"{kind}.id")
    if "caption" in obj:
        if kind not in CAPTIONED:
            raise invalid(f"Param caption is not allowed on {kind} messages.")
        optional_str(obj, "caption", f"{kind}.caption", max_len=1024)
    if "filename" in obj and kind != "document":
        raise invalid(f"Param filename is only allowed on document messages, not {kind}.")
    optional_str(obj, "filename", f"{kind}.filename", max_len=240)
