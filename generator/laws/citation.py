"""Citations as data: what editors write (第三十五条第一款, 第33条, 第九条第三项, 《X法》第N条) →
``Provision`` values that can be compared, looked up and printed the way statutes print them.

``parse_article`` reads the ``article`` field of a basis: one provision or a list of them
(第三十三条、第三十四条; 第五十七条第一款、第二款 — a bare 款 or 项 continues the article before
it) or a range (第三十三条至第三十五条, 第一项至第三项), with Chinese or Arabic numerals, with or
without 第, 项 written 第二项, 第（二）项 or （二）, and a trailing 规定/的规定 tolerated.
``parse_law`` strips book-title marks in any width and a trailing version qualifier
(（2017年修正）, (2017-09-01)). ``find_citations`` finds the citations inside free text such as
a 不罚清单 entry's ``violation_basis``: ``《中华人民共和国食品安全法》第五十三条``, or
``中华人民共和国劳动合同法 第七条；中华人民共和国劳动合同法实施条例 第八条``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from .numerals import NUMERAL_CHARS, to_chinese, to_int

# Book-title marks as editors type them: 《》 and 〈〉 in every width and form, and ASCII < >.
BOOK_MARKS = "《》〈〉〈〉︽︾︿﹀＜＞<>"
_MARKS = re.compile("[" + re.escape(BOOK_MARKS) + "]")
_NATION = "中华人民共和国"
# The largest range expanded (第一条至第二十条); a longer one is a typo, not a citation.
MAX_RANGE = 60

_N = f"[{NUMERAL_CHARS}]+"
_ARTICLE = re.compile(rf"第?({_N})条(?:之({_N}))?")
_PARAGRAPH = re.compile(rf"第?({_N})款")
_ITEM = re.compile(rf"第?[(]?({_N})[)]?项|[(]({_N})[)]")
_SEPARATOR = re.compile(r"(?:、|,|;|和|及|以及|与|或者|或)")
_RANGE = re.compile(r"(?:至|到|—|–|-|~)")
_TRAILER = re.compile(r"(?:之?的?规定|规定的?|中的?)$")
_VERSION = re.compile(r"[(（]\s*(\d{4})(?:\s*年)?(?:[-./]\s*(\d{1,2})[-./]\s*(\d{1,2}))?[^()（）]{0,8}[)）]$")
_TITLE_END = "法|条例|规定|办法|细则|规则|决定|标准|名录|规范|目录|意见|通知"
_UNMARKED_TITLE = re.compile(rf"^(.+?(?:{_TITLE_END}))(?=第{_N}条|关于|中|的|$|[，,、。；;\s（(])")


@dataclass(frozen=True, order=True)
class Provision:
    """One cited unit: an article, or one 款 of it, or one 项 (of a 款, or of the article)."""

    article: int
    sub: int = 0  # 之一 → 1
    paragraph: int = 0  # 款; 0: the whole article
    item: int = 0  # 项; 0: the whole 款 or article

    @property
    def label(self) -> str:
        """第三十三条之一第一款第二项 — the form statutes print."""
        out = "第" + to_chinese(self.article) + "条"
        if self.sub:
            out += "之" + to_chinese(self.sub)
        if self.paragraph:
            out += "第" + to_chinese(self.paragraph) + "款"
        if self.item:
            out += "第" + to_chinese(self.item) + "项"
        return out

    @property
    def article_key(self) -> tuple[int, int]:
        return (self.article, self.sub)


@dataclass(frozen=True)
class Citation:
    """A law and what of it is cited. ``provisions`` empty: the law as a whole."""

    law: str  # the title as written, marks and version qualifier removed
    provisions: tuple[Provision, ...] = ()
    version: str | None = None  # "2017" or "2017-09-01" when the editor named a version

    @property
    def label(self) -> str:
        return labels(self.provisions)


def labels(provisions: Iterable[Provision]) -> str:
    """Compact, as statutes write lists: 第五十七条第一款、第二款; 第一百二十六条第一款第三项、第六项."""
    out: list[str] = []
    last: Provision | None = None
    for p in provisions:
        if last is not None and p.article_key == last.article_key and (p.paragraph or p.item):
            if p.item and p.paragraph == last.paragraph and last.item:
                out.append("第" + to_chinese(p.item) + "项")
                last = p
                continue
            if p.paragraph:
                out.append(p.label[len(Provision(p.article, p.sub).label):])
                last = p
                continue
        out.append(p.label)
        last = p
    return "、".join(out)


@dataclass(frozen=True)
class LawName:
    title: str
    version: str | None
    marked: bool  # the editor typed book-title marks


def parse_law(raw: str) -> LawName:
    """``《中华人民共和国行政复议法》（2017年修正）`` → title, version "2017", marked."""
    text = raw.strip()
    marked = bool(_MARKS.search(text))
    text = _MARKS.sub("", text).strip()
    version = None
    match = _VERSION.search(text)
    if match and match.start() > 0:
        year, month, day = match.groups()
        version = year if month is None else f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        text = text[:match.start()].strip()
    return LawName(text, version, marked)


def law_key(title: str) -> str:
    """The form titles are matched in: no marks, no spaces, no leading 中华人民共和国, one width."""
    text = unicodedata.normalize("NFKC", _MARKS.sub("", title))
    text = re.sub(r"\s+", "", text)
    return text[len(_NATION):] if text.startswith(_NATION) and len(text) > len(_NATION) else text


def parse_article(raw: str) -> tuple[Provision, ...] | None:
    """The provisions ``raw`` cites, or None when it is not written in a form understood here."""
    text = _compact(raw)
    text = _TRAILER.sub("", text)
    if not text:
        return None
    provisions, used = _parse(text)
    return tuple(provisions) if provisions and used == len(text) else None


def _compact(raw: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw))


def _parse(text: str) -> tuple[list[Provision], int]:
    """Provisions from the start of ``text`` and how many characters they used."""
    out: list[Provision] = []
    pos = 0
    last: Provision | None = None
    used = 0
    while pos < len(text):
        found = _one(text, pos, last)
        if found is None:
            break
        provision, pos = found
        span = [provision]
        range_match = _RANGE.match(text, pos)
        if range_match:
            end = _one(text, range_match.end(), provision)
            if end is not None:
                expanded = _expand(provision, end[0])
                if expanded is None:
                    break
                span, pos = expanded, end[1]
        out += span
        last = span[-1]
        used = pos
        sep = _SEPARATOR.match(text, pos)
        if sep:
            pos = sep.end()
    return out, used


def _one(text: str, pos: int, last: Provision | None) -> tuple[Provision, int] | None:
    """One provision at ``pos``; a bare 款 or 项 continues ``last``."""
    article = _ARTICLE.match(text, pos)
    if article:
        number, sub = to_int(article.group(1)), to_int(article.group(2)) if article.group(2) else 0
        if not number or sub is None:
            return None
        provision, pos = Provision(number, sub), article.end()
    elif last is not None:
        # "第一款第二项、第三项": a bare 项 stays in the 款 of the one before it.
        provision = Provision(last.article, last.sub, last.paragraph if last.item else 0)
    else:
        return None
    paragraph = _PARAGRAPH.match(text, pos)
    if paragraph:
        value = to_int(paragraph.group(1))
        if not value:
            return None
        provision, pos = Provision(provision.article, provision.sub, value), paragraph.end()
    item = _ITEM.match(text, pos)
    if item:
        value = to_int(item.group(1) or item.group(2))
        if not value:
            return None
        provision, pos = Provision(provision.article, provision.sub, provision.paragraph, value), item.end()
    if not (article or paragraph or item):
        return None
    return provision, pos


def _expand(start: Provision, end: Provision) -> list[Provision] | None:
    """第三十三条至第三十五条 → 33, 34, 35; 第一项至第三项 → 项 1, 2, 3 of one 款."""
    if start.item and end.item and start.article_key == end.article_key and start.paragraph == end.paragraph:
        numbers = range(start.item, end.item + 1)
        make = lambda n: Provision(start.article, start.sub, start.paragraph, n)  # noqa: E731
    elif start.paragraph and end.paragraph and not start.item and not end.item and start.article_key == end.article_key:
        numbers = range(start.paragraph, end.paragraph + 1)
        make = lambda n: Provision(start.article, start.sub, n)  # noqa: E731
    elif not (start.paragraph or start.item or end.paragraph or end.item or start.sub or end.sub):
        numbers = range(start.article, end.article + 1)
        make = lambda n: Provision(n)  # noqa: E731
    else:
        return None
    if not 1 < len(numbers) <= MAX_RANGE:
        return None
    return [make(n) for n in numbers]


@dataclass(frozen=True)
class FoundCitation:
    """A citation found in free text, with where its law name starts in that text."""

    citation: Citation
    start: int


_SEGMENT = re.compile(r"[^；;。\n]+")
_MARKED = re.compile(r"《([^《》]+)》")


def find_citations(text: str) -> list[FoundCitation]:
    """The citations in free text: marked titles (《X》第N条) and unmarked ones (X 第N条)."""
    out: list[FoundCitation] = []
    for segment in _SEGMENT.finditer(text):
        words = segment.group(0)
        marked = list(_MARKED.finditer(words))
        if marked:
            for k, match in enumerate(marked):
                end = marked[k + 1].start() if k + 1 < len(marked) else len(words)
                name = parse_law(match.group(0))
                provisions, _ = _parse(_compact(words[match.end():end]))
                out.append(FoundCitation(Citation(name.title, tuple(provisions), name.version),
                                         segment.start() + match.start()))
            continue
        stripped = words.strip()
        if not stripped:
            continue
        at = re.search(rf"第?{_N}条", stripped)
        title = stripped[:at.start()].strip() if at else stripped
        if not title:
            continue
        head = _UNMARKED_TITLE.match(title)
        title = head.group(1) if head else title
        provisions = _parse(_compact(stripped[at.start():]))[0] if at else []
        name = parse_law(title)
        out.append(FoundCitation(Citation(name.title, tuple(provisions), name.version),
                                 segment.start() + len(words) - len(words.lstrip())))
    return out
