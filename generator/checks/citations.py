"""Legal basis against the statute library: the law exists and is in force, the article, 款 and
项 exist, and a quoted text is the official text (``generator.laws``).

Runs only when the repository has a library (``laws/``): without one there is nothing to check
against. A law missing from the library is reported once, at its first citation, with how many
citations it has (a warning; an error for the levels the operator declares complete in
``extra.laws_complete_levels``). The 不罚清单's free-text bases (``violation_basis``,
``penalty_basis``) are checked for the law and the provisions; they quote no text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ..findings import Finding, finding
from ..laws import levels, quote
from ..laws.citation import Citation, Provision, labels, law_key, parse_law
from ..laws.library import Law, Library, Version, enclosing, unit
from ..laws.numerals import to_chinese
from ..load import Document, Loaded
from ..messages import current as msg
from ..model import Item
from ..settings import Settings


def check(loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    yield from _marked_names(loaded)
    library = loaded.library
    if library is None:
        return
    docs = {doc.path: doc for doc in loaded.documents}
    missing = _Missing()
    quoted: dict[tuple, tuple[str, int, str]] = {}  # unverifiable quotations: key → (path, line, folded)
    for department in loaded.content.departments:
        for item in department.items:
            doc = docs[item.origin.path]
            for n, basis in enumerate(item.basis):
                yield from _basis(loaded, library, doc, item, n, missing, quoted)
        for entry in department.no_penalty:
            path = entry.origin.path
            for name, citations in (("violation_basis", entry.violation_citations),
                                    ("penalty_basis", entry.penalty_citations)):
                at = loaded.locate(path, entry.origin.pointer + (name,))
                for citation in citations:
                    yield from _resolve(library, citation, missing, path, at, at)[2]
    yield from missing.findings(library, settings)


def _marked_names(loaded: Loaded) -> Iterator[Finding]:
    """A law's name written with 《》 (W912), with or without a statute library: the site adds
    the marks itself."""
    docs = {doc.path: doc for doc in loaded.documents}
    for department in loaded.content.departments:
        for item in department.items:
            raw = docs[item.origin.path].parsed.data["items"][item.origin.pointer[1]]["basis"]
            for n, basis in enumerate(raw):
                if parse_law(basis["law"]).marked:
                    yield finding(item.origin.path, *loaded.locate(item.origin.path, item.origin.pointer
                                                                   + ("basis", n, "law")), "W912")


def _basis(loaded: Loaded, library: Library, doc: Document, item: Item, n: int, missing: _Missing,
           quoted: dict[tuple, tuple[str, int, str]]) -> Iterator[Finding]:
    basis = item.basis[n]
    path = item.origin.path
    where = item.origin.pointer + ("basis", n)
    law_at = loaded.locate(path, where + ("law",))
    article_at = loaded.locate(path, where + ("article",))
    if basis.article is not None and not basis.provisions:
        yield finding(path, *article_at, "W913", value=basis.article.strip())
    if basis.text is not None and basis.article is None:
        yield finding(path, *loaded.locate(path, where + ("text",)), "W914")
    law, version, problems = _resolve(library, basis.citation, missing, path, law_at, article_at)
    yield from problems
    if law is None and basis.text is not None and basis.provisions and not library.known(basis.law):
        yield from _same_quotation(basis.citation, basis.text, path, loaded.locate(path, where + ("text",))[0], quoted)
    if law is None or version is None or basis.text is None or not basis.provisions:
        return
    mismatch = quote.compare(basis.text, _official(version, basis.provisions))
    if mismatch is None or _around(basis.text, version, basis.provisions):
        return
    line = _line_of(doc, where + ("text",), basis.text, mismatch.position)
    if item.published:
        more = msg.LAW_DIFF_MORE.format(count=mismatch.differences) if mismatch.differences > 1 else ""
        diff = mismatch.snippet + msg.LAW_DIFF_LEGEND.format(more=more)
    else:
        diff = msg.LAW_DIFF_WITHHELD
    older = next((v for v in reversed(law.versions) if v is not version
                  and _faithful(basis.text, v, basis.provisions)), None)
    hint = msg.LAW_OLD_VERSION_HINT.format(version=older.date) if older else ""
    yield finding(path, line, 0, "E908", law=law.title, label=labels(basis.provisions), version=version.date,
                  diff=diff, hint=hint)


def _official(version: Version, provisions: tuple[Provision, ...]) -> str:
    return "\n".join(unit(version.statute, p).text or "" for p in provisions)


def _around(text: str, version: Version, provisions: tuple[Provision, ...]) -> bool:
    """An elided quotation of the 款 or article around a single cited 项 or 款 (广告不得有下列情形：
    ……（三）……) is a faithful quotation of it too."""
    return len(provisions) == 1 and quote.elided(text) and any(
        quote.compare(text, wider) is None for wider in enclosing(version.statute, provisions[0]))


def _faithful(text: str, version: Version, provisions: tuple[Provision, ...]) -> bool:
    if any(unit(version.statute, p).text is None for p in provisions):
        return False
    return quote.compare(text, _official(version, provisions)) is None or _around(text, version, provisions)


def _resolve(library: Library, citation: Citation, missing: _Missing, path: str, law_at: tuple[int, int],
             article_at: tuple[int, int]) -> tuple[Law | None, Version | None, list[Finding]]:
    """The law and version a citation refers to, and what is wrong with it. The version is None
    when a cited provision does not exist: its text cannot be compared then."""
    law = library.find(citation.law)
    if law is None:
        if not library.known(citation.law):
            missing.add(citation.law, path, *law_at)
        return None, None, []
    version = law.version(citation.version) if citation.version else law.current
    if version is None:  # a version the library lacks
        missing.add(f"{law.title}（{citation.version}）", path, *law_at)
        return law, None, []
    problems = list(_in_force(law, citation, path, *law_at))
    absent = list(_provisions(law, version, citation.provisions, path, *article_at))
    return law, None if absent else version, problems + absent


def _in_force(law: Law, citation: Citation, path: str, line: int, col: int) -> Iterator[Finding]:
    if law.repealed:
        replacement = msg.LAW_REPLACED_BY.format(title=law.superseded_by) if law.superseded_by else ""
        yield finding(path, line, col, "E909", law=law.title, replacement=replacement)
        return
    if citation.version:
        named = law.version(citation.version)
        newer = law.newer(named) if named else None
        if named is not None and newer is not None and named.status != levels.CURRENT:
            yield finding(path, line, col, "W910", law=law.title, version=named.date, newer=newer.date,
                          how=msg.LAW_VERSION_HOW.get(named.status, msg.LAW_VERSION_HOW[levels.AMENDED]))


def _provisions(law: Law, version: Version, provisions: tuple[Provision, ...], path: str, line: int,
                col: int) -> Iterator[Finding]:
    for provision in provisions:
        found = unit(version.statute, provision)
        if found.text is not None:
            continue
        article = Provision(provision.article, provision.sub).label
        where = Provision(provision.article, provision.sub, provision.paragraph).label
        item = f"第{to_chinese(provision.item)}项" if provision.item else ""
        if found.missing == "article":
            missing = msg.LAW_MISSING_ARTICLE.format(label=article, count=found.count)
        elif found.missing == "paragraph":
            missing = msg.LAW_MISSING_PARAGRAPH.format(article=article, count=found.count,
                                                       label=where[len(article):])
        elif found.missing == "item":
            missing = msg.LAW_MISSING_ITEM.format(where=where, count=found.count, label=item)
        else:
            missing = msg.LAW_MISSING_ITEMS.format(where=where, label=item)
        yield finding(path, line, col, "E907", law=law.title, version=version.date, missing=missing)


def _same_quotation(citation: Citation, text: str, path: str, line: int,
                    quoted: dict[tuple, tuple[str, int, str]]) -> Iterator[Finding]:
    """Two quotations of one provision that cannot be checked against the library must agree."""
    if quote.elided(text):
        return
    key = (law_key(citation.law), citation.version, citation.provisions)
    folded = quote.fold(text)
    if key not in quoted:
        quoted[key] = (path, line, folded)
    elif quoted[key][2] != folded:
        first = quoted[key]
        yield finding(path, line, 0, "W911", label=f"《{citation.law}》{labels(citation.provisions)}",
                      other=f"{first[0]}:{first[1]}")


def _line_of(doc: Document, pointer: tuple, value: str, position: int) -> int:
    """The line of the file holding character ``position`` of the text value at ``pointer``.

    Whitespace is what may differ between the value and its lines in the file (indentation, a
    folded line break), so the non-space characters before ``position`` are counted off line
    by line from where the value starts.
    """
    start = next(((line, col, style) for p, _, line, col, style in doc.parsed.texts if p == pointer), None)
    if start is None:
        return doc.position(pointer)[0]
    line, col, style = start
    line += doc.line_offset
    wanted = sum(1 for ch in value[:position] if not ch.isspace())
    if style in ("|", ">"):
        index, first = line, ""  # the text starts on the line after the indicator
    else:
        index, first = line - 1, doc.lines[line - 1][col - 1:].lstrip("\"'")
    seen = sum(1 for ch in first if not ch.isspace())
    if seen > wanted:
        return line
    while index < len(doc.lines):
        seen += sum(1 for ch in doc.lines[index] if not ch.isspace())
        index += 1
        if seen > wanted:
            return index
    return line


@dataclass
class _Missing:
    """Laws cited but not in the library: one finding per law, at its first citation."""

    seen: dict[str, list[tuple[str, int, int, str]]] = field(default_factory=dict)

    def add(self, title: str, path: str, line: int, col: int) -> None:
        if title.strip():
            self.seen.setdefault(law_key(title), []).append((path, line, col, title))

    def findings(self, library: Library, settings: Settings) -> Iterator[Finding]:
        complete = set(settings.laws_complete_levels)
        for places in self.seen.values():
            path, line, col, title = min(places)
            near = library.suggest(title)
            suggestion = msg.LAW_SUGGESTION.format(title=near.title) if near else ""
            level = levels.level_from_title(title)
            if level in complete:
                yield finding(path, line, col, "E906", law=title, count=len(places), suggestion=suggestion,
                              level=msg.LAW_LEVEL_GUESS.format(level=level),
                              levels="、".join(settings.laws_complete_levels))
            else:
                yield finding(path, line, col, "W905", law=title, count=len(places), suggestion=suggestion)
