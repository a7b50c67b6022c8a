"""``python -m generator import``: a department's spreadsheet → ``catalogs/<code>.yaml``.

Departments keep their catalogs in Excel; they move to the repository only if their sheets
come in cleanly. The import reads the sheet with the same column table as the exports, keeps
the ids (and the department block and 不罚清单) of the current catalog, writes the file in
the repository's own format, and runs the real checks on the result in a copy of the
repository before anything is replaced. When anything is wrong, nothing is written and every
problem is reported as 文件:工作表:行:列 with what to do.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
import shutil
import tempfile
from pathlib import Path
from typing import Any, TextIO

from .. import checks, egress, privacy, public_names
from ..exitcodes import Exit
from ..layout import CATALOG_DIR, CONFIG_FILE, CONTENT_DIRS
from ..messages import current as msg
from ..outputs.exports import sheet_name
from ..model.columns import ENTRY_COLUMNS, ITEM_COLUMNS, Context
from ..findings import Finding
from ..load import yamlsource
from ..model import Department
from ..script import plain
from . import assemble, catalogfile, layout, mapping as mapping_file, records, sheets
from .problems import Problem, Where, error, has_errors, warning

_CODE = re.compile(r"^[a-z][a-z0-9]{1,19}$")
NO_PENALTY_SHEETS = ("不罚清单", "免罚清单", "不予处罚清单", "轻微违法行为不予处罚清单")


def main(file: Path, code: str, mapping_path: Path | None, root: Path, out: TextIO, err: TextIO) -> int:
    """Run an import and print its report; returns the exit code (0, 1, or 2 for usage)."""
    shown = str(file)
    if not _CODE.match(code):
        _say(err, f"部门代码“{code}”不对：应为小写字母开头的小写字母和数字（2—20 位），与 catalogs/ 下的文件名相同，如 scjg。")
        return Exit.USAGE
    if not file.is_file():
        _say(err, f"找不到要导入的文件 {shown}。")
        return Exit.USAGE
    if file.suffix.lower() not in sheets.SUPPORTED:
        try:
            sheets.read(file)
        except sheets.ReadError as problem:
            _say(err, f"{shown}: {problem}")
        return Exit.USAGE
    if mapping_path is not None and not mapping_path.is_file():
        _say(err, f"找不到映射文件 {mapping_path}。")
        return Exit.USAGE
    result = run(file, code, mapping_path, root, shown)
    for problem in in_sheet_order(result.problems):
        out.write(problem.line() + "\n")
    _say(out, result.summary)
    return Exit.CONTENT if has_errors(result.problems) else Exit.OK


def _say(stream: TextIO, text: str) -> None:
    """A line for the user; a file name or cell quoted in it is masked (``Problem.line`` too)."""
    stream.write(privacy.redact(text) + "\n")


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


@dataclass
class Result:
    problems: list[Problem]
    summary: str  # the last line of the report
    written: Path | None = None


def _failed(problems: list[Problem]) -> Result:
    errors = sum(p.severity == "error" for p in problems)
    return Result(problems, f"导入失败：{errors} 个错误，{len(problems) - errors} 个警告。没有写入任何文件，请改正后重新导入。")


def run(file: Path, code: str, mapping_path: Path | None, root: Path, shown: str | None = None) -> Result:
    """Import ``file`` for department ``code`` into the repository at ``root``."""
    shown = shown or file.name
    loaded, settings, baseline = checks.run(root)
    if loaded is None or settings is None:
        return _failed([error(f.path + (f":{f.line}" if f.line else ""), f"{f.code} {f.message}") for f in baseline])
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
        return _failed(problems + [error(target, f"现有的目录文件有 {max(len(broken), 1)} 个错误，导入前请先改正"
                                                 "（运行 python -m generator check 查看），或者删除这个文件后重新导入。")])
    department = _department_block(current, mapping, code, target, problems)
    try:
        grids = sheets.read(file)
    except sheets.ReadError as problem:
        return _failed(problems + [error(shown, str(problem))])
    for grid in grids:
        problems += [warning(shown, note) for note in grid.notes]
    ctx = Context({m.code: m.label for m in settings.modes})
    block = department or {}
    names = {plain(n) for n in (block.get("name"), block.get("short_name")) if isinstance(n, str) and n}
    grid = _item_sheet(grids, mapping, current, names, shown, problems)
    if grid is None:
        return _failed(problems)
    where = Where(shown, grid.name)
    found_layout, found = layout.find(grid, ITEM_COLUMNS, "name", mapping, where)
    problems += found
    if found_layout is None or has_errors(problems):
        return _failed(problems)
    rows, found = records.read(grid, found_layout, ITEM_COLUMNS, "name", ctx, mapping, where)
    problems += found
    rows = _own_rows(rows, names, code, where, problems)
    rows, found = assemble.duplicates(rows, "name", "事项名称", where)
    problems += found
    if not rows:
        problems.append(error(where.at(found_layout.header_row), "表头下面没有任何事项。请检查是否选对了工作表。"))
    if has_errors(problems) or department is None:
        return _failed(problems)
    marks = assemble.marks_of(current)
    result = assemble.Assembled()
    _items(rows, current, code, found_layout, marks, where, problems, result)
    _entries(grids, grid, mapping, current, code, names, ctx, marks, shown, problems, result)
    if has_errors(problems):
        return _failed(problems)
    header = _header_lines(root / target)
    text = catalogfile.dump(department, result.items, result.entries, header)
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
    exempt = sum(1 for s in result.item_sources if s.kept is not None)
    summary = (f"已写入 {target}：{len(result.items)} 个事项（沿用原编号 {result.kept_ids} 个，新编号 {result.new_ids} 个"
               + (f"，原样保留不予公开的事项 {exempt} 个" if exempt else "")
               + f"），{len(result.entries)} 条不罚清单。请用 git diff 查看改动，确认后提交。")
    return Result(problems, summary, path)


def _leaks(text: str, target: str, allowed: frozenset[str]) -> list[Problem]:
    """The egress gate on the file about to be written: any personal data the checks did not
    already stop is an error, so nothing is written."""
    return [error(f"{target}（导入后的内容第 {line} 行）",
                  f"E660 {msg.IMPORT_LEAK.format(what=msg.PERSONAL_KINDS[m.code], masked=m.masked)}")
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
    problems.append(error(target, f"{target} 还不存在，需要部门信息。请在映射文件中写 department:（name、address、office_phone、"
                                  "legal_office 的 name 和 phone），或者先参照其他部门的文件写好本部门文件的 department 部分，再导入。"))
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
            problems.append(error(shown, f"工作簿中没有名为“{mapping.sheet}”的工作表。现有的工作表：{'、'.join(map(str, titles))}。"))
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
        problems.append(error(shown, f"在工作表 {'、'.join(map(str, titles))} 中都找不到含“事项名称”列的表头。"
                                     "请检查表头，或在映射文件中用 sheet 和 columns 指明。"))
    else:
        problems.append(error(shown, f"有几张工作表都像事项表：{'、'.join(str(g.name) for g in candidates)}。"
                                     "请在映射文件中写 sheet: 工作表名称，指明导入哪一张。"))
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
        problems.append(warning(where, f"表中有其他部门的事项，没有导入：{listed}。只导入了实施部门为本部门的行。"))
        return [r for r in rows if not any(r is s for s in skipped)]
    for text, found in others.items():
        first = found[0]
        problems.append(warning(where.at(first.first_row, first.cols.get("department", 0)),
                                f"共 {len(found)} 行的实施部门是“{text}”，与本部门名称不同；这些行已按 --department {code} 导入。"
                                "如果它们属于其他部门，请从表格中删除后重新导入。"))
    return rows


def _items(rows: list[records.Record], current: Department | None, code: str, found: layout.Layout,
           marks: dict[str, str], where: Where, problems: list[Problem], result: assemble.Assembled) -> None:
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
    for old in gone:
        if not old.published:
            built.append((catalogfile.item_dict(old), assemble.Source(kept=old)))
    if any(not i.published for i in gone):
        problems.append(warning(where, "表格中没有下列不予公开的事项，已原样保留（公开导出的文件本来就不含不予公开的事项）："
                                       f"{'、'.join(i.id for i in gone if not i.published)}。如果确实要删除，请直接编辑目录文件。"))
    removed = [i for i in gone if i.published]
    if removed:
        problems.append(warning(where, "现有目录中的下列事项不在表格中，导入后将被删除："
                                       f"{'、'.join(f'{i.id}（{plain(i.name)}）' for i in removed)}。如果不应删除，请把它们加回表格。"))
    built.sort(key=lambda pair: pair[0]["id"])
    result.items = [b[0] for b in built]
    result.item_sources = [b[1] for b in built]


def _entries(grids: list[sheets.Grid], item_grid: sheets.Grid, mapping: mapping_file.Mapping | None,
             current: Department | None, code: str, names: set[str], ctx: Context, marks: dict[str, str],
             shown: str, problems: list[Problem], result: assemble.Assembled) -> None:
    """The 不罚清单 sheet when the workbook has one; otherwise the current catalog's list."""
    wanted = (mapping.no_penalty_sheet,) if mapping and mapping.no_penalty_sheet else NO_PENALTY_SHEETS
    grid = next((g for g in grids if g is not item_grid and g.name in wanted), None)
    old = list(current.no_penalty) if current else []
    if grid is None:
        if mapping and mapping.no_penalty_sheet:
            problems.append(error(shown, f"工作簿中没有名为“{mapping.no_penalty_sheet}”的工作表。"))
        result.entries = [catalogfile.entry_dict(e) for e in old]
        result.entry_sources = [assemble.Source(kept=e) for e in old]
        return
    where = Where(shown, grid.name)
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
    built = sorted(((assemble.restore_marks({"id": i, **r.values}, marks), r) for r, i in zip(mine, ids)),
                   key=lambda pair: pair[0]["id"])
    result.entries = [b[0] for b in built]
    result.entry_sources = [assemble.Source(record=b[1], where=where) for b in built]


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
    """Run the real checks on a copy of the repository holding the new file."""
    with tempfile.TemporaryDirectory(prefix="xzzd-import-") as folder:
        copy = Path(folder)
        shutil.copy2(root / CONFIG_FILE, copy / CONFIG_FILE)
        for name in CONTENT_DIRS:
            if (root / name).is_dir():
                shutil.copytree(root / name, copy / name, symlinks=True)  # links stay links (E113)
        (copy / target).parent.mkdir(parents=True, exist_ok=True)
        (copy / target).write_text(text, encoding="utf-8")
        _, _, findings = checks.run(copy)
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
        problems.append((error if f.severity == "error" else warning)(where, f"{f.code} {f.message}"))
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
            return f"{target}（{source.kept.id}，沿用现有目录中的内容）"
    if pointer and pointer[0] == "department" and mapping is not None and mapping.department is not None:
        return f"{mapping.source}（department）"
    return f"{target}（导入后的内容第 {line} 行）" if line else target
