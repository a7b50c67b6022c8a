"""Word boundaries OpenCC's longest match gets wrong: a generated override table.

OpenCC cuts text from the left, always taking the longest phrase of its dictionary. A rare
phrase then swallows the first character of a common word: 对表现 is cut 对表|现 (对表 "set a
watch" → 對錶現), 向应急 as 向应|急 (嚮應急), 因素发生 as …素发|生 (素髮生). The class is
found in the data, not collected from bug reports:

- every phrase P of OpenCC's first step whose end overlaps the start of a common word W
  (jieba's word list, pinned with the project: frequency at least ``MIN_WORD``, no proper
  names), read as the text S = P + the rest of W;
- where a unigram word model prefers the cut before W: log f(L) + log f(W) exceeds
  log f(P) + log f(rest) by ``MARGIN`` (L is the part of P before W, f a word's frequency in
  jieba, 1 for an unknown word) — the same choice jieba's own segmenter makes;
- and the cut changes the traditional text: converting S (OpenCC with the reviewed overrides)
  differs from converting L and W separately.

Each such S becomes an override S → conv(L) + conv(W). It starts where OpenCC stands when it
would take P, so it applies exactly where the wrong cut would have been made, and nowhere else.
The table is written by ``python -m generator.script`` and committed; a test
regenerates it and compares. Reviewed overrides win over this table.

The mirror class: a common word V that OpenCC does not know (it needs no phrase, each of its
characters converts alone) ends inside a phrase P, so OpenCC stands on V's last characters and
takes P: 规定制定 is cut 规|定制|定 (定制 → 定製, 規定製定), 规定准予 as 规|定准|予. Here no
override can be written (what follows P decides the right text, and listing V × every following
word would be a cross product), so V becomes a *cut word* (``word-ends.tsv``): a word OpenCC's
segmenter must take whole, after which it continues at the next word (制定, 准予) as usual. A
word V is one when, over the phrases P that start inside it and go past its end, whose
conversion changes if cut there:

- for one of them the word model prefers the cut (gain over ``END_MARGIN``, the gain counted as
  above with L = V's part before P and the rest of P as the word after the cut), and
- for none of them it prefers P by more than ``END_VETO`` (相抵 is no cut word: 相|抵触), unless
  jieba's own segmenter cuts after V in that text.
"""

from __future__ import annotations

import importlib.util
import math
from collections import defaultdict
from pathlib import Path
from typing import Callable, Collection, Iterator

from . import opencc_data

TABLE = Path(__file__).with_name("boundaries.tsv")
ENDS_TABLE = Path(__file__).with_name("word-ends.tsv")
MIN_WORD = 100  # jieba frequency of a word that may claim its first characters back
MARGIN = math.log(1000)  # how much likelier the cut before W must be
END_MARGIN = math.log(300)  # a cut word claims its end back from at least one phrase by this much
END_VETO = math.log(50)  # ... and loses it to none by more than this
PROPER_NAMES = ("nr", "ns", "nt", "nz")  # jieba tags of names of people, places, bodies, brands
HEADER = ("# 由 python -m generator.script 生成，请勿手工修改（规则见 boundaries.py）。\n"
          "# 简体\t繁体（OpenCC 标准）\tOpenCC 词语\t应当成词的常用词\n")


def jieba_words() -> dict[str, tuple[int, str]]:
    """jieba's dictionary: word → (frequency, part-of-speech tag)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba (requirements.lock) is needed to generate the boundary table")
    words: dict[str, tuple[int, str]] = {}
    for line in (Path(spec.origin).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, count, tag = line.split(" ")
        if int(count) >= words.get(word, (0, ""))[0]:
            words[word] = (int(count), tag)
    return words


def _is_han(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def generate(convert: Callable[[str], str], reviewed: Collection[str]) -> str:
    """The table's text. ``convert`` is OpenCC's first step with the reviewed overrides only,
    ``reviewed`` their phrases (``generator.script.boundary_table`` passes both)."""
    words = jieba_words()

    def logf(word: str) -> float:
        return math.log(max(words.get(word, (1, ""))[0], 1))

    starts: dict[str, list[str]] = defaultdict(list)
    for word in _common(words):
        for k in range(1, len(word)):
            starts[word[:k]].append(word)
    phrases = opencc_data.phrases()
    candidates: dict[str, tuple[float, str, str, str]] = {}
    for phrase in sorted(phrases):
        for k in range(1, len(phrase)):
            left = phrase[:-k]
            for word in starts.get(phrase[-k:], ()):
                text = phrase + word[k:]
                if text in phrases or text in reviewed:
                    continue  # OpenCC or a reviewer already decided this text
                gain = logf(left) + logf(word) - logf(phrase) - logf(word[k:])
                if gain > MARGIN and gain > candidates.get(text, (-1.0,))[0]:
                    candidates[text] = (gain, left, word, phrase)
    texts = sorted(candidates)
    # One OpenCC call per list: a newline ends every phrase match.
    whole = convert("\n".join(texts)).split("\n")
    lefts = convert("\n".join(candidates[t][1] for t in texts)).split("\n")
    rights = convert("\n".join(candidates[t][2] for t in texts)).split("\n")
    rows = []
    for text, as_is, left, right in zip(texts, whole, lefts, rights):
        if as_is != left + right:
            _, _, word, phrase = candidates[text]
            rows.append((phrase, word, text, left + right))
    rows.sort()
    return HEADER + "".join(f"{text}\t{hant}\t{phrase}\t{word}\n" for phrase, word, text, hant in rows)


def _common(words: dict[str, tuple[int, str]]) -> Iterator[str]:
    for word, (count, tag) in sorted(words.items()):
        if count >= MIN_WORD and len(word) >= 2 and _is_han(word) and not tag.startswith(PROPER_NAMES):
            yield word


def generate_ends(convert: Callable[[str], str]) -> str:
    """The text of word-ends.tsv (the mirror class in the module docstring)."""
    import jieba  # only to generate the table

    words = jieba_words()

    def logf(word: str) -> float:
        return math.log(max(words.get(word, (1, ""))[0], 1))

    phrases = sorted(opencc_data.phrases())
    known = set(phrases)
    splits = [(p, k) for p in phrases for k in range(1, len(p))]
    whole = dict(zip(phrases, convert("\n".join(phrases)).split("\n")))
    heads = convert("\n".join(p[:k] for p, k in splits)).split("\n")
    tails = convert("\n".join(p[k:] for p, k in splits)).split("\n")
    ends: dict[str, list[str]] = defaultdict(list)
    for word in _common(words):
        if word not in known:
            for k in range(1, len(word)):
                ends[word[-k:]].append(word)
    best: dict[str, tuple[float, str]] = {}
    vetoed: dict[str, list[str]] = defaultdict(list)
    for (phrase, k), head, tail in zip(splits, heads, tails):
        if whole[phrase] == head + tail:
            continue  # cutting this phrase changes nothing
        rest = phrase[k:]
        for word in ends.get(phrase[:k], ()):
            gain = logf(word) + logf(rest) - logf(word[:-k]) - logf(phrase)
            if gain > best.get(word, (-math.inf, ""))[0]:
                best[word] = (gain, phrase)
            if gain < -END_VETO:
                vetoed[word].append(word + rest)
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    rows = []
    for word, (gain, phrase) in sorted(best.items()):
        if gain > END_MARGIN and all(next(iter(segmenter.cut(text, HMM=False))) == word
                                     for text in vetoed.get(word, ())):
            rows.append((word, phrase))
    hant = convert("\n".join(word for word, _ in rows)).split("\n")
    return ENDS_HEADER + "".join(f"{word}\t{h}\t{phrase}\n" for (word, phrase), h in zip(rows, hant))


ENDS_HEADER = ("# 由 python -m generator.script 生成，请勿手工修改（规则见 boundaries.py）。\n"
               "# 分词时整体切出的常用词\t繁体\t它会被 OpenCC 误截尾的词语\n")


def end_entries() -> list[tuple[str, str, str]]:
    """(cut word, traditional, OpenCC phrase it keeps from its end) rows of word-ends.tsv."""
    return [tuple(line.split("\t")) for line in ENDS_TABLE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def entries() -> list[tuple[str, str, str, str]]:
    """(simplified, traditional, OpenCC phrase, common word) rows of the committed table."""
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, hant, phrase, word = line.split("\t")
            rows.append((text, hant, phrase, word))
    return rows

