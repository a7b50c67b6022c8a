"""OpenCC's own dictionaries, read from the pinned wheel.

The converter itself runs inside OpenCC's C++ library; the tables we generate and the review
report need the same dictionaries as Python data. The wheel ships its ``opencc_dict`` tool,
which writes a binary dictionary out as text: no second copy of the data is kept here.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import opencc

CLIB = Path(opencc.__file__).parent / "clib"
SHARE = CLIB / "share" / "opencc"
# The phrase dictionaries of the first (simplified → traditional) step; segmentation uses both.
PHRASES = ("STPhrases", "STPhrases_GeneratedFromRegionalPhrases")


def _tool(source: Path, target: Path, source_format: str, target_format: str) -> None:
    subprocess.run([str(CLIB / "bin" / "opencc_dict"), "-i", str(source), "-o", str(target),
                    "-f", source_format, "-t", target_format], check=True,
                   env={**os.environ, "LD_LIBRARY_PATH": str(CLIB / "lib64")},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def compile_text(source: Path, target: Path) -> None:
    """A text dictionary (key TAB value lines) as OpenCC's binary form: its lookups are faster."""
    _tool(source, target, "text", "ocd2")


@lru_cache(maxsize=None)
def entries(name: str) -> dict[str, tuple[str, ...]]:
    """Key → candidates (first is OpenCC's choice) of one of the wheel's ``.ocd2`` files."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.txt"
        _tool(SHARE / f"{name}.ocd2", out, "ocd2", "text")
        result = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            result[key] = tuple(values.split())
        return result


@lru_cache(maxsize=1)
def phrases() -> dict[str, str]:
    """Every phrase of the first step and OpenCC's traditional form of it."""
    out: dict[str, str] = {}
    for name in PHRASES:
        for key, values in entries(name).items():
            out.setdefault(key, values[0])
    return out


@lru_cache(maxsize=1)
def ambiguous_characters() -> dict[str, tuple[str, ...]]:
    """Simplified characters with several traditional forms (发 → 發 髮): the ones whose
    form depends on the words around them."""
    return {key: values for key, values in entries("STCharacters").items() if len(values) > 1}
