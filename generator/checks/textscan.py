"""Checks that read text: personal data, markup that could run script, and coercive wording."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from typing import Iterator

from .. import privacy
from ..findings import Finding, finding
from ..messages import current as msg
from .texts import Spans

# Raw HTML that can run script or load something from elsewhere when the page is shown.
_UNSAFE_TAG = re.compile(
    r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta|link|style|form|svg|math)\b",
    re.IGNORECASE,
)
_TAG_START = re.compile(r"<[a-zA-Z]")
_EVENT_NAME = re.compile(r"\s(on[a-zA-Z]+)\s*+=", re.IGNORECASE)
# Possessive spaces: with two greedy runs around the optional quote, "=" followed by a long run
# of spaces was tried in every split of the run (quadratic).
_SCRIPT_URL_CONTEXT = re.compile(
    r"(?:\]\(\s*+|=\s*+[\"']?\s*+|<)(javascript\s*:|vbscript\s*:|data\s*:\s*text/html)", re.IGNORECASE
)

_COMPULSION = re.compile("|".join(map(re.escape, msg.COMPULSION_PHRASES)))
# Bare 强制 is coercive unless its clause negates it (不得强制, 不具有强制力), it is part of a
# law's name (行政强制法) or a technical term (强制性标准).
_BARE_FORCE = re.compile(r"强制(?![性法])")
_NEGATIONS = ("不", "没有", "无", "非", "禁止", "避免", "杜绝", "行政")
_CLAUSE_END = re.compile(r"[，。；！？、,.;!?\n\x00]")
# Joins a file's strings for scanning; no detector pattern matches across it.
_SEPARATOR = "\n\x00\n"
# Findings of one code reported per string: locating a finding costs time in proportion to its
# place in the string, so a pasted 200 KB run of one phrase would take quadratic time (and give
# an editor tens of thousands of identical lines). The check fails all the same.
MAX_PER_TEXT = 10


def scan(spans: Spans) -> Iterator[Finding]:
    """Run every text check over a file's strings.

    The detectors run once over all strings joined by a separator none of their patterns can
    cross, instead of once per string: a 10,000-item catalog has 270,000 strings, and
    per-string regex calls took most of the check's time.
    """
    return (f for f in _scan(spans) if f is not None)


def _scan(spans: Spans) -> Iterator[Finding | None]:
    strings = spans.texts
    text = _SEPARATOR.join(strings)
    starts = list(accumulate((len(s) + len(_SEPARATOR) for s in strings[:-1]), initial=0))

    reported: Counter[tuple[int, str]] = Counter()

    def at(offset: int, end: int, code: str, **params: object) -> Finding | None:
        i = bisect_right(starts, offset) - 1
        reported[i, code] += 1
        if reported[i, code] > MAX_PER_TEXT:
            return None
        span, local = spans[i], offset - starts[i]
        if "phrase" in params:
            params["phrase"] = _quote(span.text, local, local + end - offset)
        line, col = span.locate(local, local + end - offset)
        return finding(span.path, line, col, code, **params)

    for m in privacy.find_numbers(text):
        yield at(m.start, m.end, m.code, masked=m.masked)
    for m in privacy.find_names(text):
        yield at(m.start, m.end, m.code, masked=m.masked, role=m.role)
    for m in _UNSAFE_TAG.finditer(text):
        yield at(m.start(), m.end(), "E701", what=f"<{m.group(1).lower()}> 标签")
    for m in _event_attributes(text):
        yield at(m.start(1), m.end(1), "E701", what=f"{m.group(1).lower()}= 事件属性")
    for m in _SCRIPT_URL_CONTEXT.finditer(text):
        yield at(m.start(1), m.end(1), "E701", what=f"{m.group(1).split(':')[0].strip().lower()}: 链接")
    for m in _COMPULSION.finditer(text):
        yield at(m.start(), m.end(), "W501", phrase="")
    for m in _BARE_FORCE.finditer(text):
        clause = _CLAUSE_END.split(text[max(0, m.start() - 8): m.start()])[-1]
        if not any(word in clause for word in _NEGATIONS):
            yield at(m.start(), m.end(), "W501", phrase="")
    for span in spans.named("counterpart"):
        if not privacy.is_deidentified(span.text):
            line, col = span.locate(0)
            yield finding(span.path, line, col, "E606", masked=privacy.mask_name(span.text))


def _event_attributes(text: str) -> Iterator[re.Match]:
    """``on…=`` inside a tag (from ``<`` and a letter up to ``>``), in one pass over the text.

    A single pattern with a lazy run to the attribute rescanned the rest of the tag from every
    ``<`` and a letter inside it: "<a <a <a …" took quadratic time. Every such start inside one
    tag sees the same attributes up to the same ``>``, so each tag is searched once.
    """
    pos = 0
    while (start := _TAG_START.search(text, pos)) is not None:
        ends = [i for i in (text.find(">", start.end()), text.find("\x00", start.end())) if i >= 0]
        end = min(ends) if ends else len(text)
        found = _EVENT_NAME.search(text, start.end(), end)
        if found is None:
            pos = end
            continue
        yield found
        pos = found.end()


def _quote(text: str, start: int, end: int, context: int = 8) -> str:
    """The phrase with a little of its sentence around it. Digit runs, e-mail addresses and
    names are hidden: a number cut by the snippet's edge would escape the checksum tests."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    snippet = text[left:right].replace("\n", " ")
    for m in sorted(privacy.find_names(snippet), key=lambda m: -m.start):
        snippet = snippet[: m.start] + m.masked + snippet[m.end:]
    snippet = _DIGITS_OR_MAIL.sub(lambda m: "*" * len(m.group()), snippet)
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")


_DIGITS_OR_MAIL = re.compile(r"[0-9Xx]{4,}|\S+@\S+")
