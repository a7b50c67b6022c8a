"""Office notices (办公场所公示): one department's whole catalog as a print-ready A4 page.

Seed 003 asks for publication "在办公场所、工作网站公示": the notice board of the service hall
needs a sheet that says what the website says — each published item with its basis, method,
procedure, rights and phone, the department's 不罚清单, a QR code per item to its page, the
source and version date, the 示例 mark for sample data — in type older readers can read
standing (body 14 pt, nothing under 12 pt).

``html(...)`` renders the page (Jinja2, autoescaped; ``notice.html.j2`` and ``notice.css``);
``pdf(...)`` prints it with WeasyPrint and the system's Noto CJK fonts. Both are pure functions
of their arguments — the version date is given, never read from the clock, and the PDF's
identifier is derived from the page — so the same inputs give the same bytes and a content
hash is a valid cache key. WeasyPrint may fetch nothing: the page holds its style and QR codes
inline and the URL fetcher refuses every request.

Only published items are printed (``Item.published`` is checked here as well as by callers): an
exempt item cannot reach the template.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

import jinja2
from markupsafe import Markup

from .. import layout
from ..laws.citation import labels
from ..laws.library import unit
from ..messages import current as msg

if TYPE_CHECKING:
    from ..laws.library import Library
    from ..model import Department, Item, LegalBasis, NoPenaltyEntry
    from ..script import Converter
    from ..settings import Settings

HERE = Path(__file__).parent
SCRIPTS = layout.SCRIPTS
# A statute's article quoted on the notice when the catalog does not quote it: only a short one
# (a notice is read standing; the page behind the QR code has the rest).
SHORT_ARTICLE = 120
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Context:
    """What every notice of one build shares."""

    site_name: str
    site_url: str  # with a trailing slash; "" when the settings have none (then no QR codes)
    modes: Mapping[str, str]  # mode code → label
    version_date: str  # YYYY-MM-DD: printed as the version and written as the PDF's dates
    library: Library | None = None

    @classmethod
    def of(cls, settings: Settings, library: Library | None, version_date: str) -> Context:
        return cls(settings.site_name, settings.site_url, {m.code: m.label for m in settings.modes}, version_date,
                   library)


def version_date(department: Department) -> str:
    """The notice's version when none is given: the latest effective or review date of the
    department's published items (a date of the content, so the same content prints the same)."""
    dates = [d for i in department.items if i.published for d in (i.effective_date, i.review.date) if _DATE.fullmatch(d)]
    return max(dates, default="1970-01-01")


def html(department: Department, items: Iterable[Item], entries: Iterable[NoPenaltyEntry], context: Context,
         converter: Converter, script: str = "zh-Hans") -> str:
    """The notice as one self-contained HTML page in ``script``: ``items`` are the department's
    items (exempt ones are left out here), ``entries`` its 不罚清单."""
    if script not in SCRIPTS:
        raise ValueError(script)
    if not _DATE.fullmatch(context.version_date):
        raise ValueError(context.version_date)
    published = sorted((i for i in items if i.published), key=lambda i: i.id)

    def source(text: str) -> str:
        return converter.source(text, department.script)

    site_url = _base(context.site_url, script)
    page = _environment().get_template("notice.html.j2").render(
        source=source, lang=script, department=department, items=published, entries=list(entries),
        modes=context.modes, n=msg.NOTICE, date=context.version_date, site_name=context.site_name,
        basis={i.id: [source(line) for b in i.basis for line in _basis_lines(b, context.library)] for i in published},
        qr={i.id: _qr_svg(site_url + layout.url(layout.item(i.id))) for i in published} if site_url else {},
        page_url=site_url + layout.url(layout.department(department.code)) if site_url else "",
        css=Markup(_css(department.sample)),  # ours: texts in it are CSS-escaped (_css_string)
    )
    return converter.to_hant(page) if script == layout.HANT else converter.to_hans(page)


def pdf(department: Department, items: Iterable[Item], entries: Iterable[NoPenaltyEntry], context: Context,
        converter: Converter, script: str = "zh-Hans") -> bytes:
    """The notice printed to PDF: A4, fonts subset and embedded, byte-identical for the same inputs."""
    import weasyprint

    page = html(department, items, entries, context, converter, script)
    identifier = hashlib.sha256(page.encode("utf-8")).hexdigest()[:32].encode("ascii")
    return weasyprint.HTML(string=page, base_url=str(HERE), url_fetcher=_NoFetching()).write_pdf(
        pdf_identifier=identifier)


def _base(site_url: str, script: str) -> str:
    if not site_url:
        return ""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + layout.HANT_DIR + "/" if script == layout.HANT else base


def _basis_lines(basis: LegalBasis, library: Library | None) -> list[str]:
    """《法》条款 and the article text: the catalog's quotation, else a short official text."""
    head = f"《{basis.law}》{basis.article_label or ''}"
    if basis.text:
        return [f"{head}：{basis.text}"]
    law = library.find(basis.law) if library is not None and basis.provisions else None
    if law is None or law.repealed or len(basis.provisions) != 1:
        return [head]
    official = unit(law.current.statute, basis.provisions[0]).text
    if official is None or len(official) > SHORT_ARTICLE:
        return [head]
    return [f"《{basis.law}》{labels(basis.provisions)}：{''.join(official.splitlines())}"]


def _qr_svg(url: str) -> Markup:
    """The QR code of ``url`` as inline SVG (segno: deterministic, no image files). Markup made
    by segno from the URL's bits: one path of module coordinates, no text of the URL."""
    import segno

    return Markup(segno.make(url, error="m", micro=False).svg_inline(scale=4, border=2, omitsize=True))


def _css(sample: bool) -> str:
    """The stylesheet, with the running footer and the 示例 mark (texts from ``messages``)."""
    footer = re.split(r"\{(pages?)\}", msg.NOTICE["page"])
    content = " ".join(f"counter({part})" if i % 2 else _css_string(part) for i, part in enumerate(footer) if part)
    extra = f"@page {{ @bottom-center {{ content: {content}; }} }}\n"
    if sample:
        mark = _css_string("【" + msg.NOTICE["sample"] + "】")
        extra += (f"@page {{ @top-right {{ content: {mark}; font: bold 14pt "
                  '"Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif; } }\n')
    return _stylesheet() + extra


def _css_string(text: str) -> str:
    return '"' + "".join(c if c.isalnum() or c in " 　：" else f"\\{ord(c):x} " for c in text) + '"'


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    return (HERE / "notice.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE)), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["t"] = jinja2.pass_context(lambda ctx, text: ctx["source"](text))
    return env


class _NoFetching:
    """WeasyPrint's URL fetcher: the notice is self-contained, so any request is refused."""

    _fail_on_errors = True

    def __call__(self, url: str, *args: object, **kwargs: object) -> None:
        raise PermissionError(url)
