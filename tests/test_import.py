"""``python -m generator import`` on spreadsheets shaped like departments' real ones.

Every sheet is made here with openpyxl the way a department's sheet looks: a title and a
填报单位 line above the header, synonyms for the column names, merged cells, a 序号 column,
phone numbers typed as numbers, dates as Excel dates, an extra column, a blank row and a note
merged across the last row. The command runs as a real subprocess, exactly as an operator
runs it; expected report lines are computed from the rows the test wrote.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

import sitebuild
from generator import checks
from generator.model import Department

PROJECT = sitebuild.PROJECT
HEADERS = ["序号", "指导事项名称", "实施部门", "承办机构", "方式", "环节", "法律依据", "依据条文", "指导对象",
           "适用情形", "指导内容", "指导程序", "相对人权利", "监督投诉电话", "公开属性", "状态", "生效日期", "审查单位",
           "审查日期", "备案号", "关联不罚清单", "联系人"]
COL = {name: i for i, name in enumerate(HEADERS, 1)}
LETTER = {name: chr(ord("A") + i - 1) for name, i in COL.items()}
HEADER_ROW = 3
MODE_LABELS = {"policy_guidance": "政策指引", "advice": "意见建议", "reminder": "提示提醒",
               "persuasion_warning": "劝导警示", "demonstration": "示范引领", "case_follow_up": "案件回访"}


# --- helpers -----------------------------------------------------------------------------------

def run_import(root: Path, file: Path, *args: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "generator", "import", str(file), "--root", str(root), *args],
                          cwd=PROJECT, capture_output=True, timeout=120)
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert "Traceback" not in out + err, out + err
    return proc.returncode, out, err


def department(root: Path, code: str) -> Department:
    loaded, _, findings = checks.run(root)
    assert loaded is not None, findings
    return next(d for d in loaded.content.departments if d.code == code)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return sitebuild.copy_content(tmp_path / "repo")


def law(b: Any) -> str:
    return f"《{b.law}》{b.article or ''}"


def item_row(n: int, item: Any, dept_name: str | None) -> list[Any]:
    """A row as a department types it: numbered steps, 、 between stages, phone as a number."""
    phone = item.supervision_phone
    return [n, item.name, dept_name, item.office, MODE_LABELS[item.mode], "、".join(item.stages),
            "\n".join(law(b) for b in item.basis),
            "\n".join(f"{law(b)}：{b.text.strip()}" for b in item.basis if b.text),
            item.subjects, item.situations, item.content.strip(),
            "\n".join(f"{k}. {step}" for k, step in enumerate(item.procedure, 1)),
            "\n".join(item.rights), int(phone.replace("-", "")), item.disclosure, item.status,
            dt.datetime.fromisoformat(item.effective_date), item.review.unit,
            dt.datetime.fromisoformat(item.review.date), item.review.filing_no, "；".join(item.no_penalty), "张科长"]


class Sheet:
    """The real-shaped sheet of a department, with the sheet row of each item."""

    def __init__(self, dept: Department, path: Path, items: list[Any] | None = None,
                 two_rows: str | None = None) -> None:
        self.items = items if items is not None else [i for i in dept.items if i.published]
        self.book = Workbook()
        ws = self.ws = self.book.active
        ws.title = "Sheet1"
        ws.append([f"{dept.name}行政指导事项目录清单"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
        ws.append([f"填报单位：{dept.name}", None, None, "填报日期：2024年3月1日"])
        ws.append(HEADERS)
        self.row_of: dict[str, int] = {}
        for n, item in enumerate(self.items, 1):
            if n == 3:
                ws.append([])  # a blank row between items
            row = item_row(n, item, dept.name if n == 1 else None)
            if item.id != two_rows:
                ws.append(row)
                self.row_of[item.id] = ws.max_row
                continue
            # One item typed over two rows: the last law in a row of its own, the other cells
            # of the item merged over both rows.
            laws = row[COL["法律依据"] - 1].split("\n")
            row[COL["法律依据"] - 1] = "\n".join(laws[:-1])
            ws.append(row)
            r = self.row_of[item.id] = ws.max_row
            ws.append([None] * (COL["法律依据"] - 1) + [laws[-1]])
            for name in HEADERS:
                if name not in ("法律依据", "实施部门"):
                    ws.merge_cells(start_row=r, start_column=COL[name], end_row=r + 1, end_column=COL[name])
        self.first, self.last = HEADER_ROW + 1, ws.max_row
        # 实施部门 typed once and merged down the whole table, as departments do.
        ws.merge_cells(start_row=self.first, start_column=COL["实施部门"], end_row=self.last,
                       end_column=COL["实施部门"])
        ws.append(["注：本目录清单自公布之日起施行。"])
        self.note_row = ws.max_row
        ws.merge_cells(start_row=self.note_row, start_column=1, end_row=self.note_row, end_column=len(HEADERS))
        self.path = path

    def merge_mode(self, ids: list[str]) -> None:
        """Merge the 方式 cells of consecutive rows of the same mode (value in the first only)."""
        rows = [self.row_of[i] for i in ids]
        for r in rows[1:]:
            self.ws.cell(r, COL["方式"]).value = None
        self.ws.merge_cells(start_row=rows[0], start_column=COL["方式"], end_row=rows[-1], end_column=COL["方式"])

    def save(self) -> Path:
        self.book.save(self.path)
        return self.path


def warnings_expected(sheet: Sheet, file: Path) -> list[str]:
    where = f"{file}:Sheet1"
    phone_rows = [sheet.row_of[i.id] for i in sheet.items if i.supervision_phone.startswith("0")]
    example = next(i.supervision_phone for i in sheet.items if i.supervision_phone.startswith("0"))
    return [
        f"{where}:{HEADER_ROW}:{LETTER['联系人']}: I508 警告：“联系人”不是已知的列名，这一列没有导入。",
        f"{where}:{phone_rows[0]}:{LETTER['监督投诉电话']}: I511 警告：第 {'、'.join(map(str, phone_rows))} 行的电话号码按数字保存，"
        f"开头的 0 丢失了，已补回（如 {example.replace('-', '')[1:]} → {example}）",
        f"{where}:{sheet.note_row}: I512 警告：这一行是跨列合并的说明文字（“注：本目录清单自公布之日起施行。”），没有作为事项导入。",
    ]


# --- a real-shaped sheet comes in cleanly -----------------------------------------------------

def test_real_shaped_sheet_gives_the_same_catalog(repo, tmp_path):
    """Title rows, merged 实施部门 and 指导方式, 序号, phones as numbers, an unknown column, a blank
    row and a merged note: the catalog written is the very file the department already had
    (columns the sheet lacks — 关联权责事项编码, 备注 — keep their current values)."""
    before = (repo / "catalogs/scjg.yaml").read_bytes()
    dept = department(repo, "scjg")
    sheet = Sheet(dept, tmp_path / "台账.xlsx")
    sheet.merge_mode(["scjg-004", "scjg-005", "scjg-006"])
    file = sheet.save()
    code, out, err = run_import(repo, file, "--department", "scjg")
    assert code == 0, out + err
    lines = out.splitlines()
    # The new file is checked with the whole repository, statute library included, so the
    # citations it holds of laws the library lacks get the same W905 as `check` gives them.
    unverifiable = [line for line in lines if " W905 " in line]
    assert unverifiable and all("不在法规库（laws/）中" in line for line in unverifiable), out
    lines = [line for line in lines if line not in unverifiable]
    expected = warnings_expected(sheet, file)
    assert len(lines) == len(expected) + 1, out
    for line, start in zip(lines, expected):
        assert line.startswith(start), f"{line!r}\n  expected to start with\n{start!r}"
    assert lines[-1].startswith("已写入 catalogs/scjg.yaml：10 个事项（沿用原编号 10 个，新编号 0 个）"), out
    assert (repo / "catalogs/scjg.yaml").read_bytes() == before
    assert department(repo, "scjg") == dept


def test_rows_of_one_item_share_a_merged_name(repo, tmp_path):
    """An item typed over two rows (事项名称 merged, one law per row) is one item with all laws."""
    dept = department(repo, "scjg")
    sheet = Sheet(dept, tmp_path / "merged.xlsx", two_rows="scjg-002")
    code, out, err = run_import(repo, sheet.save(), "--department", "scjg")
    assert code == 0, out + err
    assert department(repo, "scjg") == dept


def test_new_rows_get_the_next_ids_and_names_keep_theirs(repo, tmp_path):
    dept = department(repo, "scjg")
    items = [i for i in dept.items if i.published]
    new = items[0].__class__(**{**items[0].__dict__, "id": "x", "name": "经营场所装修期间消防安全提示提醒"})
    sheet = Sheet(dept, tmp_path / "new.xlsx", items=[items[1], items[0], new] + items[2:])  # reordered rows
    code, out, err = run_import(repo, sheet.save(), "--department", "scjg")
    assert code == 0, out + err
    assert "沿用原编号 10 个，新编号 1 个" in out
    after = {i.name: i.id for i in department(repo, "scjg").items}
    assert after["经营场所装修期间消防安全提示提醒"] == "scjg-011"
    assert all(after[i.name] == i.id for i in items)



def test_the_catalogs_withdrawn_list_survives_an_import(repo, tmp_path):
    """A sheet has no withdrawn: list (items taken out of the catalog, with their reasons): the
    file the importer writes keeps the one the catalog had."""
    path = repo / "catalogs/scjg.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nwithdrawn:\n  - id: scjg-020\n    date: 2025-02-01\n"
                    "    reason: 合并\n    merged_into: scjg-001\n    note: 并入许可申请辅导。\n", encoding="utf-8")
    dept = department(repo, "scjg")
    assert len(dept.withdrawn) == 1
    code, out, err = run_import(repo, Sheet(dept, tmp_path / "台账.xlsx").save(), "--department", "scjg")
    assert code == 0, out + err
    assert department(repo, "scjg").withdrawn == dept.withdrawn

# --- failures write nothing ---------------------------------------------------------------------

def test_cell_problems_are_located_and_nothing_is_written(repo, tmp_path):
    before = (repo / "catalogs/scjg.yaml").read_bytes()
    dept = department(repo, "scjg")
    sheet = Sheet(dept, tmp_path / "bad.xlsx")
    r_mode, r_content = sheet.row_of["scjg-004"], sheet.row_of["scjg-005"]
    sheet.ws.cell(r_mode, COL["方式"]).value = "宣传教育"
    sheet.ws.cell(r_content, COL["指导内容"]).value = None
    file = sheet.save()
    code, out, _ = run_import(repo, file, "--department", "scjg")
    assert code == 1, out
    assert f"{file}:Sheet1:{r_mode}:{LETTER['方式']}: I044 错误：指导方式“宣传教育”不在本站设置的指导方式中。" in out
    assert f"{file}:Sheet1:{r_content}:{LETTER['指导内容']}: I040 错误：“指导内容”没有填写，这是必填项。" in out
    assert out.splitlines()[-1] == "导入失败：2 个错误，3 个警告。没有写入任何文件，请改正后重新导入。"
    assert (repo / "catalogs/scjg.yaml").read_bytes() == before


def test_missing_required_column_is_an_error(repo, tmp_path):
    before = (repo / "catalogs/scjg.yaml").read_bytes()
    sheet = Sheet(department(repo, "scjg"), tmp_path / "no-rights.xlsx")
    sheet.ws.delete_cols(COL["相对人权利"])
    file = sheet.save()
    code, out, _ = run_import(repo, file, "--department", "scjg")
    assert code == 1, out
    assert out.splitlines()[0].startswith(
        f"{file}:Sheet1:{HEADER_ROW}: I034 错误：缺少必填列“相对人权利”（也可以叫：相对人的权利、行政相对人权利、权利、权利告知）。")
    assert (repo / "catalogs/scjg.yaml").read_bytes() == before


def test_problems_found_by_the_checks_point_at_the_cell(repo, tmp_path):
    """A mobile number as 监督电话 passes the sheet reading; the real checks refuse it, and the
    report names the sheet cell, not a line of a file that was never written."""
    before = (repo / "catalogs/scjg.yaml").read_bytes()
    sheet = Sheet(department(repo, "scjg"), tmp_path / "mobile.xlsx")
    r = sheet.row_of["scjg-007"]
    sheet.ws.cell(r, COL["监督投诉电话"]).value = "13912345678"
    file = sheet.save()
    code, out, _ = run_import(repo, file, "--department", "scjg")
    assert code == 1, out
    cell = f"{file}:Sheet1:{r}:{LETTER['监督投诉电话']}: "
    assert any(line.startswith(cell + "E204 错误：") for line in out.splitlines()), out
    assert any(line.startswith(cell + "E603 错误：") for line in out.splitlines()), out
    assert (repo / "catalogs/scjg.yaml").read_bytes() == before


def test_an_item_missing_from_the_sheet_is_kept_and_reported(repo, tmp_path):
    """A sheet that covers part of the catalog updates what it lists and keeps the rest."""
    dept = department(repo, "scjg")
    before = (repo / "catalogs/scjg.yaml").read_bytes()
    sheet = Sheet(dept, tmp_path / "fewer.xlsx", items=[i for i in dept.items if i.id != "scjg-004"])
    code, out, _ = run_import(repo, sheet.save(), "--department", "scjg")
    assert code == 0, out
    assert "I505 警告：现有目录中的下列事项不在表格中，已原样保留：scjg-004（食品经营轻微违法行为劝导警示）" in out
    assert (repo / "catalogs/scjg.yaml").read_bytes() == before


def test_removing_an_item_a_case_refers_to_fails(repo, tmp_path):
    dept = department(repo, "scjg")
    before = (repo / "catalogs/scjg.yaml").read_bytes()
    sheet = Sheet(dept, tmp_path / "fewer.xlsx", items=[i for i in dept.items if i.id != "scjg-004"])
    code, out, _ = run_import(repo, sheet.save(), "--department", "scjg", "--delete-missing")
    assert code == 1, out
    assert "I506 警告：现有目录中的下列事项不在表格中，按 --delete-missing 删除：scjg-004（食品经营轻微违法行为劝导警示）" in out
    assert any(line.startswith("typical-cases/scjg/scjg-2024-01.md:") and "E302" in line
               for line in out.splitlines()), out
    assert (repo / "catalogs/scjg.yaml").read_bytes() == before


def test_new_department_without_department_information_creates_nothing(repo, tmp_path):
    sheet = Sheet(department(repo, "scjg"), tmp_path / "new-dept.xlsx")
    code, out, _ = run_import(repo, sheet.save(), "--department", "newdept")
    assert code == 1, out
    assert "catalogs/newdept.yaml: I022 错误：catalogs/newdept.yaml 还不存在，需要部门信息。" in out
    assert not (repo / "catalogs/newdept.yaml").exists()


@pytest.mark.parametrize("args, message", [
    (["missing.xlsx", "--department", "scjg"], "找不到要导入的文件"),
    (["old.xls", "--department", "scjg"], "不支持旧版 Excel 文件（.xls）"),
    (["ok.csv", "--department", "SCJG"], "部门代码“SCJG”不对"),
])
def test_usage_errors_exit_2(repo, tmp_path, args, message):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "ok.csv").write_text("事项名称\n", encoding="utf-8")
    args = [str(tmp_path / args[0]), *args[1:]]
    proc = subprocess.run([sys.executable, "-m", "generator", "import", *args, "--root", str(repo)],
                          cwd=PROJECT, capture_output=True, timeout=60)
    assert proc.returncode == 2, proc
    assert message in proc.stderr.decode("utf-8")


# --- CSV, mapping files, a new department -----------------------------------------------------

def test_gbk_csv_with_full_width_digits_and_spaced_headers(repo, tmp_path):
    """Excel in China saves CSV as GBK; phone digits typed full-width; headers with spaces."""
    dept = department(repo, "yjgl")
    items = [i for i in dept.items if i.published]
    rows = [["序　号", "事项 名称", "实施部门", "承办科室", "指导方式", "实施环节", "指导依据", "依据条文", "适用对象",
             "适用情形", "指导内容", "指导程序", "相对人权利", "监督 电话", "公开属性", "状态", "生效日期", "审查单位",
             "审查日期", "备案号", "关联不罚清单", "关联权责事项编码", "备注"]]
    for n, i in enumerate(items, 1):
        full_width_phone = i.supervision_phone.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
        rows.append([str(n), i.name, dept.name, i.office, MODE_LABELS[i.mode], "；".join(i.stages),
                     "\n".join(law(b) for b in i.basis),
                     "\n".join(f"{law(b)}：{b.text.strip()}" for b in i.basis if b.text),
                     i.subjects, i.situations, i.content.strip(), "\n".join(i.procedure), "\n".join(i.rights),
                     full_width_phone, i.disclosure, i.status, i.effective_date.replace("-", "/"), i.review.unit,
                     i.review.date, i.review.filing_no or "", "；".join(i.no_penalty), "；".join(i.power_codes),
                     i.note or ""])
    import csv
    import io
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    file = tmp_path / "应急局.csv"
    file.write_bytes(buffer.getvalue().encode("gb18030"))
    code, out, err = run_import(repo, file, "--department", "yjgl")
    assert code == 0, out + err
    assert out.splitlines()[0] == f"{file}: I515 警告：文件不是 UTF-8 编码，已按 GBK（GB18030）读取。"
    assert department(repo, "yjgl") == dept


def test_mapping_file_for_unusual_headers(repo, tmp_path):
    dept = department(repo, "scjg")
    sheet = Sheet(dept, tmp_path / "odd.xlsx")
    ws = sheet.ws
    ws.cell(HEADER_ROW, COL["指导对象"]).value = "服务群体"
    ws.cell(HEADER_ROW, COL["联系人"]).value = "内部编码"
    ws.cell(sheet.row_of["scjg-001"], COL["方式"]).value = "政策辅导"  # another district's name for it
    ws.delete_cols(COL["公开属性"])
    sheet.save()
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  服务群体: 适用对象\n  内部编码: 忽略\ndefaults:\n  公开属性: 公开\n"
                       "values:\n  指导方式:\n    政策辅导: 政策指引\n", encoding="utf-8")
    code, out, err = run_import(repo, sheet.path, "--department", "scjg", "--mapping", str(mapping))
    assert code == 0, out + err
    assert "不是已知的列名" not in out
    assert department(repo, "scjg") == dept


def test_mapping_file_mistakes_are_located(repo, tmp_path):
    sheet = Sheet(department(repo, "scjg"), tmp_path / "x.xlsx")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  服务群体: 服务对象\n", encoding="utf-8")
    code, out, _ = run_import(repo, sheet.save(), "--department", "scjg", "--mapping", str(mapping))
    assert code == 1, out
    assert out.splitlines()[0].startswith(f"{mapping}:2:3: I068 错误：“服务群体”要对应到标准列名之一：事项编号、事项名称")


def test_new_department_from_sheet_and_mapping(repo, tmp_path):
    """A department without a catalog yet: the mapping file gives the department block; ids
    start at 001; the file has the schema line on top and passes the checks."""
    source = department(repo, "scjg")
    items = [i for i in source.items if i.mode != "persuasion_warning"]
    sheet = Sheet(source, tmp_path / "new.xlsx", items=items)
    for r in range(sheet.first, sheet.last + 1):
        sheet.ws.cell(r, COL["关联不罚清单"]).value = None
    sheet.ws.cell(sheet.first, COL["实施部门"]).value = "示例区新设局"
    sheet.save()
    mapping = tmp_path / "map.yaml"
    mapping.write_text("department:\n  name: 示例区新设局\n  address: 示例区文昌路 1 号\n  office_phone: 0533-6099001\n"
                       "  legal_office:\n    name: 法制科\n    phone: 0533-6099002\n", encoding="utf-8")
    code, out, err = run_import(repo, sheet.path, "--department", "xsj", "--mapping", str(mapping))
    assert code == 0, out + err
    text = (repo / "catalogs/xsj.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../generator/schema/catalog.schema.json\ndepartment:\n"
                           "  code: xsj\n  name: 示例区新设局\n")
    new = department(repo, "xsj")
    assert [i.id for i in new.items] == [f"xsj-{n:03d}" for n in range(1, len(items) + 1)]
    assert [i.name for i in new.items] == [i.name for i in items]
    loaded, _, findings = checks.run(repo)
    assert not [f for f in findings if f.path == "catalogs/xsj.yaml" and f.severity == "error"], findings


def test_combined_workbook_sheet_is_chosen_by_department_name(repo, tmp_path):
    """catalog.xlsx holds every department: the sheet named after the department is read, and
    only its own rows of the 不罚清单 sheet."""
    from generator.outputs import exports as export
    from generator.view import PublishedView
    loaded, settings, _ = checks.run(repo)
    export.write(PublishedView.of(loaded.content, settings), tmp_path / "site")
    before = department(repo, "wsjk")
    code, out, err = run_import(repo, tmp_path / "site/data/catalog.xlsx", "--department", "wsjk")
    assert code == 0, out + err
    assert department(repo, "wsjk") == before


def test_combined_csv_takes_only_the_department_rows(repo, tmp_path):
    """catalog.csv lists every department: only the rows whose 实施部门 is this department
    are imported (two departments may well have items of the same name)."""
    from generator.outputs import exports as export
    from generator.view import PublishedView
    loaded, settings, _ = checks.run(repo)
    export.write(PublishedView.of(loaded.content, settings), tmp_path / "site")
    before = department(repo, "zhzf")
    code, out, err = run_import(repo, tmp_path / "site/data/catalog.csv", "--department", "zhzf")
    assert code == 0, out + err
    assert "表中有其他部门的事项，没有导入：示例区人力资源和社会保障局（12 行）" in out
    assert department(repo, "zhzf") == before


def test_workbook_opened_by_openpyxl_again_is_unchanged_by_import(repo, tmp_path):
    """The import only reads the spreadsheet."""
    sheet = Sheet(department(repo, "scjg"), tmp_path / "keep.xlsx")
    file = sheet.save()
    data = file.read_bytes()
    run_import(repo, file, "--department", "scjg")
    assert file.read_bytes() == data
    assert load_workbook(file).active.title == "Sheet1"


@pytest.mark.parametrize("stored", [13912345678, 13912345678.0], ids=["int", "float"])
def test_mobile_stored_as_a_number_is_personal_data_not_a_landline(repo, tmp_path, stored):
    """Excel keeps 13912345678 as a number; restoring a "lost leading 0" would publish the fake
    landline 0139-12345678. It is reported as a mobile number (masked) and nothing is written."""
    before = (repo / "catalogs/scjg.yaml").read_bytes()
    sheet = Sheet(department(repo, "scjg"), tmp_path / "mobile-number.xlsx")
    r = sheet.row_of["scjg-007"]
    sheet.ws.cell(r, COL["监督投诉电话"]).value = stored
    file = sheet.save()
    code, out, err = run_import(repo, file, "--department", "scjg")
    assert code == 1, out
    cell = f"{file}:Sheet1:{r}:{LETTER['监督投诉电话']}: "
    assert any(line.startswith(cell + "E603 错误：") and "139****5678" in line for line in out.splitlines()), out
    assert "0139-" not in out + err and "13912345678" not in out + err
    assert (repo / "catalogs/scjg.yaml").read_bytes() == before
    assert not list((repo / "catalogs").glob(".*.import"))
