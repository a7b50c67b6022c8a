"""One matcher for a value that must be one of a list: which choice did the editor mean?

Every list of allowed values has codes and the Chinese labels people know them by (the guidance
modes of ``mkdocs.yml``, the ``enumDescriptions`` of the schema). Editors type the label where
the code belongs (劝导警示 for persuasion_warning), a near label (劝导警告), or a code with
another case, width or separator (Persuasion-Warning). The matcher compares with both, after
folding width, case and separators, and answers only when one choice is clearly closest: a
guess between two equally close choices, or one that turns a negation around (不公开 → 公开),
would mislead more than it helps.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

_CUTOFF = 0.6
_NEGATIONS = ("不", "非", "未", "免", "无", "没")
_NOISE = re.compile(r"[\s\-_·.。，,、\"'“”‘’「」『』（）()]+")


@dataclass(frozen=True)
class Choice:
    value: str  # what the file must hold
    label: str  # what people call it ("" when the value is itself the label)


@dataclass(frozen=True)
class Match:
    choice: Choice
    by_label: bool  # the editor typed (something like) the label, not the value


def fold(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text).casefold())


def closest(typed: str, choices: Sequence[Choice]) -> Match | None:
    key = fold(typed)
    if not key or len(key) > 64:  # no code or label is longer; difflib is quadratic
        return None
    scored = []
    for choice in choices:
        for by_label, text in ((False, choice.value), (True, choice.label)):
            other = fold(text)
            if not other or _negated(key) != _negated(other):
                continue
            score = 2.0 if key == other else difflib.SequenceMatcher(None, key, other).ratio()
            if score < 2.0 and (key in other or other in key) and min(len(key), len(other)) >= 2:
                score = max(score, 0.8)
            scored.append((score, by_label and choice.label != choice.value, choice))
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    best = scored[0]
    runner_up = next((s for s in scored[1:] if s[2] != best[2]), None)
    if best[0] < _CUTOFF or (runner_up is not None and runner_up[0] >= best[0]):
        return None
    return Match(best[2], best[1])


def _negated(text: str) -> bool:
    return any(word in text for word in _NEGATIONS)
