"""Personal data in a content file: every byte as committed, and every value as YAML reads it.

The repository itself may be public, so the whole text of the file is scanned — keys,
comments (also after a quoted value), the Markdown body — with exact line and column. The
parsed values are scanned as well, for what the raw text hides (a number written with YAML
escapes or folded across lines), and the Markdown body once more as a browser would show it
(tags and comments removed, character references decoded). A finding already made from the
raw text is not repeated.

Names: a full name after a role word, a name in the counterpart field (also in brackets after
a de-identified one: 某超市（李建国）), and every other place in the file where a name found
so far appears again (a case title, a comment). Names listed in ``public_names`` pass. A case
title must use the counterpart as written in the counterpart field (E608).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from .. import privacy
from .. import public_names
from ..findings import Finding, finding
from ..load import CASE
from ..messages import current as msg
from .texts import Spans

# Joins a file's values for scanning; no detector crosses it.
_SEPARATOR = "\n\x00\n"


class _Lines:
    """file:line:col of an offset into a text."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.first_line = first_line

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        return self.first_line + i, offset - self.starts[i] + 1


def _params(m: privacy.Match, context: str = "") -> dict[str, str]:
    if m.code != privacy.NAME:
        return {"masked": m.masked}
    if not context:
        context = msg.NAME_AFTER_ROLE.format(role=m.role) if m.role else ""
    return {"masked": m.masked, "context": context}


def scan(spans: Spans) -> list[Finding]:
    doc = spans.doc
    allowed = public_names.Allowed(public_names.of_document(doc))
    found: dict[tuple, Finding] = {}  # (line, code, key) → finding: one per place
    reported: set[tuple[str, str]] = set()  # (code, key) seen in the raw text
    names: dict[str, int] = {}  # personal name → line where it was first found

    def add(line: int, col: int, m: privacy.Match, context: str = "") -> None:
        found.setdefault((line, m.code, m.key), finding(doc.path, line, col, m.code, **_params(m, context)))
        if m.code == privacy.NAME:
            names.setdefault(m.key, line)

    raw = doc.text
    lines = _Lines(raw)
    for m in privacy.find_all(raw, allowed.anywhere):
        add(*lines.at(m.start), m)
        reported.add((m.code, m.key))
    if doc.kind == CASE and doc.body:
        view = privacy.without_markup(doc.body, markdown=True)
        if view != doc.body:
            body_lines = _Lines(view, doc.body_line)
            for m in privacy.find_all(view, allowed.whole_file):
                if (m.code, m.key) not in reported:
                    add(*body_lines.at(m.start), m)
    _values(spans, allowed, reported, add)
    _counterpart(spans, allowed, add, found, names)
    for name, first in sorted(names.items(), key=lambda pair: pair[1]):
        if privacy.is_listed(name, allowed.anywhere):
            continue
        for at in (m.start() for m in re.finditer(re.escape(name), raw)):
            line, col = lines.at(at)
            if line != first:
                m = privacy.Match(privacy.NAME, at, at + len(name), privacy.mask_name(name), key=name)
                add(line, col, m, msg.NAME_SEEN_BEFORE.format(line=first))
    return list(found.values())


def _values(spans: Spans, allowed: public_names.Allowed, reported: set, add) -> None:
    """Numbers and names in the values as parsed, where the raw text did not show them."""
    values = spans.doc.parsed.texts
    chosen = _reworded(values)
    strings = [values[i][1] for i in chosen]
    text = _SEPARATOR.join(strings)
    starts = list(accumulate((len(s) + len(_SEPARATOR) for s in strings[:-1]), initial=0))

    def index(m: privacy.Match) -> tuple[int, int]:
        k = bisect_right(starts, m.start) - 1
        return chosen[k], m.start - starts[k]

    def place(m: privacy.Match) -> None:
        i, local = index(m)
        add(*spans[i].locate(local, local + m.end - m.start), m)

    for m in privacy.find_numbers(text):
        if (m.code, m.key) not in reported:
            place(m)
    for m in privacy.find_names(text):
        pointer = values[index(m)[0]][0]
        if not privacy.is_listed(m.key, allowed.at(pointer)) and (m.code, m.key) not in reported:
            place(m)


def _reworded(values: list[tuple]) -> list[int]:
    """The values whose text may differ from what the file shows: double-quoted (escapes),
    folded, and any that may run over several lines (the next value starts two or more lines
    below). Every other value is exactly a stretch of the raw text, already scanned."""
    chosen = []
    for i, (_, _, line, _, style) in enumerate(values):
        following = values[i + 1][2] if i + 1 < len(values) else line + 2
        if style in ('"', ">") or style != "|" and following - line >= 2:
            chosen.append(i)
    return chosen


def _counterpart(spans: Spans, allowed: public_names.Allowed, add, found: dict, names: dict[str, int]) -> None:
    """The counterpart is written 张某 / 某公司; a case title names it the same way."""
    for span in spans.named("counterpart"):
        text = span.text.strip()
        line, col = span.locate(0)
        if privacy.fold(text) in {privacy.fold(a) for a in allowed.whole_file}:
            continue  # listed as a whole: a company's name that may be published
        if not privacy.is_deidentified(text):
            found.setdefault((line, "E606", text), finding(span.path, line, col, "E606",
                                                           masked=privacy.mask_name(text)))
            if privacy.looks_like_name(text):
                names.setdefault(text, line)  # reported here as E606; elsewhere as E607
            continue
        for part in public_names.names_after_designation(text, allowed):
            add(line, col, privacy.Match(privacy.NAME, 0, len(part), privacy.mask_name(part), key=part),
                msg.NAME_IN_COUNTERPART)
        if spans.doc.kind == CASE:
            for title in spans.named("title"):
                if text not in title.text:
                    t_line, t_col = title.locate(0)
                    found.setdefault((t_line, "E608", ""), finding(title.path, t_line, t_col, "E608",
                                                                   counterpart=text))
