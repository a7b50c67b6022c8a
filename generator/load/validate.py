"""Validate parsed content against the JSON Schema and explain each error in editors' words.

jsonschema finds the errors; this module turns each into a finding at the line of the
offending value, with the field's Chinese title (taken from the schema itself) and what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import difflib
from typing import Any, Iterator

import jsonschema
import jsonschema_rs

from .. import privacy
from .. import schema as schemas
from ..findings import Finding, finding
from ..messages import current as msg
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
    for error in v.iter_errors(parsed.data):
        if only is not None and error.validator not in only:
            continue
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


def _explain(error: jsonschema.ValidationError, root: dict[str, Any],
             settings: Settings | None) -> Iterator[tuple[Path, str, dict[str, Any]]]:
    path: Path = tuple(error.absolute_path)
    instance = error.instance
    kind = error.validator
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
        yield path, "E203", {"label": label, "value": shown, "allowed": _allowed(path, error, settings)}
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


def _allowed(path: Path, error: jsonschema.ValidationError, settings: Settings | None) -> str:
    if path and path[-1] == "mode" and settings is not None:
        labelled = [f"{m.code}（{m.label}）" for m in settings.modes]
        by_label = next((m for m in settings.modes if m.label == error.instance), None)
        text = "、".join(labelled)
        if by_label:
            return f"{text}；这里请写代码 {by_label.code}，而不是名称"
        return text
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
