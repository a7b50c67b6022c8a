"""Read a department's spreadsheet (XLSX or CSV) into plain grids of cells.

A merged cell is copied into every cell it covers (a merged 实施部门 applies to each row it
spans), and remembers which merged range it came from, so rows of one item that share a
merged 事项名称 can be put back together. Values keep their type (a phone typed as a number
is still a number here); turning them into text is the columns' business.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUPPORTED = (".xlsx", ".xlsm", ".csv")


class ReadError(Exception):
    """The file cannot be read at all; the message says why and what to do."""


@dataclass(frozen=True)
class Cell:
    value: Any = None  # str, int, float, bool, datetime/date/time or None
    merge: int | None = None  # index of the merged range the cell belongs to

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass
class Grid:
    """One sheet: rows of cells (1-based row r is ``rows[r - 1]``)."""

    name: str | None  # sheet name; None for CSV
    rows: list[list[Cell]]
    notes: list[str] = field(default_factory=list)  # how the file was read (encoding…)

    def cell(self, row: int, col: int) -> Cell:
        """Cell at 1-based ``row`` and ``col`` (an empty cell beyond the data)."""
        if 0 < row <= len(self.rows) and 0 < col <= len(self.rows[row - 1]):
            return self.rows[row - 1][col - 1]
        return Cell()


def read(path: Path) -> list[Grid]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [_read_csv(path)]
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".xls":
        raise ReadError("不支持旧版 Excel 文件（.xls）。请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入。")
    if suffix in (".et", ".ods", ".numbers"):
        raise ReadError(f"不支持 {suffix} 文件。请另存为 Excel 工作簿（.xlsx）或 CSV 后再导入。")
    raise ReadError(f"只能导入 .xlsx 或 .csv 文件，这个文件的扩展名是“{suffix or '（无）'}”。")


def _read_xlsx(path: Path) -> list[Grid]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)
    except Exception as problem:  # openpyxl raises many kinds on a damaged or foreign file
        raise ReadError(f"无法作为 Excel 工作簿打开（{type(problem).__name__}）。文件可能已损坏、加了密码，"
                        "或者其实不是 .xlsx：请在 Excel 中打开后另存为 .xlsx 再试。") from None
    grids = []
    for sheet in book.worksheets:
        rows = [[Cell(c.value) for c in row] for row in sheet.iter_rows()]
        for index, merged in enumerate(sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col))):
            value = sheet.cell(merged.min_row, merged.min_col).value
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    while len(rows) < r:
                        rows.append([])
                    while len(rows[r - 1]) < c:
                        rows[r - 1].append(Cell())
                    rows[r - 1][c - 1] = Cell(value, index)
        grids.append(Grid(sheet.title, rows))
    return grids


def _read_csv(path: Path) -> Grid:
    data = path.read_bytes()
    notes = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
            notes.append("文件不是 UTF-8 编码，已按 GBK（GB18030）读取。")
        except UnicodeDecodeError:
            raise ReadError("无法识别文件的编码（既不是 UTF-8 也不是 GBK）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”。") from None
    sample = text[:8192]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","  # Excel's "文本文件(制表符分隔)"
    rows = [[Cell(v) for v in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return Grid(None, rows, notes)


def text_of(value: Any) -> str:
    """A cell value as text: 12.0 → "12" (never ".0"), dates as 2024-03-01."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)
