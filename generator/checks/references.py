"""Identifiers and references: unique ids, files named after their department, every link
between items, 不罚清单 entries and cases resolving."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath
from typing import Iterator

from .. import layout
from ..findings import Finding, finding
from ..load import CATALOG, Document, Loaded
from ..settings import Settings


def check(loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    yield from _unique_ids(loaded.documents)
    content = loaded.content
    # Ids present in any file, even in parts that failed validation: a reference to an item
    # with a typo in another field must not be reported as "does not exist".
    catalogs = [d for d in loaded.documents if d.kind == CATALOG]
    known_items = {i for d in catalogs for i, _ in _ids(d, "items")}
    known_codes = {c for d in catalogs for c, _ in _department_code(d)}
    # A catalog that could not be read is reported on its own; what refers to it is not
    # reported again as missing.
    unreadable = {PurePosixPath(p).stem for p in loaded.unreadable}
    known_entries = {e for d in catalogs for e, _ in _ids(d, "no_penalty")}
    referenced_entries: Counter[str] = Counter(
        ref for d in catalogs for item in _list(d.parsed.data.get("items")) if isinstance(item, dict)
        for ref in _list(item.get("no_penalty")) if isinstance(ref, str))
    exempt = {i.id for i in content.items() if not i.published}

    for department in content.departments:
        path = department.origin.path
        expected = f"catalogs/{department.code}.yaml"
        if PurePosixPath(path).stem != department.code:
            yield finding(path, *loaded.locate(path, ("department", "code")), "E305",
                          code=department.code, expected=expected)
        if department.code in layout.RESERVED:
            yield finding(path, *loaded.locate(path, ("department", "code")), "E311",
                          code=department.code, page=layout.collides(layout.department(department.code)))
        for entry in department.no_penalty:
            if not entry.id.startswith(department.code + "-"):
                yield finding(path, *loaded.locate(path, entry.origin.pointer + ("id",)), "E306",
                              id=entry.id, code=department.code)
        for item in department.items:
            where = item.origin.pointer
            if not item.id.startswith(department.code + "-"):
                yield finding(path, *loaded.locate(path, where + ("id",)), "E306", id=item.id,
                              code=department.code)
            mode = settings.mode(item.mode)
            if mode and mode.requires_no_penalty and not item.no_penalty:
                yield finding(path, *loaded.locate(path, where + ("mode",)), "E307", mode=mode.label)
            for n, ref in enumerate(item.no_penalty):
                if ref not in known_entries or not ref.startswith(department.code + "-"):
                    yield finding(path, *loaded.locate(path, where + ("no_penalty", n)), "E303", id=ref)
        for entry in department.no_penalty:
            if not referenced_entries[entry.id]:
                yield finding(path, *loaded.locate(path, entry.origin.pointer + ("id",)), "W301",
                              id=entry.id)

    for case in content.cases:
        path = case.origin.path
        folder, stem = PurePosixPath(path).parent.name, PurePosixPath(path).stem
        if case.department in unreadable:
            continue
        if case.department not in known_codes:
            yield finding(path, *loaded.locate(path, ("department",)), "E304", code=case.department)
        elif folder != case.department:
            yield finding(path, *loaded.locate(path, ("department",)), "E308", code=case.department)
        if stem != case.id:
            yield finding(path, *loaded.locate(path, ("id",)), "E309", id=case.id, expected=f"{case.id}.md")
        if not case.id.startswith(case.department + "-"):
            yield finding(path, *loaded.locate(path, ("id",)), "E306", id=case.id, code=case.department)
        for n, ref in enumerate(case.items):
            if ref not in known_items and ref.split("-")[0] not in unreadable:
                yield finding(path, *loaded.locate(path, ("items", n)), "E302", id=ref)
            elif ref in exempt:
                yield finding(path, *loaded.locate(path, ("items", n)), "E310", id=ref)


def item_ids(loaded: Loaded) -> set[str]:
    """Ids of every item written in a catalog, even in an item that failed validation."""
    return {i for d in loaded.documents if d.kind == CATALOG for i, _ in _ids(d, "items")}


def _unique_ids(documents: list[Document]) -> Iterator[Finding]:
    first: dict[tuple[str, str], tuple[str, int]] = {}  # (namespace, id) -> where first seen
    for doc in documents:
        if doc.kind == CATALOG:
            found = [("department", *f) for f in _department_code(doc)]
            found += [("content", *f) for f in _ids(doc, "items")] + [("content", *f) for f in _ids(doc, "no_penalty")]
        else:
            value = doc.parsed.data.get("id")
            found = [("content", value, ("id",))] if isinstance(value, str) else []
        for namespace, value, pointer in found:
            line, col = doc.position(pointer)
            if (namespace, value) in first:
                other_path, other_line = first[namespace, value]
                yield finding(doc.path, line, col, "E301", id=value, other=f"{other_path}:{other_line}")
            else:
                first[namespace, value] = (doc.path, line)


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _department_code(doc: Document) -> Iterator[tuple[str, tuple]]:
    meta = doc.parsed.data.get("department")
    if isinstance(meta, dict) and isinstance(meta.get("code"), str):
        yield meta["code"], ("department", "code")


def _ids(doc: Document, section: str) -> Iterator[tuple[str, tuple]]:
    entries = doc.parsed.data.get(section)
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            yield entry["id"], (section, i, "id")
