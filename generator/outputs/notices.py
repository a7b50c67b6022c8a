"""Office notices (办公场所公示) as PDF in the site: ``notices/<department>.pdf`` in each script.

Made only when the settings ask (``extra.notice_pdf``): WeasyPrint takes seconds per notice with
the CJK fonts, which would make a clean build of a district several times slower. The notice
page (``notices/<department>.html``) is always in the site and prints from the browser. A PDF is
a pure function of its HTML (``generator.notices``), so it is kept in the build cache under the
digest of that HTML and WeasyPrint's version: an edit prints again only the notices it changed.
Runs in a forked child of its own, beside the engines and the other data files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import cache, layout, notices
from ..view import PublishedView

if TYPE_CHECKING:
    from ..laws.library import Library

SCRIPT_DIRS = ((layout.HANS, ""), (layout.HANT, layout.HANT_DIR))


@dataclass
class NoticePdfs:
    library: Library | None
    store: Path  # the cache folder; entries not used by the last build are removed

    def write(self, view: PublishedView, out: Path) -> list[Path]:
        if not view.settings.notice_pdf:
            return []
        import weasyprint

        self.store.mkdir(parents=True, exist_ok=True)
        used, written = set(), []
        for department in view.departments:
            context = notices.Context.of(view.settings, self.library, notices.version_date(department))
            items, entries = view.items_of(department), view.entries_in(department)
            for script, folder in SCRIPT_DIRS:
                page = notices.html(department, items, entries, context, view.converter, script)
                key = cache.digest(page, weasyprint.__version__)
                kept = self.store / f"{key}.pdf"
                if not kept.is_file():
                    temporary = self.store / f".{key}.tmp"
                    temporary.write_bytes(notices.pdf(department, items, entries, context, view.converter, script))
                    temporary.replace(kept)
                used.add(kept.name)
                target = out / folder / layout.notice_pdf(department.code)
                target.parent.mkdir(parents=True, exist_ok=True)
                cache.share(kept, target)
                written.append(target)
        for entry in self.store.glob("*.pdf"):
            if entry.name not in used:
                entry.unlink()
        return written
