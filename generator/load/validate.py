"""Validate parsed content against the JSON Schema and explain each error in editors' words.

jsonschema finds the errors; this module turns each into a finding at the line of the
offending value, with the field's Chinese title (taken from the schema itself) and what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import difflib
import re
from typing import Any, Iterator

import jsonschema
import jsonschema_rs

from .. import privacy
from .. import schema as schemas
from ..findings import Finding, finding
from ..messages import current as msg
from . import choices, dates
from .yamlsource import Parsed, Path

if TYPE_CHECKING:
    from ..settings import Settings

_validators: dict[tuple[str, tuple[str, ...]], tuple[jsonschema.protocols.Validator, object]] = {}


def validators(kind: str, settings: Settings) -> tuple[jsonschema.protocols.Validator, object]:
    """(jsonschema validator, jsonschema-rs validator) for the same schema.

    jsonschema explains errors well but is slow on valid data: 10,000 items took 8 s of a
    13.5 s check (bench/check.py). jsonschema-rs answers "valid?" for the same 10,000 items
    in 0.04 s, so it screens every file and jsonschema only explains the files that fail.
    """
    key = (kind, tuple(settings.mode_codes))
    if key not in _validators:
        schema = schemas.load(kind, settings.mode_codes)
        cls = jsonschema.validators.validator_for(schema)
        _validators[key] = (cls(schema, format_checker=cls.FORMAT_CHECKER),
                            jsonschema_rs.validator_for(schema, validate_formats=True))
    return _validators[key]


def validator(kind: str, settings: Settings) -> jsonschema.protocols.Validator:
    return validators(kind, settings)[0]


def validate(rel: str, kind: str, parsed: Parsed, settings: Settings,
             line_offset: int = 0) -> tuple[list[Finding], set[Path]]:
    """Findings for ``parsed.data``, and the set of data paths that had errors."""
    return _validate(rel, validators(kind, settings), parsed, settings, line_offset)


def validate_static(rel: str, schema_file: str, parsed: Parsed, settings: Settings | None,
                    only: frozenset[str] | None = None) -> tuple[list[Finding], set[Path]]:
    """The same, against a schema of ``generator/schema/`` that no setting changes (law.schema.json,
    settings.schema.json). ``only``: the schema keywords reported (mkdocs.yml: its keys only, as
    ``settings`` explains wrong values in operators' words)."""
    if schema_file not in _validators_static:
        schema = schemas.load_static(schema_file)
        cls = jsonschema.validators.validator_for(schema)
        _validators_static[schema_file] = (cls(schema, format_checker=cls.FORMAT_CHECKER),
                                           jsonschema_rs.validator_for(schema, validate_formats=True))
    return _validate(rel, _validators_static[schema_file], parsed, settings, 0, only)


_validators_static: dict[str, tuple[jsonschema.protocols.Validator, object]] = {}


def _validate(rel: str, pair: tuple[jsonschema.protocols.Validator, object], parsed: Parsed,
              settings: Settings | None, line_offset: int,
              only: frozenset[str] | None = None) -> tuple[list[Finding], set[Path]]:
    v, screen = pair
    findings: list[Finding] = []
    bad_paths: set[Path] = set()
    if screen.is_valid(parsed.data):
        return findings, bad_paths
    explained: set[Path] = set()  # a value gets one finding, however many keywords it fails
    for error in v.iter_errors(parsed.data):
        if only is not None and error.validator not in only:
            continue
        if error.validator not in _OBJECT_KEYWORDS:
            if tuple(error.absolute_path) in explained:
                continue
            explained.add(tuple(error.absolute_path))
        for path, code, params in _explain(error, v.schema, settings):
            line, col = _position(parsed, path)
            findings.append(finding(rel, line + line_offset, col, code, **params))
            bad_paths.add(path)
    return findings, bad_paths


def _position(parsed: Parsed, path: Path) -> tuple[int, int]:
    while path not in parsed.positions and path:
        path = path[:-1]
    return parsed.positions.get(path, (1, 1))


def label_of(root_schema: dict[str, Any], path: Path) -> str:
    """'content（指导内容）' for a field path; list positions name the list's field."""
    keys = [p for p in path if isinstance(p, str)]
    title = schemas.subschema_at(root_schema, path).get("title")
    if not title:
        title = schemas.subschema_at(root_schema, path[:-1]).get("title") if path else ""
    name = keys[-1] if keys else ""
    if title and name:
        return f"{name}（{title}）"
    return title or name or "内容"


_OBJECT_KEYWORDS = ("required", "additionalProperties")


def _explain(error: jsonschema.ValidationError, root: dict[str, Any],
             settings: Settings | None) -> Iterator[tuple[Path, str, dict[str, Any]]]:
    path: Path = tuple(error.absolute_path)
    instance = error.instance
    kind = error.validator
    if isinstance(instance, str) and kind not in _OBJECT_KEYWORDS:
        usual = _usual_mistake(error, root, path, instance, settings)
        if usual is not None:
            yield usual
            return
    if kind == "required":
        present = instance.keys() if isinstance(instance, dict) else ()
        for name in error.validator_value:
            if name not in present:
                sub = schemas.subschema_at(root, path + (name,))
                yield path, "E201", {"field": name, "label": sub.get("title", name)}
        return
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        for key in instance:
            if key in allowed:
                continue
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            suggestion = ""
            if close:
                sub = schemas.subschema_at(root, path + (close[0],))
                suggestion = msg.DID_YOU_MEAN.format(key=close[0], label=sub.get("title", close[0]))
            yield path + (key,), "E205", {"key": key, "suggestion": suggestion, "allowed": "、".join(allowed)}
        return
    label = label_of(root, path)
    # The value is quoted back to the editor and may be personal data typed in the wrong field
    # (a mobile number as the supervision phone): it is shown masked, like every finding.
    shown = privacy.redact(instance) if isinstance(instance, str) else instance
    if instance is None or instance == "" or instance == []:
        yield path, "E206", {"label": label}
        return
    if kind == "type":
        expected = error.validator_value
        actual = _json_type(instance)
        hint = msg.TYPE_HINTS.get((expected, actual), "")
        yield path, "E202", {"label": label, "expected": msg.TYPE_NAMES.get(expected, expected),
                             "actual": msg.TYPE_NAMES.get(actual, actual), "hint": hint}
    elif kind == "enum":
        match = choices.closest(instance, _choices(path, error, settings)) if isinstance(instance, str) else None
        suggestion = msg.ENUM_DID_YOU_MEAN.format(value=match.choice.value) if match else ""
        yield path, "E203", {"label": label, "value": shown, "allowed": _allowed(path, error, settings),
                             "suggestion": suggestion}
    elif kind == "pattern":
        rule = error.schema.get("description") or schemas.subschema_at(root, path).get("description", "")
        yield path, "E204", {"label": label, "value": shown, "rule": rule}
    elif kind == "format":
        yield path, "E207", {"label": label, "value": shown}
    elif kind in ("minLength", "minItems"):
        yield path, "E206", {"label": label}
    elif kind == "uniqueItems":
        yield path, "E208", {"label": label}
    else:  # a schema keyword we do not phrase specially: still one clear line
        yield path, "E204", {"label": label, "value": shown, "rule": privacy.redact(error.message)}


def _usual_mistake(error: jsonschema.ValidationError, root: dict[str, Any], path: Path, value: str,
                   settings: Settings | None) -> tuple[Path, str, dict[str, Any]] | None:
    """The editors' usual mistakes behind a value that fails: quotes from Word, a date in
    another spelling, a list typed with Chinese commas, a label where the code belongs. Each is
    named with the exact text to write instead."""
    label = label_of(root, path)
    where = _field_name(path)
    in_list = bool(path) and isinstance(path[-1], int)
    bare = value.strip(msg.CURLY_QUOTES)
    if bare != value and bare.strip():
        quote = value[0] if value[0] in msg.CURLY_QUOTES else value[-1]
        fixed = privacy.redact(bare) if in_list else f"{where}: {privacy.redact(bare)}"
        return path, "E209", {"label": label, "value": privacy.redact(value), "quote": quote, "fixed": fixed}
    schema = error.schema if error.validator != "type" else schemas.subschema_at(root, path)
    pattern = schema.get("pattern", "")
    day = schema.get("format") == "date"
    # A month field: its pattern takes a year and month, and nothing else (not a code pattern).
    month = bool(pattern) and all(bool(re.fullmatch(pattern, probe)) == ok for probe, ok in
                                  (("2024-03", True), ("2024-03-01", False), ("ab12-cd", False)))
    if day or month:
        fixed = dates.iso(value, with_day=day)
        if fixed is not None and fixed != value:
            return path, "E210", {"label": label, "value": value, "fixed": f"{where}: {fixed}"}
        if fixed is None and dates.recognise(value) is not None:  # 2025年2月30日
            return path, "E207", {"label": label, "value": value}
    parts = [p.strip() for p in _LIST_SEPARATORS.split(value) if p.strip()]
    list_path = path[:-1] if in_list else path
    coded = schemas.subschema_at(root, list_path + (0,))  # lists of codes and fixed values only
    if (len(parts) > 1 and (in_list or error.validator_value == "array")
            and ("enum" in coded or "pattern" in coded)):
        items = ", ".join(privacy.redact(p) for p in parts)
        return list_path, "E211", {"label": label_of(root, list_path), "value": privacy.redact(value),
                                   "fixed": items if in_list else f"{_field_name(list_path)}: [{items}]"}
    if error.validator == "enum":
        match = choices.closest(value, _choices(path, error, settings))
        if match is not None and match.by_label:
            return path, "E212", {"label": label, "value": value, "meant": match.choice.label,
                                  "fixed": f"{where}: {match.choice.value}"}
    return None


# Chinese commas, 顿号 and semicolons: typed between list items, they make one item of them all.
_LIST_SEPARATORS = re.compile(r"[，、；;,]")


def _field_name(path: Path) -> str:
    """The field's own name, as written before its colon (a list item: its list's name)."""
    return next((str(p) for p in reversed(path) if isinstance(p, str)), "")


def _choices(path: Path, error: jsonschema.ValidationError, settings: Settings | None) -> list[choices.Choice]:
    """The allowed values with the labels people know them by: the guidance modes of the
    settings, otherwise the schema's ``enumDescriptions`` (the part before "：")."""
    if path and path[-1] == "mode" and settings is not None:
        return [choices.Choice(m.code, m.label) for m in settings.modes]
    described = error.schema.get("enumDescriptions") or []
    labels = [str(d).split("：")[0] for d in described] + [""] * len(error.validator_value)
    return [choices.Choice(str(v), labels[i]) for i, v in enumerate(error.validator_value)]


def _allowed(path: Path, error: jsonschema.ValidationError, settings: Settings | None) -> str:
    if path and path[-1] == "mode" and settings is not None:
        return "、".join(f"{m.code}（{m.label}）" for m in settings.modes)
    return "、".join(str(v) for v in error.validator_value)


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null" if value is None else type(value).__name__
