"""Find the content files under a root and read them as text, or say precisely why not.

Problems here are about the file itself (encoding, size, tabs, front matter), before any YAML
meaning: they come out as findings so that one bad file never hides the others.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..findings import Finding, finding
from ..layout import CASES_DIR, CATALOG_DIR
from ..messages import current as msg
from ..imagemeta import is_image

# A district department's catalog is well under 1 MB; a city-wide generated catalog of a
# thousand items is about 2 MB. Anything larger is a mistake (a pasted export, a binary).
MAX_FILE_BYTES = 8 * 1024 * 1024

_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class ContentFiles:
    catalogs: list[str]  # relative paths, sorted
    cases: list[str]
    strays: list[str]  # files in content folders that are none of these
    media: list[str] = field(default_factory=list)  # images beside the cases (generator.media)
    links: list[str] = field(default_factory=list)  # symbolic links: refused, never followed


def discover(root: Path) -> ContentFiles:
    catalogs: list[str] = []
    cases: list[str] = []
    strays: list[str] = []
    media: list[str] = []
    links = [name for name in (CATALOG_DIR, CASES_DIR) if (root / name).is_symlink()]
    for path in _entries(root / CATALOG_DIR, links, root, recursive=False):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and path.suffix in (".yaml", ".yml"):
            catalogs.append(rel)
        elif not path.name.startswith("."):
            strays.append(rel)
    cases_root = root / CASES_DIR
    for path in _entries(cases_root, links, root, recursive=True):
        rel = path.relative_to(root).as_posix()
        if path.is_dir() or any(part.startswith(".") for part in path.relative_to(cases_root).parts):
            continue
        if path.suffix == ".md" and len(path.relative_to(cases_root).parts) == 2:
            cases.append(rel)
        elif is_image(path.name) and len(path.relative_to(cases_root).parts) == 2:
            media.append(rel)
        elif path.name.lower() not in ("readme.md",):
            strays.append(rel)
    return ContentFiles(catalogs, cases, strays, media, sorted(links))


def _entries(folder: Path, links: list[str], root: Path, recursive: bool) -> Iterator[Path]:
    """The entries under ``folder``, sorted, without following any symbolic link: a link (to a
    file or a folder, anywhere) is added to ``links`` instead. A content file outside the
    repository would be published without ever being reviewed."""
    if folder.is_symlink() or not folder.is_dir():
        return
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        path = Path(entry.path)
        if entry.is_symlink():
            if not entry.name.startswith("."):  # hidden entries are never content
                links.append(path.relative_to(root).as_posix())
            continue
        yield path
        if recursive and entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
            yield from _entries(path, links, root, recursive)


def read_text(root: Path, rel: str) -> tuple[str | None, list[Finding]]:
    """Decode a content file as UTF-8 (a BOM is accepted). On failure, return findings."""
    path = root / rel
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [finding(rel, 0, 0, "E105", size=_megabytes(size), limit=_megabytes(MAX_FILE_BYTES))]
    raw = path.read_bytes()
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
