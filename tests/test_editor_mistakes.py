"""The usual mistakes of an editor who pastes from Word or types what a document shows, in many
spellings: each is named at its own line with the exact text to write (E114, E115, E209–E212).

test_check_codes.py pins one example of each code through the command line; these run the real
loader and checks in-process on many spellings, because the project is measured on ones nobody
listed here either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import fixtures
from conftest import build_repo, line_of, replace_once, run_check, write
from generator import checks
from generator.load import choices, dates


def findings_of(root: Path) -> list:
    return checks.run(root)[2]


def only(root: Path, code: str) -> list:
    found = findings_of(root)
    assert {f.code for f in found} <= {code, "W301"}, found  # W301: an item left out until fixed
    return [f for f in found if f.code == code]


@pytest.mark.parametrize("typed, fixed", [
    ("2025年3月1日", "2025-03-01"), ("2025/3/1", "2025-03-01"), ("2025.3.1", "2025-03-01"),
    ("2025-3-1", "2025-03-01"), ("20250301", "2025-03-01"), ("２０２５年３月１日", "2025-03-01"),
    ("二〇二五年三月一日", "2025-03-01"), ("二零二五年十二月三十一日", "2025-12-31"),
    ("2025 年 3 月 1 号", "2025-03-01"), ("2025．03．01", "2025-03-01"), ("2025_3_1", "2025-03-01"),
])
def test_a_date_in_another_spelling_is_told_its_iso_form(tmp_path: Path, typed: str, fixed: str) -> None:
    text = replace_once(fixtures.CATALOG, "    effective_date: 2024-03-01", f"    effective_date: {typed}")
    [found] = only(build_repo(tmp_path, text), "E210")
    assert found.line == line_of(text, f"effective_date: {typed}")
    assert f"写成 effective_date: {fixed}" in found.message


def test_a_day_that_does_not_exist_is_not_given_a_fix(tmp_path: Path) -> None:
    text = replace_once(fixtures.CATALOG, "    effective_date: 2024-03-01", "    effective_date: 2025年2月30日")
    [found] = only(build_repo(tmp_path, text), "E207")
    assert found.line == line_of(text, "2025年2月30日")


def test_date_recogniser_refuses_what_is_not_a_date() -> None:
    for text in ("25/3/1", "第三季度", "2025", "2025年13月1日", "abc", "0533-6090010"):
        assert dates.iso(text, True) is None, text
    assert dates.iso("2024年6月", False) == "2024-06"


@pytest.mark.parametrize("char, name", [("\u3000", "全角空格"), ("\u00a0", "不换行空格"), ("\u200b", "零宽"),
                                        ("\u2002", "特殊空格"), ("\u202f", "特殊空格")])
@pytest.mark.parametrize("old, new", [
    ("    office: 市容景观科", "  {c}{c}office: 市容景观科"),  # in the indentation
    ("    office: 市容景观科", "    office{c}: 市容景观科"),  # between the name and its colon
    ("    office: 市容景观科", "    office:{c}市容景观科"),  # glued after the colon
    ("      - 记录指导情况并归档。", "      -{c}记录指导情况并归档。"),  # glued to a list's dash
])
def test_an_odd_space_is_named_at_its_own_line(tmp_path: Path, char: str, name: str, old: str, new: str) -> None:
    text = replace_once(fixtures.CATALOG, old, new.format(c=char))
    found = only(build_repo(tmp_path, text, case=None), "E115")
    assert [f.line for f in found] == [line_of(text, new.format(c=char).strip(" -"))], found
    assert name in found[0].message and f"U+{ord(char):04X}" in found[0].message
    assert found[0].col == new.format(c=char).index(char) + 1


def test_a_full_width_space_inside_a_text_is_content(tmp_path: Path) -> None:
    """A paragraph's opening indent in a block text is the editor's own (it is published)."""
    text = replace_once(fixtures.CATALOG, "      向经营者讲解", "      \u3000\u3000向经营者讲解")
    assert findings_of(build_repo(tmp_path, text)) == []


def test_an_odd_space_in_a_case_front_matter_counts_lines_of_the_file(tmp_path: Path) -> None:
    text = replace_once(fixtures.CASE, "region: 示例区", "\u3000region: 示例区")
    [found] = only(build_repo(tmp_path, case=text), "E115")
    assert (found.path, found.line) == (fixtures.CASE_PATH, line_of(text, "region: 示例区"))


@pytest.mark.parametrize("quoted", ["“reminder”", "‘reminder’", "＂reminder＂", "「reminder」", "”reminder”"])
def test_word_quotes_around_a_code(tmp_path: Path, quoted: str) -> None:
    text = replace_once(fixtures.CATALOG, "    mode: policy_guidance", f"    mode: {quoted}")
    [found] = only(build_repo(tmp_path, text), "E209")
    assert found.line == line_of(text, f"mode: {quoted}") and "写成 mode: reminder" in found.message


@pytest.mark.parametrize("typed", ["[事前，事后]", "[事前、事后]", "[事前；事后]", "事前、事后", "事前，事后"])
def test_a_list_typed_with_chinese_commas(tmp_path: Path, typed: str) -> None:
    text = replace_once(fixtures.CATALOG, "    stages: [事前]", f"    stages: {typed}")
    [found] = only(build_repo(tmp_path, text), "E211")
    assert found.line == line_of(text, f"stages: {typed}") and "事前, 事后" in found.message


def test_chinese_commas_in_a_text_list_are_content(tmp_path: Path) -> None:
    """Only lists of codes and fixed values are split: a step of a procedure has commas."""
    assert findings_of(build_repo(tmp_path)) == []


@pytest.mark.parametrize("typed, meant, code", [
    ("劝导警告", "劝导警示", "persuasion_warning"), ("劝导警示", "劝导警示", "persuasion_warning"),
    ("政策指导", "政策指引", "policy_guidance"), ("提醒", "提示提醒", "reminder"), ("回访", "案件回访", "case_follow_up"),
])
def test_a_label_where_the_code_belongs(tmp_path: Path, typed: str, meant: str, code: str) -> None:
    text = replace_once(fixtures.CASE, "mode: persuasion_warning", f"mode: {typed}")
    [found] = only(build_repo(tmp_path, case=text), "E212")
    assert found.line == line_of(text, f"mode: {typed}")
    assert f"是不是“{meant}”" in found.message and f"写成 mode: {code}" in found.message


def test_the_matcher_answers_only_when_one_choice_is_clearly_meant() -> None:
    stages = [choices.Choice(v, "") for v in ("事前", "事中", "事后")]
    assert choices.closest("事先", stages) is None  # as close to 事前 as to 事后
    kinds = [choices.Choice(v, "") for v in ("自然人", "个体工商户", "法人")]
    assert choices.closest("个体户", kinds).choice.value == "个体工商户"
    assert choices.closest("非法人", kinds) is None  # never turns a negation around
    assert choices.closest("PERSUASION-WARNING", [choices.Choice("persuasion_warning", "劝导警示")]).by_label is False


@pytest.mark.parametrize("name", ["demo - 副本", "demo - 副本 (2)", "demo (2)", "demo（1）", "demo copy", "demo copy 2",
                                  "demo - Copy", "Copy of demo", "复件 demo", "demo的副本", "demo 2", "demo_复制",
                                  "demo-bak", "demo.old"])
def test_a_copy_of_a_catalog_is_one_finding(tmp_path: Path, name: str) -> None:
    root = build_repo(tmp_path)
    write(root, f"catalogs/{name}.yaml", fixtures.CATALOG)
    found = findings_of(root)
    assert [(f.code, f.path, f.line) for f in found] == [("E114", f"catalogs/{name}.yaml", 0)], found
    assert "请删除这个文件" in found[0].message and "catalogs/demo.yaml" in found[0].message


def test_names_that_are_not_copies(tmp_path: Path) -> None:
    """A valid code ending like a copy mark (gold, demo2) is a department of its own."""
    root = build_repo(tmp_path)
    for code in ("gold", "demo2"):
        write(root, f"catalogs/{code}.yaml", fixtures.CATALOG.replace("demo", code))
    assert "E114" not in {f.code for f in findings_of(root)}


def test_book_title_marks_without_a_statute_library(tmp_path: Path) -> None:
    text = replace_once(fixtures.CATALOG, "      - law: 优化营商环境条例", "      - law: 《优化营商环境条例》")
    root = build_repo(tmp_path, text)
    [found] = only(root, "W912")
    assert found.line == line_of(text, "《优化营商环境条例》")
    [item] = [i for d in checks.run(root)[0].content.departments for i in d.items if i.id == "demo-001"]
    assert item.basis[1].law == "优化营商环境条例"  # the page adds 《》 once: never 《《…》》


def test_hostile_values_are_screened_in_linear_time(tmp_path: Path) -> None:
    """A megabyte of spaces where a date, a mode or a list belongs is read once, not backtracked
    (the subprocess timeout of run_check is the hang guard)."""
    for n, (old, new) in enumerate((
            ("    effective_date: 2024-03-01", "    effective_date: 2024年" + " " * 200_000 + "x"),
            ("    mode: policy_guidance", "    mode: " + "劝导 " * 100_000),
            ("    stages: [事前]", "    stages: [事前" + " " * 200_000 + "x]"),
            ("    office: 市容景观科", "  " + "\u3000 " * 200_000 + "x"))):
        code, out, err = run_check(build_repo(tmp_path / str(n), replace_once(fixtures.CATALOG, old, new)))
        assert code == 1 and "Traceback" not in out + err, out + err
