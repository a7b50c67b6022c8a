"""Load the content repository: files → parsed documents → typed model, with findings.

Each file is read on its own so a broken file is reported and skipped while every other file
is still checked. Parts of a file that fail validation are left out of the model (an item with
an error is reported, its valid siblings are kept), but their ids are remembered so that a
reference to them is not reported a second time as "does not exist".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterator

from ..findings import Finding, finding
from ..laws import citation
from ..layout import HANS
from ..messages import current as msg
from ..model import (Case, Content, Department, Item, LegalBasis, LegalOffice, MediaFile, NoPenaltyEntry,
                     Origin, Review, Withdrawn)
from .. import cache, media, memory, privacy, sources
from . import files, numbers, paste, validate, yamlsource
from ..sources import Source
from .yamlsource import Parsed, YamlProblem

if TYPE_CHECKING:
    from ..laws.library import Library
    from ..settings import Settings

CATALOG = "catalog"
CASE = "case"


@dataclass
class Document:
    """One content file as parsed: its data with positions, plus a case's Markdown body."""

    path: str
    kind: str
    parsed: Parsed
    line_offset: int = 0  # added to parsed positions (front matter starts on line 2)
    body: str = ""
    body_line: int = 0
    comments: list[tuple[int, int, str]] = field(default_factory=list)  # (line, col, text)
    text: str = ""  # the whole file, for locating findings

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines, while the check reads them (``Loaded.forget_positions`` drops them:
        one string per line is twice the memory of the text, 66 MB against 33 at city scale)."""
        return self.text.split("\n")

    def position(self, pointer: tuple) -> tuple[int, int]:
        while pointer not in self.parsed.positions and pointer:
            pointer = pointer[:-1]
        line, col = self.parsed.positions.get(pointer, (1, 1))
        return line + self.line_offset, col


@dataclass
class Loaded:
    content: Content
    documents: list[Document]
    findings: list[Finding]
    files_checked: int
    unreadable: list[str] = field(default_factory=list)  # catalogs that could not be parsed
    # The statute library (laws/), added by ``laws.library.with_library``; None when there is none.
    library: Library | None = None
    # The departments' 权责清单 (powers/): department code → power code → name; see ``powers``.
    powers: dict[str, dict[str, str]] = field(default_factory=dict)

    def locate(self, path: str, pointer: tuple) -> tuple[int, int]:
        """Line and column of ``pointer`` inside the file ``path`` (nearest enclosing node)."""
        return self._by_path[path].position(pointer)

    def document(self, path: str) -> Document | None:
        """The parsed file ``path``, if it was read."""
        return self._by_path.get(path)

    @cached_property
    def _by_path(self) -> dict[str, Document]:
        return {doc.path: doc for doc in self.documents}

    def forget_positions(self) -> None:
        """Let go of what only the check reads: every node's position and every file's lines
        (173 MB at city scale). A build calls this once the check has passed, so that
        neither the build nor the child processes it forks carry them; the parsed data stays
        (the public names are read from it), and so does each file's text (the output gate
        names the content file a leak came from)."""
        for doc in self.documents:
            doc.parsed = Parsed(doc.parsed.data, {}, [])
            vars(doc).pop("lines", None)  # the text stays


class Memo:
    """What each file gave, kept between loads while someone edits (the preview checks on every
    save): a file whose bytes and the settings are unchanged is not parsed or validated again."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[str, Settings, Any]] = {}  # path → (digest of its bytes, settings, result)
        self._derived: dict[tuple[str, str], tuple[Document, Any]] = {}

    def file(self, where: Path | Source, rel: str, settings: Settings, read: Callable[..., Any]) -> Any:
        try:
            key = cache.digest(sources.of(where).read_bytes(rel))
        except OSError:
            return read(where, rel, settings)  # reported by ``read``
        kept = self._files.get(rel)
        if kept is not None and kept[0] == key and kept[1] == settings:
            return kept[2]
        result = read(where, rel, settings)
        self._files[rel] = (key, settings, result)
        return result

    def derived(self, doc: Document, name: str, compute: Callable[[], Any]) -> Any:
        """A value computed from one document alone (its text scan), kept as long as it is."""
        kept = self._derived.get((doc.path, name))
        if kept is not None and kept[0] is doc:
            return kept[1]
        value = compute()
        self._derived[(doc.path, name)] = (doc, value)
        return value


def load(where: Path | Source, settings: Settings, memo: Memo | None = None) -> Loaded:
    """The content in ``where``: a folder (a path) or any other ``sources.Source``."""
    with _cycle_collection_paused():
        return _load(sources.of(where), settings, memo)


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Loading a city's content makes millions of objects that all stay alive and form no
    cycles; the cycle collector would scan them again and again as they pile up (a third of the
    check's time). Reference counting still frees everything that is dropped meanwhile."""
    enabled, kept_out = gc.isenabled(), memory.kept_out()
    gc.disable()
    try:
        yield
    finally:
        # Move what was made into the oldest generation without scanning it (scanning it as
        # the youngest took another 0.7 s); a later full collection still sees all of it.
        # In a process that keeps what it holds out of collections (the preview, see
        # memory.keep_out_of_collections), it stays out with the rest.
        gc.freeze()
        if not kept_out:
            gc.unfreeze()
        if enabled:
            gc.enable()


def _load(root: Source, settings: Settings, memo: Memo | None) -> Loaded:
    content_files = files.discover(root)
    findings = [finding(rel, 0, 0, "W110") for rel in content_files.strays]
    findings += [finding(rel, 0, 0, "E113") for rel in content_files.links]
    findings += [finding(rel, 0, 0, "E114", original=original,
                         action=(msg.COPY_DELETE if root.kind(original) == sources.FILE else msg.COPY_RENAME).format(original=original))
                 for rel, original in content_files.copies]
    documents: list[Document] = []
    departments: list[Department] = []
    cases: list[Case] = []
    unreadable = []

    def read(rel: str, how: Callable[[Source, str, Settings], Any]) -> Any:
        return how(root, rel, settings) if memo is None else memo.file(root, rel, settings, how)

    for rel in content_files.catalogs:
        doc, problems, department = read(rel, _catalog_file)
        findings += problems
        if doc is None:
            unreadable.append(rel)
            continue
        documents.append(doc)
        if department is not None:
            departments.append(department)
    for rel in content_files.cases:
        doc, problems, case = read(rel, _case_file)
        findings += problems
        if doc is not None:
            documents.append(doc)
        if case is not None:
            cases.append(case)
    images = []
    for rel in content_files.media:
        detail = media.problem(root, rel)
        if detail:
            findings.append(finding(rel, 0, 0, "E708", detail=detail))
        else:
            images.append(MediaFile(rel, root))
    content = Content(tuple(departments), tuple(cases), tuple(images))
    return Loaded(content, documents, findings,
                  len(content_files.catalogs) + len(content_files.cases) + len(content_files.strays)
                  + len(content_files.media) + len(content_files.links) + len(content_files.copies), unreadable)


def _catalog_file(root: Source, rel: str, settings: Settings
                  ) -> tuple[Document | None, list[Finding], Department | None]:
    doc, problems = read_document(root, rel, CATALOG)
    if doc is None:
        return None, problems, None
    invalid, bad = validate.validate(rel, CATALOG, doc.parsed, settings)
    return doc, problems + invalid + _unquoted_numbers(doc, invalid), _department(doc, bad)


def _case_file(root: Source, rel: str, settings: Settings) -> tuple[Document | None, list[Finding], Case | None]:
    doc, problems = read_document(root, rel, CASE)
    if doc is None:
        return None, problems, None
    invalid, bad = validate.validate(rel, CASE, doc.parsed, settings, doc.line_offset)
    return doc, problems + invalid + _unquoted_numbers(doc, invalid), None if bad else _case(doc)


def _unquoted_numbers(doc: Document, invalid: list[Finding]) -> list[Finding]:
    """W213: a value other tools read as a number; the fix is the same text in quotes. A value
    already reported on its line (a 7-digit phone, E204) gets that one message, not two."""
    out, reported = [], {f.line for f in invalid}
    for path, value, line, col in numbers.unquoted(doc.parsed):
        if line + doc.line_offset in reported:
            continue
        shown = privacy.redact(value)
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        fixed = f'- "{shown}"' if path and isinstance(path[-1], int) else f'{key}: "{shown}"'
        read = numbers.as_number(value)
        loss = msg.NUMBER_LOSES_DIGITS.format(number=privacy.redact(read)) if read != value else ""
        out.append(finding(doc.path, line + doc.line_offset, col, "W213", value=shown, fixed=fixed, loss=loss))
    return out


def read_document(root: Path | Source, rel: str, kind: str) -> tuple[Document | None, list[Finding]]:
    """One YAML file (a case: its front matter) with positions, or the findings that stop it.
    Also reads the statute library's metadata files (``generator.laws.library``)."""
    text, problems = files.read_text(root, rel)
    if text is None:
        return None, problems
    whole = text
    offset, body, body_line = 0, "", 0
    if kind == CASE:
        front = files.split_front_matter(text)
        if front is None:
            return None, [finding(rel, 1, 1, "E109")]
        text, offset = front.yaml_text, front.yaml_first_line - 1
        body, body_line = front.body, front.body_first_line
    try:
        parsed = yamlsource.parse(text)
    except YamlProblem as problem:
        odd = paste.structural(text, 1 + offset) if problem.kind == "syntax" else []
        return None, _odd_spaces(rel, odd) or _yaml_problem(rel, text, problem, offset)
    odd = paste.structural(text, 1 + offset, paste.content_lines(parsed))
    if odd:  # read as part of a name or a text: every finding after this would be about the space
        return None, _odd_spaces(rel, odd)
    if not isinstance(parsed.data, dict):
        return None, [finding(rel, 1 + offset, 1, "E111")]
    return Document(rel, kind, parsed, offset, body, body_line, _comments(text, offset, parsed), whole), []


def _comments(text: str, offset: int, parsed: Parsed) -> list[tuple[int, int, str]]:
    """YAML comments: the parser drops them, but they are published with the repository.
    A "#" starts a comment at the start of a line or after a space; a "#" inside a value (block
    text, quotes) is not a comment: those lines are skipped. (A plain scan: a pattern ending
    in ``(.*)$`` tried at every "#" of a long line took time quadratic in its length.)"""
    marks = []  # (offset of "#", end of its line)
    pos = text.find("#")
    while pos >= 0:
        if pos == 0 or text[pos - 1].isspace():
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            marks.append((pos, end))
            pos = text.find("#", end)
        else:
            pos = text.find("#", pos + 1)
    if not marks:
        return []
    last = text.count("\n", 0, marks[-1][0]) + 1
    inside = set()
    for _, value, line, _, style in parsed.texts:
        if line > last:  # texts come in file order (an alias repeats an earlier one)
            break
        if style in ("|", ">"):
            inside.update(range(line + 1, line + 2 + value.count("\n")))
        elif style in ('"', "'"):
            inside.add(line)
    out = []
    line, counted = 1, 0
    for start, end in marks:
        start += 1  # the comment's text starts after "#"
        line += text.count("\n", counted, start)
        counted = start
        if line not in inside:
            out.append((line + offset, start - text.rfind("\n", 0, start), text[start:end]))
    return out


def _odd_spaces(rel: str, found: list[paste.OddSpace]) -> list[Finding]:
    return [finding(rel, o.line, o.col, "E115", char=paste.describe(o.char), where=msg.ODD_SPACE_PLACES[o.place])
            for o in found]


def _yaml_problem(rel: str, text: str, problem: YamlProblem, offset: int) -> list[Finding]:
    tabs = files.tab_indents(rel, text, 1 + offset)
    if tabs and problem.kind == "syntax":
        return tabs
    line, col = problem.line + offset if problem.line else 0, problem.col
    if problem.kind == "duplicate_key":
        key, first = problem.detail.split("\x00")
        return [finding(rel, line, col, "E104", key=key, first=int(first) + offset)]
    if problem.kind in ("aliases", "depth"):
        return [finding(rel, line, col, "E106")]
    if problem.kind == "nodes":
        return [finding(rel, line, col, "E112", limit=f"{yamlsource.MAX_NODES:,}")]
    if problem.kind == "tag":
        return [finding(rel, line, col, "E107", tag=problem.detail)]
    if problem.kind == "multiple_documents":
        return [finding(rel, line, col, "E108")]
    colon = _fullwidth_colon_line(text, problem.line)
    if colon:
        return [finding(rel, colon + offset, 1, "E102", hint=msg.FULLWIDTH_COLON_HINT)]
    return [finding(rel, line, col, "E102", hint=_syntax_hint(problem))]


_KEY_WITH_FULLWIDTH_COLON = re.compile(r"^[\s-]*[A-Za-z_][A-Za-z0-9_]*\s*：")


def _fullwidth_colon_line(text: str, line: int) -> int:
    """The line (of the problem or just before it) where a field name ends with '：'."""
    lines = text.split("\n")
    for candidate in (line, line - 1):
        if 0 < candidate <= len(lines) and _KEY_WITH_FULLWIDTH_COLON.match(lines[candidate - 1]):
            return candidate
    return 0


def _syntax_hint(problem: YamlProblem) -> str:
    for needle, hint in msg.YAML_HINTS:
        if needle in problem.detail:
            return hint
    return msg.YAML_HINT_FALLBACK.format(detail=problem.detail)


def _is_bad(bad: set[tuple], prefix: tuple) -> bool:
    return any(path[: len(prefix)] == prefix for path in bad)


def _department(doc: Document, bad: set[tuple]) -> Department | None:
    data: dict[str, Any] = doc.parsed.data
    if () in bad or not isinstance(data.get("items"), list):
        return None
    meta = data.get("department") if isinstance(data.get("department"), dict) else {}
    if _is_bad(bad, ("department",)):
        # Reported already; keep the items so their own findings are not hidden behind it.
        meta = {key: value for key, value in meta.items() if not _is_bad(bad, ("department", key))}
        meta.setdefault("code", PurePosixPath(doc.path).stem)
        office = meta.get("legal_office") if isinstance(meta.get("legal_office"), dict) else {}
        meta["legal_office"] = {"name": office.get("name", ""), "phone": office.get("phone", "")}
        for key in ("name", "address", "office_phone"):
            meta.setdefault(key, "")
    code = meta["code"]
    items = tuple(
        _item(raw, code, Origin(doc.path, ("items", i)))
        for i, raw in enumerate(data["items"])
        if not _is_bad(bad, ("items", i))
    )
    entries = tuple(
        _no_penalty(raw, code, Origin(doc.path, ("no_penalty", i)))
        for i, raw in enumerate(data.get("no_penalty") or [])
        if not _is_bad(bad, ("no_penalty", i))
    )
    withdrawn = tuple(
        _withdrawn(raw, code, Origin(doc.path, ("withdrawn", i)))
        for i, raw in enumerate(data.get("withdrawn") or [])
        if not _is_bad(bad, ("withdrawn", i))
    )
    office = meta["legal_office"]
    return Department(
        code=code, name=meta["name"], address=meta["address"], office_phone=meta["office_phone"],
        legal_office=LegalOffice(office["name"], office["phone"]), items=items, no_penalty=entries,
        origin=Origin(doc.path, ("department",)), short_name=meta.get("short_name"),
        credit_code=meta.get("credit_code"), reviewers=tuple(meta.get("reviewers") or ()),
        sample=meta.get("sample") is True, script=meta.get("script", HANS), withdrawn=withdrawn,
    )


def _withdrawn(raw: dict[str, Any], department: str, origin: Origin) -> Withdrawn:
    return Withdrawn(id=raw["id"], department=department, date=raw["date"], reason=raw["reason"], origin=origin,
                     merged_into=raw.get("merged_into"), note=raw.get("note"))


def _item(raw: dict[str, Any], department: str, origin: Origin) -> Item:
    review = raw["review"]
    return Item(
        id=raw["id"], department=department, name=raw["name"], mode=raw["mode"],
        stages=tuple(raw["stages"]), office=raw["office"],
        basis=tuple(_basis(b) for b in raw["basis"]),
        subjects=raw["subjects"], situations=raw["situations"], content=raw["content"],
        procedure=tuple(raw["procedure"]), rights=tuple(raw["rights"]),
        supervision_phone=raw["supervision_phone"], disclosure=raw["disclosure"],
        status=raw["status"], effective_date=raw["effective_date"],
        review=Review(review["unit"], review["date"], review.get("filing_no")), origin=origin,
        power_codes=tuple(raw.get("power_codes") or ()), no_penalty=tuple(raw.get("no_penalty") or ()),
        trades=tuple(raw.get("trades") or ()), exemption_reason=raw.get("exemption_reason"), note=raw.get("note"),
        office_phone=raw.get("office_phone"),
    )


def _basis(raw: dict[str, Any]) -> LegalBasis:
    name = citation.parse_law(raw["law"])
    article = raw.get("article")
    return LegalBasis(name.title, article, raw.get("text"),
                      (citation.parse_article(article) or ()) if article else (), name.version)


def _no_penalty(raw: dict[str, Any], department: str, origin: Origin) -> NoPenaltyEntry:
    return NoPenaltyEntry(
        id=raw["id"], department=department, field=raw["field"], violation=raw["violation"],
        violation_basis=raw["violation_basis"], penalty_basis=raw["penalty_basis"],
        conditions=tuple(raw["conditions"]), origin=origin, note=raw.get("note"),
        violation_citations=tuple(f.citation for f in citation.find_citations(raw["violation_basis"])),
        penalty_citations=tuple(f.citation for f in citation.find_citations(raw["penalty_basis"])),
    )


def _case(doc: Document) -> Case:
    raw: dict[str, Any] = doc.parsed.data
    return Case(
        id=raw["id"], title=raw["title"], department=raw["department"], items=tuple(raw["items"]),
        mode=raw["mode"], month=raw["month"], region=raw["region"],
        counterpart_kind=raw["counterpart_kind"], counterpart=raw["counterpart"],
        body=doc.body, body_line=doc.body_line, origin=Origin(doc.path, ()),
        tags=tuple(raw.get("tags") or ()), sample=raw.get("sample") is True,
        script=raw.get("script", HANS),
    )
