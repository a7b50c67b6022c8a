"""Checks that read text: markup that could run script, and coercive wording (personal data:
``personal``).

Catalog fields are plain text, always escaped on the site, but the open data carries them as
they are and other systems may show them: script-like markup there is refused (E701). A case
body's markup is checked by rendering it (``checks.markup``), not here.
"""

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
    """Run the markup and wording checks over a file's strings.

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

    fields = text[:starts[-1]] if spans.has_body else text  # the body is the last string
    for m in _UNSAFE_TAG.finditer(fields):
        yield at(m.start(), m.end(), "E701", what=msg.MARKUP_WHAT["tag"].format(tag=m.group(1).lower()))
    for m in _event_attributes(fields):
        yield at(m.start(1), m.end(1), "E701", what=msg.MARKUP_WHAT["event"].format(name=m.group(1).lower()))
    for m in _SCRIPT_URL_CONTEXT.finditer(fields):
        scheme = m.group(1).split(":")[0].strip().lower()
        yield at(m.start(1), m.end(1), "E701", what=msg.MARKUP_WHAT["scheme"].format(scheme=scheme))
    for m in _COMPULSION.finditer(text):
        yield at(m.start(), m.end(), "W501", phrase="")
    for m in _BARE_FORCE.finditer(text):
        clause = _CLAUSE_END.split(text[max(0, m.start() - 8): m.start()])[-1]
        if not any(word in clause for word in _NEGATIONS):
            yield at(m.start(), m.end(), "W501", phrase="")


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
