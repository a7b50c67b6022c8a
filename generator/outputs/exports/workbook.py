"""XLSX workbooks: one sheet per department plus a 不罚清单 sheet, byte-identical on every build.

The sheets and the parts naming them are written here as SpreadsheetML text: openpyxl, which
serialises cell by cell in pure Python when lxml is absent, took seconds for a district and
~12 ms for each workbook however small. openpyxl still makes the parts that are the same in
every workbook (styles, theme, application properties), once per process, and every part is
written as openpyxl writes it, so the files are the ones it gave: bold header on a tinted fill,
wrapped body text, column widths, header row and the 编号/名称 columns frozen, an autofilter.
The workbook and its zip entries are dated from the content, not the clock, so the same
catalogs always give the same file and a reader can trust the date inside it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import absolute_coordinate, get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.workbook.child import avoid_duplicate_name
from openpyxl.writer.excel import ExcelWriter

from .tables import Table

NO_PENALTY_SHEET = "不罚清单"
CREATOR = "行政指导事项公开专栏"
MAX_CELL = 32_767  # characters Excel keeps in a cell; openpyxl cuts longer text the same way
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="F3E9E9")
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_APP, _CORE, _THEME, _STYLES = "docProps/app.xml", "docProps/core.xml", "xl/theme/theme1.xml", "xl/styles.xml"
_ROOT_RELS, _BOOK, _BOOK_RELS, _TYPES = ("_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                         "[Content_Types].xml")
_SHEET_HEAD = (
    f'<worksheet xmlns="{_MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1" /><pageSetUpPr />'
    '</sheetPr><dimension ref="{dimension}" /><sheetViews><sheetView workbookViewId="0">'
    '<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen" />'
    '<selection pane="topRight" /><selection pane="bottomLeft" />'
    '<selection pane="bottomRight" activeCell="A1" sqref="A1" /></sheetView></sheetViews>'
    '<sheetFormatPr baseColWidth="8" defaultRowHeight="15" /><cols>{cols}</cols><sheetData>')
_SHEET_TAIL = ('</sheetData>{filter}<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" '
               'footer="0.5" /></worksheet>')


@dataclass(frozen=True)
class Sheet:
    """One table as worksheet XML, made once and placed in every workbook that shows it."""

    title: str
    xml: bytes
    filter_ref: str | None  # the autofilter's range; None when the table has no rows


@dataclass(frozen=True)
class _Fixed:
    parts: dict[str, bytes]  # the parts every workbook shares
    header_style: int
    body_style: int


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


def sheet(table: Table) -> Sheet:
    """Header row in the header style, every other cell wrapped; an empty cell stays empty."""
    fixed = _fixed()
    letters = [get_column_letter(i) for i in range(1, len(table.columns) + 1)]
    cols = "".join(f'<col width="{c.width}" customWidth="1" min="{i}" max="{i}" />'
                   for i, c in enumerate(table.columns, 1))
    last_row = len(table.rows) + 1
    out = [_SHEET_HEAD.format(dimension=f"A1:{letters[-1]}{last_row}", cols=cols)]
    for number, row in enumerate((table.header, *table.rows), 1):
        style = fixed.header_style if number == 1 else fixed.body_style
        out.append(f'<row r="{number}">')
        for letter, value in zip(letters, row):
            if value:
                out.append(f'<c r="{letter}{number}" s="{style}" t="inlineStr"><is>{_text(value)}</is></c>')
            else:
                out.append(f'<c r="{letter}{number}" s="{style}" t="n" />')
        out.append("</row>")
    filter_ref = f"A1:{letters[-1]}{last_row}" if table.rows else None
    out.append(_SHEET_TAIL.format(filter=f'<autoFilter ref="{filter_ref}" />' if filter_ref else ""))
    xml = "".join(out)
    if ILLEGAL_CHARACTERS_RE.search(xml):
        _refuse_illegal(table)
    return Sheet(table.title, xml.encode("utf-8"), filter_ref)


def write(path: Path, sheets: list[Sheet], when: dt.datetime, title: str) -> Path:
    """Write ``sheets`` as one workbook at ``path``; ``when`` dates the file and its entries."""
    fixed = _fixed()
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    parts: list[tuple[str, bytes | str]] = [  # in the order openpyxl writes them
        (_APP, fixed.parts[_APP]), (_CORE, _core(title, when)), (_THEME, fixed.parts[_THEME]),
        *((f"xl/worksheets/sheet{n}.xml", s.xml) for n, s in enumerate(sheets, 1)),
        (_STYLES, fixed.parts[_STYLES]), (_ROOT_RELS, fixed.parts[_ROOT_RELS]),
        (_BOOK, _book(_titles(sheets), sheets)), (_BOOK_RELS, _book_rels(len(sheets))), (_TYPES, _types(len(sheets)))]
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            entry.create_system = 0
            archive.writestr(entry, data)
    path.write_bytes(raw.getvalue())
    return path


@lru_cache(maxsize=1)
def _fixed() -> _Fixed:
    """Let openpyxl write a workbook with our two cell styles; keep what never varies."""
    book = Workbook()
    header, body = book.active["A1"], book.active["A2"]
    header.font, header.fill, header.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
    body.alignment = _WRAP
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as archive:
        ExcelWriter(book, archive).save()
    with zipfile.ZipFile(raw) as archive:
        parts = {name: archive.read(name) for name in (_APP, _THEME, _STYLES, _ROOT_RELS)}
    return _Fixed(parts, header.style_id, body.style_id)


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(value: str) -> str:
    value = value[:MAX_CELL]
    escaped = _escape(value)
    stripped = value.strip()
    if stripped and stripped != value:  # Excel would drop leading and trailing spaces
        return f'<t xml:space="preserve">{escaped}</t>'
    return f"<t>{escaped}</t>"


def _attribute(value: str) -> str:
    escaped = _escape(value).replace('"', "&quot;")
    return escaped.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def _refuse_illegal(table: Table) -> None:
    """Control characters cannot be stored in a worksheet: fail as openpyxl would."""
    for row in (table.header, *table.rows):
        for value in row:
            if ILLEGAL_CHARACTERS_RE.search(value[:MAX_CELL]):
                raise IllegalCharacterError(f"{value} cannot be used in worksheets.")


def _core(title: str, when: dt.datetime) -> str:
    date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    creator, title = _escape(CREATOR), _escape(title)
    return ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:creator>{creator}</dc:creator><dc:title>{title}</dc:title>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>'
            f"<cp:lastModifiedBy>{creator}</cp:lastModifiedBy></cp:coreProperties>")


def _titles(sheets: list[Sheet]) -> list[str]:
    """The sheets' titles, renamed as openpyxl does when two differ only in case (Excel ignores case)."""
    titles: list[str] = []
    for s in sheets:
        titles.append(avoid_duplicate_name(titles, s.title))
    return titles


def _book(titles: list[str], sheets: list[Sheet]) -> str:
    listed = "".join(f'<sheet name="{_attribute(title)}" sheetId="{n}" state="visible" r:id="rId{n}" />'
                     for n, title in enumerate(titles, 1))
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
        f"{_escape(quote_sheetname(title))}!{absolute_coordinate(s.filter_ref)}</definedName>"
        for n, (title, s) in enumerate(zip(titles, sheets)) if s.filter_ref)
    return (f'<workbook xmlns:r="{_REL}" xmlns="{_MAIN}"><workbookPr /><workbookProtection /><bookViews>'
            '<workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" '
            'showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1" />'
            f"</bookViews><sheets>{listed}</sheets>"
            + (f"<definedNames>{filters}</definedNames>" if filters else "<definedNames />")
            + '<calcPr calcId="124519" fullCalcOnLoad="1" /></workbook>')


def _book_rels(count: int) -> str:
    kind = f"{_REL}/"
    rels = [(f"{kind}worksheet", f"/xl/worksheets/sheet{n}.xml") for n in range(1, count + 1)]
    rels += [(f"{kind}styles", "styles.xml"), (f"{kind}theme", "theme/theme1.xml")]
    listed = "".join(f'<Relationship Type="{t}" Target="{target}" Id="rId{n}" />'
                     for n, (t, target) in enumerate(rels, 1))
    return f'<Relationships xmlns="{_PACKAGE_REL}">{listed}</Relationships>'


def _types(count: int) -> str:
    overrides = [("/xl/styles.xml", f"{_TYPE}.styles+xml"),
                 ("/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    overrides += [(f"/xl/worksheets/sheet{n}.xml", f"{_TYPE}.worksheet+xml") for n in range(1, count + 1)]
    overrides += [("/xl/workbook.xml", f"{_TYPE}.sheet.main+xml")]
    listed = "".join(f'<Override PartName="{p}" ContentType="{t}" />' for p, t in overrides)
    return ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />'
            f'<Default Extension="xml" ContentType="application/xml" />{listed}</Types>')
