"""Every piece of text a file holds, with a way to turn a character offset into file:line:col.

The text checks (privacy, markup, voluntariness) scan these spans; they run on every string in
every file — including parts that failed validation — because the repository itself is
public: personal data in a rejected item is still published the moment it is pushed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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

    lines: list[str] = field(default_factory=list, compare=False, repr=False)  # the file's lines

    def locate(self, offset: int, end: int | None = None) -> tuple[int, int]:
        """File line and column of ``text[offset:end]``.

        A Markdown body keeps its lines. YAML values do not (block indentation is removed,
        folded and multi-line values are joined), so the matched text is looked up in the
        file's own lines, counting earlier occurrences within this value."""
        if self.field == "":
            start = self.text.rfind("\n", 0, offset) + 1
            return self.line + self.text.count("\n", 0, offset), offset - start + 1
        needle = self.text[offset:end if end is not None else offset + 8].split("\n")[0][:12]
        if not needle.strip() or not self.lines:
            return self.line, self.col
        skip = self.text.count(needle, 0, offset)
        for number in range(self.line, len(self.lines) + 1):
            line = self.lines[number - 1]
            position = line.find(needle, self.col - 1 if number == self.line and not self.block else 0)
            while position >= 0:
                if skip == 0:
                    return number, position + 1
                skip -= 1
                position = line.find(needle, position + 1)
        return self.line, self.col


def spans(doc: Document) -> Iterator[Span]:
    for pointer, value, line, col, style in doc.parsed.texts:
        block = style in ("|", ">")
        name = next((str(p) for p in reversed(pointer) if isinstance(p, str)), "")
        # A block scalar's text starts on the line after its "|" indicator.
        yield Span(doc.path, value, line + doc.line_offset + (1 if block else 0), col, block, name, doc.lines)
    for line, col, text in doc.comments:
        yield Span(doc.path, text, line, col, False, "#", doc.lines)
    if doc.kind == CASE and doc.body:
        yield Span(doc.path, doc.body, doc.body_line, 1, True, "")
