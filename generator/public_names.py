"""Names that editors have marked as publishable, each with a reason the legal office reviews.

A full personal name in a case or item is an error (E607), except the names listed under
``public_names`` — an official acting in office, a company named after a person — each with
its reason::

    public_names:
      - name: 王建国
        reason: 区市场监管局局长，依职务公开

A list in a case or an item allows the name there; a list in a catalog's ``department`` block
allows it in the whole file. The lists are checked by the JSON Schemas, shown to the legal
office in the review report, never rendered on the site, and the same names pass the scan of
the built site (``generator.egress``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from . import privacy

if TYPE_CHECKING:
    from .load import Document, Loaded

FIELD = "public_names"
# Parts of a counterpart written after the de-identified designation: 某超市（李建国）.
_COUNTERPART_PARTS = re.compile(r"[（()）【】\[\]、，,;；:：/\s]+")


@dataclass(frozen=True, order=True)
class PublicName:
    path: str  # the file
    line: int
    name: str
    reason: str
    scope: tuple  # the data path the listing applies to: () the file, ("items", 3) one item


def _entries(raw: Any) -> Iterable[tuple[int, str, str]]:
    for i, entry in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"].strip():
            reason = entry.get("reason")
            yield i, entry["name"].strip(), reason.strip() if isinstance(reason, str) else ""


def of_document(doc: Document) -> list[PublicName]:
    """Every listing in one content file, with the part of the file it applies to."""
    data = doc.parsed.data if isinstance(doc.parsed.data, dict) else {}
    found = []
    places: list[tuple[tuple, tuple]] = [((FIELD,), ())]  # a case's own list
    department = data.get("department")
    if isinstance(department, dict):
        places.append((("department", FIELD), ()))
    for i, item in enumerate(data.get("items") if isinstance(data.get("items"), list) else []):
        if isinstance(item, dict) and FIELD in item:
            places.append((("items", i, FIELD), ("items", i)))
    for pointer, scope in places:
        node: Any = data
        for step in pointer:
            node = node.get(step) if isinstance(node, dict) else None
        for i, name, reason in _entries(node):
            line, _ = doc.position(pointer + (i, "name"))
            found.append(PublicName(doc.path, line, name, reason, scope))
    return found


class Allowed:
    """Which names may be shown in which part of one file."""

    def __init__(self, listed: list[PublicName]) -> None:
        self.whole_file = frozenset(p.name for p in listed if p.scope == ())
        self.by_scope: dict[tuple, frozenset[str]] = {}
        for p in listed:
            if p.scope:
                self.by_scope[p.scope] = self.by_scope.get(p.scope, self.whole_file) | {p.name}
        self.anywhere = frozenset(p.name for p in listed)  # for text that has no place (comments)

    def at(self, pointer: tuple) -> frozenset[str]:
        return self.by_scope.get(tuple(pointer[:2]), self.whole_file)


def allowed_everywhere(loaded: Loaded | None) -> frozenset[str]:
    """Every listed name of the content: what the built site may show."""
    if loaded is None:
        return frozenset()
    return frozenset(p.name for doc in loaded.documents for p in of_document(doc))


def names_after_designation(counterpart: str, allowed: Allowed) -> list[str]:
    """Names written after the de-identified designation: 某超市（李建国）."""
    return [part for part in _COUNTERPART_PARTS.split(counterpart)
            if privacy.looks_like_name(part) and not privacy.is_listed(part, allowed.whole_file)]


def names_in(doc: Document) -> set[str]:
    """The personal names a file holds (after role words, in the counterpart): what an old
    version of it must not show anywhere (the change history)."""
    allowed = Allowed(of_document(doc))
    names = {m.key for m in privacy.find_names(doc.text, allowed.anywhere)}
    data = doc.parsed.data if isinstance(doc.parsed.data, dict) else {}
    counterpart = data.get("counterpart") if doc.kind == "case" else None
    if isinstance(counterpart, str) and not privacy.is_listed(counterpart.strip(), allowed.whole_file):
        text = counterpart.strip()
        if not privacy.is_deidentified(text):
            names.add(text)
        names.update(names_after_designation(text, allowed))
    return names
