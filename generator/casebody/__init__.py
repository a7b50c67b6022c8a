"""Case bodies: the only Markdown editors write, made into HTML a page can hold safely.

The generator renders a body itself and sanitizes the result against an explicit allowlist
(``policy``, ``sanitize``); the page gets it as stored HTML blocks that MkDocs passes untouched
(``generator.outputs.pages.body``), so MkDocs never interprets what an editor wrote. The checker
renders the same way and reports, at file:line, everything the sanitizer removed
(``removals``); the build sanitizes regardless of what the checker said.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath

from ..script import author_marks
from .removals import Removal, removals
from .sanitize import Media, Rendered, render

__all__ = ["Media", "Removal", "Rendered", "of_case", "removals", "render"]


def of_case(path: str, body: str, images: Mapping[str, Media]) -> tuple[str, Rendered]:
    """A case's body rendered as its page shows it — its author fixes made marks (they keep
    every line in place), the images of its own folder — with the text that was rendered."""
    text = author_marks(body)
    return text, render(text, images.get(PurePosixPath(path).parent.name, Media()))
