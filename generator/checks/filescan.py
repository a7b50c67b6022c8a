"""Personal data in what the content folders hold besides readable content files.

Everything committed under the content folders is published with the repository: the names
of files and folders, files that are not content (a Word file, a note, a hidden file), content
files that could not be read (wrong encoding, broken YAML) and the site settings. Each is read
the way ``generator.egress`` reads any file (text in UTF-8, GB18030 or UTF-16; the members of
ZIP containers such as DOCX and XLSX; else the bytes) and scanned with the same detectors.
Readable content files are scanned by ``personal`` with exact positions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Collection, Iterator

from .. import egress, privacy, sources
from ..findings import Finding, finding
from ..load import Loaded
from ..load import yamlsource
from ..layout import CONFIG_FILE, CONTENT_DIRS, POWERS_DIR
from ..load.files import MAX_FILE_BYTES
from ..messages import current as msg
from ..sources import Source

# A stray file is read this far: far beyond any content file (E105), and bounded.
MAX_STRAY_BYTES = 4 * MAX_FILE_BYTES


def committed_files(source: Source) -> list[str]:
    """Every file and folder under the content folders and the power lists (hidden ones too),
    and the settings: all are published with the repository."""
    found = [CONFIG_FILE] if source.kind(CONFIG_FILE, follow=True) == sources.FILE else []
    for folder in (*CONTENT_DIRS, POWERS_DIR):
        if source.kind(folder, follow=True) != sources.FOLDER:
            continue
        found += [rel for rel in _walk(source, folder)]
    return found


def _walk(source: Source, folder: str) -> Iterator[str]:
    """The entries under ``folder``, none inside a ``.git`` folder (a nested repository's own
    objects are not committed here)."""
    for name in source.names(folder):
        rel = f"{folder}/{name}"
        if name == ".git" and source.kind(rel, follow=True) == sources.FOLDER:
            continue
        yield rel
        if source.kind(rel) == sources.FOLDER:
            yield from _walk(source, rel)


def scan(root: Path | Source, loaded: Loaded | None, allowed: Collection[str]) -> list[Finding]:
    source = sources.of(root)
    parsed = {doc.path for doc in loaded.documents} if loaded else set()
    findings: list[Finding] = []
    for rel in committed_files(source):
        findings += name_findings(rel)
        if rel in parsed or source.kind(rel) != sources.FILE:
            continue
        findings += content_findings(rel, source.read_bytes(rel, MAX_STRAY_BYTES), allowed)
    if source.kind(CONFIG_FILE, follow=True) == sources.FILE:
        findings += _settings_values(source, allowed)
    return findings


def content_findings(rel: str, data: bytes, allowed: Collection[str]) -> list[Finding]:
    """Personal data in the bytes of one file of any kind (a member of a ZIP: line 0)."""
    return [finding(rel, line if member == rel else 0, 0, m.code, **_params(m))
            for member, text in egress.texts_of(rel, data)
            for line, m in egress.scan_text(text, allowed, member)]


def _settings_values(source: Source, allowed: Collection[str]) -> list[Finding]:
    """The settings' values as YAML reads them: a number written with escapes ("\u0031…") is
    invisible in the bytes but shown in every page's footer."""
    try:
        raw = sources.read_text(source, CONFIG_FILE)
        parsed = yamlsource.parse(raw)
    except (yamlsource.YamlProblem, UnicodeDecodeError):
        return []  # reported by the settings check; the bytes were scanned above
    return [finding(CONFIG_FILE, line, col, m.code, **_params(m))
            for _, value, line, col, _ in parsed.texts
            for m in privacy.find_all(value, allowed) if m.key not in raw and value[m.start:m.end] not in raw]


def name_findings(rel: str) -> list[Finding]:
    """The last part of the path: each folder is reported once, as an entry of its parent."""
    name = rel.rsplit("/", 1)[-1]
    return [finding(rel, 0, 0, "E609", what=msg.PERSONAL_KINDS[m.code], masked=m.masked)
            for m in privacy.find_all(name)]


def _params(m: privacy.Match) -> dict[str, str]:
    if m.code == privacy.NAME:
        return {"masked": m.masked, "context": msg.NAME_AFTER_ROLE.format(role=m.role) if m.role else ""}
    return {"masked": m.masked}
