"""Case bodies: tell the editor, at file:line, everything the published page will not show.

Each body is rendered and sanitized exactly as the build does (``generator.casebody``; the
result is cached, so the build does not render it again) and every removal is reported: a
script or event attribute (E701), another element (E702) or attribute (E703), a link address
(E704), an image or media from another host (E705), an image missing beside the case (E706).
A body too deeply nested to render is E707. Markdown's attribute lists are not supported and
show as text (W701); an image no case shows is not published (W702). The build sanitizes
whatever this check says.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Iterator

from .. import casebody, media as site_media, privacy
from ..findings import Finding, finding
from ..load import CASE, Document, Loaded

# ``{: .class }``, ``{ #id }``, ``{ key=value }``: Markdown's attr_list, which the site does not read.
_ATTRIBUTE_LIST = re.compile(r"\{(?::|[ \t]*[#.][\w-]|[ \t]*[\w-]+[ \t]*=)[^{}\n]*\}")


def check(loaded: Loaded) -> Iterator[Finding]:
    images = site_media.for_case_pages(loaded.content.media)
    shown: set[tuple[str, str]] = set()
    for doc in loaded.documents:
        if doc.kind == CASE and doc.body:
            yield from _body(doc, images, shown)
    for file in loaded.content.media:
        if (file.folder, file.name) not in shown:
            yield finding(file.path, 0, 0, "W702")


def _body(doc: Document, images: dict[str, casebody.Media], shown: set[tuple[str, str]]) -> Iterator[Finding]:
    text, rendered = casebody.of_case(doc.path, doc.body, images)  # cached: the build reuses it
    shown.update((PurePosixPath(doc.path).parent.name, name) for name in rendered.images)

    def at(offset: int) -> tuple[int, int]:
        return doc.body_line + text.count("\n", 0, offset), offset - text.rfind("\n", 0, offset)

    if rendered.too_deep_line:
        yield finding(doc.path, doc.body_line + rendered.too_deep_line - 1, 1, "E707")
    reported = set()
    for removal in casebody.removals(text, rendered):
        line, col = at(removal.offset)
        if (line, removal.code, removal.what) not in reported:
            reported.add((line, removal.code, removal.what))
            yield finding(doc.path, line, col, removal.code, what=privacy.redact(removal.what))
    for match in _ATTRIBUTE_LIST.finditer(text):
        yield finding(doc.path, *at(match.start()), "W701", text=privacy.redact(match.group().strip()[:40]))
