"""Fold text character by character to one script, for search keys.

A phrase converter answers differently for a word alone and in context (t2s of 乾 is 干, but
乾隆 stays), so index and query could disagree. Folding maps every character on its own —
every traditional or regional-variant character to one simplified form — and the browser
applies the same table to the query, so both sides always agree.

The table is derived from the character dictionaries inside the pinned opencc wheel
(TSCharacters, and the Taiwan/Hong Kong variant tables reversed), dumped with the wheel's own
``opencc_dict`` tool, plus a few reviewed merges in ``fold-extra.txt``.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

import opencc

_CLIB = Path(opencc.__file__).parent / "clib"
_EXTRA = Path(__file__).with_name("fold-extra.txt")
# Variant tables first (regional form → OpenCC standard traditional), then traditional →
# simplified. The first candidate of each entry is OpenCC's preferred reading.
_DICTIONARIES = ("TWVariantsRev", "HKVariantsRev", "TSCharacters")


def _dump(name: str) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.txt"
        subprocess.run([str(_CLIB / "bin" / "opencc_dict"), "-i", str(_CLIB / "share" / "opencc" / f"{name}.ocd2"),
                        "-o", str(out), "-f", "ocd2", "-t", "text"], check=True,
                       env={**os.environ, "LD_LIBRARY_PATH": str(_CLIB / "lib64")},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pairs = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            key, values = line.split("\t")
            if len(key) == 1 and values.split()[0] != key and len(values.split()[0]) == 1:
                pairs[key] = values.split()[0]
        return pairs


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """Every character that folds to another, and its folded form (a fixed point)."""
    steps = [_dump(name) for name in _DICTIONARIES]
    extra = {}
    for line in _EXTRA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, value = line.split()[:2]
            extra[key] = value
    steps.append(extra)
    keys = set().union(*steps) | set(extra.values())
    result = {}
    for char in sorted(keys):
        folded = char
        for _ in range(4):  # a few passes reach the fixed point (variant → traditional → simplified)
            before = folded
            for step in steps:
                folded = step.get(folded, folded)
            if folded == before:
                break
        if folded != char:
            result[char] = folded
    return result


def fold(text: str) -> str:
    """Searchable form: width-normalised, lower-case, each character folded to one script."""
    mapping = table()
    return "".join(mapping.get(c, c) for c in _normalise(text))


@lru_cache(maxsize=1)
def _width_table() -> dict[int, str]:
    """Full-width ASCII → ASCII, upper → lower (the same rule runs in the browser)."""
    out = {}
    for code in range(0xFF01, 0xFF5F):
        out[code] = chr(code - 0xFEE0).lower()
    out[0x3000] = " "
    for code in range(ord("A"), ord("Z") + 1):
        out[code] = chr(code).lower()
    return out


def _normalise(text: str) -> str:
    return text.translate(_width_table())


def is_word_char(char: str) -> bool:
    """Characters that form search terms; everything else separates terms."""
    if char.isascii():
        return char.isalnum()
    category = unicodedata.category(char)
    return category.startswith("L") or category == "Nd"
