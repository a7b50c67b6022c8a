"""The pages output: render every page, build both scripts with MkDocs, and list them in the sitemap.

``render`` makes each page's Markdown once; ``engine`` writes one MkDocs project per script
into the cache and runs MkDocs on both at once; the finished pages are linked into the output
(each written once, see ``cache.share``), and ``sitemap`` replaces MkDocs' own sitemaps with
one listing both scripts.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Callable

from ... import layout, memory
from ...messages import current as msg
from ...model import Department
from ...view import PublishedView
from .. import sitemap
from . import engine, render

# Material puts the whole navigation into every page: listing every department is handy for a
# district, but at city scale (hundreds of departments) it would multiply every page's size.
NAV_DEPARTMENTS_MAX = 60


class Pages:
    """Both scripts' pages, built in the MkDocs projects under ``projects`` (the build cache);
    with a ``memo`` kept between builds (the preview), unchanged pages are not rendered again,
    and with ``warm`` engine processes (the preview too), no engine is started again."""

    def __init__(self, projects: Path, memo: render.Memo | None = None, warm: engine.Warm | None = None) -> None:
        self.projects, self.memo, self.warm = projects, memo, warm

    def write(self, view: PublishedView, out: Path,
              meanwhile: Callable[[Callable[[], bool]], None] | None = None) -> list[render.Page]:
        """Build and put the pages into ``out`` (the zh-Hant site into its folder). Once a
        script's pages are in place while an engine still runs, ``meanwhile(busy)`` may use the
        idle core for as long as ``busy()``."""
        targets = {layout.HANS: out, layout.HANT: out / layout.HANT_DIR}
        pages, running = self.start(view)
        # The texts are in the projects now: not held while the engines run, when the build's
        # memory peaks (a city build's peak: 1,838 MB with them held, 1,760 MB without).
        pages = [dataclasses.replace(p, body="") for p in pages]
        memory.give_back()

        def then(project: engine.Project) -> None:
            engine.copy_site(project, targets[project.folder.name])
            if meanwhile and running.busy():
                meanwhile(running.busy)

        running.wait(then)
        sitemap.write(out, [p.url for p in pages if not p.meta.get("noindex")], view.settings.site_url)
        return pages

    def start(self, view: PublishedView) -> tuple[list[render.Page], engine.Running]:
        """Render, write both projects and start MkDocs on them (not waiting for it)."""
        pages = render.render(view, self.memo)
        navigation = nav(view.departments)
        running = engine.Running({**engine.ENGINE_ENV, "SOURCE_DATE_EPOCH": str(view.epoch)}, self.warm)
        for script in layout.SCRIPTS:
            running.start(engine.write_project(self.projects / script, script, pages, view.settings,
                                               view.converter, navigation, self.warm.texts.get(script) if self.warm else None))
        return pages, running


def nav(departments: list[Department]) -> list[dict[str, Any]]:
    """The navigation: each fixed page under its section's name, in ``render.FIXED_PAGES`` order."""
    entries: list[dict[str, Any]] = []
    for page in render.FIXED_PAGES:
        label = msg.SECTIONS[page.section]
        if page.path == layout.DEPARTMENTS and len(departments) <= NAV_DEPARTMENTS_MAX:
            listed = [{d.short_name or d.name: layout.department(d.code)} for d in departments]
            entries.append({label: [{msg.NAV_ALL_DEPARTMENTS: page.path}] + listed})
        else:
            entries.append({label: page.path})
    return entries
