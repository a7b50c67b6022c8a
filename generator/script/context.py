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

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from . import opencc_data
from .marks import MARK, mark

RULES = Path(__file__).with_name("context.yaml")
WORDS = Path(__file__).with_name("context-words.txt")
MIN_START, MIN_INSIDE = 3, 100  # jieba counts (3 is its lowest): see generate()
HEADER = ("# 由 python -m generator.script 生成，请勿手工修改（规则见 context.py、context.yaml）。\n"
          "# 含上下文规则用字的词语，这些词语中的字交给 OpenCC 转换。\n")


@dataclass
class Rule:
    """One character's rule: ``forms`` (combination → traditional form of the character)."""
    char: str
    default: str
    forms: dict[str, str]
    ignore: frozenset[str]
    # (offset of the character, length) → {combination: form or None for a listed word}
    shapes: dict[tuple[int, int], dict[str, str | None]] = field(default_factory=dict)

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
                key = (start, -length, 0 if form is not None else 1)
                if best is None or key < best:
                    best, chosen = key, (form, word)
        return chosen


def rules_data() -> dict:
    return yaml.safe_load(RULES.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    """The reviewed rules with their generated word lists."""
    listed: dict[str, list[str]] = {}
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word = line.split("\t")[0]
            for char in set(word):
                listed.setdefault(char, []).append(word)
    out = {}
    for char, data in rules_data().items():
        forms = {word: form for form, words in data["forms"].items() for word in words}
        rule = Rule(char, data["default"], forms, frozenset(data.get("ignore", ())))
        for word, form in forms.items():
            rule.add(word, form)
        for word in listed.get(char, ()):
            rule.add(word, None)
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
    """The text of ``context-words.txt``: words holding a rule's character, less the rule's
    ``ignore``. A word starting with the character (系统, 系列, 系数) is taken from OpenCC's
    phrases or jieba's list (at least ``MIN_START``); a word with the character further in (关系,
    联系, 体系) only when jieba counts it at least ``MIN_INSIDE`` times, since a rare one steals
    the character from the word before it (合同|系 would read as 同系 "homologous")."""
    from .boundaries import jieba_words

    sources: dict[str, list[str]] = {}
    phrases = opencc_data.phrases()
    jieba = jieba_words()
    for char, data in rules_data().items():
        ignore = set(data.get("ignore", ()))
        for word in sorted(set(phrases) | set(jieba)):
            if char not in word or len(word) < 2 or word in ignore:
                continue
            count = jieba.get(word, (0, ""))[0]
            if count >= (MIN_START if word.startswith(char) else MIN_INSIDE) or (
                    word.startswith(char) and word in phrases):
                sources[word] = [f"jieba {count}"] * (count > 0) + ["opencc"] * (word in phrases)
    return HEADER + "".join(f"{w}\t{', '.join(sources[w])}\n" for w in sorted(sources))
