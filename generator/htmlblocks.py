"""Python-Markdown extension the generated MkDocs projects load: HTML blocks pass untouched.

Most of a page is HTML the generator has already rendered (tables, lists, escaped text).
Python-Markdown would tokenize all of it twice — its HTML-block parser, then MkDocs' scan for
anchor ids — which took about half of MkDocs' time on a district's pages (bench/run.py). Here a
block that starts at the margin with a block-level tag runs to the next blank line and is
stored as it is, the rule CommonMark gives such blocks; the templates never put a blank line
inside one. Editors' case bodies reach MkDocs only as such blocks (``generator.outputs.pages.body``),
their tables in the same scrollable region as the generator's (a wide table scrolls sideways
on a phone).

This module imports only Markdown: each MkDocs process loads it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown, util
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

_OPENING_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s/>]")
_PLACEHOLDER = re.compile(util.HTML_PLACEHOLDER % r"[0-9]+")


class _StoreHtmlBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        start = None  # first line of the HTML block being collected
        for number, line in enumerate(lines + [""]):
            if start is not None:
                if line.strip():
                    continue
                out.append(self.md.htmlStash.store("\n".join(lines[start:number])))
                start = None
            elif self._opens_block(line) and (not out or not out[-1].strip()):
                start = number
                continue
            out.append(line)
        out.pop()
        return out

    def _opens_block(self, line: str) -> bool:
        match = _OPENING_TAG.match(line)
        return bool(match) and self.md.is_block_level(match.group(1).lower())


class _StoredBlockParagraph(BlockProcessor):
    """A stored block's placeholder becomes a paragraph whose text the inline patterns skip
    (an atomic string); Markdown then puts the block in its place."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return _PLACEHOLDER.fullmatch(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        etree.SubElement(parent, "p").text = util.AtomicString(blocks.pop(0))


class HtmlBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace normalization (30), before MkDocs' anchor scan (21) and the HTML-block parser (20).
        md.preprocessors.register(_StoreHtmlBlocks(md), "xz_html_blocks", 25)
        md.parser.blockprocessors.register(_StoredBlockParagraph(md.parser), "xz_stored_block", 99)


def makeExtension(**kwargs: object) -> HtmlBlocksExtension:
    return HtmlBlocksExtension(**kwargs)
