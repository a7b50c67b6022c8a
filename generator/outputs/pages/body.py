"""Place a sanitized body into a page's Markdown without MkDocs interpreting any of it.

The body's top-level blocks become stored HTML blocks (``generator.htmlblocks``: a block starts
at the margin with a block-level tag and runs to the next blank line, so no blank line may stay
inside one). Its top-level headings become Markdown headings of escaped plain text, so MkDocs
gives them ids and lists them in the page's table of contents as before.
"""

from __future__ import annotations

import html
import re

from markdown.util import BLOCK_LEVEL_ELEMENTS

from . import markdown as text_markdown

# Sanitized HTML is serialized by html5ever: every element closed, ``<`` and ``>`` escaped in
# text and attribute values, so a plain tag pattern finds every tag.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_VOID = frozenset({"br", "hr", "img", "wbr", "col", "area", "input", "source", "track", "embed", "meta", "link"})
_HEADING = re.compile(r"h[1-6]")
_BLOCK = frozenset(BLOCK_LEVEL_ELEMENTS)
_BLANK_LINE_AHEAD = re.compile(r"\n(?=[ \t]*(?:\n|$))")
# The scrollable, focusable region the page templates put every table in (_macros.j2).
_REGION = '<div class="xz-table" role="region" aria-label="表格" tabindex="0">'


def page_markdown(safe_html: str) -> str:
    """The page's Markdown for a sanitized body."""
    blocks: list[str] = []
    loose: list[str] = []  # top-level text and inline elements, gathered into a paragraph

    def flush() -> None:
        if "".join(loose).strip():
            blocks.append(_stored(f"<p>{''.join(loose).strip()}</p>"))
        loose.clear()

    for tag, start, end in _top_level(safe_html):
        piece = safe_html[start:end]
        if tag and _HEADING.fullmatch(tag):
            flush()
            blocks.append("#" * int(tag[1]) + " " + _heading_text(piece))
        elif tag in _BLOCK:
            flush()
            if piece != "<p></p>":  # what held only removed markup
                blocks.append(_stored(piece))
        else:
            loose.append(piece)
    flush()
    return "\n\n".join(blocks)


def _top_level(markup: str) -> list[tuple[str, int, int]]:
    """(tag, start, end) of each top-level element, and ('', start, end) of text between."""
    out: list[tuple[str, int, int]] = []
    depth, opened, last = 0, 0, 0
    for match in _TAG.finditer(markup):
        closing, tag = match.group(1), match.group(2).lower()
        if depth == 0 and match.start() > last:
            out.append(("", last, match.start()))
        if closing:
            depth -= 1
            if depth == 0:
                out.append((tag, opened, match.end()))
                last = match.end()
        elif tag in _VOID:
            if depth == 0:
                out.append((tag, match.start(), match.end()))
                last = match.end()
        else:
            if depth == 0:
                opened = match.start()
            depth += 1
    if last < len(markup):
        out.append(("", last, len(markup)))
    return out


def _heading_text(piece: str) -> str:
    """A heading's text, escaped for a Markdown heading line (its inline markup is dropped)."""
    text = html.unescape(_TAG.sub("", piece))
    return text_markdown.inline(" ".join(text.split()))


def _stored(piece: str) -> str:
    """An HTML block with no blank line inside and the generator's scrollable table regions."""
    piece = piece.replace("<table>", _REGION + "<table>").replace("</table>", "</table></div>")
    return _BLANK_LINE_AHEAD.sub("&#10;", piece).replace("\t", "&#9;")
