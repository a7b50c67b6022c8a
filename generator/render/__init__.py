"""Render the model into Markdown pages (simplified script, with marks for fixed forms).

One Jinja2 template per page kind lives in ``site-template/pages``. The pages are rendered
once; ``engine`` then writes each page in both scripts. Only published items are rendered:
an exempt item never reaches a template, so it cannot appear in any page, link or count.
"""

from __future__ import annotations

import functools
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from markupsafe import Markup

from ..model import STAGES, Case, Content, Department, Item, NoPenaltyEntry
from .. import casebody, media
from ..script import Converter
from ..settings import Settings
from .. import export, pagenames, stats as statistics
from ..messages import current as msg
from ..review.history import NOT_READ, Dates, History
from . import body, markdown

TEMPLATES = Path(__file__).resolve().parents[2] / "site-template" / "pages"
STAGE_SLUGS = pagenames.STAGE_SLUGS


@dataclass(frozen=True)
class Page:
    """A page to write: its path under docs/, front-matter values and Markdown body."""

    path: str  # e.g. "items/scjg-001.md"
    meta: dict[str, Any]
    body: str

    @property
    def url(self) -> str:
        """The page's URL relative to the site root (use_directory_urls is off)."""
        return self.path[:-3] + ".html"


@dataclass
class Site:
    """The model arranged for templates: published content only, with lookups."""

    settings: Settings
    departments: list[Department]
    items: list[Item]
    cases: list[Case]
    item_by_id: dict[str, Item] = field(default_factory=dict)
    department_by_code: dict[str, Department] = field(default_factory=dict)
    entry_by_id: dict[str, NoPenaltyEntry] = field(default_factory=dict)
    cases_by_item: dict[str, list[Case]] = field(default_factory=lambda: defaultdict(list))
    items_by_entry: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, content: Content, settings: Settings) -> "Site":
        departments = sorted(content.departments, key=lambda d: d.code)
        items = [i for d in departments for i in sorted(d.items, key=lambda i: i.id) if i.published]
        published = {i.id for i in items}
        # A case is shown with the published items it relates to; a case tied only to exempt
        # items cannot pass the check, so every case has at least one published item here.
        cases = sorted(content.cases, key=lambda c: (c.month, c.id), reverse=True)
        site = cls(settings, departments, items, cases)
        site.item_by_id = {i.id: i for i in items}
        site.department_by_code = {d.code: d for d in departments}
        site.entry_by_id = {e.id: e for d in departments for e in d.no_penalty}
        for case in cases:
            for ref in case.items:
                if ref in published:
                    site.cases_by_item[ref].append(case)
        for item in items:
            for ref in item.no_penalty:
                site.items_by_entry[ref].append(item)
        return site

    def mode_label(self, code: str) -> str:
        mode = self.settings.mode(code)
        return mode.label if mode else code

    def entries_of(self, item: Item) -> list[NoPenaltyEntry]:
        return [self.entry_by_id[ref] for ref in item.no_penalty if ref in self.entry_by_id]

    def items_of(self, department: Department) -> list[Item]:
        return [i for i in self.items if i.department == department.code]

    def cases_of(self, department: Department) -> list[Case]:
        return [c for c in self.cases if c.department == department.code]


Memo = dict[str, tuple[Any, Page]]  # page path -> (everything the page was rendered from, page)


def render(content: Content, settings: Settings, converter: Converter,
           history: History = NOT_READ, memo: Memo | None = None) -> list[Page]:
    """Every page. ``history`` gives the publication dates (from git, never typed by hand).

    With a ``memo`` kept between calls (the preview), a page of an item, case, department, mode
    or stage is rendered again only when something it shows changed (its ``inputs``)."""
    site = Site.of(content, settings)
    images = media.for_case_pages(content.media)
    env = _environment(site, converter, images)
    pages: list[Page] = []
    # What every page may show: a department's name appears wherever its items are listed.
    unchanged = (_templates_stamp(), settings, converter.variant,
                 [(d.code, d.name, d.short_name, d.script) for d in site.departments])

    written: set[str] = set()

    def add(path: str, template: str, title: str, column: str, inputs: Any = None, **context: Any) -> None:
        if path in written:  # the check refuses codes that take a fixed page's name
            raise ValueError(f"two pages would be written to {path}")
        written.add(path)
        key = (unchanged, inputs)
        kept = memo.get(path) if memo is not None and inputs is not None else None
        if kept and kept[0] == key:
            pages.append(kept[1])
            return
        body = env.get_template(template).render(site=site, settings=settings, page_path=path,
                                                 title=title, **context)
        meta = {"title": title, "column": column, **context.pop("meta", {})}
        pages.append(Page(path, meta, body.strip() + "\n"))
        if memo is not None and inputs is not None:
            memo[path] = (key, pages[-1])

    add(pagenames.HOME, "home.md.j2", settings.site_name, "首页")
    add(pagenames.DEPARTMENTS, "departments.md.j2", "实施部门", "实施部门")
    for d in site.departments:
        add(pagenames.department(d.code), "department.md.j2", d.name, "实施部门", (d, site.cases_of(d)),
            department=d, meta={"source": d.name})
    for item in site.items:
        d = site.department_by_code[item.department]
        dates = history.dates_of("item", item.id)
        inputs = (item, d, site.entries_of(item), site.cases_by_item.get(item.id), dates)
        add(pagenames.item(item.id), "item.md.j2", item.name, "行政指导事项", inputs, item=item, department=d,
            dates=dates, meta={"source": d.name, **_date_meta(dates, item.effective_date, msg.DATE_EFFECTIVE)})
    add(pagenames.CASES, "cases.md.j2", "典型案例", "典型案例")
    for case in site.cases:
        d = site.department_by_code.get(case.department)
        dates = history.dates_of("case", case.id)
        inputs = (case, d, [site.item_by_id.get(ref) for ref in case.items], dates,
                  images.get(PurePosixPath(case.origin.path).parent.name))
        add(pagenames.case(case.id), "case.md.j2", case.title, "典型案例", inputs, case=case, department=d,
            dates=dates, meta={"source": d.name if d else "", **_date_meta(dates, case.month, msg.DATE_MONTH)})
    add(pagenames.MODES, "modes.md.j2", "按指导方式和实施环节", "分类索引")
    for mode in settings.modes:
        items = [i for i in site.items if i.mode == mode.code]
        add(pagenames.mode(mode.code), "mode.md.j2", mode.label, "分类索引", items, mode=mode, items=items)
    for stage in STAGES:
        items = [i for i in site.items if stage in i.stages]
        add(pagenames.stage(stage), "stage.md.j2", f"{stage}指导", "分类索引", items,
            stage=stage, items=items)
    add(pagenames.SEARCH, "search.md.j2", "检索", "检索")
    add(pagenames.STATS, "stats.md.j2", "统计数据", "统计数据", stats=statistics.compute(site, converter))
    add(pagenames.DATA, "data.md.j2", "数据下载", "数据下载", **export.page_context(site.departments))
    add(pagenames.CHANGES, "changes.md.j2", "更新记录", "更新记录", history=history,
        kinds=[(k, msg.REVIEW_KINDS[k]) for k in ("item", "case", "no_penalty", "department")],
        actions=[(a, msg.REVIEW_ACTIONS[a]) for a in ("added", "changed", "removed")],
        case_ids={c.id for c in site.cases})
    add(pagenames.ABOUT, "about.md.j2", "关于数据", "关于数据")
    add("accessibility.md", "accessibility.md.j2", "无障碍声明", "无障碍声明")
    return pages


def _date_meta(dates: Dates, fallback: str, fallback_label: str) -> dict[str, str]:
    """PubDate: the last change on record; without a record, the content's own date, so named."""
    if dates.last:
        return {"date": dates.last, "date_label": msg.DATE_LAST_CHANGED}
    return {"date": fallback, "date_label": fallback_label}


def _templates_stamp() -> list[tuple[str, int, int]]:
    return [(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(TEMPLATES.iterdir())]


@functools.lru_cache(maxsize=None)
def _relative(target: str, start: str) -> str:
    return posixpath.relpath(target, start)  # the same few folders, linked thousands of times


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory between renders (the preview renders on every edit);
    Jinja2 compares the template source's checksum, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def _environment(site: Site, converter: Converter, images: dict[str, casebody.Media]) -> jinja2.Environment:
    """Templates write Markdown with raw HTML blocks. Every value is HTML-escaped unless it is
    already markup: what the filters below made from content (escaped, and for Markdown lines
    with Markdown's characters escaped too) or a case body the sanitizer let through."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=_COMPILED,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    scripts = {d.code: d.script for d in site.departments}

    def script_of(owner: Any) -> str:
        if owner is None:
            return "zh-Hans"  # the site's settings
        if isinstance(owner, Case):
            return owner.script
        code = owner.code if isinstance(owner, Department) else owner.department
        return scripts.get(code, "zh-Hans")

    def source(text: str, owner: Any) -> str:
        return converter.source(text, script_of(owner))

    def case_body(case: Case) -> Markup:
        """The body as sanitized HTML blocks (cached since the check rendered it)."""
        _, rendered = casebody.of_case(case.origin.path, case.body, images)
        return Markup(converter.in_script(body.page_markdown(rendered.html), case.script))

    env.filters["t"] = lambda text, owner=None: Markup(markdown.inline(source(text, owner)))
    env.filters["tb"] = lambda text, owner=None: Markup(markdown.block(source(text, owner)))
    env.filters["h"] = lambda text, owner=None: Markup(markdown.html_inline(source(text, owner)))
    env.filters["hp"] = lambda text, owner=None: Markup(markdown.html_block(source(text, owner)))
    env.filters["body"] = case_body
    env.filters["mode_label"] = site.mode_label
    env.filters["stage_slug"] = STAGE_SLUGS.get

    @jinja2.pass_context
    def link(context: jinja2.runtime.Context, target: str) -> str:
        """Relative link from the page being rendered to ``target`` (a path under docs/)."""
        return _relative(target, posixpath.dirname(context["page_path"]) or ".")

    @jinja2.pass_context
    def href(context: jinja2.runtime.Context, target: str) -> str:
        """The same link as ``link`` for raw HTML, where MkDocs does not turn .md into .html."""
        return link(context, target)[:-3] + ".html"

    @jinja2.pass_context
    def anchor(context: jinja2.runtime.Context, target: str, label: str) -> Markup:
        """An HTML link to the page ``target`` (a path under docs/) showing ``label``."""
        return Markup('<a href="{}">{}</a>').format(href(context, target), label)

    env.globals["link"] = link
    env.globals["href"] = href
    env.globals["anchor"] = anchor
    env.tests["contains"] = lambda sequence, value: value in sequence
    return env
