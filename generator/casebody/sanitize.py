"""Render a case body's Markdown to HTML, then sanitize that HTML with nh3 against ``policy``.

One Python-Markdown instance is reused for every body (its extensions are a fixed small set:
our HTML-block rule, tables, admonitions — no attribute lists, nothing that passes raw HTML
anywhere but to the sanitizer). Bodies that would make Markdown recurse too deep or the HTML
parser work quadratically are not rendered at all but shown as escaped text (and refused by
the checker as E707), so no content can crash or stall a build.
"""

from __future__ import annotations

import contextlib
import functools
import html
import re
import signal
import threading
from dataclasses import dataclass
from typing import Iterator

import markdown
from markdown.extensions.tables import TableExtension
import nh3

from ..htmlblocks import HtmlBlocksExtension
from . import policy

# Markdown nests a list or quote per marker; 3,000 markers on a line exhaust Python's stack.
# Nobody writes more than a handful; indentation counts one level per four columns.
MAX_NESTING = 32
# The HTML parser's work grows with the square of the nesting depth; every tag is counted, so
# no way of writing the markup slips by. A long case holds a few hundred.
MAX_TAGS = 10_000

# Python-Markdown's work grows with the square of a block's size in places: the table test
# strips every line of a block once per block it splits off (10,000 one-character lines took
# 8 s), and every "[" scans ahead for its closing bracket (20 KB of "[" took 60 s). A block is
# the text between blank lines; a long case has blocks of a few lines and a few links.
MAX_BLOCK_LINES = 300
# The sum over blocks of (brackets in the block × the block's length): ~2 s of scanning at most.
MAX_BRACKET_WORK = 4_000_000
# A last resort for what nobody has listed: a body that still takes this long (seconds of CPU)
# is shown as text and refused. Real bodies render in milliseconds.
MAX_RENDER_SECONDS = 20

_BLOCKS = re.compile(r"\n[ \t]*\n")
_NESTING = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])))+", re.MULTILINE)
_MARKER = re.compile(r">|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])")
_TAG_START = re.compile(r"<[a-zA-Z]")


@dataclass(frozen=True)
class Media:
    """The images a body may show: their file names, and the page-relative folder they are
    published in (``base`` + name is the ``src`` the page gets)."""

    names: frozenset[str] = frozenset()
    base: str = ""

    def url(self, reference: str) -> str | None:
        name = reference.strip()
        name = name[2:] if name.startswith("./") else name
        return self.base + name if name in self.names else None


@dataclass(frozen=True)
class Rendered:
    markdown_html: str  # what Markdown wrote, before sanitizing ('' when not rendered)
    html: str  # what the page may show
    too_deep_line: int = 0  # 1-based line of the body that made it unrenderable, or 0
    images: frozenset[str] = frozenset()  # the media files it shows (Media.names)


class _Filter:
    """nh3's attribute filter: decides links and images with the body's own media."""

    media = Media()
    used: set[str] = set()

    def __call__(self, tag: str, name: str, value: str) -> str | None:
        if tag == "img" and name == "src":
            url = self.media.url(value) if policy.scheme_of(value) is None else None
            if url is not None:
                self.used.add(url[len(self.media.base):])
            return url
        if tag == "a" and name == "href":
            return policy.link_target(value)
        return value


_FILTER = _Filter()
_CLEANER = nh3.Cleaner(
    tags=set(policy.TAGS),
    clean_content_tags=set(policy.DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in policy.ATTRIBUTES.items()},
    attribute_filter=_FILTER,
    strip_comments=True,
    link_rel="noopener noreferrer",
    url_schemes=set(policy.LINK_SCHEMES),
    allowed_classes={tag: set(names) for tag, names in policy.CLASSES.items()},
    url_relative="pass_through",  # relative references are then decided by the filter
)
_MARKDOWN = markdown.Markdown(extensions=[
    HtmlBlocksExtension(), "admonition",
    # An aligned column gets align="…" (Material styles it); style="…" would need inline CSS.
    TableExtension(use_align_attribute=True),
])
# Python-Markdown's own raw-HTML preprocessor runs the standard library's HTMLParser, which
# rescans to the next ">" from every "<" and a letter: 20 KB of "<a " took 14 s. Block-level
# HTML is already stored by our rule above; anything else is inline markup for the sanitizer.
_MARKDOWN.preprocessors.deregister("html_block")


@functools.lru_cache(maxsize=4096)
def render(text: str, media: Media = Media()) -> Rendered:
    """The body as sanitized HTML (``text``: the Markdown, author marks already applied)."""
    line = too_deep(text) or too_large(text)
    if line:
        return Rendered("", _as_text(text), line)
    _MARKDOWN.reset()
    try:
        with _time_limit(MAX_RENDER_SECONDS):
            written = _MARKDOWN.convert(text)
    except (RecursionError, _TooSlow):  # a construct the screens above do not foresee
        _MARKDOWN.reset()
        return Rendered("", _as_text(text), 1)
    if len(_TAG_START.findall(written)) > MAX_TAGS:
        return Rendered("", _as_text(text), _line_of_tag(text, MAX_TAGS) or 1)
    _FILTER.media, _FILTER.used = media, set()
    return Rendered(written, _CLEANER.clean(written), images=frozenset(_FILTER.used))


def too_deep(text: str) -> int:
    """The first line nested deeper than MAX_NESTING, or 0."""
    for match in _NESTING.finditer(text):
        prefix = match.group().expandtabs(4)
        depth = len(_MARKER.findall(prefix)) + (len(prefix) - len(prefix.lstrip(" "))) // 4
        if depth > MAX_NESTING:
            return text.count("\n", 0, match.start()) + 1
    return 0


def too_large(text: str) -> int:
    """The first line of a block whose rendering would take super-linear time, or 0."""
    work = 0
    bounds = [0] + [m.end() for m in _BLOCKS.finditer(text)]
    for start, end in zip(bounds, bounds[1:] + [len(text)]):
        block = text[start:end]
        work += block.count("[") * len(block)
        if block.count("\n") >= MAX_BLOCK_LINES or work > MAX_BRACKET_WORK:
            return text.count("\n", 0, start) + 1
    return 0


class _TooSlow(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """Raise _TooSlow after ``seconds`` of CPU time (only where signals can be used: the main
    thread of a process; elsewhere the screens above are the only bound)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _line_of_tag(text: str, count: int) -> int:
    for n, match in enumerate(_TAG_START.finditer(text), 1):
        if n == count:
            return text.count("\n", 0, match.start()) + 1
    return 0


def _as_text(text: str) -> str:
    return "".join(f"<p>{html.escape(line.strip(), quote=False)}</p>" for line in text.splitlines() if line.strip())
