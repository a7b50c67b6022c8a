"""XLSX workbooks: one sheet per department plus a 不罚清单 sheet, byte-identical on every build.

openpyxl stamps the workbook with the clock (``modified``) and its zip entries with the time of
writing. Both are replaced by a date taken from the content, so the same catalogs always give
the same file and a reader can trust the date inside it.
"""

from __future__ import annotations

import datetime as dt
import io
from copy import copy
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from .tables import Table

NO_PENALTY_SHEET = "不罚清单"
CREATOR = "行政指导事项公开专栏"
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="F3E9E9")
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")


def sheet_title(name: str, taken: set[str] | None = None) -> str:
    """A valid, unique sheet name (Excel: at most 31 characters, none of []:*?/\\)."""
    base = _SHEET_FORBIDDEN.sub("_", name).strip("'")[:31] or "Sheet"
    title, n = base, 2
    while taken is not None and title in taken:
        suffix = f"({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    if taken is not None:
        taken.add(title)
    return title


def write(path: Path, tables: list[Table], when: dt.datetime, title: str) -> Path:
    """Write ``tables`` as sheets of one workbook at ``path``; ``when`` dates the file."""
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        _sheet(book, table)
    props = book.properties
    props.creator = CREATOR
    props.lastModifiedBy = CREATOR
    props.title = title
    props.created = props.modified = when
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # unlike Workbook.save, keeps our ``modified``
    path.write_bytes(_restamp(raw.getvalue(), when))
    return path


def _sheet(book: Workbook, table: Table) -> None:
    sheet = book.create_sheet(table.title)
    sheet.append(list(table.header))
    for row in table.rows:
        sheet.append([value or None for value in row])  # an empty cell stays empty
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
    wrapped = None
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if wrapped is None:
                cell.alignment = _WRAP
                wrapped = cell._style  # the same style for every data cell: set once, copied after
            else:
                cell._style = copy(wrapped)  # (setting .alignment per cell is 40 times slower)
            if cell.value is not None:
                cell.data_type = "s"  # text as typed: "=…" is not a formula
    for index, column in enumerate(table.columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "C2" if len(table.columns) > 2 else "A2"
    if table.rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"


def _restamp(data: bytes, when: dt.datetime) -> bytes:
    """The same zip with every entry dated ``when`` and fixed file attributes."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            entry.create_system = 0
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
