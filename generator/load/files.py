"""Find the content files under a root and read them as text, or say precisely why not.

Problems here are about the file itself (encoding, size, tabs, front matter), before any YAML
meaning: they come out as findings so that one bad file never hides the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator

from .. import sources
from ..findings import Finding, finding
from ..layout import CASES_DIR, CATALOG_DIR
from ..messages import current as msg
from ..imagemeta import is_image
from ..sources import Source
from . import copies as copies_module

# A district department's catalog is well under 1 MB; a city-wide generated catalog of a
# thousand items is about 2 MB. Anything larger is a mistake (a pasted export, a binary).
MAX_FILE_BYTES = 8 * 1024 * 1024

# The names content files take (the schemas' id patterns); a copy's name is none of them.
_DEPARTMENT_CODE = re.compile(r"[a-z][a-z0-9]{1,19}")
_CASE_ID = re.compile(r"[a-z][a-z0-9]{1,19}-[0-9]{4}-[0-9]{2,3}")
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class ContentFiles:
    catalogs: list[str]  # relative paths, sorted
    cases: list[str]
    strays: list[str]  # files in content folders that are none of these
    media: list[str] = field(default_factory=list)  # images beside the cases (generator.media)
    links: list[str] = field(default_factory=list)  # symbolic links: refused, never followed
    copies: list[tuple[str, str]] = field(default_factory=list)  # (a copy, the file it copies)


def discover(where: Path | Source) -> ContentFiles:
    source = sources.of(where)
    catalogs: list[str] = []
    cases: list[str] = []
    strays: list[str] = []
    media: list[str] = []
    copies: list[tuple[str, str]] = []
    links = [name for name in (CATALOG_DIR, CASES_DIR) if source.kind(name) == sources.LINK]
    for rel, kind in _entries(source, CATALOG_DIR, links, recursive=False):
        path = PurePosixPath(rel)
        if kind == sources.FILE and path.suffix in (".yaml", ".yml"):
            original = copies_module.original_of(path.stem, _DEPARTMENT_CODE)
            if original:
                copies.append((rel, path.with_name(original + path.suffix).as_posix()))
            else:
                catalogs.append(rel)
        elif not path.name.startswith("."):
            strays.append(rel)
    for rel, kind in _entries(source, CASES_DIR, links, recursive=True):
        parts = PurePosixPath(rel).parts[1:]  # inside typical-cases/
        if kind == sources.FOLDER or any(part.startswith(".") for part in parts):
            continue
        path = PurePosixPath(rel)
        if path.suffix == ".md" and len(parts) == 2:
            original = copies_module.original_of(path.stem, _CASE_ID)
            if original:
                copies.append((rel, path.with_name(original + path.suffix).as_posix()))
            else:
                cases.append(rel)
        elif is_image(parts[-1]) and len(parts) == 2:
            media.append(rel)
        elif parts[-1].lower() not in ("readme.md",):
            strays.append(rel)
    return ContentFiles(catalogs, cases, strays, media, sorted(links), copies)


def _entries(source: Source, folder: str, links: list[str], recursive: bool) -> Iterator[tuple[str, str | None]]:
    """The entries under ``folder`` with their kinds, sorted, without following any symbolic
    link: a link (to a file or a folder, anywhere) is added to ``links`` instead. A content file
    outside the repository would be published without ever being reviewed."""
    if source.kind(folder) != sources.FOLDER:
        return
    for name in source.names(folder):
        rel = f"{folder}/{name}"
        kind = source.kind(rel)
        if kind == sources.LINK:
            if not name.startswith("."):  # hidden entries are never content
                links.append(rel)
            continue
        yield rel, kind
        if recursive and kind == sources.FOLDER and not name.startswith("."):
            yield from _entries(source, rel, links, recursive)


def read_text(where: Path | Source, rel: str) -> tuple[str | None, list[Finding]]:
    """Decode a content file as UTF-8 (a BOM is accepted). On failure, return findings."""
    source = sources.of(where)
    size = source.size(rel)
    if size > MAX_FILE_BYTES:
        return None, [finding(rel, 0, 0, "E105", size=_megabytes(size), limit=_megabytes(MAX_FILE_BYTES))]
    raw = source.read_bytes(rel)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [finding(rel, line, col, "E101", guess=_guess_encoding(raw))]
    if "\x00" in text:
        return None, [finding(rel, 0, 0, "E101", guess="")]
    text = text.replace("\r\n", "\n")
    return text, []


def tab_indents(rel: str, text: str, first_line: int = 1) -> list[Finding]:
    """YAML forbids tabs for indentation; say so at each such line, with what to do."""
    return [
        finding(rel, text.count("\n", 0, m.start()) + first_line, m.end() - m.start(), "E103")
        for m in _TAB_INDENT.finditer(text)
    ]


@dataclass(frozen=True)
class FrontMatter:
    yaml_text: str
    yaml_first_line: int  # line of the file where the YAML text starts
    body: str
    body_first_line: int


def split_front_matter(text: str) -> FrontMatter | None:
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    yaml_text = match.group(1)
    body = text[match.end():]
    body_first_line = text.count("\n", 0, match.end()) + 1
    return FrontMatter(yaml_text, 2, body, body_first_line)


def _guess_encoding(raw: bytes) -> str:
    for name in ("gb18030", "big5"):
        try:
            raw.decode(name)
        except UnicodeDecodeError:
            continue
        return msg.ENCODING_GUESS.format(name="GBK" if name == "gb18030" else "Big5")
    return ""


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.2f} MB"
