"""Put content text into Markdown safely: what an editor typed is shown as typed.

Item fields are plain text, not Markdown: characters that Markdown or HTML would interpret are
escaped, so ``<`` or ``*`` in a legal text cannot change the page. Case bodies are Markdown by
design: the generator renders and sanitizes them itself (``generator.casebody``).
"""

from __future__ import annotations

import html
import re

# Characters Python-Markdown (with the tables extension) treats as markup inside a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")
_LINE_START_SPECIAL = re.compile(r"^(\s*\d*)([-+.)])(\s)")


def inline(text: str) -> str:
    """One line of plain text: escaped, line breaks become <br>."""
    escaped = html.escape(text, quote=False)
    escaped = _INLINE_SPECIAL.sub(r"\\\1", escaped)
    return "<br>".join(part.strip() for part in escaped.splitlines() if part.strip())


def block(text: str) -> str:
    """Plain text of one or more paragraphs (a line break in the source starts a paragraph)."""
    paragraphs = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        escaped = _INLINE_SPECIAL.sub(r"\\\1", html.escape(line, quote=False))
        paragraphs.append(_LINE_START_SPECIAL.sub(r"\1\\\2\3", escaped))
    return "\n\n".join(paragraphs)


# Much of a page is written as raw HTML blocks instead of Markdown: Python-Markdown passes
# them through untouched, while running its inline patterns over every table cell and list
# entry took most of MkDocs' time on a district's 1,500 pages (bench/run.py).

def html_inline(text: str) -> str:
    """Plain text inside an HTML element: escaped, line breaks become <br>."""
    return "<br>".join(html.escape(part.strip(), quote=False) for part in text.splitlines() if part.strip())


def html_block(text: str) -> str:
    """Plain text as HTML paragraphs (a line break in the source starts a paragraph)."""
    return "".join(f"<p>{html.escape(line.strip(), quote=False)}</p>" for line in text.splitlines() if line.strip())
