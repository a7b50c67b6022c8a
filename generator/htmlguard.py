"""The output boundary: every HTML page the build wrote, read against an allowlist.

Whatever the content, the templates or the two engines did, a page may hold only the elements,
attributes and URL forms named here: no ``on*`` attribute, no inline script or style, no
``javascript:`` or ``data:`` URL (but a ``data:`` image), no ``<base>``, no ``http-equiv`` but
the Content-Security-Policy (which every page must carry, as its first statement), no frame,
object or embed, and nothing loaded from another host: scripts, styles and images come from the
site itself. A link to another site is a reader's choice and is allowed (https, or http for a
setting's address); a canonical or alternate link may name ``site_url``. Anything else stops
the build before the new site replaces the old one (E709).

Pages are read with one regular-expression pass, not a full HTML parser: a district's 4,000
pages must take a second or two. The pass is strict where a parser would be lenient — a ``<``
followed by a letter, ``/``, ``!`` or ``?`` must be a well-formed tag, no comment is allowed,
a ``<title>`` holds no ``<``, a script is empty — so anything a browser could read as markup
this pass reads as markup too. A tag's verdict depends only on its text and is remembered.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

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
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_ATTRIBUTE_NAME = re.compile(r"[a-z][a-z0-9-]*(?::[a-z]+)?")

_TOKEN = re.compile(r"<(?:(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>)?")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_DOCTYPE = re.compile(r"\s*<!doctype html>", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    page: str  # path of the page under the site folder
    what: str


class _Page:
    """One page's context for the verdicts that depend on where it is."""

    def __init__(self, site: Path, page: str, site_url: str) -> None:
        self.site, self.page, self.site_url = site, page, site_url


def check_site(site: Path, site_url: str = "") -> list[Problem]:
    """Every problem in every HTML page under ``site`` (sorted by page)."""
    verdicts: dict[str, str | None] = {}
    problems: list[Problem] = []
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        what = check_page(path.read_text(encoding="utf-8"), _Page(site, page, site_url), verdicts)
        if what:
            problems.append(Problem(page, what))
    return problems


def check_page(text: str, page: _Page, verdicts: dict[str, str | None]) -> str | None:
    """The first thing outside the allowlist in one page, or None."""
    doctype = _DOCTYPE.match(text)
    position = doctype.end() if doctype else 0
    csp_seen = False
    in_svg = 0
    while True:
        position = text.find("<", position)
        if position < 0:
            break
        match = _TOKEN.match(text, position)
        if match.group(2) is None:  # a "<" not opening a well-formed tag
            following = text[position + 1:position + 2]
            if following.isascii() and (following.isalpha() or following in "/!?"):
                return f"无法识别的标记 {_excerpt(text, position)}"
            position += 1
            continue
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        token = match.group()
        position = match.end()
        if closing:
            if name not in ELEMENTS:
                return f"<{name}> 元素"
            in_svg -= name == "svg"
            continue
        if name == "svg":
            in_svg += 1
        verdict = verdicts.get(token, "") if name != "script" else ""
        if verdict == "":
            verdict = verdicts[token] = _tag_verdict(name, attributes, page, in_svg > 0)
        if verdict:
            return verdict
        if name == "meta" and "http-equiv" in token.lower():
            if csp_seen:
                return "第二个 Content-Security-Policy"
            csp_seen = True
        elif not csp_seen and name in ("link", "script", "img", "style", "body"):
            return "Content-Security-Policy 不在页面开头"
        if name == "script":
            if not text.startswith("</script>", position):
                return "<script> 元素中有脚本内容"
            position += len("</script>")
        elif name == "title" and not in_svg:
            end = text.lower().find("</title", position)
            if end < 0 or "<" in text[position:end]:
                return "<title> 中有标记"
            position = end
    return None if csp_seen else "没有 Content-Security-Policy"


def _tag_verdict(name: str, attributes: str, page: _Page, in_svg: bool) -> str | None:
    allowed = ELEMENTS.get(name)
    if allowed is None:
        return f"<{name}> 元素"
    values: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(attributes):
        attribute = match.group(1).lower()
        value = html.unescape(next((v for v in match.group(2, 3, 4) if v is not None), ""))
        if attribute in values:
            return f"<{name}> 的 {attribute} 属性重复"
        values[attribute] = value
        if not (attribute in allowed or attribute in _GLOBAL or attribute.startswith(("aria-", "data-"))):
            return f"<{name}> 的 {attribute} 属性"
        if not _ATTRIBUTE_NAME.fullmatch(attribute):
            return f"<{name}> 的属性名 {attribute}"
        if "<" in match.group():  # a browser reading <title> or <noscript> as text would stop there
            return f"<{name}> 的 {attribute} 中有 <"
        if name in _SVG and "url(" in value.lower().replace(" ", ""):
            return f"<{name}> 的 {attribute} 中的 url()"
    if name == "svg" and values.get("xmlns", "http://www.w3.org/2000/svg") != "http://www.w3.org/2000/svg":
        return "<svg> 的 xmlns"
    if name == "meta" and "http-equiv" in values:
        if values["http-equiv"].lower() != "content-security-policy" or values.get("content") != CONTENT_SECURITY_POLICY:
            return f"<meta http-equiv=\"{values['http-equiv']}\">"
    if name == "link" and not set(values.get("rel", "").lower().split()) <= _LINK_RELS | {""}:
        return f"<link rel=\"{values.get('rel')}\">"
    if name == "form" and values.get("method", "get").lower() != "get":
        return "<form> 的 method"
    for attribute in ("href", "src", "action"):
        if attribute in values:
            problem = _url_problem(name, attribute, values[attribute], values, page)
            if problem:
                return problem
    return None


def _url_problem(name: str, attribute: str, value: str, values: dict[str, str], page: _Page) -> str | None:
    url = "".join(value.split()).replace("\\", "/")  # as a browser reads it
    url = url.strip("".join(chr(c) for c in range(33)))
    match = _SCHEME.match(url)
    scheme = match.group(1).lower() if match else None
    relative = scheme is None and not url.startswith("//")
    what = f"<{name}> 的 {attribute}=\"{value[:80]}\""
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


def _excerpt(text: str, position: int) -> str:
    return text[position:position + 40].split("\n")[0]
