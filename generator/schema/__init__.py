"""The JSON Schemas of the two content file kinds, shared by editors and the checker.

The files beside this module are what VS Code reads (through the ``yaml-language-server``
comment at the top of each content file) and what ``check`` validates against, so the two
cannot drift. The one part that depends on the site's settings — the list of guidance mode
codes — is filled in from ``mkdocs.yml`` at check time; ``python -m generator schema`` writes
it back into the files so editors autocomplete the same codes. ``law.schema.json`` (the statute
library's metadata files) depends on no setting: ``load_static``. Shared definitions (the
``public_names`` list of a department, an item or a case) live under ``$defs`` and are reached
through ``$ref`` by ``subschema_at`` like any other field.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

HERE = Path(__file__).parent
KINDS = {"catalog": HERE / "catalog.schema.json", "case": HERE / "case.schema.json"}


@lru_cache(maxsize=None)
def _read(kind: str) -> str:
    return KINDS[kind].read_text(encoding="utf-8")


def load(kind: str, mode_codes: Iterable[str] | None = None) -> dict[str, Any]:
    """The schema of ``kind`` ('catalog' or 'case'), with the mode enum set to ``mode_codes``."""
    schema = json.loads(_read(kind))
    if mode_codes is not None:
        _mode_schema(schema, kind)["enum"] = list(mode_codes)
    return schema


def load_static(name: str) -> dict[str, Any]:
    """A schema beside this module that no setting changes, e.g. ``law.schema.json``."""
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def mode_codes_in_file(kind: str) -> list[str]:
    return list(_mode_schema(json.loads(_read(kind)), kind)["enum"])


def write_modes(mode_codes: list[str]) -> list[Path]:
    """Rewrite the mode enum in the schema files; return the files that changed."""
    changed = []
    for kind, path in KINDS.items():
        schema = json.loads(path.read_text(encoding="utf-8"))
        if _mode_schema(schema, kind)["enum"] == mode_codes:
            continue
        _mode_schema(schema, kind)["enum"] = list(mode_codes)
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        _read.cache_clear()
        changed.append(path)
    return changed


def _mode_schema(schema: dict[str, Any], kind: str) -> dict[str, Any]:
    if kind == "catalog":
        return schema["$defs"]["item"]["properties"]["mode"]
    return schema["properties"]["mode"]


def subschema_at(schema: dict[str, Any], path: Iterable[str | int]) -> dict[str, Any]:
    """Follow a data path (keys and list indexes) through properties, items and $refs."""
    node = _deref(schema, schema)
    for step in path:
        if isinstance(step, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(step, {})
        node = _deref(schema, node)
    return node


def _deref(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Merge a node with what its $ref points to; the node's own title/description win."""
    while "$ref" in node:
        target = root
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node
