"""Rows of a sheet → records: one item (or 不罚清单 entry) each, with values shaped like the
catalog file and the cell each value came from.

What a person would expect of a real sheet: blank rows and a trailing note merged across the
row are skipped; rows that share a merged 事项名称 are one item (their other cells are joined
line by line); a merged 实施部门 or 指导方式 applies to every row it covers; a phone typed as a
number gets its leading 0 back; a date cell becomes 2024-03-01.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..model.columns import BASIS_TEXT, CODE, LIST, PHONE, CellError, Column, Context, attach_texts, phone_from_number
from .layout import Layout
from .mapping import Mapping
from .problems import Problem, Where, error, warning
from .sheets import Grid, text_of

_EXCEL_EPOCH = dt.date(1899, 12, 30)
BASIS_TEXT_KEY = "basis_text"


@dataclass
class Record:
    first_row: int
    last_row: int
    values: dict[str, Any] = field(default_factory=dict)  # field path ("review.date") → value
    cols: dict[str, int] = field(default_factory=dict)  # field path → 1-based column
    department: str = ""  # what the 实施部门 column says
    sheet_id: str = ""  # what the 事项编号 / 条目编号 column says

    @property
    def rows(self) -> str:
        return f"第 {self.first_row} 行" if self.first_row == self.last_row else f"第 {self.first_row}—{self.last_row} 行"


def read(grid: Grid, layout: Layout, table: tuple[Column, ...], key_field: str, ctx: Context,
         mapping: Mapping | None, where: Where) -> tuple[list[Record], list[Problem]]:
    problems: list[Problem] = []
    groups = _groups(grid, layout, key_field, where, problems)
    restored: dict[int, list[tuple[int, str, str]]] = {}  # column → (row, as stored, as imported)
    records = []
    defaults = mapping.defaults if mapping else {}
    missing = [c for c in table if c.field and c.label in defaults and c not in layout.columns.values()]
    for rows in groups:
        record = Record(rows[0], rows[-1])
        for col, column in sorted(layout.columns.items()):
            if column.field:
                _read_cell(grid, rows, col, column, record, ctx, mapping, where, problems, restored)
        for column in missing:
            _store(column, defaults[column.label], record, 0, ctx, where, problems, column.label)
        if BASIS_TEXT_KEY in record.values:
            text = record.values.pop(BASIS_TEXT_KEY)
            try:
                attach_texts(record.values.get("basis", []), text)
            except CellError as problem:
                problems.append(error(where.at(record.first_row, record.cols.get(BASIS_TEXT_KEY, 0)), str(problem)))
        records.append(record)
    for col, cells in restored.items():
        problems.append(_restored_phones(where, col, cells))
    return records, problems


def _restored_phones(where: Where, col: int, cells: list[tuple[int, str, str]]) -> Problem:
    """One warning per column, however many phone numbers lost their leading 0."""
    row, stored, phone = cells[0]
    advice = "请核对。以后请把这一列的单元格格式设为“文本”再输入电话号码。"
    if len(cells) == 1:
        return warning(where.at(row, col), f"电话号码 {stored} 按数字保存，开头的 0 丢失了，已按 {phone} 导入，{advice}")
    rows = "、".join(str(r) for r, _, _ in cells)
    return warning(where.at(row, col), f"第 {rows} 行的电话号码按数字保存，开头的 0 丢失了，已补回（如 {stored} → {phone}），{advice}")


def _groups(grid: Grid, layout: Layout, key_field: str, where: Where, problems: list[Problem]) -> list[list[int]]:
    """Data rows with content, grouped: rows sharing one merged key cell form one group."""
    key_col = next(c for c, col in layout.columns.items() if col.field == key_field)
    used = [c for c, col in layout.columns.items() if col.field]
    first_row_of: dict[int, int] = {}
    groups: list[list[int]] = []
    previous_key: int | None = None
    for r in range(layout.header_row + 1, len(grid.rows) + 1):
        own = []
        for c in used:
            cell = grid.cell(r, c)
            if cell.merge is not None:
                first_row_of.setdefault(cell.merge, r)
            if not cell.empty and (cell.merge is None or first_row_of[cell.merge] == r):
                own.append(cell)
        if not own:
            continue  # blank, or only cells merged from the rows above
        filled = [cell for cell in grid.rows[r - 1] if not cell.empty]
        if len(filled) >= 3 and len({cell.merge for cell in filled}) == 1 and filled[0].merge is not None:
            note = text_of(filled[0].value).strip().replace("\n", " ")
            problems.append(warning(where.at(r), f"这一行是跨列合并的说明文字（“{note[:30]}”），没有作为事项导入。"))
            continue
        key = grid.cell(r, key_col).merge
        if groups and key is not None and key == previous_key:
            groups[-1].append(r)
        else:
            groups.append([r])
        previous_key = key
    return groups


def _read_cell(grid: Grid, rows: list[int], col: int, column: Column, record: Record, ctx: Context,
               mapping: Mapping | None, where: Where, problems: list[Problem],
               restored: dict[int, list[tuple[int, str, str]]]) -> None:
    texts, raws, seen = [], [], set()
    for r in rows:
        cell = grid.cell(r, col)
        if cell.merge is not None:
            if cell.merge in seen:
                continue
            seen.add(cell.merge)
        if cell.empty:
            continue
        raws.append(cell.value)
        texts.append(text_of(cell.value))
    at = where.at(rows[0], col)
    distinct = list(dict.fromkeys(t.strip() for t in texts))
    if len(distinct) > 1 and not column.codec.multi:
        problems.append(error(at, f"{record.rows}是同一个事项（事项名称是合并单元格），“{column.label}”却有不同的值："
                                  f"{'、'.join(distinct)}。请只保留一个值，或把这几行拆成不同的事项。"))
        return
    text = "\n".join(texts)
    if len(raws) == 1:
        text = _number_or_date(raws[0], text, column, at, problems, restored)
    if mapping:
        text = mapping.values.get(column.label, {}).get(text.strip(), text)
        if not text.strip() and column.label in mapping.defaults:
            text = mapping.defaults[column.label]
    _store(column, text, record, col, ctx, where.at(rows[0], col), problems, column.label)


def _number_or_date(raw: Any, text: str, column: Column, at: Where, problems: list[Problem],
                    restored: dict[int, list[tuple[int, str, str]]]) -> str:
    """Numbers and dates Excel stored as such, read as the person typed them."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return text
    if column.codec is PHONE:
        phone = phone_from_number(text)
        if phone:
            restored.setdefault(at.col, []).append((at.row, text, phone))
            return phone
    if column.codec in (CODE, LIST) and abs(raw) >= 1e15:
        problems.append(warning(at, f"“{column.label}”中的 {text} 按数字保存：Excel 只保留 15 位有效数字，末尾几位可能已经变了。"
                                    "请把这一列的单元格格式设为“文本”后重新输入，再导入。"))
    if column.codec.name == "date" and 20000 < raw < 80000:
        day = _EXCEL_EPOCH + dt.timedelta(days=int(raw))
        problems.append(warning(at, f"日期按数字 {text} 保存，已按 {day.isoformat()} 导入，请核对。"))
        return day.isoformat()
    return text


def _store(column: Column, text: str, record: Record, col: int, ctx: Context, at: Where,
           problems: list[Problem], label: str) -> None:
    key = BASIS_TEXT_KEY if column.codec is BASIS_TEXT else column.field
    if col:
        record.cols[key] = col
    if not text.strip():
        if column.required:
            problems.append(error(at, f"“{label}”没有填写，这是必填项。"))
        return
    try:
        value = column.codec.read(text, ctx)
    except CellError as problem:
        problems.append(error(at, str(problem)))
        return
    if key == "department":
        record.department = value
    elif key == "id":
        record.sheet_id = value
    elif value not in ("", [], None):
        record.values[key] = value
    elif column.required:
        problems.append(error(at, f"“{label}”没有填写，这是必填项。"))
