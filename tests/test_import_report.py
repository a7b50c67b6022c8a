"""The import in one pass: a sheet with a dozen different problems gets all of them in one
report, each with its code at its cell; the codes are the ones CONTRIBUTING.md 7.3 documents;
``--write-mapping`` starts a mapping file from the sheet's headers; a 不罚清单 can come from a
second CSV; one list-splitting rule for every numbering style.

Sheets are made with openpyxl as in test_import.py (its ``Sheet`` helper); the command runs as
a real subprocess.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from conftest import PROJECT
from generator.messages import zh_hans
from generator.model.columns import lines
from test_import import COL, HEADER_ROW, LETTER, Sheet, department, repo, run_import  # noqa: F401 (fixture)

IMPORT_CODE = re.compile(r": (I\d{3}) (错误|警告)：")


def test_every_import_code_is_documented_and_used() -> None:
    """CONTRIBUTING.md 7.3 lists exactly the codes of IMPORT_MESSAGES, I0xx–I4xx as errors and
    I5xx as warnings; each code is said somewhere in the program."""
    text = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (I\d{3}) \| (错误|警告) \|", text, re.MULTILINE))
    assert sorted(rows) == sorted(zh_hans.IMPORT_MESSAGES)
    assert all((int(code[1:]) < 500) == (level == "错误") for code, level in rows.items())
    source = "".join(p.read_text(encoding="utf-8") for p in (PROJECT / "generator").rglob("*.py")
                     if "messages" not in p.parts)
    assert [c for c in zh_hans.IMPORT_MESSAGES if f'"{c}"' not in source] == []


def test_a_dozen_problems_in_one_report(repo: Path, tmp_path: Path) -> None:
    """What used to take four runs (missing column, then cells, then the checks) is one report."""
    before = (repo / "catalogs/scjg.yaml").read_bytes()
    sheet = Sheet(department(repo, "scjg"), tmp_path / "一次.xlsx")
    ws, row = sheet.ws, sheet.row_of
    planted = {  # (row, column name) → the code expected there
        (HEADER_ROW, "相对人权利"): "I034",  # the required column renamed away: missing…
        (row["scjg-001"], "方式"): "I044",
        (row["scjg-002"], "指导内容"): "I040",
        (row["scjg-003"], "环节"): "I045",
        (row["scjg-007"], "审查日期"): "I046",
        (row["scjg-008"], "承办机构"): "I050",
        (row["scjg-009"], "法律依据"): "I047",
        (row["scjg-010"], "方式"): "I043",
        (row["scjg-004"], "关联不罚清单"): "I051",
        (row["scjg-006"], "指导事项名称"): "I042",
    }
    ws.cell(HEADER_ROW, COL["相对人权利"]).value = "备用列"  # … and an unknown column (I508)
    ws.cell(row["scjg-001"], COL["方式"]).value = "劝导警告"
    ws.cell(row["scjg-002"], COL["指导内容"]).value = None
    ws.cell(row["scjg-003"], COL["环节"]).value = "事先"
    ws.cell(row["scjg-007"], COL["审查日期"]).value = "2024年13月1日"
    ws.cell(row["scjg-008"], COL["承办机构"]).value = "与上一行同一科室"
    ws.cell(row["scjg-009"], COL["法律依据"]).value = "见附件"
    ws.cell(row["scjg-010"], COL["方式"]).value = "政策指引、提示提醒"
    ws.cell(row["scjg-004"], COL["关联不罚清单"]).value = None
    ws.cell(row["scjg-006"], COL["指导事项名称"]).value = ws.cell(row["scjg-005"], COL["指导事项名称"]).value
    file = sheet.save()
    code, out, _ = run_import(repo, file, "--department", "scjg")
    assert code == 1, out
    reported = out.splitlines()
    for (r, name), expected in planted.items():
        where = f"{file}:Sheet1:{r}:" + ("" if expected == "I034" else f"{LETTER[name]}: ")
        assert any(line.startswith(where) and f"{expected} 错误：" in line for line in reported), (expected, out)
    codes = {m.group(1) for line in reported if (m := IMPORT_CODE.search(line))}
    assert codes >= set(planted.values()) | {"I508", "I511", "I512"}, codes
    assert "是不是“劝导警示”" in out  # the near label is named
    assert reported[-1].startswith("导入失败：") and (repo / "catalogs/scjg.yaml").read_bytes() == before
    rows = [int(m.group(1)) for line in reported if (m := re.match(rf"{re.escape(str(file))}:Sheet1:(\d+)", line))]
    assert rows == sorted(rows)  # grouped by sheet, in row order


def test_write_mapping_starts_from_the_sheets_headers(repo: Path, tmp_path: Path) -> None:
    sheet = Sheet(department(repo, "scjg"), tmp_path / "表头.xlsx")
    sheet.ws.cell(HEADER_ROW, COL["指导内容"]).value = "具体指导内容"
    file = sheet.save()
    mapping = tmp_path / "映射.yaml"
    code, out, _ = run_import(repo, file, "--department", "scjg", "--write-mapping", str(mapping))
    assert code == 0, out
    text = mapping.read_text(encoding="utf-8")
    assert "sheet: Sheet1" in text and f"header_row: {HEADER_ROW}" in text
    assert "  指导事项名称: 事项名称" in text and "  联系人: ？" in text
    assert re.search(r"  具体指导内容: ？  # 是不是“指导内容”？", text), text
    assert "#   指导内容: " in text  # a required column the sheet lacks, under defaults
    assert "映射.yaml" in out.splitlines()[-1]
    # Unfilled, the file says where to fill it; filled, the import goes through.
    code, out, _ = run_import(repo, file, "--department", "scjg", "--mapping", str(mapping))
    assert code == 1 and "I068 错误：“联系人”要对应到标准列名之一" in out, out
    mapping.write_text(text.replace("具体指导内容: ？", "具体指导内容: 指导内容")
                       .replace("联系人: ？", "联系人: 忽略"), encoding="utf-8")
    code, out, _ = run_import(repo, file, "--department", "scjg", "--mapping", str(mapping))
    assert code == 0, out
    code, out, err = run_import(repo, file, "--department", "scjg", "--write-mapping", str(mapping))
    assert code == 2 and "I004" in err  # never overwritten


def test_no_penalty_list_from_a_second_csv(repo: Path, tmp_path: Path) -> None:
    dept = department(repo, "scjg")
    sheet = Sheet(dept, tmp_path / "事项.xlsx")
    entries = tmp_path / "不罚清单.csv"
    with entries.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["序号", "条目编号", "监管领域", "违法行为", "违法依据", "处罚依据", "适用情形"])
        for n, e in enumerate(dept.no_penalty, 1):
            out.writerow([n, e.id, e.field, e.violation, e.violation_basis, e.penalty_basis,
                          "".join(f"（{k}）{c}；" for k, c in enumerate(e.conditions, 1))])
    before = (repo / "catalogs/scjg.yaml").read_bytes()
    code, out, _ = run_import(repo, sheet.save(), "--department", "scjg", "--no-penalty", str(entries))
    assert code == 0, out
    assert (repo / "catalogs/scjg.yaml").read_bytes() == before  # （1）…；（2）… split as the file has them
    assert f"{len(dept.no_penalty)} 条不罚清单" in out.splitlines()[-1]


@pytest.mark.parametrize("cell", [
    "（1）首次发现；（2）及时改正", "(1) 首次发现 (2) 及时改正", "1.首次发现 2.及时改正", "1、首次发现。2、及时改正。",
    "一、首次发现；二、及时改正", "（一）首次发现（二）及时改正", "①首次发现②及时改正", "首次发现；及时改正",
    "首次发现\n及时改正", "1. 首次发现\n2. 及时改正", "\u3000\u3000首次发现\u3000\n\u3000及时改正",
])
def test_one_list_splitting_rule_for_every_numbering_style(cell: str) -> None:
    assert [item.rstrip("。") for item in lines(cell)] == ["首次发现", "及时改正"]


@pytest.mark.parametrize("cell", ["统一、规范地开展指导", "依照第3.5条、第4条执行", "第一步：说明来意"])
def test_numbers_inside_a_sentence_do_not_split_it(cell: str) -> None:
    assert lines(cell) == [cell]
