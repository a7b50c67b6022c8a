"""One spelling per word family for each traditional script setting (``variants.yaml``).

OpenCC's choices differ between words of one family — 賬戶 beside 帳號, 臺賬 beside 臺帳, 傢俱
where Taiwan writes 家具 — so after conversion each setting's table writes the family the way
its region does. Characters are replaced with ``str.replace``, phrases with one regex (longest
first); only converted text passes here, never an author's own traditional text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

TABLE = Path(__file__).with_name("variants.yaml")


@dataclass(frozen=True)
class Table:
    variant: str
    characters: dict[str, str]
    phrases: dict[str, str]

    @staticmethod
    @lru_cache(maxsize=None)
    def of(variant: str) -> Table:
        data = (yaml.safe_load(TABLE.read_text(encoding="utf-8")) or {}).get(variant) or {}
        return Table(variant, dict(data.get("characters") or {}), dict(data.get("phrases") or {}))

    def apply(self, text: str) -> str:
        for old, new in self.characters.items():  # str.replace: a few characters, C speed
            if old in text:
                text = text.replace(old, new)
        if self.phrases:
            text = self._pattern.sub(lambda m: self.phrases[m.group(0)], text)
        return text

    @property
    def _pattern(self) -> re.Pattern[str]:
        return _pattern(tuple(self.phrases))

    def rule(self, text: str, i: int) -> str | None:
        """The entry that rewrote the character at text[i] (converted text before this table), or
        None."""
        for phrase in sorted(self.phrases, key=len, reverse=True):
            for start in range(max(0, i - len(phrase) + 1), i + 1):
                if text.startswith(phrase, start):
                    return f"{phrase}→{self.phrases[phrase]}"
        if text[i] in self.characters:
            return f"{text[i]}→{self.characters[text[i]]}"
        return None


@lru_cache(maxsize=None)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p))))
