"""``python -m generator convert --review``: every character of the content whose traditional
form depends on its context, with the form chosen and the rule that chose it.

A reviewer confirms a catalog by character: all 发 that became 發, all 系 that became 係, each
with file:line, the phrase around it and the deciding rule (author's mark, context rule, reviewed
override, word-boundary entry, OpenCC phrase, OpenCC's default character, variant table).

The attribution replays the converter's layers in Python — OpenCC's segmentation is forward
maximum matching over its phrase dictionaries and ours — and converts each segment with the real
OpenCC; a test checks that the replay gives the converter's own output on the sample.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from ..layout import CASES_DIR, CATALOG_DIR, CONFIG_FILE
from ..messages import current as msg
from . import Converter, boundaries, context, opencc_data, overrides

_AUTHOR = re.compile(r"\{\{([^{}|\n]+)\|([^{}|\n]+)\}\}")
_HANT_SOURCE = re.compile(r"^script:\s*['\"]?zh-Hant", re.MULTILINE)
CONTEXT_CHARS = 6  # characters of context shown on each side


@dataclass(frozen=True)
class Choice:
    path: str
    line: int
    char: str
    hant: str
    rule: str
    hans_context: str
    hant_context: str


@dataclass(frozen=True)
class Piece:
    """One character of a line after conversion: its traditional form and what decided it."""
    char: str
    hant: str
    kind: str  # author, context, override, boundary, word-end, variant, opencc-phrase, opencc-char
    rule: str


OPENCC_KINDS = ("opencc-phrase", "opencc-char")


class Explainer:
    """Replays ``Converter.to_hant`` character by character for one variant."""

    def __init__(self, converter: Converter) -> None:
        self.converter = converter
        self.ours = _our_phrases()
        self.phrases = opencc_data.phrases()
        self.longest = max(map(len, list(self.ours) + list(self.phrases)))

    def line(self, text: str) -> list[Piece]:
        out: list[Piece] = []
        last = 0
        for m in _AUTHOR.finditer(text):
            out += self._plain(text[last:m.start()])
            hans, hant = m.group(1), m.group(2)
            rule = msg.CONVERT_RULE_AUTHOR.format(mark=m.group(0))
            out += [Piece(c, hant if len(hans) != len(hant) else hant[i], "author", rule)
                    for i, c in enumerate(hans)]
            last = m.end()
        return out + self._plain(text[last:])

    def _plain(self, text: str) -> list[Piece]:
        out: list[Piece] = []
        last = 0
        for i, char, form, word in context.decisions(text):
            out += self._opencc(text[last:i])
            rule = (msg.CONVERT_RULE_CONTEXT.format(char=char, word=word) if word
                    else msg.CONVERT_RULE_CONTEXT_DEFAULT.format(char=char))
            out.append(Piece(char, form, "context", rule))
            last = i + 1
        return out + self._opencc(text[last:])

    def _opencc(self, text: str) -> list[Piece]:
        pieces: list[Piece] = []
        for segment in self.segments(text):
            hant = self.converter._opencc.convert(segment)
            if segment in self.ours:
                kind, rule = self.ours[segment]
            elif len(segment) > 1:
                kind, rule = "opencc-phrase", msg.CONVERT_RULE_OPENCC_PHRASE.format(phrase=segment)
            else:
                kind, rule = "opencc-char", msg.CONVERT_RULE_OPENCC_CHAR
            if len(hant) == len(segment):
                pieces += [Piece(c, h, kind, rule) for c, h in zip(segment, hant)]
            else:
                pieces += [Piece(c, hant if i == 0 else "", kind, rule) for i, c in enumerate(segment)]
        converted = "".join(p.hant for p in pieces)
        final = self.converter._variant.apply(converted)
        if final != converted and len(final) == len(converted):
            table = self.converter._variant
            for i, (before, after) in enumerate(zip(converted, final)):
                if before != after:
                    entry = table.rule(converted, i) or f"{before}→{after}"
                    rule = msg.CONVERT_RULE_VARIANT.format(variant=table.variant, entry=entry)
                    pieces[i] = Piece(pieces[i].char, after, "variant", rule)
        return pieces

    def segments(self, text: str) -> list[str]:
        """OpenCC's segmentation: the longest phrase starting here, else one character."""
        out, i = [], 0
        while i < len(text):
            for j in range(min(len(text), i + self.longest), i + 1, -1):
                if text[i:j] in self.ours or text[i:j] in self.phrases:
                    break
            else:
                j = i + 1
            out.append(text[i:j])
            i = j
        return out


@lru_cache(maxsize=1)
def _our_phrases() -> dict[str, tuple[str, str]]:
    """Our dictionary (as in the converter's chain) → (kind, rule named in the report)."""
    out = {word: ("word-end", msg.CONVERT_RULE_WORD_END.format(word=word, phrase=phrase))
           for word, _, phrase in boundaries.end_entries()}
    out.update({text: ("boundary", msg.CONVERT_RULE_BOUNDARY.format(text=text, phrase=phrase, word=word))
                for text, _, phrase, word in boundaries.entries()})
    for e in overrides():
        out[e["phrase"]] = ("override", msg.CONVERT_RULE_OVERRIDE.format(phrase=e["phrase"]))
    return out


def content_files(root: Path) -> list[Path]:
    """What the site shows: catalogs, typical cases and the site settings."""
    files = sorted((root / CATALOG_DIR).glob("*.yaml")) + sorted((root / CASES_DIR).rglob("*.md"))
    return files + [root / CONFIG_FILE]


def choices(root: Path, converter: Converter) -> tuple[list[Choice], list[str]]:
    """Every context-dependent character of the simplified content, and the files skipped
    because they are written in traditional script (the site shows them as written)."""
    explainer = Explainer(converter)
    ambiguous = opencc_data.ambiguous_characters()
    found: list[Choice] = []
    skipped = []
    for path in content_files(root):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(root).as_posix()
        if _HANT_SOURCE.search(text):
            skipped.append(name)
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if not any("\u4e00" <= c <= "\u9fff" for c in line) or line.lstrip().startswith("#"):
                continue
            pieces = explainer.line(line)
            for i, piece in enumerate(pieces):
                if piece.char in ambiguous or piece.kind not in OPENCC_KINDS:
                    lo, hi = max(0, i - CONTEXT_CHARS), min(len(pieces), i + CONTEXT_CHARS + 1)
                    found.append(Choice(name, number, piece.char, piece.hant, piece.rule,
                                        "".join(p.char for p in pieces[lo:hi]),
                                        "".join(p.hant for p in pieces[lo:hi])))
    return found, skipped


def render(found: list[Choice], skipped: list[str], variant: str, form: str) -> str:
    if form == "json":
        return json.dumps({"variant": variant, "skipped": skipped, "choices": [asdict(c) for c in found]},
                          ensure_ascii=False, indent=1) + "\n"
    out = [msg.CONVERT_REVIEW_TITLE.format(variant=variant), "",
           msg.CONVERT_REVIEW_INTRO.format(count=len(found), chars=len({c.char for c in found})), ""]
    if skipped:
        out += [msg.CONVERT_REVIEW_SKIPPED.format(files="、".join(skipped)), ""]
    by_char = sorted(found, key=lambda c: (c.char, c.hant, c.rule, c.path, c.line))
    for char, group in groupby(by_char, key=lambda c: c.char):
        rows = list(group)
        forms = "、".join(f"{hant} {sum(1 for _ in g)} 处" for hant, g in groupby(rows, key=lambda c: c.hant))
        out += [msg.CONVERT_REVIEW_CHAR.format(char=char, forms=forms), "",
                msg.CONVERT_REVIEW_HEADER, "|---|---|---|---|"]
        for c in rows:
            out.append(f"| {c.hant} | {_cell(c.rule)} | {c.path}:{c.line} | {_cell(c.hans_context)} → {_cell(c.hant_context)} |")
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def plain_output(converter: Converter, text: str) -> str:
    """What the replay writes for ``text``: equal to ``converter.to_hant`` (tests check it)."""
    explainer = Explainer(converter)
    return "\n".join("".join(p.hant for p in explainer.line(line)) for line in text.split("\n"))

