"""Build the bilingual site: check → render → both MkDocs builds → swap into place.

Everything is built in a temporary folder beside the output and moved into place only when
every step succeeded, so a failed build never replaces or half-writes the previous site.
Dates in the output come from the content (``SOURCE_DATE_EPOCH`` for MkDocs' sitemap), never
from the build machine's clock, so the same inputs give byte-identical output.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import checks, engine, render
from .search import index as search_index
from .findings import Finding, has_errors
from .model import Content
from .script import Converter
from .settings import Settings


@dataclass
class BuildResult:
    ok: bool
    findings: list[Finding]
    files_checked: int
    pages: int = 0


def build(root: Path, out: Path) -> BuildResult:
    loaded, settings, findings = checks.run(root)
    files = loaded.files_checked if loaded else 1
    if loaded is None or settings is None or has_errors(findings):
        return BuildResult(False, findings, files)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=out.parent))
    try:
        pages = generate(loaded.content, settings, work)
        _swap(work / "site", out, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BuildResult(True, findings, files, len(pages))


def generate(content: Content, settings: Settings, work: Path) -> list[render.Page]:
    """Render and run both engines; the finished site is ``work/site``."""
    converter = Converter(settings.hant_variant)
    pages = render.render(content, settings, converter)
    nav = _nav(content)
    configs = []
    for script in engine.SCRIPTS:
        configs.append(engine.write_project(work / script, script, pages, settings, converter, nav,
                                            work / f"site-{script}"))
    engine.run(configs, {"SOURCE_DATE_EPOCH": str(_epoch(content))})
    site = work / "site"
    (work / f"site-{engine.HANS}").rename(site)
    (work / f"site-{engine.HANT}").rename(site / engine.HANT_DIR)
    engine.strip_theme_assets(site)
    engine.strip_theme_assets(site / engine.HANT_DIR)
    search_index.write(render.Site.of(content, settings), converter, site / "search")
    return pages


def _swap(new: Path, out: Path, work: Path) -> None:
    if out.exists():
        out.rename(work / "previous")
    new.rename(out)


def _nav(content: Content) -> list[dict[str, Any]]:
    departments = sorted(content.departments, key=lambda d: d.code)
    return [
        {"首页": "index.md"},
        {"实施部门": [{"全部部门": "departments/index.md"}]
         + [{d.short_name or d.name: f"departments/{d.code}.md"} for d in departments]},
        {"分类索引": "modes/index.md"},
        {"典型案例": "cases/index.md"},
        {"关于数据": "about.md"},
    ]


def _epoch(content: Content) -> int:
    """The latest date in the content, as a Unix time: what MkDocs writes as 'last modified'."""
    items = content.published_items()
    dates = [i.effective_date for i in items] + [i.review.date for i in items]
    dates += [c.month + "-01" for c in content.cases]
    latest = max(dates, default="2000-01-01")
    return int(dt.datetime.fromisoformat(latest).replace(tzinfo=dt.timezone.utc).timestamp())
