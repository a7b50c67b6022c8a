"""Guidance documents in the site: each published item's pre-filled .docx of each of its kinds.

For every published item in force and every document kind of its mode (``documents/kinds.yaml``),
the simplified site gets ``documents/<item>-<kind>.docx`` and the traditional site the same file
with every text converted like the pages. The item page links them (``PublishedView.documents``).

The year printed in the number (〔2025〕) is the year of the department's version date — the
latest effective or review date of its published items, as on its office notice — never the
clock's, so the same content gives the same bytes. Filling is the costly part, so each file is
kept in the build cache under the digest of everything it is made of (the template's bytes, the
script and converter, the field values); a one-item edit fills only that item's documents.
Runs in the build's forked child beside the engines (``build.generate``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .. import cache, documents, layout, notices
from ..view import PublishedView

SCRIPT_DIRS = ((layout.HANS, ""), (layout.HANT, layout.HANT_DIR))


@dataclass
class Documents:
    """The documents output: ``context`` is None when the repository has no ``documents/``;
    ``store`` is the cache folder (entries not used by the last build are removed)."""

    context: documents.Context | None
    store: Path | None = None

    def links(self, view: PublishedView) -> dict[str, list[tuple[str, str]]]:
        """Item id → (path under a script's root, kind name) of each of its documents."""
        if self.context is None:
            return {}
        found = {}
        for item in view.items:
            kinds = documents.kinds_for(item, self.context)
            if kinds:
                found[item.id] = [(layout.document(item.id, k.code), k.name) for k in kinds]
        return found

    def write(self, view: PublishedView, out: Path) -> list[Path]:
        if self.context is None:
            return []
        context, converter = self.context, view.converter
        if self.store is not None:
            self.store.mkdir(parents=True, exist_ok=True)
        used: set[str] = set()
        written = []
        for department in view.departments:
            year = int(notices.version_date(department)[:4])
            for item in view.items_of(department):
                for kind in documents.kinds_for(item, context):
                    for script, folder in SCRIPT_DIRS:
                        values = documents.values(item, department, context, kind, converter, script, year)
                        key = cache.digest(context.template_hash(kind), script,
                                           converter.identity if script == layout.HANT else "",
                                           json.dumps(values, ensure_ascii=False, sort_keys=True))
                        used.add(key)
                        path = out / folder / layout.document(item.id, kind.code)
                        path.parent.mkdir(parents=True, exist_ok=True)
                        kept = self._kept(key)
                        if kept is None:
                            data = context.template(kind, converter, script).fill(values)
                            kept = self._keep(key, data)
                        if kept is None:
                            path.write_bytes(data)
                        else:
                            cache.share(kept, path)
                        written.append(path)
        self._forget_all_but(used)
        return written

    def _kept(self, key: str) -> Path | None:
        if self.store is None or not (self.store / f"{key}.docx").is_file():
            return None
        return self.store / f"{key}.docx"

    def _keep(self, key: str, data: bytes) -> Path | None:
        """The stored file (a new file moved into place, never one rewritten: the site may
        share it, see ``cache.share``); None without a store."""
        if self.store is None:
            return None
        temporary = self.store / f".{key}.tmp"
        temporary.write_bytes(data)
        return temporary.replace(self.store / f"{key}.docx")

    def _forget_all_but(self, used: set[str]) -> None:
        if self.store is not None:
            for entry in self.store.glob("*.docx"):
                if entry.stem not in used:
                    entry.unlink()
