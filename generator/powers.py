"""The departments' 权责清单 (power-and-responsibility lists): ``powers/<department>.yaml``.

Optional, one file per department (schema: ``generator/schema/powers.schema.json``): each power's
code as the list prints it, and its name. A guidance item names the powers it serves in
``power_codes``; with its department's list at hand, ``check`` says when a code is not on it
(W918) and the review shows each power's name. Departments without a list are not checked:
formats differ by province, and a code is an opaque string.
"""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath
from typing import Iterator

from . import sources
from .findings import Finding, finding
from .layout import POWERS_DIR
from .load import Loaded, read_document
from .load.validate import validate_static
from .settings import Settings
from .sources import Source

SCHEMA = "powers.schema.json"


def with_powers(loaded: Loaded, root: Source, settings: Settings) -> Loaded:
    """``loaded`` with the power lists under ``root/powers`` and the findings of their files."""
    if root.kind(POWERS_DIR, follow=True) != sources.FOLDER:
        return loaded
    lists: dict[str, dict[str, str]] = {}
    findings: list[Finding] = []
    files = 0
    known = {d.code for d in loaded.content.departments}
    for rel, kind in sources.walk(root, POWERS_DIR):
        if kind != sources.FILE or PurePosixPath(rel).suffix not in (".yaml", ".yml"):
            continue
        files += 1
        doc, problems = read_document(root, rel, "powers")
        findings += problems
        if doc is None:
            continue
        invalid, _ = validate_static(rel, SCHEMA, doc.parsed, settings)
        findings += invalid
        if invalid:
            continue
        data = doc.parsed.data
        if data["department"] not in known:
            if not loaded.unreadable:  # a catalog that does not load is reported already
                findings.append(finding(rel, *doc.position(("department",)), "W919", code=data["department"]))
            continue
        own = lists.setdefault(data["department"], {})
        for power in data["powers"]:
            own.setdefault(power["code"], power["name"])
    return dataclasses.replace(loaded, findings=loaded.findings + findings,
                               files_checked=loaded.files_checked + files, powers=lists)


def check(loaded: Loaded) -> Iterator[Finding]:
    """Every power code of an item that is not on its department's list (when it has one)."""
    for department in loaded.content.departments:
        listed = loaded.powers.get(department.code)
        if listed is None:
            continue
        for item in department.items:
            for k, code in enumerate(item.power_codes):
                if code not in listed:
                    path = item.origin.path
                    yield finding(path, *loaded.locate(path, item.origin.pointer + ("power_codes", k)), "W918",
                                  code=code, department=department.name)
