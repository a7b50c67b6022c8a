"""Checks that read text: markup that could run script, and coercive wording (personal data:
``personal``).

Catalog fields are plain text, always escaped on the site, but the open data carries them as
they are and other systems may show them: script-like markup there is refused (E701). A case
body's markup is checked by rendering it (``checks.markup``), not here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
_EVENT_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>\x00]*?\s(on[a-zA-Z]+)\s*=", re.IGNORECASE)
_SCRIPT_URL_CONTEXT = re.compile(
    r"(?:\]\(\s*|=\s*[\"']?\s*|<)(javascript\s*:|vbscript\s*:|data\s*:\s*text/html)", re.IGNORECASE
)

_COMPULSION = re.compile("|".join(map(re.escape, msg.COMPULSION_PHRASES)))
# Bare 强制 is coercive unless its clause negates it (不得强制, 不具有强制力), it is part of a
# law's name (行政强制法) or a technical term (强制性标准).
_BARE_FORCE = re.compile(r"强制(?![性法])")
_NEGATIONS = ("不", "没有", "无", "非", "禁止", "避免", "杜绝", "行政")
_CLAUSE_END = re.compile(r"[，。；！？、,.;!?\n\x00]")
# Joins a file's strings for scanning; no detector pattern matches across it.
_SEPARATOR = "\n\x00\n"


def scan(spans: Spans) -> Iterator[Finding]:
    """Run the markup and wording checks over a file's strings.

    The detectors run once over all strings joined by a separator none of their patterns can
    cross, instead of once per string: a 10,000-item catalog has 270,000 strings, and
    per-string regex calls took most of the check's time.
    """
    strings = spans.texts
    text = _SEPARATOR.join(strings)
    starts = list(accumulate((len(s) + len(_SEPARATOR) for s in strings[:-1]), initial=0))

    def at(offset: int, end: int, code: str, **params: object) -> Finding:
        i = bisect_right(starts, offset) - 1
        span, local = spans[i], offset - starts[i]
        if "phrase" in params:
            params["phrase"] = _quote(span.text, local, local + end - offset)
        line, col = span.locate(local, local + end - offset)
        return finding(span.path, line, col, code, **params)

    fields = text[:starts[-1]] if spans.has_body else text  # the body is the last string
    for m in _UNSAFE_TAG.finditer(fields):
        yield at(m.start(), m.end(), "E701", what=msg.MARKUP_WHAT["tag"].format(tag=m.group(1).lower()))
    for m in _EVENT_ATTRIBUTE.finditer(fields):
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
