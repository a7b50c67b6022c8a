"""Compare a quoted article text with the official one, exactly, and say where they differ.

Measured on the sample, quotations match the official texts character for character once
whitespace is removed and full-width and half-width forms are treated alike (（ and (, ， and ,);
the rest differ only by a marked elision. So the comparison is exact after that normalising,
and a one-character slip is found:

- whitespace (line breaks of a ``|`` block, spaces, full-width spaces) is ignored;
- width is folded (Unicode NFKC), so （一） and (一) are the same;
- an elision mark — …… or … or ... or a bracketed 略 such as （略） — means any text may be left
  out there; the quoted parts must then appear in the official text in order. Without a mark
  at the start (end), the quotation must start (end) where the official text does;
- a leading article label (第三十三条) or 项 label (（一）) the official unit does not carry is
  accepted.

``compare`` returns None when the quotation is faithful, else a ``Mismatch`` whose ``snippet``
shows the first differing run with a few characters of context from the official text, in the
form 「…应当依法取得[批准→许可]。…」 (quoted → official), and where in the quotation it is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

ELISION = re.compile(r"…+|\.{3,}|。{3,}|[（(\[【〔]\s*略\s*[）)\]】〕]")
_LEADING_LABEL = re.compile(r"^(?:第[零〇一二三四五六七八九十百千0-9]+条(?:之[零〇一二三四五六七八九十]+)?|\([零〇一二三四五六七八九十]+\))")
CONTEXT = 6  # characters of official text shown on each side of a difference
MAX_RUN = 24  # longest differing run shown in full


@dataclass(frozen=True)
class Normal:
    """A text folded for comparison, with the index in the original text of each character."""

    text: str
    origin: tuple[int, ...]


def normalise(text: str) -> Normal:
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7f else ch
        for f in folded:
            if not f.isspace():
                chars.append(f)
                origin.append(i)
    return Normal("".join(chars), tuple(origin))


def fold(text: str) -> str:
    """The folded text alone: equal for two quotations that differ only in width and spacing."""
    return normalise(text).text


@dataclass(frozen=True)
class Mismatch:
    snippet: str  # 「…取得[批准→许可]。…」
    position: int  # index in the quotation where the first difference starts
    differences: int  # how many differing runs in the failing part


def elided(quote: str) -> bool:
    return bool(ELISION.search(quote))


def compare(quote: str, official: str) -> Mismatch | None:
    """None when ``quote`` is a faithful quotation of ``official``; else the first difference."""
    target = normalise(official)
    parts = _parts(quote)
    if not parts:
        return None
    lead_elided = bool(ELISION.match(quote.strip()))
    trail_elided = bool(re.search(ELISION.pattern + r"\s*$", quote))
    first = parts[0]
    label = _LEADING_LABEL.match(first.text)
    if label and label.end() < len(first.text) and not lead_elided and not target.text.startswith(label.group(0)):
        parts[0] = Normal(first.text[label.end():], first.origin[label.end():])
    item_label = _LEADING_LABEL.match(target.text)
    if item_label and item_label.group(0).startswith("(") and not lead_elided \
            and not parts[0].text.startswith(item_label.group(0)):
        target = Normal(target.text[item_label.end():], target.origin[item_label.end():])
    pos = 0
    last = len(parts) - 1
    for k, part in enumerate(parts):
        anchored_start = k == 0 and not lead_elided
        anchored_end = k == last and not trail_elided
        text = part.text
        if anchored_start and anchored_end:
            ok = text == target.text
            found = 0
        elif anchored_start:
            ok, found = target.text.startswith(text), 0
        elif anchored_end:
            found = len(target.text) - len(text)
            ok = found >= pos and target.text.endswith(text)
        else:
            found = target.text.find(text, pos)
            ok = found >= 0
        if not ok:
            return _mismatch(quote, part, target, official, pos, anchored_start, anchored_end)
        pos = found + len(text)
    return None


def _parts(quote: str) -> list[Normal]:
    parts: list[Normal] = []
    start = 0
    for match in list(ELISION.finditer(quote)) + [None]:
        end = match.start() if match else len(quote)
        piece = normalise(quote[start:end])
        if piece.text:
            parts.append(Normal(piece.text, tuple(i + start for i in piece.origin)))
        if match:
            start = match.end()
    return parts


def _mismatch(quote: str, part: Normal, target: Normal, official: str, pos: int,
              anchored_start: bool, anchored_end: bool) -> Mismatch:
    region = target.text[pos:]
    ops = SequenceMatcher(None, part.text, region, autojunk=False).get_opcodes()
    # Official text before (after) the quoted part is fine where an elision allows it.
    if ops and not anchored_start and ops[0][0] == "insert":
        ops = ops[1:]
    if ops and not anchored_end and ops[-1][0] == "insert":
        ops = ops[:-1]
    differing = [op for op in ops if op[0] != "equal"] or [("replace", 0, len(part.text), 0, len(region))]
    _, i1, i2, j1, j2 = differing[0]
    a, b = pos + j1, pos + j2  # the differing run in the official text
    start, end = max(0, a - CONTEXT), min(len(target.text), b + CONTEXT)
    snippet = "「{}{}[{}→{}]{}{}」".format(
        "…" if start > 0 else "", _slice(official, target, start, a), _short(_slice(quote, part, i1, i2)),
        _short(_slice(official, target, a, b)), _slice(official, target, b, end),
        "…" if end < len(target.text) else "")
    position = part.origin[i1] if i1 < len(part.origin) else part.origin[-1] + 1
    return Mismatch(snippet, position, len(differing))


def _slice(original: str, folded: Normal, start: int, end: int) -> str:
    """The original characters behind ``folded.text[start:end]``, without whitespace."""
    if start >= end:
        return ""
    text = original[folded.origin[start]:folded.origin[end - 1] + 1]
    return re.sub(r"\s+", "", text)


def _short(run: str) -> str:
    return run if len(run) <= MAX_RUN else run[:MAX_RUN // 2] + "…" + run[-(MAX_RUN // 2):]
