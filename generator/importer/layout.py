"""Find the header row of a sheet and which column is which.

Departments' sheets start with a title (and often a date or a unit) above the header, so the
header is the row, among the first ones, where most cells are known column names. Names are
compared without spaces, line breaks, * marks and full-width/half-width differences, and a
trailing note in brackets is ignored (监督电话（座机） is 监督电话).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.columns import Column, header_key
from .mapping import IGNORE, Mapping
from .problems import Problem, Where, error, warning
from .sheets import Grid, text_of

SEARCH_ROWS = 30
_BRACKETS = re.compile(r"[(（][^()（）]*[)）]$")


@dataclass
class Layout:
    header_row: int  # 1-based
    columns: dict[int, Column] = field(default_factory=dict)  # 1-based column → its definition
    ignored: set[int] = field(default_factory=set)  # columns the mapping file says to ignore


def _lookup(table: tuple[Column, ...], mapping: Mapping | None) -> dict[str, Column | None]:
    """Header key → column (None: ignore the column)."""
    by_label = {c.label: c for c in table}
    found: dict[str, Column | None] = {}
    for column in table:
        for name in column.names:
            found.setdefault(header_key(name), column)
    if mapping:
        for name, target in mapping.columns.items():
            if target == IGNORE:
                found[header_key(name)] = None
            elif target in by_label:
                found[header_key(name)] = by_label[target]
    return found


def _match(text: str, lookup: dict[str, Column | None]) -> tuple[bool, Column | None]:
    key = header_key(text)
    if key in lookup:
        return True, lookup[key]
    key = header_key(_BRACKETS.sub("", text.strip()))
    if key in lookup:
        return True, lookup[key]
    return False, None


def find(grid: Grid, table: tuple[Column, ...], key_field: str, mapping: Mapping | None,
         where: Where) -> tuple[Layout | None, list[Problem]]:
    """Locate the header and map the columns; ``key_field`` must be among them (事项名称…)."""
    lookup = _lookup(table, mapping)
    key_column = next(c for c in table if c.field == key_field)
    if mapping and mapping.header_row:
        candidates = [mapping.header_row]
    else:
        candidates = list(range(1, min(len(grid.rows), SEARCH_ROWS) + 1))
    best, best_score = None, 0
    for row in candidates:
        cells = grid.rows[row - 1] if row <= len(grid.rows) else []
        found = [_match(text_of(cell.value), lookup)[1] for cell in cells]
        score = len({id(c) for c in found if c is not None})
        if any(c is key_column for c in found) and score > best_score:
            best, best_score = row, score
    if best is None:
        names = "、".join(key_column.names)
        where_rows = f"第 {mapping.header_row} 行" if mapping and mapping.header_row else f"前 {SEARCH_ROWS} 行"
        return None, [error(where, f"找不到表头：{where_rows}中没有“{key_column.label}”列（也可以叫：{names}）。"
                                   "请检查表头的写法，或在映射文件中用 columns 指明哪一列是事项名称、用 header_row 指明表头所在的行。")]
    layout = Layout(best)
    problems: list[Problem] = []
    known = "、".join(c.label for c in table if c.exported or c.field)
    for col, cell in enumerate(grid.rows[best - 1], 1):
        text = text_of(cell.value).strip()
        if not text:
            continue
        ok, column = _match(text, lookup)
        if not ok:
            problems.append(warning(where.at(best, col), f"“{text}”不是已知的列名，这一列没有导入。已知的列名：{known}。"
                                                         f"如果这一列要导入，请在映射文件的 columns 下写“{text}: 标准列名”。"))
        elif column is None:
            layout.ignored.add(col)
        elif any(c is column for c in layout.columns.values()):
            first = next(c for c, other in layout.columns.items() if other is column)
            if cell.merge is not None and grid.cell(best, first).merge == cell.merge:
                continue  # one header merged across two columns: the first one holds the data
            problems.append(warning(where.at(best, col), f"“{text}”与前面的一列都对应“{column.label}”，只导入了前面一列，"
                                                         "这一列没有导入。请删掉多余的一列，或在映射文件中指明。"))
        else:
            layout.columns[col] = column
    defaults = mapping.defaults if mapping else {}
    present = {c.label for c in layout.columns.values()}
    for column in table:
        if column.required and column.label not in present and column.label not in defaults:
            also = f"（也可以叫：{'、'.join(column.synonyms)}）" if column.synonyms else ""
            problems.append(error(where.at(best), f"缺少必填列“{column.label}”{also}。请在表格中加上这一列；"
                                                  f"如果它在表中用了别的名称，请在映射文件的 columns 下写“表中的名称: {column.label}”；"
                                                  f"如果所有事项都相同，可以在映射文件的 defaults 下写“{column.label}: 值”。"))
    return layout, problems
