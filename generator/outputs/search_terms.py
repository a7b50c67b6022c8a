"""Make what readers type comparable with what catalogs say: citations and everyday words.

Search compares folded text (``generator.script.fold``). On top of the fold, one more rule,
``normalize``, is applied to both sides: at build time to every field of every document (the
normalized text is indexed beside the original), and in the browser to the query (the query is
searched as typed and as normalized; a document matching either is found). search.js carries
the same few lines (``citations`` and ``rewrite``) and reads the synonym table from the index,
so both sides always apply the same rule (tests/test_search_browser.py runs both on the same
strings). The rule, in order:

1. Citations: 中华人民共和国 is dropped; an article number right after a title's end
   (法、例、定、则 or 》) gets its 第 (处罚法33条 → 处罚法第33条); every 第<number>条/款/项 is
   written with Arabic digits (第三十三条 → 第33条, numbers as ``generator.laws.numerals``
   reads them); book-title marks 《》 are dropped. So 处罚法33条, 行政处罚法第三十三条 and
   《中华人民共和国行政处罚法》第三十三条 all become (part of) 行政处罚法第33条, which each item
   indexes for every law and article it cites.
2. Synonyms: each word of the table (``search_synonyms.yaml``, extended by a site's
   ``extra.search_synonyms``) is replaced by its catalog form (免罚 → 不罚, 餐馆 → 餐饮),
   longest word first, left to right, never inside a replacement.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..laws.numerals import to_int
from ..script.fold import fold

SYNONYMS_FILE = Path(__file__).with_name("search_synonyms.yaml")
NUMBER = "0-9〇零一二两三四五六七八九十百千"
_NATION = "中华人民共和国"
_AFTER_TITLE = re.compile(f"([法例定则》])([{NUMBER}]+)条")
_NUMBERED = re.compile(f"第([{NUMBER}]+)([条款项])")
_MARKS = re.compile("[《》]")
# Every character the citation rule reads (search.py keeps their fold pairs in fold.txt).
RULE_CHARACTERS = _NATION + "法例定则》《第条款项0123456789" + NUMBER[3:]

Pairs = tuple[tuple[str, str], ...]


def load(path: Path = SYNONYMS_FILE) -> dict[str, list[str]]:
    """The table as written: catalog form → the words readers use for it."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def pairs(extra: Pairs = ()) -> Pairs:
    """(reader's word, catalog form) folded, the shipped table then ``extra`` (a later entry for
    the same word wins), longest word first: the order ``rewrite`` tries them in."""
    table: dict[str, str] = {}
    for canonical, words in load().items():
        for word in words:
            table[fold(word)] = fold(canonical)
    for word, canonical in extra:
        table[fold(word)] = fold(canonical)
    return tuple(sorted(table.items(), key=lambda p: (-len(p[0]), p[0])))


def citations(text: str) -> str:
    """Rule 1 on folded text."""
    text = _AFTER_TITLE.sub(r"\1第\2条", text.replace(_NATION, ""))
    text = _NUMBERED.sub(lambda m: m[0] if to_int(m[1]) is None else f"第{to_int(m[1])}{m[2]}", text)
    return _MARKS.sub("", text)


@lru_cache(maxsize=8)
def _pattern(table: Pairs) -> re.Pattern[str] | None:
    return re.compile("|".join(re.escape(word) for word, _ in table)) if table else None


def rewrite(text: str, table: Pairs) -> str:
    """Rule 2 on folded text; ``table`` as ``pairs`` returns it."""
    pattern = _pattern(table)
    if pattern is None:
        return text
    lookup = dict(table)
    return pattern.sub(lambda m: lookup[m[0]], text)


def normalize(text: str, table: Pairs) -> str:
    """Both rules on folded text."""
    return rewrite(citations(text), table)
