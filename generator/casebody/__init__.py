"""Case bodies: the only Markdown editors write, made into HTML a page can hold safely.

The generator renders a body itself and sanitizes the result against an explicit allowlist
(``policy``, ``render``); the page gets it as stored HTML blocks that MkDocs passes untouched
(``generator.render.body``), so MkDocs never interprets what an editor wrote. The checker renders the same way
and reports, at file:line, everything the sanitizer removed (``removals``); the build
sanitizes regardless of what the checker said.
"""

from .removals import Removal, removals
from .sanitize import Media, Rendered, render

__all__ = ["Media", "Removal", "Rendered", "removals", "render"]
