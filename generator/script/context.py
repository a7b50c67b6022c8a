"""Context rules: characters whose traditional form depends on the words around them.

OpenCC decides inside its dictionary's phrases only, so 系 outside a phrase stays 系, although
in legal text it mostly means "is" (係): 当事人系个体工商户, 确系, 系指. The rule for such a
character (``context.yaml``, reviewed) looks at every word covering it — the rule's own
combinations and the words of ``context-words.txt`` (generated from OpenCC's phrases and
jieba's word list) — and takes the one starting furthest left, then the longest, the rule's own
on a tie. A rule combination gives the character's form; a listed word leaves the character to
OpenCC; no word at all gives the rule's default.

A decision becomes a mark before OpenCC runs (pre-segmentation): OpenCC converts the text on
either side on its own, so the marked character also ends any phrase match across it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from . import opencc_data
from .marks import MARK, mark

RULES = Path(__file__).with_name("context.yaml")
WORDS = Path(__file__).with_name("context-words.txt")
MIN_START, MIN_INSIDE = 3, 20  # jieba counts (3 is its lowest): see generate()
HEADER = ("# 由 python -m generator.script 生成，请勿手工修改（规则见 context.py、context.yaml）。\n"
          "# word：含上下文规则用字的词语，其中的字交给 OpenCC 转换；before：比它后面的 word 更常用的词语。\n"
          "# 词语\t类别\tjieba 词频\n")


@dataclass
class Rule:
    """One character's rule: ``forms`` (combination → traditional form of the character)."""
    char: str
    default: str
    forms: dict[str, str]
    ignore: frozenset[str]
    # (offset of the character, length) → {combination: form or None for a listed word}
    shapes: dict[tuple[int, int], dict[str, str | None]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # jieba counts of listed words
    before: dict[str, int] = field(default_factory=dict)  # words that beat a listed word

    def add(self, word: str, form: str | None) -> None:
        for offset, char in enumerate(word):
            if char == self.char:
                group = self.shapes.setdefault((offset, len(word)), {})
                if form is not None or word not in group:
                    group[word] = form

    def decide(self, text: str, i: int) -> tuple[str | None, str]:
        """(traditional form or None for OpenCC, the word that decided) for text[i]."""
        best: tuple[int, int, int] | None = None
        chosen: tuple[str | None, str] = (self.default, "")
        for (offset, length), group in self.shapes.items():
            start = i - offset
            if start < 0:
                continue
            word = text[start:start + length]
            if word in group:
                form = group[word]
                if form is None and offset and start and self.before.get(text[start - 1:start + 1], 0) > self.counts[word]:
                    continue  # 合同|系: the word before is likelier than 同系
                key = (start, -length, 0 if form is not None else 1)
                if best is None or key < best:
                    best, chosen = key, (form, word)
        return chosen


def rules_data() -> dict:
    return yaml.safe_load(RULES.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    """The reviewed rules with their generated word lists."""
    listed: dict[str, int] = {}
    before: dict[str, int] = {}
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, kind, count = line.split("\t")
            (listed if kind == "word" else before)[word] = int(count)
    out = {}
    for char, data in rules_data().items():
        forms = {word: form for form, words in data["forms"].items() for word in words}
        rule = Rule(char, data["default"], forms, frozenset(data.get("ignore", ())), before=before)
        for word, form in forms.items():
            rule.add(word, form)
        for word, count in listed.items():
            if char in word:
                rule.add(word, None)
                rule.counts[word] = count
        out[char] = rule
    return out


def decisions(text: str) -> list[tuple[int, str, str, str]]:
    """(position, character, traditional form, deciding combination or "" for the default) of
    every character a rule writes itself; characters inside marks are left alone."""
    table = rules()
    if not any(char in text for char in table):
        return []
    masked = MARK.sub(lambda m: "\ue003" * len(m.group(0)), text) if "\ue000" in text else text
    out = []
    for char, rule in table.items():
        start = masked.find(char)
        while start != -1:
            form, word = rule.decide(masked, start)
            if form is not None:
                out.append((start, char, form, word))
            start = masked.find(char, start + 1)
    return sorted(out)


def marks(text: str) -> str:
    """``text`` with every rule decision written as a mark."""
    found = decisions(text)
    if not found:
        return text
    out, last = [], 0
    for i, char, form, _ in found:
        out.append(text[last:i])
        out.append(mark(char, form))
        last = i + 1
    out.append(text[last:])
    return "".join(out)


def generate() -> str:
    """The text of ``context-words.txt``, one word a line with its jieba count:

    - ``word``: holds a rule's character (less the rule's ``ignore``); one starting with it
      (系统, 系列, 系数) from OpenCC's phrases or jieba's list, one with the character further
      in (关系, 联系, 体系) only when jieba counts it at least ``MIN_INSIDE`` times;
    - ``before``: a two-character jieba word ending where such a word starts, and more frequent
      than it (合同 before 同系, 同学 before 学系): where it stands, the word loses."""
    from .boundaries import jieba_words

    phrases = opencc_data.phrases()
    jieba = jieba_words()
    count = {word: c for word, (c, _) in jieba.items()}
    rows: dict[str, tuple[str, int]] = {}
    for char, data in rules_data().items():
        ignore = set(data.get("ignore", ()))
        for word in sorted(set(phrases) | set(jieba)):
            if char not in word or len(word) < 2 or word in ignore:
                continue
            n = count.get(word, 0)
            if word.startswith(char) and (word in phrases or n >= MIN_START):
                rows[word] = ("word", n)
            elif not word.startswith(char) and n >= MIN_INSIDE:
                rows[word] = ("word", n)
    weakest: dict[str, int] = {}  # first character of a word with a rule character inside → lowest count
    for word, (_, n) in rows.items():
        if word[0] not in rules_data():
            weakest[word[0]] = min(n, weakest.get(word[0], n))
    for word, (n, _) in jieba.items():
        if len(word) == 2 and _is_han(word) and word not in rows and n > weakest.get(word[1], n):
            rows[word] = ("before", n)
    return HEADER + "".join(f"{w}\t{kind}\t{n}\n" for w, (kind, n) in sorted(rows.items()))


def _is_han(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)
