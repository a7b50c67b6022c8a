"""Acceptance scenarios: what an editor sees after the usual accidents with a catalog or a case.

For every scenario the command is run in all three output formats: it must exit 1, never show
a Python traceback, and never print personal data in clear (only masked forms).

Scenarios that break the catalog's YAML are run twice: with the catalog alone, and in the full
fixture repository (catalog + typical case). The second variant is an expected failure today:
a case whose department's catalog cannot be read makes the checker crash (exit 3).
"""

from __future__ import annotations

import json

import pytest

import fixtures
from conftest import line_of, replace_once, resident_id, run_parallel

CAT, CASE = fixtures.CATALOG_PATH, fixtures.CASE_PATH

WITH_CASE = [pytest.param(False, id="catalog-alone"), pytest.param(True, id="with-case")]


def run_every_format(root, forbidden: tuple[str, ...] = ()) -> dict[str, tuple[int, str, str]]:
    """Run text, github and json; common assertions on what the user sees."""
    formats = ("text", "github", "json")
    runs = dict(zip(formats, run_parallel([(root, ("--format", fmt)) for fmt in formats])))
    for fmt, (code, out, err) in runs.items():
        assert "Traceback" not in out + err, (fmt, out, err)
        assert code == 1, (fmt, code, out, err)
        for secret in forbidden:
            assert secret not in out + err, (fmt, secret, out)
    json.loads(runs["json"][1])  # the json format stays parseable
    return runs


def findings_of(runs) -> list[dict]:
    return json.loads(runs["json"][1])["findings"]


def has(findings: list[dict], code: str, path: str, line: int) -> bool:
    return any(f["code"] == code and f["path"] == path and f["line"] == line for f in findings)


# (a) -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("with_case", WITH_CASE)
def test_gbk_catalog_names_the_file_and_the_encoding(make_repo, with_case: bool) -> None:
    raw = fixtures.CATALOG.encode("gbk")
    root = make_repo(catalog=raw, case=fixtures.CASE if with_case else None)
    runs = run_every_format(root)
    e101 = [f for f in findings_of(runs) if f["code"] == "E101"]
    assert len(e101) == 1 and e101[0]["path"] == CAT
    assert "GBK" in e101[0]["message"]
    text_out = runs["text"][1]
    assert f"{CAT}:{e101[0]['line']}" in text_out and "E101" in text_out and "GBK" in text_out
    assert f"file={CAT}," in runs["github"][1]


# (b) -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("with_case", WITH_CASE)
def test_tab_indented_line(make_repo, with_case: bool) -> None:
    text = replace_once(fixtures.CATALOG, "    situations: 巡查中首次发现", "\tsituations: 巡查中首次发现")
    root = make_repo(catalog=text, case=fixtures.CASE if with_case else None)
    findings = findings_of(run_every_format(root))
    line = line_of(text, "\tsituations")
    assert has(findings, "E103", CAT, line), findings
    assert [f["code"] for f in findings if f["path"] == CAT] == ["E103"]


# (c) -------------------------------------------------------------------------------------------

def test_duplicated_item_points_at_the_second_copy(repo) -> None:
    start = fixtures.CATALOG.index("  - id: demo-002")
    item2 = fixtures.CATALOG[start:fixtures.CATALOG.index("no_penalty:\n  - id")]
    text = replace_once(fixtures.CATALOG, "no_penalty:\n  - id", item2 + "no_penalty:\n  - id")
    (repo / CAT).write_bytes(text.encode("utf-8"))
    findings = findings_of(run_every_format(repo))
    second = line_of(text, "  - id: demo-002", nth=2)
    first = line_of(text, "  - id: demo-002", nth=1)
    assert [(f["code"], f["line"]) for f in findings] == [("E301", second)]
    assert f"{CAT}:{first}" in findings[0]["message"]


# (d) -------------------------------------------------------------------------------------------

def test_file_cut_at_a_line_boundary_inside_an_item(repo) -> None:
    cut = fixtures.CATALOG[:fixtures.CATALOG.index("    procedure:\n      - 执法人员表明身份")]
    (repo / CAT).write_bytes(cut.encode("utf-8"))
    findings = findings_of(run_every_format(repo))
    item_line = line_of(cut, "  - id: demo-002")
    assert findings, "a truncated item must be reported"
    assert {f["code"] for f in findings} == {"E201"}
    assert {(f["path"], f["line"]) for f in findings} == {(CAT, item_line)}
    missing = " ".join(f["message"] for f in findings)
    for field in ("procedure", "rights", "supervision_phone", "disclosure", "status", "review"):
        assert field in missing
    assert "content" not in missing  # content is before the cut


@pytest.mark.parametrize("with_case", WITH_CASE)
def test_file_cut_mid_line_inside_a_quoted_string(make_repo, with_case: bool) -> None:
    quoted = replace_once(fixtures.CATALOG, "    content: 指出店外摆卖", '    content: "指出店外摆卖')
    cut = quoted[:quoted.index('"指出店外摆卖') + len('"指出店外摆卖对通行')]
    root = make_repo(catalog=cut, case=fixtures.CASE if with_case else None)
    findings = findings_of(run_every_format(root))
    line = line_of(cut, '"指出店外摆卖')
    assert has(findings, "E102", CAT, line), findings
    e102 = next(f for f in findings if f["code"] == "E102")
    assert "引号" in e102["message"]


# (e) -------------------------------------------------------------------------------------------

def test_case_body_with_id_number_mobile_and_script(make_repo) -> None:
    id_number = resident_id("11010519880214302")
    mobile = "13905331234"
    body = fixtures.CASE.replace(
        "王某当场将商品收回店内。",
        f"王某当场将商品收回店内。\n王某的身份证号码为{id_number}。\n"
        f"王某的联系电话为{mobile}，可随时联系。\n<script>alert('示例')</script>\n")
    root = make_repo(case=body)
    runs = run_every_format(root, forbidden=(id_number, mobile, id_number[6:14]))
    findings = findings_of(runs)
    assert has(findings, "E601", CASE, line_of(body, "身份证号码为")), findings
    assert has(findings, "E603", CASE, line_of(body, "联系电话为")), findings
    assert has(findings, "E701", CASE, line_of(body, "<script>")), findings
    assert {f["code"] for f in findings} == {"E601", "E603", "E701"}
    # what the editor is shown instead: the masked forms
    for fmt in ("text", "github", "json"):
        out = runs[fmt][1]
        assert id_number[:6] + "********" in out
        assert mobile[:3] + "****" + mobile[-4:] in out


def test_secrets_near_coercive_wording_are_masked_in_the_quote(make_repo) -> None:
    """W501 quotes the words around the phrase: a number next to it must not leak there."""
    mobile = "13905331234"
    text = replace_once(fixtures.CATALOG, "      提示招牌安装应当牢固",
                        f"      经营者拒不整改的，否则将依法处罚{mobile}，提示招牌安装应当牢固")
    root = make_repo(catalog=text)
    runs = run_every_format(root, forbidden=(mobile, mobile[:7]))  # not even the part cut by the quote's edge
    assert {f["code"] for f in findings_of(runs)} == {"W501", "E603"}
