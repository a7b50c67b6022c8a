"""The JSON Schemas of the two content file kinds, shared by editors and the checker.

The files beside this module are what VS Code reads (through the ``yaml-language-server``
comment at the top of each content file) and what ``check`` validates against, so the two
cannot drift. The one part that depends on the site's settings — the list of guidance mode
codes — is filled in from ``mkdocs.yml`` at check time; ``python -m generator schema`` writes
it back into the files so editors autocomplete the same codes. The trade codes (``extra.trades``)
are written the same way for editors, but checked by ``checks.trades`` (E954, with a
suggestion). ``law.schema.json`` (the statute library's metadata files) depends on no setting:
``load_static``. Shared definitions (the ``public_names`` list of a department, an item or a
case) live under ``$defs`` and are reached through ``$ref`` by ``subschema_at`` like any other
field.
"""

from __future__ import annotations

import json
import re
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
    if kind == "catalog":  # any text passes here; checks.trades names an unknown trade with a suggestion
        for key in ("enum", "enumDescriptions", "markdownEnumDescriptions"):
            _trade_schema(schema).pop(key, None)
    if mode_codes is not None:
        node = _mode_schema(schema, kind)
        node["enum"] = list(mode_codes)
        node.pop("enumDescriptions", None)  # the labels follow the settings (load.validate)
        node.pop("markdownEnumDescriptions", None)
    return schema


def load_static(name: str) -> dict[str, Any]:
    """A schema beside this module that no setting changes, e.g. ``law.schema.json``."""
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def modes_in_file(kind: str) -> list[tuple[str, str]]:
    """(code, label) of the guidance modes as the editors' schema file lists them."""
    node = _mode_schema(json.loads(_read(kind)), kind)
    labels = node.get("enumDescriptions") or []
    return [(code, labels[i] if i < len(labels) else "") for i, code in enumerate(node["enum"])]


def write_modes(modes: list[tuple[str, str]]) -> list[Path]:
    """Rewrite the mode enum, with its Chinese labels for VS Code's completion list, in the
    schema files; return the files that changed."""
    changed = []
    for kind, path in KINDS.items():
        schema = json.loads(path.read_text(encoding="utf-8"))
        node = _mode_schema(schema, kind)
        wanted = {"enum": [code for code, _ in modes], "enumDescriptions": [label for _, label in modes],
                  "markdownEnumDescriptions": [f"**{label}**（`{code}`）" for code, label in modes]}
        if all(node.get(key) == value for key, value in wanted.items()):
            continue
        node.update(wanted)
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        _read.cache_clear()
        changed.append(path)
    return changed


def trades_in_file() -> list[tuple[str, str]]:
    """(code, label) of the trades as the editors' catalog schema lists them."""
    node = _trade_schema(json.loads(_read("catalog")))
    labels = node.get("enumDescriptions") or []
    return [(code, labels[i] if i < len(labels) else "") for i, code in enumerate(node.get("enum") or [])]


def write_trades(trades: list[tuple[str, str]]) -> list[Path]:
    """Rewrite the trade enum of the catalog schema, with labels for VS Code's completion list."""
    path = KINDS["catalog"]
    schema = json.loads(path.read_text(encoding="utf-8"))
    node = _trade_schema(schema)
    wanted = {"enum": [code for code, _ in trades], "enumDescriptions": [label for _, label in trades],
              "markdownEnumDescriptions": [f"**{label}**（`{code}`）" for code, label in trades]}
    if all(node.get(key) == value for key, value in wanted.items()):
        return []
    node.update(wanted)
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _read.cache_clear()
    return [path]


def _trade_schema(schema: dict[str, Any]) -> dict[str, Any]:
    return schema["$defs"]["item"]["properties"]["trades"]["items"]


SNIPPETS = HERE.parents[1] / ".vscode" / "xzzd.code-snippets"
_SNIPPET_MODES = re.compile(r"(mode: \$\{\d+\|)[^|]*(\|\})")


def write_snippet_modes(mode_codes: list[str], path: Path = SNIPPETS) -> list[Path]:
    """Offer the same mode codes in the editors' snippets (a choice list in each body)."""
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    new = _SNIPPET_MODES.sub(lambda m: m.group(1) + ",".join(mode_codes) + m.group(2), text)
    if new == text:
        return []
    path.write_text(new, encoding="utf-8")
    return [path]


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
