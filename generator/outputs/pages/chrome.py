"""The page chrome, written compact: the theme's templates without their indentation.

Material's templates and ours are indented for their authors; rendered, that indentation and the
empty lines left by block tags were about an eighth of every page (1.9 KB of a 15.8 KB item
page at district scale), sent to every phone. MkDocs gives a theme no say over Jinja's
whitespace options (``trim_blocks``, ``lstrip_blocks``), so each template is written into the
project's ``overrides/`` already compacted the way those options would render it: each line's
leading spaces and tabs removed, and the line break after a line holding only block tags or
comments dropped. Line breaks between other lines stay, so words, attributes and inline script
statements stay apart; a page looks the same. Nothing is compacted inside ``<pre>`` or
``<textarea>``, where spaces show (the templates have neither; a guard keeps it so).
"""

from __future__ import annotations

import importlib.resources
import re

# Only these of Material's templates render in our pages: base.html and its partials, not the
# blog, the tag listings or the 80 translations (macros that print nothing).
_MATERIAL_SKIPPED = ("partials/languages/", "fragments/", "blog", "redirect.html")
_ONLY_TAGS = re.compile(r"(?:\{%.*?%\}|\{#.*?#\})+")
_VERBATIM = re.compile(r"<(?:pre|textarea)\b", re.IGNORECASE)


def compact(template: str) -> str:
    """``template`` as ``lstrip_blocks`` and ``trim_blocks`` would render it, and more: every
    line's indentation removed. Returned unchanged if it holds ``<pre>`` or ``<textarea>``."""
    if _VERBATIM.search(template):
        return template
    out = []
    for line in template.split("\n"):
        line = line.lstrip(" \t")
        out.append(line if _ONLY_TAGS.fullmatch(line) else line + "\n")
    text = "".join(out)
    return text if template.endswith("\n") else text.removesuffix("\n")


def material_templates() -> dict[str, str]:
    """Relative path → text of each of Material's templates that our pages render."""
    root = importlib.resources.files("material") / "templates"
    found: dict[str, str] = {}

    def walk(folder, prefix: str) -> None:
        for entry in folder.iterdir():
            relative = f"{prefix}{entry.name}"
            if entry.is_dir():
                if entry.name not in ("assets", ".icons", "__pycache__"):
                    walk(entry, relative + "/")
            elif relative.endswith(".html") and not relative.startswith(_MATERIAL_SKIPPED):
                found[relative] = entry.read_text(encoding="utf-8")

    walk(root, "")
    return dict(sorted(found.items()))
