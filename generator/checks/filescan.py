"""Personal data in what the content folders hold besides readable content files.

Everything committed under the content folders is published with the repository: the names
of files and folders, files that are not content (a Word file, a note, a hidden file), content
files that could not be read (wrong encoding, broken YAML) and the site settings. Each is read
the way ``generator.egress`` reads any file (text in UTF-8, GB18030 or UTF-16; the members of
ZIP containers such as DOCX and XLSX; else the bytes) and scanned with the same detectors.
Readable content files are scanned by ``personal`` with exact positions.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Collection

from .. import egress, privacy
from ..findings import Finding, finding
from ..load import Loaded
from ..load import yamlsource
from ..layout import CONFIG_FILE, CONTENT_DIRS
from ..load.files import MAX_FILE_BYTES
from ..messages import current as msg

# A stray file is read this far: far beyond any content file (E105), and bounded.
MAX_STRAY_BYTES = 4 * MAX_FILE_BYTES


def committed_files(root: Path) -> list[str]:
    """Every file and folder under the content folders (hidden ones too), and the settings."""
    found = [CONFIG_FILE] if (root / CONFIG_FILE).is_file() else []
    for folder in CONTENT_DIRS:
        base = root / folder
        if not base.is_dir():
            continue
        for current, dirs, files in os.walk(base):
            dirs[:] = sorted(d for d in dirs if d != ".git")
            here = Path(current)
            found += [(here / name).relative_to(root).as_posix() for name in sorted(dirs + files)]
    return found


def scan(root: Path, loaded: Loaded | None, allowed: Collection[str]) -> list[Finding]:
    parsed = {doc.path for doc in loaded.documents} if loaded else set()
    findings: list[Finding] = []
    for rel in committed_files(root):
        findings += name_findings(rel)
        path = root / rel
        if rel in parsed or path.is_symlink() or not path.is_file():
            continue
        with open(path, "rb") as f:
            findings += content_findings(rel, f.read(MAX_STRAY_BYTES), allowed)
    if (root / CONFIG_FILE).is_file():
        findings += _settings_values(root / CONFIG_FILE, allowed)
    return findings


def content_findings(rel: str, data: bytes, allowed: Collection[str]) -> list[Finding]:
    """Personal data in the bytes of one file of any kind (a member of a ZIP: line 0)."""
    return [finding(rel, line if member == rel else 0, 0, m.code, **_params(m))
            for member, text in egress.texts_of(rel, data)
            for line, m in egress.scan_text(text, allowed, member)]


def _settings_values(path: Path, allowed: Collection[str]) -> list[Finding]:
    """The settings' values as YAML reads them: a number written with escapes ("\u0031…") is
    invisible in the bytes but shown in every page's footer."""
    try:
        parsed = yamlsource.parse(path.read_text(encoding="utf-8"))
    except (yamlsource.YamlProblem, UnicodeDecodeError):
        return []  # reported by the settings check; the bytes were scanned above
    raw = path.read_text(encoding="utf-8")
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
