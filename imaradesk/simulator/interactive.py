"""Limits of interactive reply buttons (§4.5) and lists (§4.6)."""

from __future__ import annotations

from typing import Any

from imaradesk.simulator.checks import (
    bad_param,
    check_len,
    check_media_object,
    invalid,
    missing,
    optional_str,
    require_dict,
    require_str,
)

_HEADER_MEDIA = ("image", "video", "document")


def check_interactive(obj: dict[str, Any]) -> None:
    kind = obj.get("type")
    if kind is None:
        raise missing("interactive.type")
    if kind not in ("button", "list"):
        raise bad_param(f"Param interactive.type ('{kind}') is not supported by the simulator.")
    body = require_dict(obj.get("body"), "interactive.body")
    require_str(body, "text", "interactive.body.text", max_len=1024)
    if "header" in obj:
        _check_header(require_dict(obj["header"], "interactive.header"), is_list=kind == "list")
    if "footer" in obj:
        footer = require_dict(obj["footer"], "interactive.footer")
        require_str(footer, "text", "interactive.footer.text", max_len=60)
    action = require_dict(obj.get("action"), "interactive.action")
    if kind == "button":
        _check_buttons(action)
    else:
        _check_list(action)


def _check_header(header: dict[str, Any], *, is_list: bool) -> None:
    kind = header.get("type")
    if kind is None:
        raise missing("interactive.header.type")
    if kind == "text":
        require_str(header, "text", "interactive.header.text", max_len=60)
    elif kind in _HEADER_MEDIA and not is_list:
        check_media_object(require_dict(header.get(kind), f"interactive.header.{kind}"), kind)
    else:
        allowed = "text" if is_list else "text, image, video or document"
        raise invalid(f"interactive.header.type must be {allowed}.")


def _check_buttons(action: dict[str, Any]) -> None:
    buttons = action.get("buttons")
    if buttons is None:
        raise missing("interactive.action.buttons")
    if not isinstance(buttons, list):
        raise bad_param("Param interactive.action.buttons must be an array.")
    if not 1 <= len(buttons) <= 3:
        raise invalid("Buttons count invalid. Min count: 1, Max count: 3")
    ids: set[str] = set()
    titles: set[str] = set()
    for index, raw in enumerate(buttons):
        where = f"interactive.action.buttons[{index}]"
        button = require_dict(raw, where)
        if button.get("type") != "reply":
            raise invalid(f"{where}.type must be 'reply'.")
        reply = require_dict(button.get("reply"), f"{where}.reply")
        button_id = require_str(reply, "id", f"{where}.reply.id", max_len=256)
        if button_id != button_id.strip():
            raise invalid(f"{where}.reply.id must not start or end with spaces.")
        title = require_str(reply, "title", f"{where}.reply.title")
        check_len(title, "Button title", 20, min_len=1)
        if button_id in ids:
            raise invalid(f"Duplicate button id '{button_id}'.")
        if title in titles:
            raise invalid(f"Duplicate button title '{title}'.")
        ids.add(button_id)
        titles.add(title)


def _check_list(action: dict[str, Any]) -> None:
    label = require_str(action, "button", "interactive.action.button")
    check_len(label, "List button", 20, min_len=1)
    sections = action.get("sections")
    if sections is None:
        raise missing("interactive.action.sections")
    if not isinstance(sections, list):
        raise bad_param("Param interactive.action.sections must be an array.")
    if not 1 <= len(sections) <= 10:
        raise invalid("Sections count invalid. Min count: 1, Max count: 10")
    row_ids: set[str] = set()
    total = 0
    for index, raw in enumerate(sections):
        where = f"interactive.action.sections[{index}]"
        section = require_dict(raw, where)
        if len(sections) > 1 and not section.get("title"):
            raise missing(f"{where}.title")
        optional_str(section, "title", f"{where}.title", max_len=24)
        rows = section.get("rows")
        if rows is None:
            raise missing(f"{where}.rows")
        if not isinstance(rows, list) or not rows:
            raise invalid(f"{where}.rows must hold at least one row.")
        for row_index, raw_row in enumerate(rows):
            row_where = f"{where}.rows[{row_index}]"
            row = require_dict(raw_row, row_where)
            row_id = require_str(row, "id", f"{row_where}.id", max_len=200)
            require_str(row, "title", f"{row_where}.title", max_len=24)
            optional_str(row, "description", f"{row_where}.description", max_len=72)
            if row_id in row_ids:
                raise invalid(f"Duplicate row id '{row_id}'.")
            row_ids.add(row_id)
        total += len(rows)
    if total > 10:
        raise invalid(f"Rows count invalid. Max count across all sections: 10, got {total}")
