"""The traditional-script phrase table (tests/data/hant-phrases.tsv): 600+ legal and
administrative phrases written for this project, with the form a Taiwan-standard legal editor
writes (s2tw) and, for the phrases whose Hong Kong spelling differs, the Hong Kong form (s2hk).

Every phrase is converted alone and inside sentences, where OpenCC's longest match may take a
phrase's first or last character into a neighbouring word; all failures are reported together.
``python tests/test_hant_phrases.py`` prints the score of plain OpenCC and of our converter.
"""

from __future__ import annotations

import sys
from pathlib import Path

import opencc
import pytest

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parents[1]))

from generator.script import Converter

TABLE = Path(__file__).parent / "data" / "hant-phrases.tsv"
# (before, after): punctuation on both sides, and words around the phrase.
CONTEXTS = [("经查，", "。"), ("我们", "需要"), ("了解", "以后")]


def rows() -> list[tuple[str, str, str]]:
    out = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            hans, tw, hk = (line.split("\t") + [""])[:3]
            out.append((hans, tw, hk))
    return out


def expected(variant: str) -> list[tuple[str, str]]:
    column = {"s2tw": 1, "s2hk": 2}[variant]
    return [(r[0], r[column]) for r in rows() if r[column]]


def failures(convert, variant: str) -> list[str]:
    """Every phrase (alone and in each context) whose conversion differs from the table."""
    out = []
    for hans, hant in expected(variant):
        if convert(hans) != hant:
            out.append(f"{hans} → {convert(hans)}（应为 {hant}）")
        for before, after in CONTEXTS:
            got = convert(before + hans + after)
            want = convert(before) + hant + convert(after)
            if got != want:
                out.append(f"{before}{hans}{after} → {got}（应为 {want}）")
    return out


def test_table_is_large_and_clean():
    table = rows()
    assert len(table) >= 400
    phrases = [r[0] for r in table]
    assert len(phrases) == len(set(phrases)), "duplicate phrase"
    assert len(expected("s2hk")) >= 50


@pytest.mark.parametrize("variant", ["s2tw", "s2hk"])
def test_every_phrase_alone_and_in_context(variant: str):
    converter = Converter(variant)
    problems = failures(converter.to_hant, variant)
    assert not problems, f"{len(problems)} 处转换错误：\n" + "\n".join(problems)


def test_plain_opencc_fails_where_we_do_not():
    """The table holds the traps: plain OpenCC gets many of them wrong."""
    assert len(failures(opencc.OpenCC("s2tw").convert, "s2tw")) > 50


def score(convert, variant: str) -> tuple[int, int]:
    table = expected(variant)
    return sum(convert(hans) == hant for hans, hant in table), len(table)


if __name__ == "__main__":
    for variant in ("s2tw", "s2hk"):
        for name, convert in (("OpenCC", opencc.OpenCC(variant).convert), ("ours", Converter(variant).to_hant)):
            right, total = score(convert, variant)
            wrong = len(failures(convert, variant))
            print(f"{variant} {name:6}: {right}/{total} = {100 * right / total:.1f} % alone; "
                  f"{wrong} failures alone or in {len(CONTEXTS)} contexts")
