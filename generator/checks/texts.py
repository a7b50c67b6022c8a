"""Every piece of text a file holds, with a way to turn a character offset into file:line:col.

The text checks (privacy, markup, voluntariness) scan these spans; they run on every string in
every file — including parts that failed validation — because the repository itself is
public: personal data in a rejected item is still published the moment it is pushed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


class Spans:
    """A file's strings in order, each made into a Span only when asked for: a city's catalogs
    hold 430,000 strings and the checks locate only the few that have a finding."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.texts = [value for _, value, _, _, _ in doc.parsed.texts]
        self.texts += [text for _, _, text in doc.comments]
        self.has_body = doc.kind == CASE and bool(doc.body)
        if self.has_body:
            self.texts.append(doc.body)

    def __getitem__(self, i: int) -> Span:
        doc = self.doc
        values, comments = doc.parsed.texts, doc.comments
        if i < len(values):
            pointer, value, line, col, style = values[i]
            block = style in ("|", ">")
            # A block scalar's text starts on the line after its "|" indicator.
            return Span(doc.path, value, line + doc.line_offset + (1 if block else 0), col, block,
                        _field(pointer), doc.lines)
        if i < len(values) + len(comments):
            line, col, text = comments[i - len(values)]
            return Span(doc.path, text, line, col, False, "#", doc.lines)
        return Span(doc.path, doc.body, doc.body_line, 1, True, "")

    def named(self, field: str) -> list[Span]:
        """The values of the field ``field`` (anywhere in the file)."""
        near = (self[i] for i, text in enumerate(self.doc.parsed.texts) if field in text[0])
        return [span for span in near if span.field == field]


def _field(pointer: tuple) -> str:
    return next((str(p) for p in reversed(pointer) if isinstance(p, str)), "")
