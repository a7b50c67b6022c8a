"""Fold text character by character to one script, for search keys.

A phrase converter answers differently for a word alone and in context (t2s of 乾 is 干, but
乾隆 stays), so index and query could disagree. Folding maps every character on its own —
every traditional or regional-variant character to one simplified form — and the browser
applies the same table to the query, so both sides always agree.

The table is derived from the character dictionaries inside the pinned opencc wheel
(TSCharacters, the Taiwan/Hong Kong variant tables reversed, and the characters STPhrases
writes inside phrases), dumped with the wheel's own ``opencc_dict`` tool, plus a few reviewed
merges in ``fold-extra.txt``.
"""

from __future__ import annotations

import os
import subprocess
from collections import Counter, defaultdict
import tempfile
import re
from functools import lru_cache
from pathlib import Path

import opencc

_CLIB = Path(opencc.__file__).parent / "clib"
_EXTRA = Path(__file__).with_name("fold-extra.txt")
# Variant tables first (regional form → OpenCC standard traditional), then traditional →
# simplified. The first candidate of each entry is OpenCC's preferred reading.
_DICTIONARIES = ("TWVariantsRev", "HKVariantsRev", "TSCharacters")


def _dump(name: str) -> list[tuple[str, str]]:
    """(key, first candidate) pairs of one of the wheel's dictionaries."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.txt"
        subprocess.run([str(_CLIB / "bin" / "opencc_dict"), "-i", str(_CLIB / "share" / "opencc" / f"{name}.ocd2"),
                        "-o", str(out), "-f", "ocd2", "-t", "text"], check=True,
                       env={**os.environ, "LD_LIBRARY_PATH": str(_CLIB / "lib64")},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return [(line.split("\t")[0], line.split("\t")[1].split()[0])
                for line in out.read_text(encoding="utf-8").splitlines()]


def _characters(name: str) -> dict[str, str]:
    return {key: value for key, value in _dump(name) if len(key) == 1 and len(value) == 1 and key != value}


def _phrase_characters(folded: dict[str, str]) -> dict[str, str]:
    """Traditional characters that are also valid simplified ones (瞭, 覆, 俱 …) are missing
    from TSCharacters, yet the converter writes them inside phrases (了解→瞭解, 答复→答覆).
    Align the simplified and traditional sides of every STPhrases entry character by
    character and fold such a character to what it most often stands for (seen at least twice)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for simplified, traditional in _dump("STPhrases"):
        if len(simplified) != len(traditional):
            continue
        for s, t in zip(simplified, traditional):
            if t not in folded and folded.get(s, s) != t:
                seen[t][folded.get(s, s)] += 1
    return {t: counts.most_common(1)[0][0] for t, counts in seen.items() if counts.most_common(1)[0][1] >= 2}


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """Every character that folds to another, and its folded form (a fixed point)."""
    steps = [_characters(name) for name in _DICTIONARIES]
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
    for char, target in _phrase_characters(result).items():
        result[char] = result.get(target, target)
    return result


def fold(text: str) -> str:
    """Searchable form: width-normalised, lower-case, each character folded to one script."""
    return text.translate(_translation())


@lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    """One str.translate table: full-width ASCII → ASCII, A–Z → a–z, then the fold table.
    search.js applies the same three rules in the same order."""
    mapping = table()
    out = {}
    for code in range(0xFF01, 0xFF5F):
        char = chr(code - 0xFEE0)
        char = char.lower() if "A" <= char <= "Z" else char
        out[code] = mapping.get(char, char)
    out[0x3000] = " "
    for code in range(ord("A"), ord("Z") + 1):
        out[code] = chr(code).lower()
    for key, value in mapping.items():
        out.setdefault(ord(key), value)
    return out


# Runs of letters and numbers (Unicode L* and N*; search.js uses [\p{L}\p{N}]).
WORD_RUN = re.compile(r"[^\W_]+")
