"""The output boundary: every HTML page the build wrote, read against an allowlist.

Whatever the content, the templates or the two engines did, a page may hold only the elements,
attributes and URL forms named here: no ``on*`` attribute, no inline script or style, no
``javascript:`` or ``data:`` URL (but a ``data:`` image), no ``<base>``, no ``http-equiv`` but
the Content-Security-Policy (which every page must carry, as its first statement), no frame,
object or embed, and nothing loaded from another host: scripts, styles and images come from the
site itself. A link to another site is a reader's choice and is allowed (https, or http for a
setting's address); a canonical or alternate link may name ``site_url``. Anything else stops
the build before the new site replaces the old one, naming the page.

Pages are read with regular expressions, not a full HTML parser: a district's 3,000 pages take
about a second. The reading is strict where a parser would be lenient — every ``<`` must
start a well-formed tag (no comment, no doctype but the first, no ``<`` or ``>`` inside an
attribute value), a ``<title>`` holds no ``<``, a script is empty — so whatever a browser could
read as markup is read as markup here too. A tag's verdict depends only on its text (and, for
a script, on its page) and is remembered.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import cores
from .messages import current as msg

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; frame-src 'none'; "
    "worker-src 'none'; manifest-src 'self'; base-uri 'none'; form-action 'self'"
)

_GLOBAL = frozenset({"class", "id", "lang", "dir", "title", "role", "hidden", "tabindex", "translate"})
ELEMENTS: dict[str, frozenset[str]] = {name: frozenset(attrs.split()) for name, attrs in {
    "html": "", "head": "", "body": "", "title": "", "main": "", "header": "", "footer": "",
    "nav": "", "aside": "", "article": "", "section": "", "div": "", "span": "", "p": "",
    "meta": "charset name content http-equiv", "link": "rel href hreflang type sizes",
    "script": "src", "noscript": "",
    "a": "href hreflang rel", "br": "", "hr": "", "h1": "", "h2": "", "h3": "", "h4": "",
    "h5": "", "h6": "", "strong": "", "b": "", "em": "", "i": "", "u": "", "s": "", "del": "",
    "ins": "", "sub": "", "sup": "", "mark": "", "small": "", "abbr": "", "q": "", "cite": "",
    "code": "", "pre": "", "kbd": "", "blockquote": "", "ul": "", "ol": "start", "li": "",
    "dl": "", "dt": "", "dd": "", "table": "", "caption": "", "thead": "", "tbody": "",
    "tfoot": "", "tr": "", "th": "align colspan rowspan", "td": "align colspan rowspan",
    "img": "src alt width height", "figure": "", "figcaption": "", "details": "open",
    "summary": "", "ruby": "", "rt": "", "rp": "",
    "form": "action method", "label": "for", "input": "type name placeholder autocomplete value checked",
    "button": "type", "select": "name", "option": "value selected", "fieldset": "", "legend": "",
    "svg": "xmlns viewbox width height fill font-size aria-hidden focusable",
    "path": "d fill", "rect": "x y width height fill rx", "text": "x y text-anchor dominant-baseline fill",
}.items()}
_SVG = frozenset({"svg", "path", "rect", "text"})
_LOADS = {("script", "src"), ("img", "src"), ("link", "href")}  # fetched when the page is shown
_LINK_RELS = frozenset({"stylesheet", "icon", "canonical", "alternate"})
_NAVIGATION_SCHEMES = frozenset({"https", "http", "mailto", "tel"})
_DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|gif|webp);", re.IGNORECASE)
_CONTROLS = "".join(chr(c) for c in range(33))
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_ATTRIBUTE_NAME = re.compile(r"[a-z][a-z0-9-]*(?::[a-z]+)?")

# A tag as the pages are scanned for it (attribute values hold neither < nor >), and the form
# each one must then have.
_TOKEN = re.compile(r"<[a-zA-Z/][^<>]*>")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>")
_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_DOCTYPE = re.compile(r"\s*<!doctype html>", re.IGNORECASE)
# A script holds nothing (its code is a file); a title holds text only. A browser reads both
# as text up to their end tag, so nothing may hide inside.
_SCRIPT_WITH_CONTENT = re.compile(r"<script\b[^>]*>(?!</script>)", re.IGNORECASE)
_TITLE_WITH_MARKUP = re.compile(r"<title\b[^>]*>(?![^<]*</title[\s>])", re.IGNORECASE)
_POLICY = re.compile(r"<meta\s[^>]*http-equiv[^>]*>", re.IGNORECASE)
_LOADING = re.compile(r"<(?:link|script|img|style|body)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    page: str  # path of the page under the site folder
    what: str


@dataclass(frozen=True)
class _Page:
    site: Path
    page: str  # under the site folder
    site_url: str


@dataclass(frozen=True)
class Guard:
    """The guard of one finished site, for whoever reads its files: ``check_site`` here, and
    the build's egress scan, which reads every file anyway and so checks each page in the same
    read (``egress.Scan``). A page's verdict depends on the site around it (a script must be
    one of its files), so pages are checked once the site is complete."""
    site: Path
    site_url: str = ""

    @staticmethod
    def reads(page: str) -> bool:
        return page.endswith(".html")

    def check(self, page: str, data: bytes, allowed: set[str]) -> Problem | None:
        """The page's first problem, if any; ``allowed`` is shared by the pages one process checks.
        Bytes that are not UTF-8 are read as a browser reads them (the pages declare UTF-8)."""
        what = check_page(data.decode("utf-8", "replace"), _Page(self.site, page, self.site_url), allowed)
        return Problem(page, what) if what else None


def not_a_file(path: str) -> Problem:
    """What the site holds that is not a file or a folder (a symbolic link, a pipe)."""
    return Problem(path, _say("not_a_file"))


def check_site(site: Path, site_url: str = "") -> list[Problem]:
    """Every problem in every HTML page under ``site`` (one per page, sorted by page), the
    pages shared over the cores."""
    guard = Guard(site, site_url)
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    return sorted(cores.each_share(_check_pages, pages, guard), key=lambda p: p.page)


def _check_pages(pages: list[str], guard: Guard) -> list[Problem]:
    allowed: set[str] = set()  # tags already found allowed (a script's depends on its page)
    found = (guard.check(page, (guard.site / page).read_bytes(), allowed) for page in pages)
    return [problem for problem in found if problem]


def check_page(text: str, page: _Page, allowed: set[str]) -> str | None:
    """The first thing outside the allowlist in one page, or None.

    Every ``<`` must start a well-formed tag (text is always escaped: as many tags as ``<``), so
    nothing a browser reads as markup is missed; each distinct tag gets its verdict once. No
    attribute value holds ``<`` or ``>``, so no tag hides another, and a browser reading a
    title or noscript as text ends it where this pass does."""
    doctype = _DOCTYPE.match(text)
    start = doctype.end() if doctype else 0
    tags = _TOKEN.findall(text, start)
    if len(tags) != text.count("<", start):  # text is escaped: every "<" starts a tag
        bad = next((m.start() for m in re.finditer("<", text[start:]) if not _TOKEN.match(text, start + m.start())), 0)
        return _say("markup", text=_excerpt(text, start + bad))
    unseen = set(tags) - allowed
    for tag in (t for t in tags if t in unseen) if unseen else ():  # in page order: the first problem
        verdict = _tag_verdict(tag, page)
        if verdict:
            return verdict
        if tag[:7].lower() != "<script":
            allowed.add(tag)
    if _SCRIPT_WITH_CONTENT.search(text, start):
        return _say("script_content")
    if _TITLE_WITH_MARKUP.search(text, start):
        return _say("title_markup")
    # The policy governs only what comes after it: it must open the head. (A tag's verdict
    # allows no other http-equiv.)
    policy = _POLICY.search(text, start, max(text.find("</head>"), 0))
    if policy is None:
        return _say("no_policy")
    if _LOADING.search(text, start, policy.start()):
        return _say("policy_late")
    return None


def _tag_verdict(tag: str, page: _Page) -> str | None:
    if not _TAG.fullmatch(tag):
        return _say("markup", text=tag[:40])
    closing = tag.startswith("</")
    name = _NAME.match(tag).group(1).lower()
    allowed = ELEMENTS.get(name)
    if allowed is None:
        return _say("element", name=name)
    if closing:
        return None
    attributes = tag[len(name) + 1:]
    values: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(attributes):
        attribute = match.group(1).lower()
        value = next((v for v in match.group(2, 3, 4) if v is not None), "")
        value = html.unescape(value) if "&" in value else value
        if attribute in values:
            return _say("repeated", name=name, attribute=attribute)
        values[attribute] = value
        if not (attribute in allowed or attribute in _GLOBAL or attribute.startswith(("aria-", "data-"))):
            return _say("attribute", name=name, attribute=attribute)
        if not _ATTRIBUTE_NAME.fullmatch(attribute):
            return _say("attribute", name=name, attribute=attribute)
        if name in _SVG and "url(" in value.lower().replace(" ", ""):
            return _say("css_url", name=name, attribute=attribute)
    if name == "svg" and values.get("xmlns", "http://www.w3.org/2000/svg") != "http://www.w3.org/2000/svg":
        return _say("attribute", name=name, attribute="xmlns")
    if name == "meta" and "http-equiv" in values:
        if values["http-equiv"].lower() != "content-security-policy" or values.get("content") != CONTENT_SECURITY_POLICY:
            return f"<meta http-equiv=\"{values['http-equiv']}\">"
    if name == "link" and not set(values.get("rel", "").lower().split()) <= _LINK_RELS | {""}:
        return f"<link rel=\"{values.get('rel')}\">"
    if name == "form" and values.get("method", "get").lower() != "get":
        return _say("attribute", name=name, attribute="method")
    for attribute in ("href", "src", "action"):
        if attribute in values:
            problem = _url_problem(name, attribute, values[attribute], values, page)
            if problem:
                return problem
    return None


def _url_problem(name: str, attribute: str, value: str, values: dict[str, str], page: _Page) -> str | None:
    url = "".join(value.split()).replace("\\", "/").strip(_CONTROLS)  # as a browser reads it
    match = _SCHEME.match(url)
    scheme = match.group(1).lower() if match else None
    relative = scheme is None and not url.startswith("//")
    what = _say("url", name=name, attribute=attribute, value=value[:80])
    if name == "script":
        if not relative or not url.endswith(".js"):
            return what
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.page), url.split("?")[0]))
        return None if not target.startswith("../") and (page.site / target).is_file() else what
    if name == "img" and scheme == "data":
        return None if _DATA_IMAGE.match(url) else what
    if (name, attribute) in _LOADS:
        rels = set(values.get("rel", "").lower().split())
        if name == "link" and rels & {"canonical", "alternate"} and not rels & {"stylesheet", "icon"}:
            return None if relative or _under(url, page.site_url) else what
        return None if relative else what
    if name == "form":
        return None if relative else what
    return None if relative or scheme in _NAVIGATION_SCHEMES else what


def _under(url: str, site_url: str) -> bool:
    if not site_url:
        return False
    base, target = urlsplit(site_url), urlsplit(url)
    return (target.scheme, target.netloc) == (base.scheme, base.netloc) and target.path.startswith(base.path)


def _say(kind: str, **params: str) -> str:
    return msg.UNSAFE_OUTPUT_WHAT[kind].format(**params)


def _excerpt(text: str, position: int) -> str:
    return text[position:position + 40].split("\n")[0]
