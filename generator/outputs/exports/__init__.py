"""Open data: the published catalog as JSON, CSV and XLSX files under ``site/data/``.

Openness means the data, not only pages: the filing platform takes uploads, researchers and
other systems read files. Every file is built from the model's published items only (an
exempt item cannot reach any export), sorted, and dated from the content, so two builds of
the same content give byte-identical files. The column table in ``columns`` is shared with
the importer, so an exported sheet always reads back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import posixpath
from dataclasses import dataclass
from pathlib import Path

from ...layout import DATA_DIR
from ...messages import current as msg
from ...model import Department
from ...model.columns import LINE_SEPARATOR, LIST_SEPARATOR
from ...script import mark, plain
from ...view import PublishedView
from . import jsondata, tables, workbook

COMBINED = "catalog"
NO_PENALTY = "no-penalty"
HANT_PREFIX = "../"  # the traditional site lives one folder below the site root


@dataclass(frozen=True)
class Download:
    """One file of the 数据下载 page."""

    name: str  # file name inside data/
    kind: str  # json | schema | csv | xlsx
    department: Department | None = None

    def href(self, page_path: str) -> str:
        """Link from a page of the simplified site; a mark gives the traditional site's link."""
        target = f"{DATA_DIR}/{self.name}"
        hans = posixpath.relpath(target, posixpath.dirname(page_path) or ".")
        return mark(hans, HANT_PREFIX + hans)


def department_stem(code: str) -> str:
    """File name stem of a department's files; never the name of a combined file."""
    return f"dept-{code}" if code in (COMBINED,) else code


def downloads(departments: list[Department]) -> list[Download]:
    """Every file ``write`` produces, in the order the 数据下载 page lists them."""
    files = [Download(f"{COMBINED}.json", "json"), Download(f"{COMBINED}.schema.json", "schema"),
             Download(f"{COMBINED}.csv", "csv"), Download(f"{COMBINED}.xlsx", "xlsx"),
             Download(f"{NO_PENALTY}.csv", "csv")]
    for d in sorted(departments, key=lambda d: d.code):
        stem = department_stem(d.code)
        files += [Download(f"{stem}.csv", "csv", d), Download(f"{stem}.xlsx", "xlsx", d)]
    return files


KINDS = {"json": "JSON", "schema": "JSON Schema", "csv": "CSV", "xlsx": "XLSX（Excel）"}
DESCRIPTIONS = {name: msg.DATA_DESCRIPTIONS[name] for name in (
    f"{COMBINED}.json", f"{COMBINED}.schema.json", f"{COMBINED}.csv", f"{COMBINED}.xlsx", f"{NO_PENALTY}.csv")}


def page_context(departments: list[Department]) -> dict[str, object]:
    """What the 数据下载 page template needs."""
    files = downloads(departments)
    own: dict[str, list[Download]] = {}
    for f in files:
        if f.department is not None:
            own.setdefault(f.department.code, []).append(f)
    return {"downloads": [f for f in files if f.department is None], "own_downloads": own, "kinds": KINDS,
            "descriptions": DESCRIPTIONS, "list_separator": LIST_SEPARATOR}


def write(view: PublishedView, site_dir: Path) -> list[Path]:
    """Write every export under ``site_dir/data``; return the files written.

    Each department's rows and sheets are made once and reused by the combined files."""
    folder = site_dir / DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    settings = view.settings
    when = dt.datetime.fromisoformat(view.content_date)
    ctx = tables.context(view)
    departments = view.departments
    written = [
        jsondata.write(folder / f"{COMBINED}.json", jsondata.document(view, ctx)),
        _text(folder / f"{COMBINED}.schema.json", jsondata.schema_text()),
    ]
    taken: set[str] = {workbook.NO_PENALTY_SHEET}
    item_tables = [tables.item_table(workbook.sheet_title(sheet_name(d), taken), view.items_of(d), ctx)
                   for d in departments]
    entry_tables = [tables.entry_table(workbook.NO_PENALTY_SHEET, view.entries_in(d), ctx) for d in departments]
    item_sheets = [workbook.sheet(t) for t in item_tables]
    all_entries = tables.joined(workbook.NO_PENALTY_SHEET, tables.ENTRIES, entry_tables)
    written.append(write_csv(folder / f"{COMBINED}.csv", tables.joined(COMBINED, tables.ITEMS, item_tables)))
    written.append(workbook.write(folder / f"{COMBINED}.xlsx", item_sheets + [workbook.sheet(all_entries)], when,
                                  settings.site_name))
    written.append(write_csv(folder / f"{NO_PENALTY}.csv", all_entries))
    for d, items, own, sheet in zip(departments, item_tables, entry_tables, item_sheets):
        stem = department_stem(d.code)
        written.append(write_csv(folder / f"{stem}.csv", items))
        written.append(workbook.write(folder / f"{stem}.xlsx", [sheet, workbook.sheet(own)], when, d.name))
    return written


def write_csv(path: Path, table: tables.Table) -> Path:
    """UTF-8 with a BOM (Excel then shows Chinese correctly), CRLF rows, quoted when needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


def sheet_name(d: Department) -> str:
    """The department's sheet in the workbooks (the importer looks for the same name)."""
    return workbook.sheet_title(plain(d.short_name or d.name))


def _text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


__all__ = ["Download", "LINE_SEPARATOR", "LIST_SEPARATOR", "downloads", "write"]
