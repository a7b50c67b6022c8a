"""One statute text file → a ``Statute``: title, dated history, chapters, articles → 款 → 项.

The files are in the common published form (国家法律法规数据库 as collected by LawRefBook): a
``# title`` line, one line per dated event (通过, 公布, 修正, 修订, 施行 …), ``<!-- INFO END -->``,
then chapters as ``##``/``###`` headings and articles as paragraphs beginning ``第X条 ``. The
paragraphs that follow an article up to the next one are its 款; a paragraph beginning ``（一）``
is a 项 of the 款 before it.

Real files are not perfectly clean, and the parser takes them as they come: lines holding only a
zero-width space are blank, spaces inside headings (``总 则``, ``总　　则``) are dropped, a paragraph
cut in two (``…合理确定其劳动`` / ``定额和计件报酬标准。``) is joined again. Everything it had to
repair or could not place is returned as a ``Problem`` with its line, so ``check`` and
``laws add`` can tell the librarian where to look; nothing raises on content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numerals import NUMERAL_CHARS, to_chinese, to_int

INFO_END = "<!-- INFO END -->"
# Event kinds in the history lines, most telling first: "修订通过" is a revision, "公布" of a
# text adopted the same day is its publication.
EVENT_KINDS = ("施行", "废止", "修订", "修正", "公布", "发布", "通过")
# Events that make a new version of the text; 施行 only dates when a version takes effect.
VERSION_EVENTS = ("修订", "修正", "公布", "发布", "通过")

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ARTICLE = re.compile(rf"^第([{NUMERAL_CHARS}]+)条(?:之([{NUMERAL_CHARS}]+))?[\s\u3000]+(.*)$")
_ITEM = re.compile(rf"^[（(]([{NUMERAL_CHARS}]+)[）)]")
_SUBITEM = re.compile(r"^[0-9０-９]+[．.、]")
_HEADING = re.compile(r"^(#+)\s*(.*)$")
_HEADING_LABEL = re.compile(rf"^(第[{NUMERAL_CHARS}]+[编章节]|附\s*则|附\s*录)\s*(.*)$")
_APPENDIX = re.compile(r"^(附件|附表|附录)")
# A paragraph ends with one of these; one that does not, followed by ordinary text, was cut.
_TERMINAL = tuple("。；：！？…」』”’）)】];:!?")
_SPACES = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True)
class Problem:
    """Something in a statute file the parser repaired or could not use, at a line."""

    line: int
    key: str  # messages.zh_hans.LAW_TEXT_PROBLEMS: what happened
    error: bool = False  # True: the text cannot be relied on (citations could resolve wrongly)
    detail: str = ""


@dataclass(frozen=True)
class Event:
    date: str  # ISO yyyy-mm-dd
    kind: str  # one of EVENT_KINDS, or "" when the line names none
    text: str  # the line's words after the date, e.g. "第十三届全国人民代表大会常务委员会第二十八次会议修正"
    line: int


@dataclass(frozen=True)
class Item:
    """A 项: ``（一）…`` with any 目 (1．…) that follow it."""

    number: int
    text: str  # as printed, label included: "（一）询问有关当事人……；"
    line: int


@dataclass(frozen=True)
class Paragraph:
    """A 款: its lead sentence and its 项, one per line as printed."""

    text: str
    line: int
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Article:
    number: int
    sub: int  # 第十条之一 → (10, 1); 0 for an ordinary article
    paragraphs: tuple[Paragraph, ...]
    line: int
    heading: str = ""  # the chapter (and section) it stands in: "第一章 总则 第一节 一般规定"

    @property
    def label(self) -> str:
        return "第" + to_chinese(self.number) + "条" + ("之" + to_chinese(self.sub) if self.sub else "")

    @property
    def text(self) -> str:
        """The whole article without its label, 款 separated by line breaks."""
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class Heading:
    level: int  # 2 for ##, 3 for ###
    label: str  # "第一章"
    title: str  # "总则" (spaces inside removed)
    line: int

    @property
    def text(self) -> str:
        return f"{self.label} {self.title}".strip()


@dataclass(frozen=True)
class Statute:
    path: str
    title: str
    events: tuple[Event, ...]
    headings: tuple[Heading, ...]
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    title_line: int = 1
    _index: dict[tuple[int, int], Article] = field(default_factory=dict, compare=False, repr=False)

    def article(self, number: int, sub: int = 0) -> Article | None:
        return self._index.get((number, sub))

    @property
    def version_date(self) -> str | None:
        """The date of the latest event that made this text (its 公布, 修正 or 修订)."""
        dates = [e.date for e in self.events if e.kind in VERSION_EVENTS]
        return max(dates) if dates else None

    @property
    def effective_date(self) -> str | None:
        """The 施行 date of this version, when the history says it."""
        version = self.version_date or ""
        dates = [e.date for e in self.events if e.kind == "施行" and e.date >= version]
        return max(dates) if dates else None

    @property
    def has_errors(self) -> bool:
        return any(p.error for p in self.problems)


def clean_line(line: str) -> str:
    """A line without invisible characters and trailing spaces (also full-width ones)."""
    return _INVISIBLE.sub("", line).rstrip(_TRAILING)


_TRAILING = " \t\u3000\u00a0\r"


def parse(text: str, path: str = "") -> Statute:
    """Parse the text of one statute file. Never raises on content: see ``Statute.problems``."""
    return _Parser(text, path).run()


def normalise(text: str) -> str:
    """The text in the library's clean form: invisible characters and trailing spaces gone, cut
    paragraphs joined, spaces inside headings dropped (## 第一章 总则), one blank line between
    paragraphs. The words of the law are not touched."""
    parser = _Parser(text, "")
    body = parser._header()
    out: list[str] = []
    for line in parser.lines[:body]:
        if line.strip() or (out and out[-1]):
            out.append(line.strip())
    if out and out[-1]:
        out.append("")
    for _, paragraph in parser._paragraphs(body):
        match = _HEADING.match(paragraph)
        if match:
            heading: dict[int, Heading] = {}
            parser._heading(len(match.group(1)), match.group(2), 0, heading)
            paragraph = match.group(1) + " " + heading[len(match.group(1))].text.strip()
        out += [paragraph, ""]
    return "\n".join(out).strip("\n") + "\n"


class _Parser:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        text = text.replace("\r\n", "\n")
        if _INVISIBLE.search(text):
            text = _INVISIBLE.sub("", text)
        self.lines = [line.rstrip(_TRAILING) for line in text.split("\n")]
        self.problems: list[Problem] = []
        self.title, self.title_line = "", 0
        self.events: list[Event] = []
        self.headings: list[Heading] = []
        self.articles: list[Article] = []

    def problem(self, line: int, key: str, error: bool = False, detail: str = "") -> None:
        self.problems.append(Problem(line, key, error, detail))

    def run(self) -> Statute:
        body_start = self._header()
        self._body(body_start)
        if not self.title:
            self.problem(1, "no_title", error=True)
        if not self.articles:
            self.problem(body_start or 1, "no_articles", error=True)
        index: dict[tuple[int, int], Article] = {}
        for article in self.articles:
            index.setdefault((article.number, article.sub), article)
        return Statute(self.path, self.title, tuple(self.events), tuple(self.headings), tuple(self.articles),
                       tuple(sorted(self.problems, key=lambda p: p.line)), self.title_line, index)

    # --- the header: title and dated history ----------------------------------------------------

    def _header(self) -> int:
        """Read the header; return the index of the first body line."""
        end = next((i for i, line in enumerate(self.lines) if line.strip() == INFO_END), None)
        if end is None:  # no marker: the header runs up to the first heading or article
            end = next((i for i, line in enumerate(self.lines) if i > 0 and
                        (line.startswith("##") or _ARTICLE.match(line.strip()))), len(self.lines))
            body = end
        else:
            body = end + 1
        for i in range(end):
            line = self.lines[i].strip()
            if not line:
                continue
            if line.startswith("#"):
                if not self.title and line.startswith("# "):
                    self.title, self.title_line = _SPACES.sub("", line[2:]), i + 1
                continue
            if not self._events(line, i + 1):
                self.problem(i + 1, "history_without_date")
        return body

    def _events(self, line: str, number: int) -> bool:
        dates = list(_DATE.finditer(line))
        for k, match in enumerate(dates):
            end = dates[k + 1].start() if k + 1 < len(dates) else len(line)
            words = line[match.end():end].strip()
            words = re.sub(r"根据$", "", words).strip()  # "…第一次修正根据2009年…第二次修正"
            year, month, day = (int(g) for g in match.groups())
            kind = next((k for k in EVENT_KINDS if k in words), "")
            self.events.append(Event(f"{year:04d}-{month:02d}-{day:02d}", kind, words, number))
        return bool(dates)

    # --- the body: headings, articles, 款 and 项 ------------------------------------------------

    def _body(self, start: int) -> None:
        paragraphs = self._paragraphs(start)
        heading: dict[int, Heading] = {}
        where = ""  # the headings the article stands under, as one line
        current: list[tuple[int, str]] | None = None  # the article being read: (line, text) per paragraph
        number = sub = 0
        appendix = False

        def close() -> None:
            if current is not None:
                self._article(number, sub, current, where)

        for line_no, text in paragraphs:
            if appendix:
                continue
            match = _HEADING.match(text)
            if match:
                close()
                current = None
                self._heading(len(match.group(1)), match.group(2), line_no, heading)
                where = " ".join(h.text for _, h in sorted(heading.items()))
                continue
            match = _ARTICLE.match(text)
            if match:
                close()
                number, sub = self._number(match, line_no)
                current = [(line_no, match.group(3).strip())]
                continue
            if current is None:
                self.problem(line_no, "outside_article", detail=text[:20])
                continue
            if _APPENDIX.match(text):  # attachments after the last article are not part of it
                appendix = True
                continue
            current.append((line_no, text))
        close()

    def _paragraphs(self, start: int) -> list[tuple[int, str]]:
        """(line, text) of each non-blank body line, with cut lines joined to their remainder."""
        out: list[tuple[int, str]] = []
        for i in range(start, len(self.lines)):
            text = self.lines[i].strip()
            if not text:
                continue
            if out and self._continues(out[-1][1], text):
                self.problem(out[-1][0], "cut_line")
                out[-1] = (out[-1][0], out[-1][1] + text)
                continue
            out.append((i + 1, text))
        return out

    @staticmethod
    def _continues(previous: str, text: str) -> bool:
        """Whether ``text`` is the rest of a paragraph cut after ``previous``."""
        if previous.startswith("#") or previous.endswith(_TERMINAL) or text.startswith("#"):
            return False
        if _ARTICLE.match(text) or _ITEM.match(text) or _SUBITEM.match(text) or _APPENDIX.match(text):
            return False
        # An article label alone or an item label alone is not a cut paragraph either.
        return bool(re.search(r"[\u4e00-\u9fff，、]$", previous))

    def _heading(self, level: int, words: str, line: int, heading: dict[int, Heading]) -> None:
        words = _SPACES.sub(" ", words).strip()
        match = _HEADING_LABEL.match(words)
        label, title = (match.group(1), match.group(2)) if match else ("", words)
        label, title = _SPACES.sub("", label), _SPACES.sub("", title)
        if label in ("附则", "附录"):
            label, title = "", label + title
        found = Heading(level, label, title, line)
        self.headings.append(found)
        for deeper in [k for k in heading if k >= level]:
            del heading[deeper]
        heading[level] = found

    def _number(self, match: re.Match[str], line: int) -> tuple[int, int]:
        number = to_int(match.group(1)) or 0
        sub = to_int(match.group(2)) or 0 if match.group(2) else 0
        if self.articles:
            last = self.articles[-1]
            expected = {(last.number + 1, 0), (last.number, last.sub + 1)}
            if (number, sub) not in expected:
                label = Article(number, sub, (), line).label
                self.problem(line, "numbering", error=True,
                             detail=f"{label}|{Article(last.number, last.sub, (), 0).label}")
        elif (number, sub) != (1, 0):
            self.problem(line, "numbering", error=True, detail=f"{Article(number, sub, (), line).label}|")
        return number, sub

    def _article(self, number: int, sub: int, parts: list[tuple[int, str]], heading: str) -> None:
        # (line, lead, items) per 款: a 项 line joins the 款 before it, a 目 line the 项 before it.
        groups: list[tuple[int, str, list[Item]]] = []
        for line, text in parts:
            first = text[0]
            if first in "（(" and groups and _ITEM.match(text):
                groups[-1][2].append(Item(to_int(_ITEM.match(text).group(1)) or 0, text, line))
            elif groups and groups[-1][2] and _SUBITEM.match(text):
                items = groups[-1][2]
                items[-1] = Item(items[-1].number, items[-1].text + "\n" + text, items[-1].line)
            else:
                groups.append((line, text, []))
        paragraphs = tuple(
            Paragraph("\n".join([lead] + [i.text for i in items]), line, tuple(items))
            if items else Paragraph(lead, line, _inline_items(lead, line))
            for line, lead, items in groups)
        self.articles.append(Article(number, sub, paragraphs, parts[0][0], heading))


_INLINE_ITEM = re.compile(rf"(?<!第)[（(]([{NUMERAL_CHARS}]+)[）)]")


def _inline_items(text: str, line: int) -> tuple[Item, ...]:
    """项 printed inside one paragraph ("…：（一）甲；（二）乙。"), when they count 一, 二, … in order."""
    if "一）" not in text and "一)" not in text:
        return ()
    marks = [m for m in _INLINE_ITEM.finditer(text)]
    found: list[re.Match[str]] = []
    for m in marks:
        if to_int(m.group(1)) == len(found) + 1:
            found.append(m)
    if len(found) < 2:
        return ()
    ends = [m.start() for m in found[1:]] + [len(text)]
    return tuple(Item(k + 1, text[m.start():end], line) for k, (m, end) in enumerate(zip(found, ends)))
