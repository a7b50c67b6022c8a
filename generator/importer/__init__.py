"""``python -m generator import``: a department's spreadsheet → ``catalogs/<code>.yaml``.

Departments keep their catalogs in Excel; they move to the repository only if their sheets
come in cleanly. The import reads the sheet with the same column table as the exports, keeps
the ids (and the department block and 不罚清单) of the current catalog, writes the file in
the repository's own format, and runs the real checks on the result in a copy of the
repository before anything is replaced. When anything is wrong, nothing is written and every
problem of the whole sheet is reported at once as 文件:工作表:行:列, with a stable code (I0xx
errors, I5xx warnings; CONTRIBUTING.md 7.3) and what to do. Items and 不罚清单 entries of the
current catalog that the sheet does not list are kept unless ``--delete-missing``.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any, TextIO

from .. import checks, egress, privacy, public_names, sources
from ..exitcodes import Exit
from ..layout import CATALOG_DIR
from ..messages import current as msg
from ..outputs.exports import sheet_name
from ..model.columns import ENTRY_COLUMNS, ITEM_COLUMNS, Context
from ..findings import Finding
from ..load import yamlsource
from ..model import Department
from ..settings import Settings
from ..script import plain
from . import assemble, catalogfile, layout, mapping as mapping_file, records, sheets, starter
from .problems import Problem, Result, Where, checked, failed as _failed, has_errors, problem
from .sheets import NO_PENALTY_SHEETS

_CODE = re.compile(r"^[a-z][a-z0-9]{1,19}$")


def main(file: Path, code: str, mapping_path: Path | None, root: Path, out: TextIO, err: TextIO, *,
         no_penalty_file: Path | None = None, delete_missing: bool = False,
         write_mapping: Path | None = None) -> int:
    """Run an import (or write a starter mapping file) and print its report; returns the exit
    code (0, 1, or 2 for usage)."""
    shown = str(file)
    usage = _usage(file, code, mapping_path, no_penalty_file, write_mapping)
    if usage is not None:
        err.write(usage.line() + "\n")
        return Exit.USAGE
    if write_mapping is not None:
        result = starter.write(file, code, root, write_mapping, shown)
    else:
        result = run(file, code, mapping_path, root, shown, no_penalty_file=no_penalty_file,
                     delete_missing=delete_missing)
    for found in in_sheet_order(result.problems):
        out.write(found.line() + "\n")
    out.write(privacy.redact(result.summary) + "\n")
    return Exit.CONTENT if has_errors(result.problems) else Exit.OK


def _usage(file: Path, code: str, mapping_path: Path | None, no_penalty_file: Path | None,
           write_mapping: Path | None) -> Problem | None:
    """What stops the command before anything is read (exit code 2)."""
    if not _CODE.match(code):
        return problem("import", "I001", code=code)
    for path in (file, no_penalty_file):
        if path is None:
            continue
        if not path.is_file():
            return problem("import", "I002", file=path)
        if path.suffix.lower() not in sheets.SUPPORTED:
            try:
                sheets.read(path)
            except sheets.ReadError as bad:
                return problem(str(path), bad.code, **bad.params)
    if mapping_path is not None and not mapping_path.is_file():
        return problem("import", "I003", file=mapping_path)
    if write_mapping is not None and write_mapping.exists():
        return problem("import", "I004", file=write_mapping)
    return None


def in_sheet_order(problems: list[Problem]) -> list[Problem]:
    """Problems of a sheet by row and column (sheets and other places in the order met)."""
    groups: dict[object, int] = {}
    for p in problems:
        groups.setdefault(p.where.sheet if isinstance(p.where, Where) else p.where, len(groups))

    def key(p: Problem) -> tuple:
        if isinstance(p.where, Where):
            return (groups[p.where.sheet], p.where.row, p.where.col)
        return (groups[p.where], 0, 0)

    return sorted(problems, key=key)


def _finding(f: Finding, where: Where | str | None = None) -> Problem:
    if where is None:
        where = f.path + (f":{f.line}" if f.line else "") + (f":{f.col}" if f.line and f.col else "")
    return checked(where, f.code, f.severity, f.message)


def run(file: Path, code: str, mapping_path: Path | None, root: Path, shown: str | None = None, *,
        no_penalty_file: Path | None = None, delete_missing: bool = False) -> Result:
    """Import ``file`` for department ``code`` into the repository at ``root``. Every problem
    of the sheets is collected before giving up, so one run shows them all."""
    shown = shown or file.name
    loaded, settings, baseline = checks.run(root)
    if loaded is None or settings is None:
        return _failed([_finding(f) for f in baseline])
    problems: list[Problem] = []
    mapping = None
    if mapping_path is not None:
        mapping, found = mapping_file.read(mapping_path, str(mapping_path))
        problems += found
        if mapping is None:
            return _failed(problems)
    current = next((d for d in loaded.content.departments if d.code == code), None)
    target = current.origin.path if current else _target(root, code)
    broken = [f for f in baseline if f.path == target and f.severity == "error"]
    if (root / target).exists() and (current is None or broken):
        return _failed(problems + [problem(target, "I021", count=max(len(broken), 1))])
    department = _department_block(current, mapping, code, target, problems)
    try:
        grids = sheets.read(file)
    except sheets.ReadError as bad:
        return _failed(problems + [problem(shown, bad.code, **bad.params)])
    for grid in grids:
        problems += [problem(shown, note) for note in grid.notes]
    extra: list[sheets.Grid] = []
    if no_penalty_file is not None:
        try:
            extra = sheets.read(no_penalty_file)
        except sheets.ReadError as bad:
            return _failed(problems + [problem(str(no_penalty_file), bad.code, **bad.params)])
        for grid in extra:
            problems += [problem(str(no_penalty_file), note) for note in grid.notes]
    ctx = Context({m.code: m.label for m in settings.modes})
    block = department or {}
    names = {plain(n) for n in (block.get("name"), block.get("short_name")) if isinstance(n, str) and n}
    grid = _item_sheet(grids, mapping, current, names, shown, problems)
    if grid is None:
        return _failed(problems)
    where = Where(shown, grid.name)
    found_layout, found = layout.find(grid, ITEM_COLUMNS, "name", mapping, where)
    problems += found
    if found_layout is None:
        return _failed(problems)
    # A missing column is no reason to stop here: the cells of the other columns are read and
    # their problems reported in the same run.
    rows, found = records.read(grid, found_layout, ITEM_COLUMNS, "name", ctx, mapping, where)
    problems += found
    rows = _own_rows(rows, names, code, where, problems)
    rows, found = assemble.duplicates(rows, "name", "事项名称", where)
    problems += found
    if not rows:
        problems.append(problem(where.at(found_layout.header_row), "I035"))
    problems += _without_no_penalty(rows, settings, code, where)
    marks = assemble.marks_of(current)
    result = assemble.Assembled()
    _entries(grids + extra, grid, mapping, current, code, names, ctx, marks, shown, problems, result, delete_missing,
             str(no_penalty_file) if no_penalty_file else shown)
    if has_errors(problems) or department is None:
        return _failed(problems)
    _items(rows, current, code, found_layout, marks, where, problems, result, delete_missing)
    if has_errors(problems):
        return _failed(problems)
    header = _header_lines(root / target)
    withdrawn = [catalogfile.withdrawn_dict(w) for w in current.withdrawn] if current else []
    text = catalogfile.dump(department, result.items, result.entries, header, withdrawn)
    problems += _check(root, target, text, baseline, result, shown, mapping)
    if not has_errors(problems):
        problems += _leaks(text, target, public_names.allowed_everywhere(loaded))
    if has_errors(problems):
        return _failed(problems)
    path = root / target
    path.parent.mkdir(parents=True, exist_ok=True)
    # A new temporary name (never an existing file) in the same folder, so the replace is atomic.
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".import")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(text.encode("utf-8"))
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)  # mkstemp: 0600
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)  # only when the replace did not happen
    exempt = sum(1 for s in result.item_sources if s.kept is not None and not s.kept.published)
    summary = msg.IMPORT_WRITTEN.format(
        target=target, items=len(result.items), kept=result.kept_ids, new=result.new_ids, entries=len(result.entries),
        exempt=msg.IMPORT_WRITTEN_EXEMPT.format(count=exempt) if exempt else "")
    return Result(problems, summary, path)


def _without_no_penalty(rows: list[records.Record], settings: Settings, code: str, where: Where) -> list[Problem]:
    """A row whose mode needs 不罚清单 entries (劝导警示) but names none: said at the row, in the
    same run as the sheet's other problems, rather than by the check of the written file."""
    needing = {m.code: m.label for m in settings.modes if m.requires_no_penalty}
    return [problem(where.at(r.first_row, r.cols.get("no_penalty") or r.cols.get("mode", 0)), "I051",
                    mode=needing[r.values["mode"]], code=code)
            for r in rows if r.values.get("mode") in needing and not r.values.get("no_penalty")]


def _leaks(text: str, target: str, allowed: frozenset[str]) -> list[Problem]:
    """The egress gate on the file about to be written: any personal data the checks did not
    already stop is an error, so nothing is written."""
    return [problem(msg.IMPORT_CHECK_WHERE.format(target=target, line=line), "I023",
                    what=msg.PERSONAL_KINDS[m.code], masked=m.masked)
            for line, m in egress.scan_text(text, allowed, target)]


def _target(root: Path, code: str) -> str:
    for suffix in (".yaml", ".yml"):
        if (root / CATALOG_DIR / f"{code}{suffix}").exists():
            return f"{CATALOG_DIR}/{code}{suffix}"
    return f"{CATALOG_DIR}/{code}.yaml"


def _department_block(current: Department | None, mapping: mapping_file.Mapping | None, code: str, target: str,
                      problems: list[Problem]) -> dict[str, Any] | None:
    if current is not None:
        return catalogfile.department_dict(current)
    if mapping is not None and mapping.department is not None:
        return {**mapping.department, "code": code}
    problems.append(problem(target, "I022", target=target))
    return None


def _item_sheet(grids: list[sheets.Grid], mapping: mapping_file.Mapping | None, current: Department | None,
                names: set[str], shown: str, problems: list[Problem]) -> sheets.Grid | None:
    """The sheet holding the items: named in the mapping, or named after the department, or
    the only sheet whose header has a 事项名称 column."""
    if len(grids) == 1 and grids[0].name is None:
        return grids[0]
    titles = [g.name for g in grids]
    if mapping is not None and mapping.sheet:
        hit = next((g for g in grids if g.name == mapping.sheet), None)
        if hit is None:
            problems.append(problem(shown, "I030", sheet=mapping.sheet, sheets="、".join(map(str, titles))))
        return hit
    wanted = {sheet_name(current)} if current else set()
    wanted |= {n[:31] for n in names}
    hit = next((g for g in grids if g.name in wanted), None)
    if hit is not None:
        return hit
    candidates = [g for g in grids if g.name not in NO_PENALTY_SHEETS and
                  layout.find(g, ITEM_COLUMNS, "name", None, Where(shown, g.name))[0] is not None]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        problems.append(problem(shown, "I031", sheets="、".join(map(str, titles))))
    else:
        problems.append(problem(shown, "I032", sheets="、".join(str(g.name) for g in candidates)))
    return None


def _own_rows(rows: list[records.Record], names: set[str], code: str, where: Where,
              problems: list[Problem]) -> list[records.Record]:
    """The department's rows when the 实施部门 column names several departments (a combined
    sheet); when no row names this department, every row is taken, with a warning."""
    keys = {assemble.name_key(n) for n in names}
    others: dict[str, list[records.Record]] = {}
    for record in rows:
        if record.department and keys and assemble.name_key(record.department) not in keys:
            others.setdefault(record.department, []).append(record)
    if not others:
        return rows
    skipped = [r for found in others.values() for r in found]
    if len(skipped) < len(rows):
        listed = "、".join(f"{text}（{len(found)} 行）" for text, found in others.items())
        problems.append(problem(where, "I502", listed=listed))
        return [r for r in rows if not any(r is s for s in skipped)]
    for text, found in others.items():
        first = found[0]
        problems.append(problem(where.at(first.first_row, first.cols.get("department", 0)), "I503",
                                count=len(found), text=text, code=code))
    return rows


def _items(rows: list[records.Record], current: Department | None, code: str, found: layout.Layout,
           marks: dict[str, str], where: Where, problems: list[Problem], result: assemble.Assembled,
           delete_missing: bool) -> None:
    old_items = list(current.items) if current else []
    ids, kept = assemble.assign_ids(rows, old_items, code, "name", "", where, problems)
    result.kept_ids, result.new_ids = kept, len(ids) - kept
    by_id = {i.id: i for i in old_items}
    built: list[tuple[dict[str, Any], assemble.Source]] = []
    for record, item_id in zip(rows, ids):
        item = {"id": item_id, **assemble.nested(record.values)}
        assemble.keep_missing_fields(item, by_id.get(item_id), set(record.cols), ITEM_COLUMNS)
        built.append((assemble.restore_marks(item, marks), assemble.Source(record=record, where=where)))
    taken = set(ids)
    gone = [i for i in old_items if i.id not in taken]
    # An item the sheet does not list is kept (reported), unless --delete-missing: a sheet that
    # covers part of the catalog must not delete the rest, nor break the cases that cite it.
    removed = [i for i in gone if i.published] if delete_missing else []
    for old in gone:
        if old not in removed:
            built.append((catalogfile.item_dict(old), assemble.Source(kept=old)))
    if any(not i.published for i in gone):
        problems.append(problem(where, "I504", ids="、".join(i.id for i in gone if not i.published)))
    listed = "、".join(f"{i.id}（{plain(i.name)}）" for i in gone if i.published)
    if listed:
        problems.append(problem(where, "I506" if delete_missing else "I505", items=listed))
    built.sort(key=lambda pair: pair[0]["id"])
    result.items = [b[0] for b in built]
    result.item_sources = [b[1] for b in built]


def _entries(grids: list[sheets.Grid], item_grid: sheets.Grid, mapping: mapping_file.Mapping | None,
             current: Department | None, code: str, names: set[str], ctx: Context, marks: dict[str, str],
             shown: str, problems: list[Problem], result: assemble.Assembled, delete_missing: bool = False,
             entry_file: str = "") -> None:
    """The 不罚清单 sheet when the workbook has one, or the CSV (or workbook) given with
    --no-penalty; otherwise the current catalog's list. Entries the sheet does not list are
    kept unless --delete-missing."""
    wanted = (mapping.no_penalty_sheet,) if mapping and mapping.no_penalty_sheet else NO_PENALTY_SHEETS
    grid = next((g for g in grids if g is not item_grid and (g.name in wanted or (g.name is None and g is not grids[0]))),
                None)
    old = list(current.no_penalty) if current else []
    if grid is None:
        if mapping and mapping.no_penalty_sheet:
            problems.append(problem(shown, "I030", sheet=mapping.no_penalty_sheet,
                                    sheets="、".join(str(g.name) for g in grids if g.name)))
        result.entries = [catalogfile.entry_dict(e) for e in old]
        result.entry_sources = [assemble.Source(kept=e) for e in old]
        return
    where = Where(shown if grid.name is not None else entry_file, grid.name)
    found_layout, found = layout.find(grid, ENTRY_COLUMNS, "violation", mapping, where)
    problems += found
    if found_layout is None or has_errors(found):
        return
    rows, found = records.read(grid, found_layout, ENTRY_COLUMNS, "violation", ctx, mapping, where)
    problems += found
    keys = {assemble.name_key(n) for n in names}
    other_id = re.compile(r"^([a-z][a-z0-9]{1,19})-bf-[0-9]{3,4}$")
    mine = []
    for record in rows:
        owner = other_id.match(record.sheet_id)
        if owner and owner.group(1) != code:
            continue  # another department's entry in a combined workbook
        if not owner and record.department and keys and assemble.name_key(record.department) not in keys:
            continue
        mine.append(record)
    mine, found = assemble.duplicates(mine, "violation", "违法行为", where)
    problems += found
    ids, _ = assemble.assign_ids(mine, old, code, "violation", "bf-", where, problems)
    by_id = {e.id: e for e in old}
    built = []
    for record, entry_id in zip(mine, ids):
        entry = {"id": entry_id, **record.values}
        assemble.keep_missing_fields(entry, by_id.get(entry_id), set(record.cols), ENTRY_COLUMNS)
        built.append((assemble.restore_marks(entry, marks), assemble.Source(record=record, where=where)))
    gone = [e for e in old if e.id not in set(ids)]
    if gone and not delete_missing:
        built += [(catalogfile.entry_dict(e), assemble.Source(kept=e)) for e in gone]
        problems.append(problem(where, "I516", ids="、".join(e.id for e in gone)))
    built.sort(key=lambda pair: pair[0]["id"])
    result.entries = [b[0] for b in built]
    result.entry_sources = [b[1] for b in built]


def _header_lines(path: Path) -> list[str]:
    """The comment lines at the top of the current file (the schema line, a description)."""
    if not path.is_file():
        return []
    lines = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def _check(root: Path, target: str, text: str, baseline: list[Finding], result: assemble.Assembled,
           shown: str, mapping: mapping_file.Mapping | None) -> list[Problem]:
    """Run the real checks on the repository as it would be with the new file (an overlay: the
    repository itself is not touched, and nothing is copied)."""
    _, _, findings = checks.run(sources.Overlay(sources.Folder(root), {target: text.encode("utf-8")}))
    before = set(baseline)
    positions = yamlsource.parse(text).positions
    by_line: dict[int, tuple] = {}
    for pointer, (line, _) in positions.items():
        if len(pointer) >= len(by_line.get(line, ())):
            by_line[line] = pointer
    problems = []
    for f in findings:
        if f.path != target and f in before:
            continue  # not caused by this import
        if f.path == target:
            where = _locate(f.line, by_line, result, target, shown, mapping)
        else:
            where = f.path + (f":{f.line}" if f.line else "") + (f":{f.col}" if f.line and f.col else "")
        problems.append(_finding(f, where))
    return problems


def _locate(line: int, by_line: dict[int, tuple], result: assemble.Assembled, target: str, shown: str,
            mapping: mapping_file.Mapping | None) -> Where | str:
    """Where in the spreadsheet a finding in the generated file comes from."""
    pointer: tuple = ()
    for n in range(line, 0, -1):
        if n in by_line:
            pointer = by_line[n]
            break
    if len(pointer) >= 2 and pointer[0] in ("items", "no_penalty") and isinstance(pointer[1], int):
        sources = result.item_sources if pointer[0] == "items" else result.entry_sources
        source = sources[pointer[1]] if pointer[1] < len(sources) else None
        if source is not None and source.record is not None:
            record = source.record
            key = str(pointer[2]) if len(pointer) > 2 else ""
            if key == "review" and len(pointer) > 3:
                key = f"review.{pointer[3]}"
            if key == "basis" and len(pointer) > 4 and pointer[4] == "text":
                key = records.BASIS_TEXT_KEY if records.BASIS_TEXT_KEY in record.cols else "basis"
            base = source.where or Where(shown)
            return base.at(record.first_row, record.cols.get(key, 0))
        if source is not None and source.kept is not None:
            return msg.IMPORT_KEPT_WHERE.format(target=target, id=source.kept.id)
    if pointer and pointer[0] == "department" and mapping is not None and mapping.department is not None:
        return f"{mapping.source}（department）"
    return msg.IMPORT_CHECK_WHERE.format(target=target, line=line) if line else target
