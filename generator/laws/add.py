"""``python -m generator laws add FILE…``: put official texts into the library.

Each file is parsed where it is; what could not be parsed is reported at the source's
file:line, and if anything is wrong nothing is written at all (like ``import``). Otherwise the
text is written in the library's clean form (``statute.normalise``) as
``laws/<level>/<short title>(<version date>).md``, next to the law's other versions if it has
some, and the law's metadata file is created with guessed level and issuer, or updated: the new
version is listed in date order, and the newest version in force becomes 现行有效 while the one
before it becomes 已修改. The version date is the latest dated event that made the text
(公布/修正/修订/通过 — not 施行), or the date in the source file's name when that is later (the
collected files sometimes lack the last history line), or ``--date``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

import yaml

from ..exitcodes import Exit
from ..load import yamlsource
from ..messages import current as msg
from . import levels, statute as statutes
from .citation import law_key
from ..layout import LAWS_DIR
from .library import short_title
from .statute import Statute

_NAME_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")
_SAFE_NAME = re.compile(r"[^./\\\s\x00-\x1f][^/\\\x00-\x1f]{0,80}")  # the short title becomes a file name


@dataclass
class _Planned:
    statute: Statute
    text: str  # normalised
    date: str
    title: str


def main(root: Path, sources: list[Path], date: str | None, out: TextIO, err: TextIO,
         today: datetime.date | None = None) -> int:
    """Add ``sources`` to ``root/laws``. 0: written; 1: problems in a text, nothing written;
    2: a wrong ``--date``."""
    if date is not None and not _valid_date(date):
        print(msg.LAWS_ADD_BAD_DATE.format(date=date), file=err)
        return Exit.USAGE
    planned: list[_Planned] = []
    failed = False
    for source in sources:
        found, ok = _plan(source, date, out, err)
        failed |= not ok
        if found is not None:
            planned.append(found)
    if failed:
        print(msg.LAWS_ADD_FAILED, file=err)
        return Exit.CONTENT
    library = root / LAWS_DIR
    metas = _existing_metadata(library)
    for item in planned:
        _write(root, library, metas, item, out, today or datetime.date.today())
    readme = library / "README.md"
    if not readme.exists():
        readme.write_text(msg.LAWS_README, encoding="utf-8")
    return Exit.OK


def _valid_date(text: str) -> bool:
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)) and bool(datetime.date.fromisoformat(text))
    except ValueError:
        return False


def _plan(source: Path, date: str | None, out: TextIO, err: TextIO) -> tuple[_Planned | None, bool]:
    try:
        raw = source.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as problem:
        print(msg.LAWS_ADD_UNREADABLE.format(path=source, detail=problem), file=err)
        return None, False
    parsed = statutes.parse(raw, str(source))
    ok = True
    for problem in parsed.problems:
        template = msg.LAW_TEXT_PROBLEMS[problem.key]
        detail = template.format(*problem.detail.split("|")) if problem.detail else template
        if problem.key == "cut_line":
            print(msg.LAWS_ADD_REPAIRED.format(path=source, line=problem.line, detail=detail), file=out)
        else:
            print(msg.LAWS_ADD_PROBLEM.format(path=source, line=problem.line, detail=detail), file=err)
        ok &= not problem.error and problem.key != "outside_article"
    name_date = _NAME_DATE.search(source.name)
    candidates = [d for d in (parsed.version_date, name_date.group(1) if name_date else None) if d]
    version = date or (max(candidates) if candidates else None)
    if version is None:
        print(msg.LAWS_ADD_NO_DATE.format(path=source), file=err)
        return None, False
    if parsed.title and not _SAFE_NAME.fullmatch(short_title(parsed.title)):
        print(msg.LAWS_ADD_BAD_TITLE.format(path=source, line=parsed.title_line), file=err)
        ok = False
    if not ok:
        return None, False
    return _Planned(parsed, statutes.normalise(raw), version, parsed.title), True


def _existing_metadata(library: Path) -> dict[str, Path]:
    """title key → metadata file, for the laws already in the library."""
    found: dict[str, Path] = {}
    for path in sorted(library.rglob("*.yaml")) if library.is_dir() else []:
        try:
            data = yamlsource.parse(path.read_text(encoding="utf-8")).data
        except (OSError, UnicodeDecodeError, yamlsource.YamlProblem):
            continue
        if isinstance(data, dict) and isinstance(data.get("title"), str):
            found[law_key(data["title"])] = path
    return found


def _write(root: Path, library: Path, metas: dict[str, Path], item: _Planned, out: TextIO,
           today: datetime.date) -> None:
    key = law_key(item.title)
    short = short_title(item.title)
    history = [e.text for e in item.statute.events]
    meta_path = metas.get(key)
    if meta_path is None:
        level, issuer = levels.guess(item.title, history)
        level = level or "部门规章"  # a guess either way; the editor is asked to check it
        folder = library / level
        meta_path = folder / f"{short}.yaml"
        data: dict[str, Any] = {"title": item.title, "level": level}
        if issuer:
            data["issuer"] = issuer
        data["source"] = "国家法律法规数据库"
        data["versions"] = []
        guessed = True
    else:
        folder = meta_path.parent
        data = yamlsource.parse(meta_path.read_text(encoding="utf-8")).data
        guessed = False
    folder.mkdir(parents=True, exist_ok=True)
    text_path = folder / f"{short}({item.date}).md"
    rel = text_path.relative_to(root).as_posix()
    if text_path.exists() and text_path.read_text(encoding="utf-8") == item.text:
        print(msg.LAWS_ADD_SAME_TEXT.format(path=rel), file=out)
    else:
        text_path.write_text(item.text, encoding="utf-8")
        print(msg.LAWS_ADD_WROTE_TEXT.format(path=rel, title=item.title, date=item.date), file=out)
    effective = item.statute.effective_date
    _add_version(data, text_path.name, effective, today)
    meta_path.write_text(_metadata_text(data, meta_path, root), encoding="utf-8")
    metas[key] = meta_path
    print(msg.LAWS_ADD_WROTE_META.format(path=meta_path.relative_to(root).as_posix(),
                                         guess=msg.LAWS_ADD_GUESSED if guessed else ""), file=out)


def _add_version(data: dict[str, Any], file: str, effective: str | None, today: datetime.date) -> None:
    versions = [v for v in data.get("versions") or [] if isinstance(v, dict) and v.get("file") != file]
    entry: dict[str, Any] = {"file": file, "status": levels.CURRENT}
    versions.append(entry)
    versions.sort(key=lambda v: _file_date(str(v.get("file"))))
    newest = versions[-1]
    if newest is entry:
        pending = effective is not None and effective > today.isoformat()
        if pending:
            entry["status"] = levels.PENDING
        else:
            for older in versions[:-1]:
                if older.get("status") in (levels.CURRENT, levels.PENDING):
                    older["status"] = levels.AMENDED
    else:
        entry["status"] = levels.AMENDED
    data["versions"] = versions


def _file_date(name: str) -> str:
    match = _NAME_DATE.search(name)
    return match.group(1) if match else ""


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as in the catalogs (CONTRIBUTING 5.1)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_ORDER = ("title", "aliases", "level", "issuer", "source", "superseded_by", "versions", "note")


def _metadata_text(data: dict[str, Any], path: Path, root: Path) -> str:
    depth = len(PurePosixPath(path.relative_to(root).as_posix()).parts) - 1
    ordered = {k: data[k] for k in _ORDER if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    body = yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=1000)
    schema = "../" * depth + "generator/schema/law.schema.json"
    return f"# yaml-language-server: $schema={schema}\n{msg.LAWS_META_HEADER}\n{body}"
