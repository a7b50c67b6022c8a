"""Whether a text the public must read says anything, judged by its shape, not by a list of
exact spellings.

A value is first reduced to its letters and digits (width folded, case folded; spaces of every
kind, brackets, punctuation and dashes dropped), so "（略）", "—— ", "N/A" and "暂无。" reduce to
"略", "", "na" and "暂无". Then, in this order:

- ``empty``: nothing is left (only punctuation, dashes, brackets or spaces) or only digits;
- ``filler``: it is made up entirely of filler words (无, 略, 待补充, 同上, TBD …);
- ``attachment``: it opens by sending the reader to an attachment (见附件1, 详见附表, 另附 …):
  the site publishes no attachments, so the reader is left with nothing;
- ``generic``: for a legal basis, it is made up entirely of words that name no law
  (相关法律法规, 国家有关规定, 法律法规规定 …);
- ``short``: for a field with a minimum (the guidance content), fewer letters than that.

The word lists are language, so they live in ``messages``; each list is small, and a value is
only tokenised when it is short, so the check costs little on long texts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..messages import current as msg

EMPTY, FILLER, ATTACHMENT, GENERIC, SHORT = "empty", "filler", "attachment", "generic", "short"
# Filler and generic phrases are short; a longer value is real text that merely uses the words.
_SHORT_PHRASE = 40
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


def normalise(value: str) -> str:
    """Letters and digits only: full-width forms folded (NFKC), case folded."""
    return _NOT_LETTER_OR_DIGIT.sub("", unicodedata.normalize("NFKC", value).casefold())


@lru_cache(maxsize=1 << 16)  # catalogs repeat many lines (rights, procedure steps) word for word
def judge(value: str, *, basis: bool = False, minimum: int = 0) -> str:
    """The shape that makes ``value`` say nothing to a reader, or '' when it says something.

    ``basis``: the value names a law (generic phrases are refused); ``minimum``: the fewest
    letters and digits the field needs to say anything."""
    core = normalise(value)
    if not core or core.isdigit():
        return EMPTY
    short_phrase = len(core) <= _SHORT_PHRASE
    if short_phrase and _covered(core, _vocabulary("filler")):
        return FILLER
    if _opens_with_attachment(core):
        return ATTACHMENT
    if basis and short_phrase and _covered(core, _vocabulary("generic")):
        return GENERIC
    if len(core) < minimum:
        return SHORT
    return ""


def _opens_with_attachment(core: str) -> bool:
    """见附件1, 详见附表二, 具体内容详见附件, 另附, 附件3 … at the start, after any filler."""
    attachments = _vocabulary("attachment")
    if not any(word in core for word in attachments):  # most texts: answered here
        return False
    rest = core
    while True:  # leading words such as 具体内容 / 请 / 详细
        word = next((w for w in _vocabulary("lead") if rest.startswith(w)), "")
        if not word:
            break
        rest = rest[len(word):]
    return rest.startswith(attachments)


def _covered(text: str, words: tuple[str, ...]) -> bool:
    """``text`` is a concatenation of ``words``."""
    if not (text.startswith(words) and text.endswith(words)):  # most texts: answered here
        return False
    reachable = [True] + [False] * len(text)
    for start in range(len(text)):
        if reachable[start]:
            for word in words:
                if text.startswith(word, start):
                    reachable[start + len(word)] = True
    return reachable[-1]


@lru_cache(maxsize=None)
def _vocabulary(kind: str) -> tuple[str, ...]:
    words = {"filler": msg.FILLER_WORDS, "generic": msg.GENERIC_BASIS_WORDS + msg.FILLER_WORDS,
             "attachment": msg.ATTACHMENT_WORDS, "lead": msg.ATTACHMENT_LEADS}[kind]
    return tuple(sorted({normalise(w) for w in words} - {""}, key=len, reverse=True))
