"""The last look before anything leaves: personal data in what the generator wrote.

``check`` reads the content; this module reads the output, with the same detectors
(``generator.privacy``), so whatever path a number or a name took — an earlier commit in the
change history, a template, markup that split a number in two — it cannot reach a reader.
``build`` calls ``check_site`` on the finished site before it replaces the previous one; the
review report and the importer's file go through ``scan_text`` before they are printed or
written.

Every file is read for what a reader could get out of it: text as UTF-8 (or GB18030, UTF-16),
HTML and XML also as shown (tags removed, character references decoded), JSON with its
``\\uXXXX`` escapes decoded, and the members of ZIP containers (XLSX, DOCX), gzip files and the
text of PDFs; anything else as bytes. A Word part is also read as Word shows it, one paragraph
a line: Word splits a sentence into runs (``<w:t>`` elements) wherever its formatting or an
edit changed, so a number typed in two goes would never be seen whole in the XML. Names listed
in ``public_names`` pass, as they do in the check. A hit is traced back to the content file and
line that hold the same number or name.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import html
import io
import os
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Collection, Iterator

from . import cores, htmlguard, privacy
from .findings import Finding, finding
from .messages import current as msg

CODE = "E660"
# What is unpacked of one file (ZIP members, gzip) at most: a stray archive in the content can
# be hostile (a "zip bomb"); the site's own XLSX files are far smaller.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_FINDINGS = 50  # distinct numbers and names reported; one is enough to stop a build
_MARKUP = (".html", ".htm", ".xml", ".xhtml", ".svg", ".rss", ".atom")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_WORD_PART = re.compile(r"word/(?:document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml")
# What Word shows of a part, in order: a run's text (<w:t>, and <w:delText>, <w:instrText>), a tab,
# the end of a paragraph or a line break; everything else is not text.
_WORD_TOKEN = re.compile(r"<(?:(w:(?:t|delText|instrText)(?:\s[^>]*)?>)([^<]*)</w:(?:t|delText|instrText)>"
                         r"|(w:tab\b[^>]*/)>|/w:p>|w:br\b[^>]*/>|w:cr\b[^>]*/>)")  # "<" first: found by a fast search


@dataclass(frozen=True)
class Hit:
    file: str  # relative path of the output file; "book.xlsx!xl/sharedStrings.xml" for a member
    line: int
    match: privacy.Match


# --- reading files --------------------------------------------------------------------------------

def texts_of(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    """(name, text) of everything a reader could read out of a file of any kind."""
    return _texts(name, data, 0, [MAX_UNPACKED_BYTES])


def _texts(name: str, data: bytes, depth: int, budget: list[int]) -> Iterator[tuple[str, str]]:
    if data[:4] == b"PK\x03\x04" and depth < 2:
        yield from _zip_members(name, data, depth, budget)
    elif data[:2] == b"\x1f\x8b" and depth < 2:
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
                inner = f.read(max(budget[0], 0))
        except (OSError, EOFError):
            inner = b""
        budget[0] -= len(inner)
        yield from _texts(name + "!" + Path(name).stem, inner, depth + 1, budget) if inner else [(name, decode(data))]
    elif data[:5] == b"%PDF-":
        yield name, _pdf_text(data)
    else:
        yield name, decode(data)


def decode(data: bytes) -> str:
    """Text as the bytes were most likely meant: a BOM, UTF-8, GB18030, else byte by byte."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, "replace")
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # digits and ASCII letters still read as themselves


def _zip_members(name: str, data: bytes, depth: int, budget: list[int]) -> Iterator[tuple[str, str]]:
    opened = _open_zip(data)
    if opened is None:
        yield name, decode(data)
        return
    archive, infos = opened
    for info in infos:
        if not info.is_dir() and budget[0] > 0:
            yield from _member_texts(archive, info, name, depth, budget)


def _open_zip(data: bytes) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]] | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        return archive, archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _member_texts(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, depth: int,
                  budget: list[int]) -> Iterator[tuple[str, str]]:
    try:
        with archive.open(info) as member:
            inner = member.read(budget[0])
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
        return  # encrypted or broken: nothing a reader can read either
    budget[0] -= len(inner)
    yield from _texts(f"{name}!{info.filename}", inner, depth + 1, budget)
    if _WORD_PART.fullmatch(info.filename):
        yield f"{name}!{info.filename}", word_text(decode(inner))


def _stored_key(data: bytes, info: zipfile.ZipInfo) -> tuple[object, ...] | None:
    """What ``zipfile`` reads to unpack a member: its entry in the central directory and its
    stored bytes (local header, name, extra field, compressed data). Members with the same key
    unpack to the same texts, so a shared member is known without inflating it."""
    start = info.header_offset
    try:
        name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
    except struct.error:
        return None
    end = start + 30 + name_length + extra_length + info.compress_size
    overlap = getattr(info, "_end_offset", None)  # newer zipfile refuses overlapping members
    return (info.filename, info.compress_type, info.flag_bits, info.file_size, info.compress_size, info.CRC,
            None if overlap is None else overlap - end, hashlib.sha256(data[start:end]).digest())


@functools.lru_cache(maxsize=16)
def word_text(xml: str) -> str:
    """The text of a Word part (WordprocessingML) as Word shows it: runs joined, one line per
    paragraph or line break. Remembered: the site's documents share their headers and footers.
    (A run's text is whole XML text, so references are decoded once the runs are joined.)"""
    shown = (text if run else "\t" if tab else "\n" for run, text, tab in _WORD_TOKEN.findall(xml))
    return html.unescape("".join(shown))


def _pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception:  # a PDF pypdf cannot read: scan what its bytes show
        return decode(data)


# --- scanning -----------------------------------------------------------------------------------

def scan_text(text: str, allowed: Collection[str] = (), name: str = "",
              memo: Memo | None = None) -> list[tuple[int, privacy.Match]]:
    """(line, match) of personal data in ``text``, also as shown when it is markup or JSON.

    No detector reads past the end of a line (none takes a line break for a separator), and
    both views keep the text's lines, so what a line holds does not depend on the others; only
    a markup comment can hide lines, and a file holding one is read whole. With a ``memo``, a
    line already scanned in this scan is therefore not scanned again: a district's 3,000 pages
    hold 33 MB of lines but only 6 MB of distinct ones (the same header, navigation and footer
    on every page)."""
    lower = name.lower()
    markup = lower.endswith(_MARKUP) or text[:256].lstrip()[:1] == "<"
    json = lower.endswith(".json")
    if memo is None or markup and "<!--" in text:
        return _scan(text, allowed, markup, json)
    known = memo.lines.setdefault((markup, json), {})
    hot = memo.hot.setdefault((markup, json), set())
    lines = text.split("\n")
    unique = dict.fromkeys(lines)
    fresh = sorted(set(unique).difference(known))  # any fixed order: a line's hits are its own
    found: dict[str, list[privacy.Match]] = {line: [] for line in fresh}
    for number, match in _scan("\n".join(fresh), allowed, markup, json):
        found[fresh[number - 1]].append(match)
    seen = memo.seen.setdefault((markup, json), set())
    if len(seen) > _MEMO_SEEN:
        seen.clear()
    for line in fresh:
        if len(line) <= _MEMO_LINE:
            if hash(line) not in seen:
                seen.add(hash(line))
            else:
                known[line] = found[line]
                if found[line]:
                    hot.add(line)
    here = hot.intersection(unique)
    here.update(line for line, matches in found.items() if matches)
    if not here:
        return []
    return [(number, match) for number, line in enumerate(lines, 1) if line in here
            for match in found.get(line) or known[line]]


def _scan(text: str, allowed: Collection[str], markup: bool, json: bool) -> list[tuple[int, privacy.Match]]:
    hits = [(text.count("\n", 0, m.start) + 1, m) for m in privacy.find_all(text, allowed)]
    views = []
    if markup:
        views.append(privacy.without_markup(text))
    if json and "\\u" in text:
        views.append(_JSON_ESCAPE.sub(_json_character, text))
    seen = {(line, m.code, m.key) for line, m in hits}  # per line: a line's hits are its own
    for view in views:
        if view == text:
            continue
        for m in privacy.find_all(view, allowed):
            line = view.count("\n", 0, m.start) + 1
            if (line, m.code, m.key) not in seen:
                seen.add((line, m.code, m.key))
                hits.append((line, m))
    return sorted(hits, key=lambda hit: hit[0])


def _json_character(escape: re.Match) -> str:
    """An escaped line break is shown as the space it separates words by: lines stay lines."""
    code = int(escape.group(1), 16)
    return " " if code in (0x0A, 0x0D) else chr(code)


# What the files of one scan share, each scanned once. ``parts``: a member of a ZIP container,
# by what is stored of it (``_stored_key``) → how much of the unpacking budget it took and its
# hits (the site's 2,800 .docx files share all their members but the body: styles, fonts,
# settings). ``lines``: by how the file is read (markup, JSON), each line up to ``_MEMO_LINE``
# characters and seen in a second file → its matches, and which of them have any (most lines have
# none, and a file none of whose lines has any is done without looking at its lines one by one).
# A line is kept only once seen again: most lines of a page's body are in that page alone, and
# keeping them all made a city's scan 240 MB larger (its peak went from 1,455 to 1,184 MB). Of a
# line seen once only its hash is kept, and those are forgotten past ``_MEMO_SEEN`` (a line on
# every page is seen again at once).
_MEMO_LINE = 4096  # a longer line (a data file's) is seldom seen twice; it is not kept
_MEMO_SEEN = 400_000


@dataclass
class Memo:
    parts: dict[tuple[object, ...], tuple[int, list[tuple[str, int, privacy.Match]]]] = field(default_factory=dict)
    lines: dict[tuple[bool, bool], dict[str, list[privacy.Match]]] = field(default_factory=dict)
    hot: dict[tuple[bool, bool], set[str]] = field(default_factory=dict)  # the lines of ``lines`` with matches
    seen: dict[tuple[bool, bool], set[int]] = field(default_factory=dict)  # hashes of lines seen once


def scan_file(rel: str, data: bytes, allowed: Collection[str] = (), memo: Memo | None = None) -> list[Hit]:
    """Hits in every text a reader could get out of one file; ``memo`` is shared by the files of
    one scan (the same ``allowed``). A match's ``start`` orders the matches of one line; with a
    memo it may count from another file's line."""
    opened = _open_zip(data) if memo is not None and data[:4] == b"PK\x03\x04" else None
    if opened is None:
        return [Hit(member, line, m) for member, text in texts_of(rel, data)
                for line, m in scan_text(text, allowed, member, memo)]
    archive, infos = opened
    budget = [MAX_UNPACKED_BYTES]
    hits = []
    for info in infos:
        if info.is_dir() or budget[0] <= 0:
            continue
        key = _stored_key(data, info)
        remembered = memo.parts.get(key) if key else None
        if remembered and remembered[0] < budget[0]:  # it was read whole, and would be now
            used, found = remembered
            budget[0] -= used
        else:
            before = budget[0]
            found = [(member[len(rel):], line, m) for member, text in _member_texts(archive, info, rel, 0, budget)
                     for line, m in scan_text(text, allowed, member, memo)]
            if key and budget[0] > 0:  # nothing was cut short by the budget: the same bytes read the same
                memo.parts[key] = (before - budget[0], found)
        hits += [Hit(rel + suffix, line, m) for suffix, line, m in found]
    return hits


def scan_tree(root: Path, allowed: Collection[str] = ()) -> list[Hit]:
    """Every file under ``root``, on every core: a district's site is about 7,000 files."""
    return Scan(root, allowed).finish()


class Scan:
    """The scan of one site, begun while the site is still being made and finished when it is.

    The build scans what is ready while an engine is still running on the other core
    (``scan_ready``), then ``finish`` scans, on every core, every file not scanned yet or
    changed since (its inode, size or time differ) and forgets files no longer there: the result
    is always the scan of the whole finished site, however much of it was read early.

    With a ``guard`` (``htmlguard``), ``finish`` also checks every page of the finished site in
    the same read of it, into ``problems``: a district's 3,000 pages are then read, and the
    workers started, once for both output checks."""

    def __init__(self, root: Path, allowed: Collection[str] = (), guard: htmlguard.Guard | None = None) -> None:
        self.root, self.allowed, self.guard = root, allowed, guard
        self.problems: list[htmlguard.Problem] = []
        self._hits: dict[str, tuple[tuple[int, int, int], list[Hit]]] = {}
        self._memo = Memo()
        self._not_files: list[str] = []  # what ``_present`` found that is neither file nor folder

    def scan_ready(self, go_on: Callable[[], bool]) -> None:
        """Scan files present now, in this process, for as long as ``go_on()`` says."""
        privacy.warm_up()
        for rel, stamp in self._unscanned():
            if not go_on():
                return
            self._hits[rel] = (stamp, scan_file(rel, (self.root / rel).read_bytes(), self.allowed, self._memo))

    def finish(self) -> list[Hit]:
        present = self._present()
        for gone in set(self._hits) - set(present):
            del self._hits[gone]
        stamps = dict(self._unscanned(present))
        pages = {rel for rel in present if self.guard and self.guard.reads(rel)}
        jobs = [(rel, rel in stamps) for rel in sorted(stamps.keys() | pages)]
        privacy.warm_up()  # build the detectors once, before forking
        problems = []
        for rel, hits, problem in cores.each_share(_scan_each, jobs, self.root, self.allowed, self.guard, self._memo):
            if hits is not None:
                self._hits[rel] = (stamps[rel], hits)
            if problem:
                problems.append(problem)
        # A web server sends what a link points to, which no scan has read: only files are published.
        problems += [htmlguard.not_a_file(rel) for rel in self._not_files]
        self.problems = sorted(problems, key=lambda p: p.page)
        every = [hit for _, hits in self._hits.values() for hit in hits]
        return sorted(every, key=lambda h: (h.file, h.line, h.match.start))

    def _present(self) -> dict[str, tuple[int, int, int]]:
        """Every regular file under the root, with its stamp; anything else but a folder (a
        symbolic link, a pipe) goes to ``_not_files``: it is not read, nor followed. One
        ``scandir`` per folder and one ``stat`` per file: ``rglob`` took 0.11 s for a district's
        6,900 files, twice on the gate's path."""
        present = {}
        self._not_files = []
        folders = [""]
        while folders:
            folder = folders.pop()
            with os.scandir(self.root / folder) as entries:
                for entry in entries:
                    rel = folder + entry.name
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(rel + "/")
                    elif entry.is_file(follow_symlinks=False):
                        status = entry.stat(follow_symlinks=False)
                        present[rel] = (status.st_ino, status.st_size, status.st_mtime_ns)
                    else:
                        self._not_files.append(rel)
        return present

    def _unscanned(self, present: dict[str, tuple[int, int, int]] | None = None) -> list[tuple[str, tuple[int, int, int]]]:
        present = self._present() if present is None else present
        return [(rel, stamp) for rel, stamp in sorted(present.items())
                if rel not in self._hits or self._hits[rel][0] != stamp]


def _scan_each(jobs: list[tuple[str, bool]], root: Path, allowed: Collection[str], guard: htmlguard.Guard | None,
               memo: Memo,
               ) -> list[tuple[str, list[Hit] | None, htmlguard.Problem | None]]:
    """Each file read once: scanned when it is not yet (its flag), guarded when it is a page;
    ``memo`` holds what the scan has read before (a worker has its own copy of it)."""
    tags: set[str] = set()
    done = []
    for rel, unscanned in jobs:
        data = (root / rel).read_bytes()
        hits = scan_file(rel, data, allowed, memo) if unscanned else None
        problem = guard.check(rel, data, tags) if guard and guard.reads(rel) else None
        done.append((rel, hits, problem))
    return done


# --- the build's gate -----------------------------------------------------------------------------

class Sources:
    """Where in the content a number or name found in the output was written."""

    def __init__(self, texts: dict[str, str], allowed: Collection[str]) -> None:
        self.texts = texts
        self.allowed = allowed
        self._numbers: dict[tuple[str, str], tuple[str, int]] | None = None

    def find(self, m: privacy.Match) -> tuple[str, int] | None:
        if m.code == privacy.NAME:
            for path, text in sorted(self.texts.items()):
                at = text.find(m.key)
                if at >= 0:
                    return path, text.count("\n", 0, at) + 1
            return None
        if self._numbers is None:
            self._numbers = {}
            for path, text in sorted(self.texts.items()):
                for line, found in scan_text(text, self.allowed, path):
                    self._numbers.setdefault((found.code, found.key), (path, line))
        return self._numbers.get((m.code, m.key))


def check_site(site: Path, shown_as: str, sources: Sources, scan: Scan | None = None) -> list[Finding]:
    """E660 for each distinct number or name found in the built site at ``site`` (shown to the
    user as ``shown_as``), located in the content when it can be traced; ``scan`` is the scan
    of this site begun while it was being made, if any."""
    hits = (scan or Scan(site, sources.allowed)).finish()
    return findings(hits, shown_as, sources)


def findings(hits: list[Hit], shown_as: str, sources: Sources) -> list[Finding]:
    grouped: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        grouped.setdefault((hit.match.code, hit.match.key), []).append(hit)
    out = []
    for (code, _), group in list(grouped.items())[:MAX_FINDINGS]:
        first = group[0]
        output = f"{shown_as.rstrip('/')}/{first.file}"
        files = len({h.file.split("!")[0] for h in group})
        source = sources.find(first.match)
        params = {"output": output, "line": first.line, "files": files, "what": msg.PERSONAL_KINDS[code],
                  "masked": first.match.masked}
        if source is None:
            out.append(finding(output, first.line, 0, CODE, source=msg.EGRESS_SOURCE_UNKNOWN, **params))
        else:
            path, line = source
            out.append(finding(path, line, 0, CODE, source=msg.EGRESS_SOURCE.format(path=path, line=line),
                               **params))
    return out
