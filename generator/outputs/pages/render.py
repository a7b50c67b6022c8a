"""Render the model into Markdown pages (simplified script, with marks for fixed forms).

One Jinja2 template per page kind lives in ``site-template/pages``. The pages are rendered
once; ``engine`` then writes each page in both scripts. Only published items are rendered:
an exempt item never reaches a template, so it cannot appear in any page, link or count.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import posixpath
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import jinja2
from markupsafe import Markup

from ...model import STAGES, Case, Department
from ... import casebody, layout, media, notices
from ...script import Converter
from ...view import PublishedView
from ...view.shown import Shown
from ...messages import current as msg
from ...history.record import Dates
from .. import exports
from . import archive, body, markdown, stats as statistics

TEMPLATES = layout.TEMPLATE_DIR / "pages"
STAGE_SLUGS = layout.STAGE_SLUGS


def phone_link(number: str) -> Markup:
    """A phone number a reader can tap to call, never broken across lines. The number is a
    checked office line (the schema's ``phone`` pattern); the link keeps only its digits and
    hyphens, which RFC 3966 allows as visual separators."""
    dialled = "".join(c for c in number if c.isascii() and (c.isdigit() or c == "-"))
    return Markup('<a class="xz-tel" href="tel:{}">{}</a>').format(dialled, number)


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


@dataclass(frozen=True)
class Fixed:
    """A page that is not one per department, item, case, mode or stage."""

    path: str  # under docs/ (``layout``)
    template: str
    section: str  # key of ``msg.SECTIONS``: the navigation's word for the page's section

    def title(self, settings: Any) -> str:
        """Typed once: the section's name, unless the page has its own title."""
        if self.section == "home":
            return settings.site_name
        return msg.PAGE_TITLES.get(self.section, msg.SECTIONS[self.section])


# In the navigation's order (``outputs.pages.nav``).
FIXED_PAGES = (
    Fixed(layout.HOME, "home.md.j2", "home"),
    Fixed(layout.DEPARTMENTS, "departments.md.j2", "departments"),
    Fixed(layout.MODES, "modes.md.j2", "modes"),
    Fixed(layout.NO_PENALTY, "no-penalty.md.j2", "no_penalty"),
    Fixed(layout.TRADES, "trades.md.j2", "trades"),
    Fixed(layout.CASES, "cases.md.j2", "cases"),
    Fixed(layout.SEARCH, "search.md.j2", "search"),
    Fixed(layout.STATS, "stats.md.j2", "stats"),
    Fixed(layout.DATA, "data.md.j2", "data"),
    Fixed(layout.CHANGES, "changes.md.j2", "changes"),
    Fixed(layout.ABOUT, "about.md.j2", "about"),
    Fixed(layout.ACCESSIBILITY, "accessibility.md.j2", "accessibility"),
)
_FIXED = {page.path: page for page in FIXED_PAGES}

# The most items one list page shows as rows; a longer list (a stage or mode of a city, the
# items without a case) shows each department's count, linking to the department's page.
LIST_LIMIT = 300

Memo = dict[str, tuple[Any, Page]]  # page path -> (everything the page was rendered from, page)
_EVERY_PAGE = ""  # the memo's entry for what every page shows (no page has an empty path)


def render(view: PublishedView, memo: Memo | None = None) -> list[Page]:
    """Every page. ``view.history`` gives the publication dates (from git, never typed by hand).

    Templates read ``view.shown``, whose author texts are resolved in their own script; page
    titles and front matter are the texts as written. With a ``memo`` kept between calls (the
    preview), a page of an item, case, department, mode or stage is rendered again only when
    something it shows changed (its ``inputs``)."""
    site = view.shown
    settings, converter, history = site.settings, site.converter, site.history
    written_as = {c.id: c for c in view.cases}  # titles and front matter: the texts as written
    images = media.for_case_pages(site.media)
    env = _environment(site, converter, images)
    pages: list[Page] = []
    # What every page may show: a department's name appears wherever its items are listed.
    unchanged = (_templates_stamp(), settings, converter.variant,
                 [(d.code, d.name, d.short_name, d.script) for d in site.departments])
    if memo is not None and memo.get(_EVERY_PAGE, (None,))[0] != unchanged:
        memo.clear()  # compared once here, not once per page (17,600 pages at city scale)
        memo[_EVERY_PAGE] = (unchanged, None)
    # An item page shows its department's own fields, not the department's other items:
    # comparing the whole department compared each of its items again for every item page.
    card = {d.code: dataclasses.replace(d, items=(), no_penalty=(), withdrawn=()) for d in site.departments}

    written: set[str] = set()

    def add(path: str, template: str, title: str, column: str, inputs: Any = None, **context: Any) -> None:
        if path in written:  # the check refuses codes that take a fixed page's name
            raise ValueError(f"two pages would be written to {path}")
        written.add(path)
        key = inputs
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

    def fixed(path: str, **context: Any) -> None:
        page = _FIXED[path]
        add(path, page.template, page.title(settings), msg.SECTIONS[page.section], **context)

    sections = msg.SECTIONS
    fixed(layout.HOME)
    fixed(layout.DEPARTMENTS)
    for d in site.departments:
        name = view.department_by_code[d.code].name
        add(layout.department(d.code), "department.md.j2", name, sections["departments"], (d, site.cases_of(d)),
            department=d, meta={"source": name})
    for d in site.departments:
        name = view.department_by_code[d.code].name
        items, entries = site.items_of(d), site.entries_in(d)
        pdf = layout.notice_pdf(d.code) if settings.notice_pdf else ""
        add(layout.notice(d.code), "notice.md.j2", msg.NOTICE_PAGE_TITLE.format(department=name), sections["departments"],
            (d, items, entries, pdf), department=d, items=items, entries=entries, pdf=pdf,
            version_date=notices.version_date(d), meta={"source": name})
    for item in site.items:
        d = site.department_by_code[item.department]
        name = view.department_by_code[item.department].name
        dates = history.dates_of("item", item.id)
        inputs = (item, card[d.code], site.entries_of(item), site.cases_by_item.get(item.id), dates,
                  [site.laws.of(item, n) for n in range(len(item.basis))], bool(site.laws.pages),
                  site.documents.get(item.id))
        add(layout.item(item.id), "item.md.j2", view.item_by_id[item.id].name, sections["items"], inputs, item=item,
            department=d, dates=dates,
            meta={"source": name, **_date_meta(dates, item.effective_date, msg.DATE_EFFECTIVE)})
    fixed(layout.CASES)
    for case in site.cases:
        d = site.department_by_code.get(case.department)
        dates = history.dates_of("case", case.id)
        inputs = (case, d, [site.item_by_id.get(ref) for ref in case.items], dates,
                  images.get(PurePosixPath(case.origin.path).parent.name))
        source = view.department_by_code[d.code].name if d else ""
        add(layout.case(case.id), "case.md.j2", written_as[case.id].title, sections["cases"], inputs, case=case,
            department=d, dates=dates, meta={"source": source, **_date_meta(dates, case.month, msg.DATE_MONTH)})
    by_mode = {mode.code: [i for i in site.items if i.mode == mode.code] for mode in settings.modes}
    by_stage = {stage: [i for i in site.items if stage in i.stages] for stage in STAGES}
    fixed(layout.MODES, mode_counts={code: len(items) for code, items in by_mode.items()},
          stage_counts={stage: len(items) for stage, items in by_stage.items()})
    for mode in settings.modes:
        items = by_mode[mode.code]
        add(layout.mode(mode.code), "mode.md.j2", mode.label, sections["modes"], items, mode=mode, items=items)
    books = {t.code: site.trade_book(t.code) for t in settings.trades}
    fixed(layout.TRADES, books=books)
    for trade in settings.trades:
        parts = books[trade.code]
        add(layout.trade(trade.code), "trade.md.j2", msg.TRADE_PAGE_TITLE.format(trade=trade.label),
            sections["trades"], (trade, parts), trade=trade, parts=parts)
    for stage in STAGES:
        items = by_stage[stage]
        add(layout.stage(stage), "stage.md.j2", msg.STAGE_PAGE_TITLE.format(stage=stage), sections["modes"], items,
            stage=stage, items=items)
    _law_pages(site, add)
    fixed(layout.NO_PENALTY)
    fixed(layout.SEARCH)
    fixed(layout.STATS, stats=statistics.compute(site))
    fixed(layout.DATA, **exports.page_context(site.departments))
    fixed(layout.CHANGES, history=history,
          kinds=[(k, msg.REVIEW_KINDS[k]) for k in ("item", "case", "no_penalty", "department")],
          actions=[(a, msg.REVIEW_ACTIONS[a]) for a in ("added", "changed", "removed")],
          case_ids={c.id for c in site.cases})
    fixed(layout.ABOUT)
    fixed(layout.ACCESSIBILITY)
    archive.add_pages(view, add)
    return pages


def _law_pages(site: PublishedView, add: Any) -> None:
    """依据索引: one page per cited law of the library, and their index (when any law is cited)."""
    index = site.laws
    if not index.pages:
        return
    add(layout.LAW_INDEX, "laws.md.j2", msg.LAW_INDEX_TITLE, msg.LAW_INDEX_TITLE, index.pages, laws=index.pages)
    for page in index.pages:
        items = [site.item_by_id[i] for i in dict.fromkeys([*page.whole, *(i for c in page.provisions for i in c.items)])]
        add(page.path, "law.md.j2", page.law.title, msg.LAW_INDEX_TITLE, (page, items), law_page=page)


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


def _environment(site: PublishedView, converter: Converter, images: dict[str, casebody.Media]) -> jinja2.Environment:
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
            return layout.HANS  # the site's settings
        if isinstance(owner, Case):
            return owner.script
        code = owner.code if isinstance(owner, Department) else owner.department
        return scripts.get(code, layout.HANS)

    def source(text: str, owner: Any) -> str:
        """Text of the published view is resolved already (``Shown``): the owner is not needed.
        Other text (the settings, or a template's own value) is converted as the owner's."""
        return text if isinstance(text, Shown) else converter.source(text, script_of(owner))

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
    env.filters["phone"] = phone_link
    env.filters["item_of"] = site.item_by_id.__getitem__
    env.filters["count_by_department"] = lambda items: collections.Counter(i.department for i in items).items()
    env.globals["list_limit"] = LIST_LIMIT

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
    env.globals["version_page"] = archive.version_page
    env.tests["contains"] = lambda sequence, value: value in sequence
    return env
