"""What a case body may hold once published: the sanitizer's allowlist, and why a thing is not.

Everything here is an allowlist: an element, attribute or URL form not named is removed. The
same rules explain each removal to the editor (``reason``), so the checker's message and the
sanitizer can never disagree about what is allowed.

Links may be relative (another page of the site, an anchor on the page), https, mailto or tel.
Plain http is refused: a link the site vouches for should not hand readers to a connection
anyone on the way can read and rewrite; an editor can always write the address as text.
Images are only the image files stored beside the cases (``generator.media``), never an
address on another host (a tracking pixel would report every reader's visit; intranet readers
would see a broken image). There is no video or audio: a repository is no place for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..messages import current as msg

# Elements an editor may use: what Markdown (with tables and admonitions) writes, and plain
# text formatting pasted as HTML.
TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "kbd",
    "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "mark", "small", "abbr", "q",
    "cite", "span", "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead",
    "tbody", "tfoot", "tr", "th", "td", "a", "img", "figure", "figcaption", "details", "summary",
    "ruby", "rt", "rp",
})
ATTRIBUTES = {
    "*": frozenset(),  # no attribute on every element (ammonia's default would allow lang, title)
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "th": frozenset({"align", "colspan", "rowspan"}),
    "td": frozenset({"align", "colspan", "rowspan"}),
    "ol": frozenset({"start"}),
    "abbr": frozenset({"title"}),
    "details": frozenset({"open"}),
}
# Admonitions (``!!! note "标题"``) keep their classes, so Material styles them; no other class.
ADMONITIONS = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure",
    "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
})
CLASSES = {"div": frozenset({"admonition"} | ADMONITIONS), "p": frozenset({"admonition-title"})}
LINK_SCHEMES = frozenset({"https", "mailto", "tel"})
# Removed together with everything inside them (the text of a script is not content).
DROPPED_WITH_CONTENT = frozenset({"script", "style"})

# Elements that run script, load or embed something, or change how the page is read.
SCRIPTING_TAGS = frozenset({
    "script", "noscript", "style", "link", "meta", "base", "iframe", "frame", "frameset", "object",
    "embed", "applet", "param", "svg", "math", "template", "portal", "xml", "import", "use",
    "form", "input", "button", "select", "textarea", "isindex", "keygen",
})
MEDIA_TAGS = frozenset({"video", "audio", "source", "track", "picture", "bgsound"})
URL_ATTRIBUTES = frozenset({
    "href", "src", "poster", "srcset", "action", "formaction", "data", "background", "lowsrc",
    "dynsrc", "cite", "longdesc", "xlink:href", "codebase", "ping", "manifest", "icon",
})
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "mocha"})

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\t\n\r]")
_CONTROLS_AND_SPACE = "".join(map(chr, range(33)))
_CSS_URL = re.compile(r"url\s*\(|@import|image-set\s*\(", re.IGNORECASE)


def normalized_url(value: str) -> str:
    """A URL as a browser reads it: surrounding spaces and control characters dropped, tabs and
    line breaks inside removed, backslashes read as slashes (``java&#9;script:`` is a script)."""
    return _INVISIBLE.sub("", value.strip(_CONTROLS_AND_SPACE)).replace("\\", "/")


def scheme_of(value: str) -> str | None:
    """The URL's scheme in lower case, or None for a relative reference."""
    match = _SCHEME.match(normalized_url(value))
    return match.group(1).lower() if match else None


def is_other_host(value: str) -> bool:
    """The URL names a host (``https://…``, ``//…``): loading it would leave the site."""
    url = normalized_url(value)
    return url.startswith("//") or scheme_of(url) in ("http", "https", "ftp", "ws", "wss")


def link_target(value: str) -> str | None:
    """What a link may point to: a relative reference inside the site (``.md`` pages become
    ``.html`` as MkDocs would have written them), or an https, mailto or tel address."""
    url = normalized_url(value)
    scheme = scheme_of(url)
    if scheme is None:
        if url.startswith("/"):
            return None  # ``//host`` leaves the site; ``/path`` breaks under a sub-path
        path, hash_mark, fragment = value.partition("#")
        if path.endswith(".md"):
            return f"{path[:-3]}.html{hash_mark}{fragment}"
        return value
    return value if scheme in LINK_SCHEMES else None


@dataclass(frozen=True)
class Reason:
    """Why something was removed: a finding code and what to name in its message."""

    code: str
    what: str


def _what(kind: str, **params: str) -> str:
    return msg.MARKUP_WHAT[kind].format(**params)


def reason_for_tag(tag: str, attrs: dict[str, str]) -> Reason:
    if tag in SCRIPTING_TAGS:
        return Reason("E701", _what("tag", tag=tag))
    remote = next((attrs[n] for n in ("src", "poster", "srcset") if is_other_host(attrs.get(n, ""))), "")
    if remote:
        return Reason("E705", _what("remote_element", tag=tag, host=_host(remote)))
    return Reason("E702", _what("element", tag=tag))


def reason_for_attribute(tag: str, name: str, value: str) -> Reason:
    if name.startswith("on"):
        return Reason("E701", _what("event", name=name))
    if name == "style":
        if _CSS_URL.search(value):
            return Reason("E705", _what("css_url"))
        return Reason("E703", _what("style", tag=tag))
    if name in URL_ATTRIBUTES:
        scheme = scheme_of(value)
        if scheme in SCRIPT_SCHEMES or (scheme == "data" and tag != "img"):
            return Reason("E701", _what("scheme", scheme=scheme))
        allowed = name in ATTRIBUTES.get(tag, ())
        if is_other_host(value) and not (allowed and tag == "a"):
            return Reason("E705", _what("remote_attribute", tag=tag, name=name, host=_host(value)))
        if allowed and tag == "img" and scheme is None and not normalized_url(value).startswith("/"):
            return Reason("E706", value.strip()[:60])  # no such image beside the case
        if allowed and scheme is not None:
            return Reason("E704", _what("http" if scheme == "http" else "scheme", scheme=scheme))
        if allowed:
            return Reason("E704", _what("root", value=value.strip()[:40]))
    return Reason("E703", _what("attribute", tag=tag, name=name))


def _host(value: str) -> str:
    url = normalized_url(value)
    rest = url.split("//", 1)[1] if "//" in url else url
    return rest.split("/", 1)[0].split("?", 1)[0][:60]
