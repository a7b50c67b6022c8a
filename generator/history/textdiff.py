"""Word-level differences between two texts, and line-level differences between two lists.

Chinese has no spaces between words, so a "word" here is one Chinese character or one run of
Latin letters and digits; the raw character-level result is then cleaned up so that a change
reads as whole phrases (删去“…”，新增“…”) rather than scattered single characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Sequence

EQUAL, DELETE, INSERT, CHANGE = "=", "-", "+", "~"
Segment = tuple[str, str]  # (EQUAL | DELETE | INSERT, text)

_TOKEN = re.compile(r"[A-Za-z0-9_.%*+/-]+|\s+|.", re.DOTALL)
# An unchanged stretch this short between two edits is folded into them: "删去甲乙，新增丙丁"
# reads better than a diff that keeps a common "的" in the middle.
_SHORT_EQUAL = 3
# Below this similarity a text is shown as replaced as a whole.
_MIN_RATIO = 0.3
_LINE_PAIR_RATIO = 0.4


@dataclass(frozen=True)
class LineDiff:
    op: str  # EQUAL, DELETE, INSERT or CHANGE
    text: str = ""  # the line (EQUAL, DELETE, INSERT)
    segments: tuple[Segment, ...] = ()  # CHANGE: the line's word-level diff


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def similarity(old: str, new: str) -> float:
    return SequenceMatcher(None, tokens(old), tokens(new), autojunk=False).ratio()


def words(old: str, new: str) -> list[Segment]:
    """Segments that turn ``old`` into ``new``: unchanged, deleted and inserted runs."""
    a, b = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.ratio() < _MIN_RATIO:
        return [s for s in ((DELETE, old), (INSERT, new)) if s[1]]
    raw: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            raw.append((EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append((DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            raw.append((INSERT, "".join(b[j1:j2])))
    return _merge(_fold_short_equals(raw))


def lines(old: Sequence[str], new: Sequence[str]) -> list[LineDiff]:
    """Line by line; a line that was edited (not replaced) gets a word-level diff."""
    out: list[LineDiff] = []
    matcher = SequenceMatcher(None, list(old), list(new), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [LineDiff(EQUAL, line) for line in old[i1:i2]]
            continue
        removed, added = list(old[i1:i2]), list(new[j1:j2])
        while removed and added:
            a, b = removed.pop(0), added.pop(0)
            if similarity(a, b) >= _LINE_PAIR_RATIO:
                out.append(LineDiff(CHANGE, segments=tuple(words(a, b))))
            else:
                out += [LineDiff(DELETE, a), LineDiff(INSERT, b)]
        out += [LineDiff(DELETE, line) for line in removed]
        out += [LineDiff(INSERT, line) for line in added]
    return out


def _fold_short_equals(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for i, (op, text) in enumerate(segments):
        between_edits = 0 < i < len(segments) - 1 and segments[i - 1][0] != EQUAL and segments[i + 1][0] != EQUAL
        if op == EQUAL and between_edits and len(text.strip()) < _SHORT_EQUAL:
            out += [(DELETE, text), (INSERT, text)]
        else:
            out.append((op, text))
    return out


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join runs of the same kind; within a run of edits put every deletion before insertions."""
    out: list[Segment] = []
    i = 0
    while i < len(segments):
        if segments[i][0] == EQUAL:
            text = ""
            while i < len(segments) and segments[i][0] == EQUAL:
                text += segments[i][1]
                i += 1
            out.append((EQUAL, text))
            continue
        deleted = inserted = ""
        while i < len(segments) and segments[i][0] != EQUAL:
            if segments[i][0] == DELETE:
                deleted += segments[i][1]
            else:
                inserted += segments[i][1]
            i += 1
        out += [s for s in ((DELETE, deleted), (INSERT, inserted)) if s[1]]
    return out
