"""The statute library with the real texts of the sample's ``laws/``: parsing (with the quirks
of the collected files), citations as editors write them, exact quotation checks, ``laws add``
and ``laws impact`` run as real commands.

Finding codes are tested at their lines in ``test_check_codes.py`` (E901–W914) and by the
anti-pattern repositories ``tests/bad/repos/law-*``; this file tests what those cannot show.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import fixtures
from conftest import (FIXTURE_LAWS, LAWS, PROJECT, check_json, law_text, line_of, replace_once, with_laws,
                      write)
from generator.laws import citation, numerals, quote, statute
from generator.laws.citation import Provision, parse_article
from generator.laws.impact import compare_versions
from generator.laws.library import unit

CAT = fixtures.CATALOG_PATH


def run(root: Path, *args: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "generator", *args, "--root", str(root)], cwd=PROJECT,
                          capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def parsed(name: str) -> statute.Statute:
    rel, text = law_text(name)
    return statute.parse(text, rel)


# --- numerals and citations ----------------------------------------------------------------------

@pytest.mark.parametrize("number", [1, 10, 11, 20, 100, 101, 108, 110, 119, 126, 1000, 1010])
def test_numerals_round_trip(number: int) -> None:
    assert numerals.to_int(numerals.to_chinese(number)) == number


def test_numerals_statutes_print() -> None:
    assert [numerals.to_chinese(n) for n in (10, 15, 108, 110, 126)] == ["十", "十五", "一百零八", "一百一十", "一百二十六"]
    assert numerals.to_int("３３") == 33 and numerals.to_int("二三") is None


@pytest.mark.parametrize("written, expected", [
    ("第三十五条第一款", [Provision(35, 0, 1)]),
    ("第九条第三项", [Provision(9, 0, 0, 3)]),
    ("第33条", [Provision(33)]),
    ("33条", [Provision(33)]),
    ("第 33 条第 1 款", [Provision(33, 0, 1)]),
    ("第三十五条第（一）项", [Provision(35, 0, 0, 1)]),
    ("第五十六条第一款第二项", [Provision(56, 0, 1, 2)]),
    ("第三十三条、第三十四条", [Provision(33), Provision(34)]),
    ("第五十七条第一款、第二款", [Provision(57, 0, 1), Provision(57, 0, 2)]),
    ("第一百二十六条第一款第三项、第六项", [Provision(126, 0, 1, 3), Provision(126, 0, 1, 6)]),
    ("第三十三条至第三十五条", [Provision(33), Provision(34), Provision(35)]),
    ("第十条之一", [Provision(10, 1)]),
    ("第三十三条的规定", [Provision(33)]),
])
def test_article_as_editors_write_it(written: str, expected: list[Provision]) -> None:
    assert list(parse_article(written) or ()) == expected


@pytest.mark.parametrize("written", ["第一款", "三十三", "第三十三条规定的情形", "第二章", "第一条至第九千条", ""])
def test_article_not_understood(written: str) -> None:
    assert parse_article(written) is None


def test_arabic_and_chinese_numerals_resolve_to_the_same_article() -> None:
    law = parsed("法律/行政处罚法")
    arabic, chinese = parse_article("第33条第1款"), parse_article("第三十三条第一款")
    assert arabic == chinese
    assert unit(law, arabic[0]).text == unit(law, chinese[0]).text
    assert unit(law, arabic[0]).text.startswith("违法行为轻微并及时改正")
    assert citation.labels(arabic) == "第三十三条第一款"


def test_law_names_lose_book_title_marks_and_keep_a_version() -> None:
    name = citation.parse_law("《中华人民共和国行政复议法》（2017年修正）")
    assert (name.title, name.version, name.marked) == ("中华人民共和国行政复议法", "2017", True)
    assert citation.law_key("〈行政复议法〉") == citation.law_key("中华人民共和国行政复议法")


def test_citations_in_free_text() -> None:
    found = citation.find_citations("中华人民共和国劳动合同法 第七条；《中华人民共和国劳动合同法实施条例》第八条、第三十三条；"
                                    "公共场所卫生管理条例实施细则关于建立卫生管理档案的规定")
    assert [(f.citation.law, f.citation.label) for f in found] == [
        ("中华人民共和国劳动合同法", "第七条"),
        ("中华人民共和国劳动合同法实施条例", "第八条、第三十三条"),
        ("公共场所卫生管理条例实施细则", ""),
    ]


# --- parsing the real files, quirks included -----------------------------------------------------

def test_quirky_file_parses() -> None:
    """A zero-width-space line, spaces inside a heading and a cut line, as in collected files."""
    rel, text = law_text("法律/劳动合同法")
    quirky = replace_once(text, "## 第一章 总则", "## 第一章 总 则\n\n\u200b")
    quirky = replace_once(quirky, "建立劳动关系，应当订立书面劳动合同。",
                          "建立劳动关系，应当订立\u3000\n\n书面劳动合同。")
    law = statute.parse(quirky, rel)
    clean = statute.parse(text, rel)
    assert [a.text for a in law.articles] == [a.text for a in clean.articles]
    assert law.headings[0].text == "第一章 总则"
    assert law.article(10).paragraphs[0].text == "建立劳动关系，应当订立书面劳动合同。"
    assert [(p.line, p.key) for p in law.problems] == [(line_of(quirky, "应当订立\u3000"), "cut_line")]
    assert statute.normalise(quirky) == statute.normalise(text) == text


def test_articles_paragraphs_and_items() -> None:
    law = parsed("法律/食品安全法")
    assert len(law.articles) == 154 and law.article(154) is not None
    article = law.article(126)
    assert len(article.paragraphs) >= 2
    assert article.paragraphs[0].items[5].text.startswith("（六）食品生产经营者安排未取得健康证明")
    assert law.version_date == "2021-04-29"
    assert [e.kind for e in law.events] == ["通过", "修订", "修正", "修正"]


def test_every_sample_text_parses_without_problems() -> None:
    texts = sorted(LAWS.rglob("*(*).md"))
    assert len(texts) >= 40
    for path in texts:
        law = statute.parse(path.read_text(encoding="utf-8"), str(path))
        assert law.title and law.articles and not law.problems, (path, law.problems)


# --- quotations ----------------------------------------------------------------------------------

OFFICIAL = "国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。但是，销售食用农产品和仅销售预包装食品的，不需要取得许可。"


def test_one_character_changed_is_shown_in_context() -> None:
    mismatch = quote.compare(OFFICIAL.replace("取得许可。但是", "取得批准。但是"), OFFICIAL)
    assert mismatch is not None and mismatch.snippet == "「…应当依法取得[批准→许可]。但是，销售…」"
    assert mismatch.position == OFFICIAL.index("许可。但是")


def test_elided_quotation_passes_and_its_parts_must_match() -> None:
    assert quote.compare("国家对食品生产经营实行许可制度。……应当依法取得许可。……", OFFICIAL) is None
    assert quote.compare("……从事食品生产、食品销售、餐饮服务，应当依法取得许可。（略）", OFFICIAL) is None
    assert quote.compare("国家对食品生产经营实行许可制度。……应当依法取得批准。……", OFFICIAL) is not None
    # without an elision mark the quotation must be whole
    assert quote.compare("国家对食品生产经营实行许可制度。", OFFICIAL) is not None
    # parts in the wrong order
    assert quote.compare("……应当依法取得许可。……国家对食品生产经营实行许可制度。", OFFICIAL) is not None


def test_width_and_whitespace_do_not_count() -> None:
    assert quote.compare(OFFICIAL.replace("，", ",").replace("。", "。\n  "), OFFICIAL) is None
    assert quote.compare("(一)询问有关当事人；", "（一）询问有关当事人；") is None


# --- the check on a repository with a library ----------------------------------------------------

def test_sample_citations_resolve() -> None:
    """The sample's citations all resolve: only laws without a text at hand are reported, once each."""
    result = check_json(PROJECT)
    assert result.codes == {"W905"}, result
    missing = [f["message"].split("》")[0].lstrip("《") for f in result.findings]
    assert len(missing) == len(set(missing))
    assert {"食品经营许可和备案管理办法", "工业企业厂界环境噪声排放标准", "公共场所卫生管理条例实施细则"} <= set(missing)


def test_quotation_slip_in_a_block_is_reported_at_its_line(make_repo) -> None:
    text = replace_once(fixtures.CATALOG, "        article: 第三十三条第一款\n",
                        "        article: 第三十三条第一款\n        text: |\n"
                        "          违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。\n"
                        "          初次违法且危害后果轻微并及时改正的，可依不予行政处罚。\n")
    result = check_json(with_laws(make_repo(catalog=text)))
    [found] = result.findings
    assert (found["code"], found["line"]) == ("E908", line_of(text, "可依不予"))
    assert "可[依→以]不予" in found["message"]


def test_exempt_item_quotation_is_not_repeated_in_the_message(make_repo) -> None:
    text = replace_once(fixtures.CATALOG, "        article: 第三十三条第一款\n",
                        "        article: 第三十三条第一款\n        text: 违法行为轻微并及时改正的，不予处罚。\n")
    text = replace_once(text, "    supervision_phone: '12345'\n    disclosure: 公开\n",
                        "    supervision_phone: '12345'\n    disclosure: 商业秘密\n    exemption_reason: 涉及企业未公开的经营数据。\n")
    result = check_json(with_laws(make_repo(catalog=text, case=None)))
    [found] = [f for f in result.findings if f["code"] == "E908"]
    assert "不予处罚" not in found["message"] and "仓库文件" in found["message"]


def test_law_name_with_marks_is_stored_without_them(make_repo) -> None:
    from generator import checks

    text = replace_once(fixtures.CATALOG, "      - law: 中华人民共和国行政处罚法", "      - law: 《中华人民共和国行政处罚法》")
    loaded, _, findings = checks.run(with_laws(make_repo(catalog=text)))
    [item] = [i for i in loaded.content.items() if i.id == "demo-002"]
    assert item.basis[0].law == "中华人民共和国行政处罚法"
    assert [f.code for f in findings] == ["W912"]


def test_no_library_no_citation_checks(make_repo) -> None:
    text = replace_once(fixtures.CATALOG, "第三十三条第一款", "第九百条")
    assert check_json(make_repo(catalog=text)).findings == []


# --- laws add ------------------------------------------------------------------------------------

def test_laws_add_writes_clean_text_and_metadata(tmp_path: Path) -> None:
    root = with_laws(make_root(tmp_path), *FIXTURE_LAWS)
    rel, text = law_text("法律/劳动合同法")
    source = write(tmp_path, "incoming/劳动合同法.md", replace_once(text, "## 第一章 总则", "## 第一章　总　　则\n\n\u200b"))
    code, out, err = run(root, "laws", "add", str(source))
    assert code == 0, out + err
    assert (root / rel).read_text(encoding="utf-8") == text  # named by its latest dated event, cleaned
    meta = (root / "laws/法律/劳动合同法.yaml").read_text(encoding="utf-8")
    assert "level: 法律" in meta and "status: 现行有效" in meta and "$schema=../../generator/schema/law.schema.json" in meta
    assert check_json(root).findings == []
    code, out, _ = run(root, "laws", "add", str(source))
    assert code == 0 and "没有改动" in out


def test_laws_add_second_version_amends_the_first(tmp_path: Path) -> None:
    root = with_laws(make_root(tmp_path), *FIXTURE_LAWS)
    for date in ("2017-09-01", "2023-09-01"):
        code, out, err = run(root, "laws", "add", str(LAWS / "法律" / f"行政复议法({date}).md"))
        assert code == 0, out + err
    meta = (root / "laws/法律/行政复议法.yaml").read_text(encoding="utf-8")
    assert re.search(r"行政复议法\(2017-09-01\)\.md\n    status: 已修改\n.*行政复议法\(2023-09-01\)\.md\n    status: 现行有效",
                     meta, re.S), meta
    assert check_json(root).findings == []


def test_laws_add_reports_unparsable_line_and_writes_nothing(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    _, text = law_text("法律/劳动合同法")
    broken = replace_once(text, "第十一条 用人单位未在用工的同时", "第十二条 用人单位未在用工的同时")
    source = write(tmp_path, "incoming/劳动合同法(2012-12-28).md", broken)
    code, out, err = run(root, "laws", "add", str(source))
    assert code == 1
    assert f"{source}:{line_of(broken, '第十二条 用人单位未在用工的同时')}:" in err
    assert "没有写入任何文件" in err
    assert not (root / "laws").exists()


def make_root(tmp_path: Path) -> Path:
    from conftest import build_repo

    return build_repo(tmp_path / "repo")


# --- laws impact ---------------------------------------------------------------------------------

IMPACT_ROW = re.compile(r"^- (\S+):(\d+) (\S+)（")


def impact_rows(root: Path, *args: str) -> list[tuple[str, int, str]]:
    code, out, err = run(root, "laws", "impact", *args)
    assert code == 0, out + err
    return [(m.group(1), int(m.group(2)), m.group(3)) for m in map(IMPACT_ROW.match, out.splitlines()) if m]


def test_impact_of_the_2023_revision_of_the_administrative_review_law(tmp_path: Path) -> None:
    text = replace_once(fixtures.CATALOG, "      - law: 城市市容和环境卫生管理条例\n      - law: 优化营商环境条例\n",
                        "      - law: 中华人民共和国行政复议法\n        article: 第九条第一款\n"
                        "      - law: 行政复议法\n        article: 第41条\n"
                        "      - law: 中华人民共和国行政复议法\n")
    text = replace_once(text, "        article: 第三十三条第一款\n",
                        "        article: 第三十三条第一款\n      - law: 中华人民共和国行政复议法\n        article: 第一条\n")
    text = replace_once(text, "    violation_basis: 城市市容和环境卫生管理条例", "    violation_basis: 《中华人民共和国行政复议法》第三条")
    root = with_laws(make_root(tmp_path), *FIXTURE_LAWS, "法律/行政复议法")
    write(root, CAT, text)
    rows = impact_rows(root, "行政复议法", "--from", "2017", "--to", "2023-09-01")
    assert rows == [(CAT, line_of(text, "第九条第一款"), "demo-001"), (CAT, line_of(text, "第41条"), "demo-001"),
                    (CAT, line_of(text, "article: 第一条"), "demo-002"),
                    (CAT, line_of(text, "violation_basis"), "demo-bf-001")]
    _, out, _ = run(root, "laws", "impact", "中华人民共和国行政复议法", "--from", "2017-09-01", "--to", "2023")
    assert "第九条现为第二十条，内容有修改" in out and "第四十一条现为第八十九条" in out
    assert "第三条已删除或改写" in out and "不当的[具体→]行政行为" in out


def test_impact_lists_only_changed_moved_and_removed_articles(tmp_path: Path) -> None:
    """A fictional amendment: 第三十三条 changed, 第八十五条 deleted (第八十六条 becomes 第八十五条)."""
    root = with_laws(make_root(tmp_path), *FIXTURE_LAWS)
    rel, text = law_text("法律/行政处罚法")
    amended = replace_once(text, "初次违法且危害后果轻微", "首次违法且危害后果轻微")
    amended = replace_once(amended, "第八十五条 本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。\n\n", "")
    amended = replace_once(amended, "第八十六条 本法自", "第八十五条 本法自")
    write(root, "laws/法律/行政处罚法(2099-01-01).md", amended)
    meta = root / "laws/法律/行政处罚法.yaml"
    meta.write_text(replace_once(meta.read_text(encoding="utf-8"), "    status: 现行有效\n",
                                 "    status: 现行有效\n  - file: 行政处罚法(2099-01-01).md\n    status: 尚未施行\n"),
                    encoding="utf-8")
    text = replace_once(fixtures.CATALOG, "        article: 第三十三条第一款\n",
                        "        article: 第三十三条第一款\n      - law: 中华人民共和国行政处罚法\n        article: 第六条\n"
                        "      - law: 中华人民共和国行政处罚法\n        article: 第八十六条\n"
                        "      - law: 中华人民共和国行政处罚法\n        article: 第八十四条、第八十五条\n")
    write(root, CAT, text)
    comparison = compare_versions(statute.parse(law_text("法律/行政处罚法")[1]), statute.parse(amended))
    assert {k[0]: c.kind for k, c in comparison.changes.items() if c.kind != "unchanged"} == {
        33: "changed", 85: "removed", 86: "moved"}
    assert check_json(root).findings == []  # 尚未施行: citations still read the version in force
    rows = impact_rows(root, "行政处罚法", "--from", "2021", "--to", "2099")
    assert rows == [(CAT, line_of(text, "第三十三条第一款"), "demo-002"), (CAT, line_of(text, "第八十六条"), "demo-002"),
                    (CAT, line_of(text, "第八十四条、第八十五条"), "demo-002")]


def test_impact_usage_errors(tmp_path: Path) -> None:
    root = with_laws(make_root(tmp_path), *FIXTURE_LAWS)
    code, _, err = run(root, "laws", "impact", "行政复议法", "--from", "2017", "--to", "2023")
    assert code == 2 and "没有" in err and "Traceback" not in err
    code, _, err = run(root, "laws", "impact", "行政处罚法", "--from", "2017", "--to", "2021")
    assert code == 2 and "2021-01-22" in err


def test_a_version_the_library_lacks_is_reported_once_as_missing(make_repo) -> None:
    text = replace_once(fixtures.CATALOG, "      - law: 中华人民共和国行政处罚法\n",
                        "      - law: 中华人民共和国行政处罚法（2017年修正）\n")
    result = check_json(with_laws(make_repo(catalog=text)))
    [found] = result.findings
    assert (found["code"], found["line"]) == ("W905", line_of(text, "2017年修正")) and "2017" in found["message"]


def test_links_in_the_library_are_not_followed(make_repo, tmp_path: Path) -> None:
    root = with_laws(make_repo())
    outside = write(tmp_path, "elsewhere/秘密(2020-01-01).md", "# 不该读取的文件\n\n第一条 内容。\n")
    (root / "laws/法律/秘密(2020-01-01).md").symlink_to(outside)
    result = check_json(root)
    assert result.findings == [] and result.data["summary"]["files"] == 2 + 6


def test_quotation_of_the_amended_version_says_so(make_repo) -> None:
    old = "公民、法人或者其他组织认为具体行政行为侵犯其合法权益的，可以自知道该具体行政行为之日起六十日内提出行政复议申请；但是法律规定的申请期限超过六十日的除外。"
    assert old in law_text_of("法律/行政复议法(2017-09-01)")
    text = replace_once(fixtures.CATALOG, "      - law: 优化营商环境条例\n",
                        f"      - law: 优化营商环境条例\n      - law: 中华人民共和国行政复议法\n        article: 第九条第一款\n"
                        f"        text: {old}\n")
    result = check_json(with_laws(make_repo(catalog=text), *FIXTURE_LAWS, "法律/行政复议法"))
    [found] = result.findings
    assert found["code"] == "E908" and "2023-09-01 版" in found["message"] and "与 2017-09-01 版的文本一致" in found["message"]


def law_text_of(name: str) -> str:
    folder, file = name.split("/")
    return (LAWS / folder / f"{file}.md").read_text(encoding="utf-8")
