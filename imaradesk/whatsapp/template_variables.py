"""A template's variables and the values an agent gives them: found, checked, turned into §4.7 components.

Positional templates use `{{1}}`, `{{2}}` … (sent in number order); templates created with
`parameter_format: NAMED` use `{{customer_name}}` (each parameter carries `parameter_name`). A URL
button whose url ends in `{{1}}` takes its suffix as a `button` component (`sub_type: url`).
Everything WhatsApp would refuse is refused here first, with the component and the variable named.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from imaradesk.core.errors import FieldInvalid

PLACEHOLDER = re.compile(r"{{\s*([A-Za-z0-9_]+)\s*}}")
_BRACED = re.compile(r"{{([^{}]*)}}")
_NUMBERED = re.compile(r"^[1-9][0-9]*$")
_NAMED = re.compile(r"^[a-z0-9_]+$")
HEADER_TEXT_MAX = 60
Kind = Literal["header", "body", "button"]
# What WhatsApp accepts once the values are in (§5.4 limits; §7.3 132005 "hydrated text too long").
RENDERED_LIMITS: dict[Kind, int] = {"header": 60, "body": 1024, "button": 2000}
VALUE_LIMITS: dict[Kind, int] = {"header": 60, "body": 1024, "button": 2000}


@dataclass(frozen=True)
class Variable:
    """One value the agent must give: where it goes, its API field, an example, a label hint."""

    component: Kind
    name: str  # "1" or "customer_name"
    field: str  # the request field that carries it: variables.0, named_variables.x, button_variables.0
    example: str | None = None
    button_index: int | None = None  # the button's position in the template (the wire `index`)
    button_text: str | None = None
    url_prefix: str | None = None

    @property
    def max_length(self) -> int:
        return VALUE_LIMITS[self.component]

    @property
    def label(self) -> str:
        if self.component == "button":
            return f"link button {self.button_text!r}"
        return f"{self.component} variable {{{{{self.name}}}}}"


def check_definition(components: Sequence[dict[str, Any]], parameter_format: str) -> None:
    """A new or edited template's header and body as WhatsApp accepts them: numbered variables
    `{{1}}`, `{{2}}` … without gaps, or named ones (`{{customer_name}}`: lower-case letters, digits,
    underscores); a text header of at most 60 characters and one variable. The error names the
    component's field (`components.1.text`), so the dialog shows it under the right box."""
    named = parameter_format.upper() == "NAMED"
    for index, part in enumerate(components):
        kind = str(part.get("type", "")).upper()
        text = part.get("text")
        if kind not in ("HEADER", "BODY") or not isinstance(text, str):
            continue
        if kind == "HEADER" and str(part.get("format", "TEXT")).upper() != "TEXT":
            continue
        label = "The header" if kind == "HEADER" else "The body"
        field = f"components.{index}.text"
        problem = _variables_problem(text, named)
        if problem is not None:
            raise FieldInvalid(field, f"{label}: {problem}")
        if kind == "HEADER" and len(text) > HEADER_TEXT_MAX:
            raise FieldInvalid(field, f"{label} is {len(text)} characters long; at most {HEADER_TEXT_MAX}.")
        if kind == "HEADER" and (count := len(names_in(text))) > 1:
            raise FieldInvalid(field, f"{label} may hold one variable, not {count}.")


def _variables_problem(text: str, named: bool) -> str | None:
    outside = _BRACED.sub("", text)
    if "{{" in outside or "}}" in outside:
        return "a {{ or }} is not closed; variables are written {{1}} or {{customer_name}}."
    inner = [raw.strip() for raw in _BRACED.findall(text)]
    for name in inner:
        if named and not _NAMED.match(name):
            return f"{{{{{name}}}}} is not a named variable: use lower-case letters, digits and underscores."
        if not named and not _NUMBERED.match(name):
            return f"{{{{{name}}}}} is not a numbered variable like {{{{1}}}} (choose named variables for names)."
    if not named:
        numbers = sorted({int(name) for name in inner})
        for expected, number in enumerate(numbers, start=1):
            if number != expected:
                return f"{{{{{expected}}}}} is missing: variables are numbered {{{{1}}}}, {{{{2}}}} … without gaps."
    return None


def names_in(text: str) -> list[str]:
    """Distinct variable names in order of first use: `Hi {{1}}, {{2}}, bye {{1}}` → ["1", "2"]."""
    seen: list[str] = []
    for name in PLACEHOLDER.findall(text):
        if name not in seen:
            seen.append(name)
    return seen


def component(components: Sequence[dict[str, Any]], kind: str) -> dict[str, Any] | None:
    return next((c for c in components if str(c.get("type", "")).upper() == kind), None)


def _text_of(components: Sequence[dict[str, Any]], kind: str) -> str:
    found = component(components, kind)
    if found is None or not isinstance(found.get("text"), str):
        return ""
    if kind == "HEADER" and str(found.get("format", "TEXT")).upper() != "TEXT":
        return ""
    return str(found["text"])


def is_named(components: Sequence[dict[str, Any]], parameter_format: str) -> bool:
    if parameter_format.upper() == "NAMED":
        return True
    names = names_in(_text_of(components, "HEADER")) + names_in(_text_of(components, "BODY"))
    return any(not name.isdigit() for name in names)


def buttons(components: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    found = component(components, "BUTTONS")
    listed = found.get("buttons", []) if found else []
    return [b for b in listed if isinstance(b, dict)] if isinstance(listed, list) else []


def _examples(components: Sequence[dict[str, Any]], kind: str, named: bool) -> dict[str, str]:
    found = component(components, kind)
    example = found.get("example") if found else None
    if not isinstance(example, dict):
        return {}
    prefix = "header_text" if kind == "HEADER" else "body_text"
    if named:
        rows = example.get(f"{prefix}_named_params", [])
        return {
            str(r.get("param_name")): str(r.get("example"))
            for r in rows
            if isinstance(r, dict) and r.get("param_name") and r.get("example") is not None
        }
    values = example.get(prefix, [])
    if kind == "BODY" and values and isinstance(values[0], list):
        values = values[0]
    return {str(i + 1): str(v) for i, v in enumerate(values)} if isinstance(values, list) else {}


def variables_of(components: Sequence[dict[str, Any]], parameter_format: str) -> list[Variable]:
    """Every value the template needs, header first, then body, then link buttons."""
    named = is_named(components, parameter_format)
    found: list[Variable] = []
    for kind in ("HEADER", "BODY"):
        examples = _examples(components, kind, named)
        names = names_in(_text_of(components, kind))
        if not named:
            names = sorted(names, key=lambda n: int(n) if n.isdigit() else 0)
        where: Kind = "header" if kind == "HEADER" else "body"
        for position, name in enumerate(names):
            if named:
                field = f"named_variables.{name}"
            else:
                field = f"{'header_variables' if where == 'header' else 'variables'}.{position}"
            found.append(Variable(where, name, field, examples.get(name)))
    dynamic = 0
    for index, button in enumerate(buttons(components)):
        url = str(button.get("url", ""))
        match = PLACEHOLDER.search(url)
        if str(button.get("type", "")).upper() != "URL" or match is None:
            continue
        prefix = url[: match.start()]
        example = button.get("example")
        full = str(example[0]) if isinstance(example, list) and example else None
        suffix = full[len(prefix) :] if full and full.startswith(prefix) else None
        found.append(
            Variable(
                "button",
                match.group(1),
                f"button_variables.{dynamic}",
                suffix,
                button_index=index,
                button_text=str(button.get("text", "")),
                url_prefix=prefix,
            )
        )
        dynamic += 1
    return found


@dataclass(frozen=True)
class Values:
    """What the agent sent for a template (TemplateSend's fields)."""

    variables: Sequence[str] = ()
    header_variables: Sequence[str] = ()
    named_variables: Mapping[str, str] | None = None
    button_variables: Sequence[str] = ()
    button_payloads: Sequence[str] = ()


def _names(variables: Sequence[Variable]) -> str:
    return ", ".join(f"{{{{{v.name}}}}}" for v in variables) or "none"


def _check_positional(template_name: str, wanted: list[Variable], given: Sequence[str], field: str, kind: str) -> None:
    if len(given) != len(wanted):
        raise FieldInvalid(
            field,
            f"The {kind} of template {template_name!r} has {len(wanted)} variable(s) ({_names(wanted)}), "
            f"got {len(given)} value(s).",
        )


def assign(template_name: str, needed: list[Variable], values: Values, *, named: bool) -> list[tuple[Variable, str]]:
    """Pairs each variable with its value, or a FieldInvalid naming the component and the variable."""
    by_kind = {kind: [v for v in needed if v.component == kind] for kind in ("header", "body", "button")}
    pairs: list[tuple[Variable, str]] = []
    given_named = dict(values.named_variables or {})
    if named:
        if values.variables or values.header_variables:
            field = "variables" if values.variables else "header_variables"
            raise FieldInvalid(
                field,
                f"Template {template_name!r} uses named variables ({_names(by_kind['header'] + by_kind['body'])}): "
                "send them as named_variables.",
            )
        known = {v.name for v in by_kind["header"] + by_kind["body"]}
        for name in given_named:
            if name not in known:
                raise FieldInvalid(
                    f"named_variables.{name}",
                    f"Template {template_name!r} has no variable {{{{{name}}}}}; its variables are "
                    f"{_names(by_kind['header'] + by_kind['body'])}.",
                )
        for variable in by_kind["header"] + by_kind["body"]:
            if variable.name not in given_named:
                raise FieldInvalid(variable.field, f"The {variable.label} of template {template_name!r} needs a value.")
            pairs.append((variable, given_named[variable.name]))
    else:
        if given_named:
            name = next(iter(given_named))
            raise FieldInvalid(
                f"named_variables.{name}",
                f"Template {template_name!r} uses numbered variables ({{{{1}}}}, {{{{2}}}} …), not named ones: "
                "send them as variables and header_variables.",
            )
        _check_positional(template_name, by_kind["header"], values.header_variables, "header_variables", "header")
        _check_positional(template_name, by_kind["body"], values.variables, "variables", "body")
        pairs += zip(by_kind["header"], values.header_variables, strict=True)
        pairs += zip(by_kind["body"], values.variables, strict=True)
    links = by_kind["button"]
    if len(values.button_variables) != len(links):
        described = ", ".join(f"{v.button_text!r} ({v.url_prefix}{{{{{v.name}}}}})" for v in links) or "none"
        raise FieldInvalid(
            "button_variables",
            f"Template {template_name!r} has {len(links)} link button(s) with a variable ({described}), "
            f"got {len(values.button_variables)} value(s).",
        )
    pairs += zip(links, values.button_variables, strict=True)
    for variable, value in pairs:
        _check_value(variable, value)
    return pairs


def _check_value(variable: Variable, value: str) -> None:
    if not value.strip():
        raise FieldInvalid(variable.field, f"The {variable.label} is empty; WhatsApp refuses empty values.")
    if len(value) > variable.max_length:
        raise FieldInvalid(
            variable.field,
            f"The {variable.label} may be at most {variable.max_length} characters, not {len(value)}.",
        )
    if variable.component == "header" and ("\n" in value or "\t" in value):
        raise FieldInvalid(variable.field, f"The {variable.label} cannot contain line breaks or tabs.")
    if variable.component == "button" and any(c.isspace() for c in value):
        raise FieldInvalid(variable.field, f"The {variable.label} is part of a link: it cannot contain spaces.")


def fill(text: str, values: Mapping[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def check_rendered(template_name: str, components: Sequence[dict[str, Any]], pairs: list[tuple[Variable, str]]) -> None:
    """With the values in, the header and body must still fit (WhatsApp's 132005)."""
    for kind, where in (("HEADER", "header"), ("BODY", "body")):
        mine = [(v, value) for v, value in pairs if v.component == where]
        if not mine:
            continue
        rendered = fill(_text_of(components, kind), {v.name: value for v, value in mine})
        limit = RENDERED_LIMITS[where]  # type: ignore[index]
        if len(rendered) > limit:
            raise FieldInvalid(
                mine[0][0].field,
                f"With these values the {where} of template {template_name!r} is {len(rendered)} characters; "
                f"WhatsApp allows {limit}.",
            )


def wire_components(
    components: Sequence[dict[str, Any]], pairs: list[tuple[Variable, str]], payloads: Sequence[str], *, named: bool
) -> list[dict[str, Any]]:
    """The send-side `components` (§4.7): header, body, then one `button` component per button value."""
    wire: list[dict[str, Any]] = []
    for where in ("header", "body"):
        params = []
        for variable, value in pairs:
            if variable.component != where:
                continue
            param: dict[str, Any] = {"type": "text", "text": value}
            if named:
                param["parameter_name"] = variable.name
            params.append(param)
        if params:
            wire.append({"type": where, "parameters": params})
    quick_replies = [i for i, b in enumerate(buttons(components)) if str(b.get("type", "")).upper() == "QUICK_REPLY"]
    if len(payloads) > len(quick_replies):
        raise FieldInvalid(
            "button_payloads",
            f"The template has {len(quick_replies)} quick-reply button(s), got {len(payloads)} payload(s).",
        )
    button_values = [
        (v.button_index, "url", {"type": "text", "text": value}) for v, value in pairs if v.button_index is not None
    ]
    button_values += [
        (quick_replies[i], "quick_reply", {"type": "payload", "payload": p}) for i, p in enumerate(payloads)
    ]
    for index, sub_type, param in sorted(button_values, key=lambda item: item[0] or 0):
        wire.append({"type": "button", "sub_type": sub_type, "index": str(index), "parameters": [param]})
    return wire
