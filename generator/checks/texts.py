"""Every piece of text a file holds, with a way to turn a character offset into file:line:col.

The text checks (privacy, markup, voluntariness) scan these spans; they run on every string in
every file — including parts that failed validation — because the repository itself is
public: personal data in a rejected item is still published the moment it is pushed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..load import CASE, Document


@dataclass(frozen=True)
class Span:
    path: str
    text: str
    line: int  # line of the file where ``text`` starts
    col: int
    block: bool  # literal/folded block scalar or Markdown body: newlines in text are file lines
    field: str  # the field name ('' for a Markdown body)

    def locate(self, offset: int) -> tuple[int, int]:
        newlines = self.text.count("\n", 0, offset)
        if not self.block:
            return self.line, self.col
        start = self.text.rfind("\n", 0, offset) + 1
        return self.line + newlines, offset - start + 1


def spans(doc: Document) -> Iterator[Span]:
    for pointer, value, line, col, style in doc.parsed.texts:
        block = style in ("|", ">")
        field = next((str(p) for p in reversed(pointer) if isinstance(p, str)), "")
        # A block scalar's text starts on the line after its "|" indicator.
        yield Span(doc.path, value, line + doc.line_offset + (1 if block else 0), col, block, field)
    for line, col, text in doc.comments:
        yield Span(doc.path, text, line, col, False, "#")
    if doc.kind == CASE and doc.body:
        yield Span(doc.path, doc.body, doc.body_line, 1, True, "")
