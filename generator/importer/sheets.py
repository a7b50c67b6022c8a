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
NO_PENALTY_SHEETS = ("不罚清单", "免罚清单", "不予处罚清单", "轻微违法行为不予处罚清单")


class ReadError(Exception):
    """The file cannot be read at all: an import code (I01x) and its parameters."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params


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
    notes: list[str] = field(default_factory=list)  # how the file was read: import codes (I515…)

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
        raise ReadError("I010")
    if suffix in (".et", ".ods", ".numbers"):
        raise ReadError("I011", suffix=suffix)
    raise ReadError("I012", suffix=suffix or "（无）")


def _read_xlsx(path: Path) -> list[Grid]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)
    except Exception as problem:  # openpyxl raises many kinds on a damaged or foreign file
        raise ReadError("I013", kind=type(problem).__name__) from None
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
            notes.append("I515")
        except UnicodeDecodeError:
            raise ReadError("I014") from None
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
