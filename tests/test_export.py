"""Open data exports: catalog.json (+ schema), CSV and XLSX, the round trip through the
importer, and the one sitemap.xml of both scripts.

Files are read back with independent readers — python-calamine for XLSX, the csv module for
CSV, jsonschema for JSON — and compared with the model as the generator loads it. What a cell
must hold is written out here by hand (the documented conventions), not taken from the
generator's own column table.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

import sitebuild
from generator import checks
from generator.outputs import exports as export, sitemap
from generator.model import Content, Department, Item, NoPenaltyEntry
from generator.view import PublishedView
from generator.settings import Settings

PROJECT = sitebuild.PROJECT
CODES = sorted(p.stem for p in (PROJECT / "catalogs").glob("*.yaml"))
ITEM_HEADER = ["事项编号", "事项名称", "实施部门", "承办科室", "承办科室电话", "指导方式", "实施环节", "关联权责事项编码", "指导依据",
               "依据条文", "适用对象", "适用情形", "指导内容", "指导程序", "相对人权利", "监督电话", "公开属性", "状态",
               "生效日期", "审查单位", "审查日期", "备案号", "关联不罚清单", "适用行业", "备注", "首次发布日期", "最近更新日期"]
ENTRY_HEADER = ["条目编号", "实施部门", "监管领域", "违法行为", "违法依据", "处罚依据", "适用情形", "关联事项", "备注"]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


# --- fixtures ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Content, Settings, Path, list[Path]]:
    base = tmp_path_factory.mktemp("export")
    root = sitebuild.copy_content(base / "repo")
    loaded, settings, findings = checks.run(root)
    assert loaded is not None and settings is not None, findings
    files = export.write(PublishedView.of(loaded.content, settings), base / "site")
    return loaded.content, settings, base / "site" / "data", files


def load_department(root: Path, code: str) -> Department:
    loaded, _, findings = checks.run(root)
    assert loaded is not None, findings
    return next(d for d in loaded.content.departments if d.code == code)


def run_import(root: Path, file: Path, *args: str) -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-m", "generator", "import", str(file), "--root", str(root), *args],
                          cwd=PROJECT, capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")


# --- what a cell must hold (the documented conventions, written out independently) -----------

def law(b) -> str:
    return f"《{b.law}》{b.article or ''}"


def item_cells(item: Item, department: Department, labels: dict[str, str]) -> list[str]:
    return [item.id, item.name, department.name, item.office, item.office_phone or "", labels[item.mode], "；".join(item.stages),
            "；".join(item.power_codes), "\n".join(law(b) for b in item.basis),
            "\n".join(f"{law(b)}：{b.text.strip()}" for b in item.basis if b.text),
            item.subjects.strip(), item.situations.strip(), item.content.strip(), "\n".join(item.procedure),
            "\n".join(item.rights), item.supervision_phone, "公开", item.status, item.effective_date,
            item.review.unit, item.review.date, item.review.filing_no or "", "；".join(item.no_penalty),
            "；".join(item.trades), (item.note or "").strip(), "", ""]  # publication dates: this content is not in git


def entry_cells(entry: NoPenaltyEntry, department: Department, content: Content) -> list[str]:
    refs = sorted(i.id for i in content.published_items() if entry.id in i.no_penalty)
    return [entry.id, department.name, entry.field, entry.violation.strip(), entry.violation_basis.strip(),
            entry.penalty_basis.strip(), "\n".join(entry.conditions), "；".join(refs), (entry.note or "").strip()]


def published(d: Department) -> list[Item]:
    return sorted((i for i in d.items if i.published), key=lambda i: i.id)


# --- the files -----------------------------------------------------------------------------------

def test_every_listed_download_is_written(exported):
    content, _, data, files = exported
    listed = {f.name for f in export.downloads(list(content.departments))}
    assert listed == {p.name for p in files} == {p.name for p in data.iterdir()}
    assert {f"{c}.csv" for c in CODES} | {f"{c}.xlsx" for c in CODES} <= listed


def test_xlsx_read_by_calamine_matches_the_model(exported):
    content, settings, data, _ = exported
    labels = {m.code: m.label for m in settings.modes}
    departments = sorted(content.departments, key=lambda d: d.code)
    book = CalamineWorkbook.from_path(str(data / "catalog.xlsx"))
    assert book.sheet_names == [d.short_name or d.name for d in departments] + ["不罚清单"]
    for d in departments:
        rows = book.get_sheet_by_name(d.short_name or d.name).to_python()
        assert rows[0] == ITEM_HEADER
        assert rows[1:] == [item_cells(i, d, labels) for i in published(d)], d.code
        own = CalamineWorkbook.from_path(str(data / f"{d.code}.xlsx"))
        assert own.sheet_names == [d.short_name or d.name, "不罚清单"]
        assert own.get_sheet_by_name(d.short_name or d.name).to_python() == rows
        own_entries = own.get_sheet_by_name("不罚清单").to_python()
        assert own_entries == [ENTRY_HEADER] + [entry_cells(e, d, content) for e in sorted(d.no_penalty, key=lambda e: e.id)]
    entries = book.get_sheet_by_name("不罚清单").to_python()
    assert entries[0] == ENTRY_HEADER
    assert entries[1:] == [entry_cells(e, d, content) for d in departments for e in sorted(d.no_penalty, key=lambda e: e.id)]


def test_xlsx_layout_for_people(exported):
    """Frozen header (and 编号/名称 columns), bold header, wrapped text, widths for long text,
    on every sheet of a department's workbook and of the combined one."""
    content, settings, data, _ = exported
    for name in ("scjg.xlsx", "catalog.xlsx"):
        for sheet in load_workbook(data / name).worksheets:
            where = (name, sheet.title)
            assert sheet.freeze_panes == "C2", where
            assert all(c.font.b for c in sheet[1]), where
            assert all(c.alignment.wrap_text for row in sheet.iter_rows(min_row=2) for c in row), where
            assert sheet.auto_filter.ref == f"A1:{sheet[1][-1].column_letter}{sheet.max_row}", where
    book = load_workbook(data / "scjg.xlsx")
    sheet = book.worksheets[0]
    content_col = ITEM_HEADER.index("指导内容") + 1
    assert sheet.column_dimensions[chr(ord("A") + content_col - 1)].width >= 40
    assert book.properties.modified == book.properties.created == dt.datetime.fromisoformat(PublishedView.of(content, settings).content_date)


def test_xlsx_keeps_markup_characters_of_names_and_cells(tmp_path):
    """A department named with & < > " ' and a cell holding such text still give workbooks that
    open, with the sheet named after the department and the text as written, and import back."""
    short_name, note = """R&D <"O'K">局""", """=1+1 & <b>"加粗"</b> '引号'"""
    root = sitebuild.copy_content(tmp_path / "repo")
    catalog = root / "catalogs/yjgl.yaml"
    text = catalog.read_text(encoding="utf-8")
    text = text.replace("short_name: 区应急局", "short_name: " + json.dumps(short_name, ensure_ascii=False), 1)
    review_end = "      filing_no: 示司备〔2024〕27号\n"
    text = text.replace(review_end, review_end + "    note: " + json.dumps(note, ensure_ascii=False) + "\n", 1)
    catalog.write_text(text, encoding="utf-8")
    loaded, settings, findings = checks.run(root)
    assert loaded is not None and settings is not None, findings
    export.write(PublishedView.of(loaded.content, settings), tmp_path / "site")
    data = tmp_path / "site/data"
    for name in ("catalog.xlsx", "yjgl.xlsx"):
        book = load_workbook(data / name)
        assert short_name in book.sheetnames, (name, book.sheetnames)
        first = next(r for r in book[short_name].iter_rows(values_only=True) if r[0] == "yjgl-001")
        assert first[ITEM_HEADER.index("备注")] == note, name
    before = load_department(root, "yjgl")
    assert before.short_name == short_name and before.items[0].note == note
    status, output = run_import(root, data / "yjgl.xlsx", "--department", "yjgl")
    assert status == 0, output
    assert load_department(root, "yjgl") == before


def test_csv_reads_back_with_the_csv_module(exported):
    content, settings, data, _ = exported
    labels = {m.code: m.label for m in settings.modes}
    raw = (data / "catalog.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so that Excel shows Chinese"
    with (data / "catalog.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ITEM_HEADER
    departments = sorted(content.departments, key=lambda d: d.code)
    assert rows[1:] == [item_cells(i, d, labels) for d in departments for i in published(d)]
    scjg = next(r for r in rows if r[0] == "scjg-001")
    assert scjg[1] == "食品经营许可申请政策辅导" and scjg[2] == "示例区市场监督管理局"
    for d in departments:
        with (data / f"{d.code}.csv").open(encoding="utf-8-sig", newline="") as f:
            assert list(csv.reader(f)) == [ITEM_HEADER] + [item_cells(i, d, labels) for i in published(d)]
    with (data / "no-penalty.csv").open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f))[0] == ENTRY_HEADER


def test_catalog_json_validates_against_the_published_schema(exported):
    content, _, data, _ = exported
    document = json.loads((data / "catalog.json").read_text(encoding="utf-8"))
    schema = json.loads((data / "catalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert document["schema_version"] == schema["properties"]["schema_version"]["const"]
    assert [d["code"] for d in document["departments"]] == sorted(d.code for d in content.departments)
    items = [i for d in document["departments"] for i in d["items"]]
    assert sorted(i["id"] for i in items) == sorted(i.id for i in content.published_items())
    assert len(document["cases"]) == len(content.cases)
    assert all("body" not in c for c in document["cases"]), "case metadata only, not bodies"
    first = next(i for i in items if i["id"] == "scjg-001")
    assert first["basis"][0] == {"law": "中华人民共和国食品安全法", "article": "第三十五条第一款",
                                 "text": first["basis"][0]["text"]}
    # a wrong document is refused: the schema is not a formality
    broken = json.loads(json.dumps(document))
    broken["departments"][0]["items"][0]["disclosure"] = "商业秘密"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def _views_of(path: Path) -> list[str]:
    """The file as a reader or a tool sees it: text, or every part of an XLSX and its cells."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            views = [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
        book = CalamineWorkbook.from_path(str(path))
        views += ["\n".join(str(c) for row in book.get_sheet_by_name(n).to_python() for c in row)
                  for n in book.sheet_names]
        return views
    text = path.read_bytes().decode("utf-8-sig")
    return [text, re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)]


def test_exempt_item_is_in_no_export(exported):
    content, _, _, files = exported
    exempt = [i for i in content.items() if not i.published]
    assert exempt, "the sample has an exempt item"
    needles = []
    for item in exempt:
        needles += [item.id, item.name, item.content.strip()[:40], (item.exemption_reason or "")[:40]]
    found = [f"{p.name}: {n}" for p in files for view in _views_of(p) for n in needles if n and n in view]
    assert not found, found


def test_two_exports_are_byte_identical(exported, tmp_path):
    """Same content → same bytes, also across the 2-second resolution of zip timestamps; the
    workbook is dated from the content, not from the clock."""
    content, settings, data, files = exported
    time.sleep(2.1)
    again = export.write(PublishedView.of(content, settings), tmp_path)
    assert [p.name for p in again] == [p.name for p in files]
    differ = [p.name for p, q in zip(files, again) if p.read_bytes() != q.read_bytes()]
    assert not differ, differ
    day = dt.date.fromisoformat(PublishedView.of(content, settings).content_date)
    with zipfile.ZipFile(data / "catalog.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(day.year, day.month, day.day, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode("utf-8")
    assert core.count(f"{day.isoformat()}T00:00:00Z") == 2, core  # created and modified


# --- round trip: export → import → the same model -------------------------------------------------

@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("code", CODES)
def test_round_trip_gives_the_same_model(exported, tmp_path, code, fmt):
    _, _, data, _ = exported
    root = sitebuild.copy_content(tmp_path / "repo")
    before = load_department(root, code)
    text = (root / f"catalogs/{code}.yaml").read_bytes()
    status, output = run_import(root, data / f"{code}.{fmt}", "--department", code)
    assert status == 0, output
    assert load_department(root, code) == before  # Origin is not compared
    assert (root / f"catalogs/{code}.yaml").read_bytes() == text, "even the file is unchanged"


@pytest.mark.parametrize("code", CODES)
def test_round_trip_into_a_repository_without_the_catalog(exported, tmp_path, code):
    """Ids come from the sheet's 事项编号 column; the department block from a mapping file."""
    _, _, data, _ = exported
    root = sitebuild.copy_content(tmp_path / "repo")
    before = load_department(root, code)
    (root / f"catalogs/{code}.yaml").unlink()
    shutil.rmtree(root / f"typical-cases/{code}", ignore_errors=True)
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "department:\n"
        f"  name: {before.name}\n  short_name: {before.short_name}\n  address: {before.address}\n"
        f"  office_phone: {before.office_phone}\n  legal_office:\n    name: {before.legal_office.name}\n"
        f"    phone: {before.legal_office.phone}\n  sample: true\n", encoding="utf-8")
    status, output = run_import(root, data / f"{code}.xlsx", "--department", code, "--mapping", str(mapping))
    assert status == 0, output
    after = load_department(root, code)
    assert after.items == tuple(published(before))
    assert after.no_penalty == before.no_penalty
    assert (after.name, after.address, after.legal_office) == (before.name, before.address, before.legal_office)


# --- sitemap ---------------------------------------------------------------------------------------

def test_one_sitemap_lists_both_scripts_with_alternates(sample):
    site = sample.out
    assert not (site / "zh-Hant/sitemap.xml").exists() and not (site / "zh-Hant/sitemap.xml.gz").exists()
    data = (site / "sitemap.xml").read_bytes()
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == data
    assert b"lastmod" not in data, "no date from the build clock"
    root = ET.fromstring(data)
    base = "https://xzzd.example.gov.cn/xzzd/"
    locs = {}
    for url in root.findall("s:url", SITEMAP_NS):
        loc = url.find("s:loc", SITEMAP_NS).text
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)}
        locs[loc] = links
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"]
    assert sorted(locs) == sorted(base + p for p in pages)
    for loc, links in locs.items():
        page = loc[len(base):].removeprefix("zh-Hant/")
        assert links == {"zh-Hans": base + page, "zh-Hant": base + "zh-Hant/" + page, "x-default": base + page}


def test_sitemap_without_site_url_uses_relative_addresses(tmp_path):
    (tmp_path / "zh-Hant").mkdir()
    (tmp_path / "zh-Hant/sitemap.xml").write_text("old", encoding="utf-8")
    sitemap.write(tmp_path, ["index.html", "items/a-001.html"], "")
    text = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>zh-Hant/items/a-001.html</loc>" in text and "<loc>index.html</loc>" in text
    assert not (tmp_path / "zh-Hant/sitemap.xml").exists()
    first = (tmp_path / "sitemap.xml.gz").read_bytes()
    sitemap.write(tmp_path, ["items/a-001.html", "index.html"], "")
    assert (tmp_path / "sitemap.xml.gz").read_bytes() == first


def test_download_page_links_every_file_in_both_scripts(sample):
    site = sample.out
    names = {p.name for p in (site / "data").iterdir()}
    for page, prefix in ((site / "data.html", "data/"), (site / "zh-Hant/data.html", "../data/")):
        hrefs = set(re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")))
        linked = {h[len(prefix):] for h in hrefs if h.startswith(prefix)}
        assert linked == names, (page, names ^ linked)
        assert all((page.parent / h).resolve().is_file() for h in hrefs if h.startswith(prefix))
    hant = (site / "zh-Hant/data.html").read_text(encoding="utf-8")
    assert "數據下載" in hant and "“；”" in hant
