"""Findings must point at the line an editor has to change, and one broken part must not cause
wrong findings elsewhere.

Several tests here are expected failures: each documents one bug of the checker today (the
reason says where and what). They are strict: when the bug is fixed they start passing, pytest
reports XPASS as a failure, and the mark must be removed.
"""

from __future__ import annotations

import pytest

import fixtures
from conftest import assert_finding, check_json, line_of, replace_once

CAT, CASE = fixtures.CATALOG_PATH, fixtures.CASE_PATH
OFFICE = "    office: 市容景观科"  # line 21 of the fixture catalog, inside item demo-001
CONTENT2 = ("    content: 指出店外摆卖对通行和市容的影响，讲解相关规定，告知其符合不予处罚的条件，"
            "建议当场将商品收回店内，并提供店内陈列的改进建议。")


def cat(old: str, new: str) -> str:
    return replace_once(fixtures.CATALOG, old, new)


# --- a broken catalog next to a typical case ---------------------------------------------------

def test_unreadable_catalog_with_a_case_does_not_crash(make_repo) -> None:
    text = cat(OFFICE, OFFICE + ": 招牌组")
    result = check_json(make_repo(catalog=text))  # asserts exit 0/1 and no traceback
    assert result.code == 1
    assert ("catalogs/demo.yaml", line_of(text, "招牌组")) in result.where("E102")


def test_case_of_an_unreadable_catalog_is_not_told_the_catalog_is_missing(make_repo) -> None:
    text = cat(OFFICE, OFFICE + ": 招牌组")
    result = check_json(make_repo(catalog=text))
    assert result.codes == {"E102"}


# --- where YAML syntax errors are reported -----------------------------------------------------

def test_syntax_error_in_case_front_matter_counts_file_lines(make_repo) -> None:
    text = replace_once(fixtures.CASE, "region: 示例区", "region: 示例区: 东部")
    result = check_json(make_repo(case=text))
    assert_finding(result, "E102", CASE, line_of(text, "示例区: 东部"))


def test_duplicate_key_in_case_front_matter_names_both_lines(make_repo) -> None:
    text = replace_once(fixtures.CASE, "region: 示例区", "region: 示例区\nregion: 示例区东部")
    result = check_json(make_repo(case=text))
    finding = assert_finding(result, "E104", CASE, line_of(text, "示例区东部"))
    assert f"第 {line_of(text, 'region: 示例区', nth=1)} 行" in finding["message"]


def test_tab_in_case_front_matter(make_repo) -> None:
    text = replace_once(fixtures.CASE, "region: 示例区", "\tregion: 示例区")
    result = check_json(make_repo(case=text))
    assert_finding(result, "E103", CASE, line_of(text, "\tregion"))


def test_every_tab_indented_line_is_reported(make_repo) -> None:
    text = cat(OFFICE, "\toffice: 市容景观科").replace("    office: 市容秩序科", "\t\toffice: 市容秩序科")
    result = check_json(make_repo(catalog=text, case=None))
    assert result.where("E103") == [(CAT, line_of(text, "\toffice: 市容景观科")),
                                    (CAT, line_of(text, "\t\toffice: 市容秩序科"))]


def test_byte_order_mark_and_crlf_keep_line_numbers(make_repo) -> None:
    text = cat("    stages: [事前]", "    stages: [事前, 事前]")
    raw = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    result = check_json(make_repo(catalog=raw, case=fixtures.CASE.replace("\n", "\r\n")))
    assert_finding(result, "E208", CAT, line_of(text, "[事前, 事前]"))


def test_fullwidth_colon_is_reported_on_its_own_line(make_repo) -> None:
    text = cat(OFFICE, "    office：市容景观科")
    result = check_json(make_repo(catalog=text, case=None))
    finding = assert_finding(result, "E102", CAT, line_of(text, "office："))
    assert "中文冒号" in finding["message"]


def test_unclosed_quote_is_reported_where_it_opens(make_repo) -> None:
    text = cat(OFFICE, '    office: "市容景观科')
    result = check_json(make_repo(catalog=text, case=None))
    assert_finding(result, "E102", CAT, line_of(text, '"市容景观科'))


def test_unclosed_bracket_is_reported_where_it_opens(make_repo) -> None:
    text = cat("    stages: [事前]", "    stages: [事前")
    result = check_json(make_repo(catalog=text, case=None))
    assert_finding(result, "E102", CAT, line_of(text, "stages: [事前"))


def test_control_character_is_reported_at_its_line(make_repo) -> None:
    text = cat(OFFICE, "    office: 市容\x07景观科")
    result = check_json(make_repo(catalog=text, case=None))
    assert_finding(result, "E102", CAT, line_of(text, "\x07"))


# --- where text findings inside multi-line values are reported ---------------------------------

MULTILINE = "      指出店外摆卖对通行和市容的影响，\n      讲解相关规定，\n      如有疑问可拨打 13905331234 咨询。"


def test_literal_block_reports_the_line_of_the_match(make_repo) -> None:
    text = cat(CONTENT2, "    content: |\n" + MULTILINE)
    result = check_json(make_repo(catalog=text))
    assert_finding(result, "E603", CAT, line_of(text, "13905331234"))


def test_literal_block_reports_the_file_column(make_repo) -> None:
    text = cat(CONTENT2, "    content: |\n" + MULTILINE)
    result = check_json(make_repo(catalog=text))
    finding = assert_finding(result, "E603", CAT, line_of(text, "13905331234"))
    line = text.split("\n")[line_of(text, "13905331234") - 1]
    assert finding["col"] == line.index("13905331234") + 1


def test_folded_block_reports_the_line_of_the_match(make_repo) -> None:
    text = cat(CONTENT2, "    content: >\n" + MULTILINE)
    result = check_json(make_repo(catalog=text))
    assert_finding(result, "E603", CAT, line_of(text, "13905331234"))


def test_multiline_plain_value_reports_the_line_of_the_match(make_repo) -> None:
    text = cat(CONTENT2, "    content: 指出店外摆卖对通行和市容的影响，\n      讲解相关规定，\n"
                         "      如有疑问可拨打 13905331234 咨询。")
    result = check_json(make_repo(catalog=text))
    assert_finding(result, "E603", CAT, line_of(text, "13905331234"))


def test_front_matter_value_line_in_case(make_repo) -> None:
    text = replace_once(fixtures.CASE, "region: 示例区", "region: 示例区（联系人手机 13905331234）")
    result = check_json(make_repo(case=text))
    assert_finding(result, "E603", CASE, line_of(text, "13905331234"))


# --- one invalid part must not cause wrong findings about others -------------------------------

def test_invalid_no_penalty_entry_is_not_reported_as_missing(make_repo) -> None:
    text = cat("    field: 市容管理\n", "")
    result = check_json(make_repo(catalog=text))
    assert_finding(result, "E201", CAT, line_of(text, "  - id: demo-bf-001"))


def test_invalid_item_still_references_its_no_penalty_entry(make_repo) -> None:
    text = cat("    status: 有效\n    effective_date: 2024-04-01", "    status: 生效\n    effective_date: 2024-04-01")
    result = check_json(make_repo(catalog=text))
    assert_finding(result, "E203", CAT, line_of(text, "status: 生效"))


def test_case_may_reference_an_item_that_has_another_error(make_repo) -> None:
    """The item demo-002 has a typo elsewhere: the case's link to it is not 'does not exist'."""
    text = cat("    office: 市容秩序科", '    office: ""')
    result = check_json(make_repo(catalog=text))
    assert "E302" not in result.codes
    assert ("catalogs/demo.yaml", line_of(text, 'office: ""')) in result.where("E206")


def test_personal_data_in_an_invalid_item_is_still_found(make_repo) -> None:
    """The repository is public: a rejected item's text is published anyway when pushed."""
    text = cat("    status: 有效\n    effective_date: 2024-04-01",
               "    status: 生效\n    effective_date: 2024-04-01")
    text = replace_once(text, CONTENT2, "    content: 如有疑问请联系 13905331234。")
    result = check_json(make_repo(catalog=text))
    assert (CAT, line_of(text, "13905331234")) in result.where("E603")


def test_department_error_does_not_hide_item_findings(make_repo) -> None:
    text = cat("  office_phone: 0533-6090001", "  office_phone: 6090001")
    text = replace_once(text, "    disclosure: 公开\n    status: 有效\n    effective_date: 2024-03-01",
                        "    disclosure: 商业秘密\n    status: 有效\n    effective_date: 2024-03-01")
    result = check_json(make_repo(catalog=text))
    assert result.where("E204") == [(CAT, line_of(text, "office_phone: 6090001"))]
    assert result.where("E402") == [(CAT, line_of(text, "disclosure: 商业秘密"))]


def test_personal_data_in_a_yaml_comment_is_found(make_repo) -> None:
    """Comments are dropped by the parser but published with the repository."""
    text = cat("    office: 市容景观科", "    office: 市容景观科  # 联系人手机 13905331234")
    result = check_json(make_repo(catalog=text))
    assert_finding(result, "E603", CAT, line_of(text, "13905331234"))


@pytest.mark.parametrize(("old", "new"), [
    ("      提示招牌安装应当牢固", "      #1 联系电话 13905331234，提示招牌安装应当牢固"),
    (OFFICE, '    office: "市容景观科 #2 13905331234"'),
], ids=["block-scalar", "quoted-string"])
def test_hash_inside_a_value_is_not_a_second_copy_of_the_text(make_repo, old: str, new: str) -> None:
    text = cat(old, new)
    result = check_json(make_repo(catalog=text))
    assert_finding(result, "E603", CAT, line_of(text, "13905331234"))
    assert len(result.findings) == 1, result


# --- openness ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("placeholder", "code"), [("详见附件。", "E403"), ("暂无。", "E401")])
def test_placeholder_with_a_full_stop_is_still_a_placeholder(make_repo, placeholder: str, code: str) -> None:
    text = cat(CONTENT2, f"    content: {placeholder}")
    result = check_json(make_repo(catalog=text))
    assert_finding(result, code, CAT, line_of(text, f"content: {placeholder}"))
