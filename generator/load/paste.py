"""Spaces a copy from Word, WPS or a web page brings along, where YAML's structure needs a plain one.

A full-width space (U+3000), a non-breaking space (U+00A0) or a zero-width character looks
like nothing, or like a space, on screen, but YAML counts only the plain space as indentation
and after a colon: one of them before a field name makes the parser fail a line later with a
message about colons. This pre-pass reads the raw lines before the parser and names the
character at its own line and column, so the editor learns what to delete.

Only structural places are looked at (indentation, right after a list's "-", around a field
name's colon): a full-width space inside a text value, such as a paragraph's opening indent in
a block text, is the editor's content and is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..messages import current as msg
from .yamlsource import Parsed

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def is_odd_space(char: str) -> bool:
    """A character that shows as a space (or nothing) but is not the plain space YAML needs."""
    return char != " " and (unicodedata.category(char) in ("Zs", "Zl", "Zp") or char in _ZERO_WIDTH)


# Every such character in the Basic Multilingual Plane, for the patterns below.
_ODD = "".join(chr(c) for c in range(0x80, 0x10000) if is_odd_space(chr(c)))
_ANY_ODD = re.compile(f"[{_ODD}]")
_KEY = r"[A-Za-z_][A-Za-z0-9_]*+"
# Possessive runs only: a hostile line of a million spaces is scanned once, never backtracked.
_LEAD = re.compile(rf"[ \t{_ODD}-]*+")
_KEY_COLON = re.compile(rf"{_KEY}[ \t{_ODD}]*+[:：](?:\s|$)")
_KEY_ODD = re.compile(rf"{_KEY}[ \t]*+(?P<odd>[{_ODD}])[ \t{_ODD}]*+[:：]")
_COLON_ODD = re.compile(rf"{_KEY}[ \t]*+[:：](?P<odd>[{_ODD}])")


@dataclass(frozen=True)
class OddSpace:
    line: int
    col: int
    char: str
    place: str  # where it breaks the structure: indent | dash | key | colon (messages.ODD_SPACE_PLACES)


def structural(text: str, first_line: int = 1, skip: frozenset[int] = frozenset()) -> list[OddSpace]:
    """Every line of ``text`` with an odd space in a structural place (the first one of a line):
    in the indentation before a field name or a list's "-"; glued to a list's "-"; between a
    field name and its colon; glued after the colon. ``skip`` (lines counted from 1 in
    ``text``): lines inside a block or quoted text, where the same characters are content."""
    found = []
    for n, line in enumerate(text.split("\n"), 1):
        if n in skip or not _ANY_ODD.search(line):
            continue
        hit = _first(line)
        if hit is not None:
            found.append(OddSpace(n + first_line - 1, hit[0] + 1, line[hit[0]], hit[1]))
    return found


def _first(line: str) -> tuple[int, str] | None:
    lead = _LEAD.match(line).group()
    rest = line[len(lead):]
    odd = _ANY_ODD.search(lead)
    if odd is not None:
        at = odd.start()
        if at > 0 and lead[at - 1] == "-" and not lead[:at - 1].strip(" \t"):
            return at, "dash"
        if _KEY_COLON.match(rest) or "-" in lead[at:]:
            return at, "indent"
        return None
    for pattern, place in ((_KEY_ODD, "key"), (_COLON_ODD, "colon")):
        m = pattern.match(rest)
        if m:
            return len(lead) + m.start("odd"), place
    return None


def content_lines(parsed: Parsed) -> frozenset[int]:
    """Lines of a parsed file that are inside a block text (| or >) or a quoted text."""
    inside = set()
    for _, value, line, _, style in parsed.texts:
        if style in ("|", ">"):
            inside.update(range(line + 1, line + 2 + value.count("\n")))
        elif style in ('"', "'"):
            inside.update(range(line, line + 1 + value.count("\n")))
    return frozenset(inside)


def describe(char: str) -> str:
    """The character's name for an editor, with its code point to search for."""
    name = msg.ODD_SPACE_NAMES.get(char, msg.ODD_SPACE_OTHER)
    return f"{name}（U+{ord(char):04X}）"
