"""Templates: definition checks (§5.4), send-time checks (§4.7) and rendering for the phone page."""

from __future__ import annotations

import re
from typing import Any

from imaradesk.simulator.checks import bad_param, invalid, missing, require_dict
from imaradesk.simulator.errors import GraphError
from imaradesk.simulator.state import Template

_VARIABLE = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")
_NAME = re.compile(r"^[a-z0-9_]{1,512}$")
CATEGORIES = frozenset({"MARKETING", "UTILITY", "AUTHENTICATION"})
MEDIA_HEADERS = frozenset({"IMAGE", "VIDEO", "DOCUMENT"})
STATUSES = frozenset(
    {"APPROVED", "PENDING", "REJECTED", "DISABLED", "PAUSED", "IN_APPEAL", "FLAGGED", "REINSTATED"}
    | {"PENDING_DELETION", "DELETED", "ARCHIVED", "LIMIT_EXCEEDED", "LOCKED"}
)


def variables(text: str) -> list[str]:
    """Distinct variable names in order of first use: `Hi {{1}}` → ["1"]."""
    seen: list[str] = []
    for name in _VARIABLE.findall(text):
        if name not in seen:
            seen.append(name)
    return seen


def _component(template: Template, kind: str) -> dict[str, Any] | None:
    return next((c for c in template.components if str(c.get("type", "")).upper() == kind), None)


def buttons_of(template: Template) -> list[dict[str, Any]]:
    component = _component(template, "BUTTONS")
    buttons = component.get("buttons", []) if component else []
    return [b for b in buttons if isinstance(b, dict)]


def check_definition(body: dict[str, Any]) -> tuple[str, str, str, list[dict[str, Any]], str]:
    """A create request → (name, language, category, components, parameter_format), or error 100."""
    name, language, category = body.get("name"), body.get("language"), body.get("category")
    if not isinstance(name, str) or not _NAME.match(name):
        raise bad_param("Param name must be 1-512 lower-case letters, digits and underscores.")
    if not isinstance(language, str) or not language:
        raise bad_param("Param language is required, e.g. en_US.")
    if not isinstance(category, str) or category.upper() not in CATEGORIES:
        raise bad_param("Param category must be MARKETING, UTILITY or AUTHENTICATION.")
    components = body.get("components")
    if not isinstance(components, list) or not all(isinstance(c, dict) for c in components):
        raise bad_param("Param components must be an array of objects.")
    parameter_format = body.get("parameter_format", "POSITIONAL")
    if parameter_format not in ("POSITIONAL", "NAMED"):
        raise bad_param("Param parameter_format must be POSITIONAL or NAMED.")
    kinds = [str(c.get("type", "")).upper() for c in components]
    if kinds.count("BODY") != 1:
        raise bad_param("A template needs exactly one BODY component.")
    for component, kind in zip(components, kinds, strict=True):
        _check_definition_component(component, kind)
    return name, language, category.upper(), components, parameter_format


def _check_definition_component(component: dict[str, Any], kind: str) -> None:
    limits = {"HEADER": 60, "BODY": 1024, "FOOTER": 60}
    if kind in limits:
        text = component.get("text")
        if kind == "HEADER" and str(component.get("format", "TEXT")).upper() != "TEXT":
            return
        if not isinstance(text, str) or not 1 <= len(text) <= limits[kind]:
            raise bad_param(f"{kind} text must be 1-{limits[kind]} characters.")
    elif kind == "BUTTONS":
        buttons = component.get("buttons")
        if not isinstance(buttons, list) or not 1 <= len(buttons) <= 10:
            raise bad_param("BUTTONS must hold 1-10 buttons.")
        if sum(1 for b in buttons if isinstance(b, dict) and b.get("type") == "URL") > 2:
            raise bad_param("A template may have at most 2 URL buttons.")
    else:
        raise bad_param(f"Unknown component type '{kind}'.")


def check_sendable(template: Template | None, name: str, language: str) -> Template:
    if template is None or template.status in ("PENDING", "REJECTED", "DELETED", "PENDING_DELETION"):
        raise GraphError(132001, f"template name ({name}) does not exist in {language}")
    if template.status == "PAUSED":
        raise GraphError(132015, f"Template {name} is paused because of low quality.")
    if template.status == "DISABLED":
        raise GraphError(132016, f"Template {name} is disabled.")
    if template.status not in ("APPROVED", "FLAGGED", "REINSTATED"):
        raise GraphError(132001, f"template name ({name}) is not approved in {language}")
    return template


def check_parameters(template: Template, components: list[Any]) -> None:
    """Parameter counts per component must match the definition exactly (§4.7 → 132000)."""
    sent: dict[str, list[Any]] = {}
    button_params: dict[int, tuple[str, list[Any]]] = {}
    for index, raw in enumerate(components):
        component = require_dict(raw, f"template.components[{index}]")
        kind = component.get("type")
        params = component.get("parameters", [])
        if not isinstance(params, list):
            raise bad_param(f"Param template.components[{index}].parameters must be an array.")
        for param_index, param in enumerate(params):
            _check_parameter(param, f"template.components[{index}].parameters[{param_index}]")
        if kind in ("header", "body"):
            sent[kind] = params
        elif kind == "button":
            position = component.get("index")
            if position is None or not str(position).isdigit():
                raise missing(f"template.components[{index}].index")
            button_params[int(position)] = (str(component.get("sub_type", "")), params)
        else:
            raise bad_param(f"Param template.components[{index}].type must be header, body or button.")
    _check_count(template, "header", _expected_header(template), sent.get("header", []))
    _check_count(template, "body", _expected_body(template), sent.get("body", []))
    _check_buttons(template, button_params)


def _check_parameter(param: Any, where: str) -> None:
    param = require_dict(param, where)
    kind = param.get("type")
    required = {
        "text": "text",
        "currency": "currency",
        "date_time": "date_time",
        "payload": "payload",
        "image": "image",
        "video": "video",
        "document": "document",
        "location": "location",
        "coupon_code": "coupon_code",
    }
    if kind not in required:
        raise bad_param(f"Param {where}.type ('{kind}') is not a valid parameter type.")
    if param.get(required[kind]) in (None, ""):
        raise missing(f"{where}.{required[kind]}")


def _expected_header(template: Template) -> list[str]:
    header = _component(template, "HEADER")
    if header is None:
        return []
    header_format = str(header.get("format", "TEXT")).upper()
    if header_format in MEDIA_HEADERS or header_format == "LOCATION":
        return [header_format.lower()]
    return variables(str(header.get("text", "")))


def _expected_body(template: Template) -> list[str]:
    body = _component(template, "BODY")
    return variables(str(body.get("text", ""))) if body else []


def _check_count(template: Template, kind: str, expected: list[str], params: list[Any]) -> None:
    """Count first (132000), then, for NAMED templates, each parameter_name (100), as Meta answers."""
    if len(params) != len(expected):
        raise GraphError(
            132000,
            f"{kind}: number of localizable_params ({len(params)}) does not match the expected "
            f"number of params ({len(expected)})",
        )
    if expected and expected[0] in ("image", "video", "document", "location"):
        return
    is_named = template.parameter_format == "NAMED"
    seen: set[str] = set()
    for index, param in enumerate(params):
        name = param.get("parameter_name")
        if not is_named:
            if name is not None:
                raise bad_param(
                    f"Param {kind}.parameters[{index}].parameter_name is only allowed on templates whose "
                    "parameter_format is NAMED."
                )
            continue
        if not isinstance(name, str) or not name:
            raise bad_param(f"Param {kind}.parameters[{index}].parameter_name is required for a NAMED template.")
        if name not in expected:
            raise bad_param(
                f"Param {kind}.parameters[{index}].parameter_name ('{name}') is not a parameter of this "
                f"template; expected one of {sorted(expected)}."
            )
        if name in seen:
            raise bad_param(f"Param {kind}.parameters[{index}].parameter_name ('{name}') is repeated.")
        seen.add(name)


def _check_buttons(template: Template, sent: dict[int, tuple[str, list[Any]]]) -> None:
    buttons = buttons_of(template)
    for position, (sub_type, params) in sent.items():
        if position >= len(buttons):
            raise invalid(f"button at index {position} does not exist in template {template.name}")
        button_type = str(buttons[position].get("type", "")).lower()
        if sub_type != button_type:
            raise invalid(f"button at index {position} is {button_type}, not {sub_type}")
        if len(params) != 1:
            raise GraphError(132000, f"button {position}: number of params ({len(params)}) does not match 1")
        if sub_type == "url":
            if params[0].get("type") != "text":
                raise bad_param(f"Param button {position}: a url button takes a text parameter.")
            if not variables(str(buttons[position].get("url", ""))):
                raise bad_param(f"Param button {position}: this url button has no variable to fill.")
            if len(_fill(str(buttons[position]["url"]), [str(params[0]["text"])], {})) > 2000:
                raise invalid(f"button {position}: the url may be at most 2000 characters.")
    for position, button in enumerate(buttons):
        needs_param = button.get("type") == "URL" and variables(str(button.get("url", "")))
        if needs_param and position not in sent:
            raise GraphError(132000, f"button {position}: a URL parameter is required")


def check_hydrated(template: Template, rendered: dict[str, Any]) -> None:
    """The text with the values in must still fit (§7.3 132005)."""
    for kind, limit in (("header", 60), ("body", 1024)):
        text = rendered.get(kind)
        if isinstance(text, str) and len(text) > limit:
            raise GraphError(132005, f"{kind}: the hydrated text is {len(text)} characters; at most {limit} allowed.")


def render(template: Template, components: list[Any]) -> dict[str, Any]:
    """What the customer's phone shows: the definition with the sent parameters filled in."""
    values: dict[str, list[str]] = {"header": [], "body": []}
    named: dict[str, str] = {}
    payloads: dict[int, str] = {}
    for component in components:
        params = component.get("parameters", [])
        if component.get("type") in values:
            values[component["type"]] = [_param_text(p) for p in params]
            named.update({p["parameter_name"]: _param_text(p) for p in params if "parameter_name" in p})
        elif component.get("type") == "button" and params:
            payloads[int(component.get("index", 0))] = _param_text(params[0])
    rendered: dict[str, Any] = {"name": template.name, "language": template.language}
    for kind in ("HEADER", "BODY", "FOOTER"):
        component = _component(template, kind)
        if component and isinstance(component.get("text"), str):
            filled = _fill(component["text"], values.get(kind.lower(), []), named)
            rendered[kind.lower()] = filled
    rendered["buttons"] = []
    for index, button in enumerate(buttons_of(template)):
        shown: dict[str, Any] = {
            "type": str(button.get("type", "")).lower(),
            "text": button.get("text", ""),
            "payload": payloads.get(index, button.get("text", "")),
        }
        if shown["type"] == "url":
            suffix = [payloads[index]] if index in payloads else []
            shown["url"] = _fill(str(button.get("url", "")), suffix, {})
        rendered["buttons"].append(shown)
    return rendered


def _param_text(param: dict[str, Any]) -> str:
    kind = param.get("type", "text")
    value = param.get(kind)
    if isinstance(value, dict):
        return str(value.get("fallback_value") or value.get("link") or value.get("id") or kind)
    return str(value)


def _fill(text: str, positional: list[str], named: dict[str, str]) -> str:
    names = variables(text)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in named:
            return named[name]
        position = names.index(name)
        return positional[position] if position < len(positional) else match.group(0)

    return _VARIABLE.sub(replace, text)
