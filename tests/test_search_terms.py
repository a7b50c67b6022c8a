"""The search's normalization rule (generator/outputs/search_terms.py): citations written any
way editors and readers write them, and the synonym table of everyday words, with a site's own
synonyms from mkdocs.yml. The browser side of the same rule is tested in test_search_browser.py.
"""

from __future__ import annotations

import pytest

from conftest import MKDOCS, assert_finding, check_json, line_of, replace_once, write

from generator.outputs import search_terms
from generator.script.fold import fold
from generator.settings import load

SHIPPED = search_terms.pairs()


def scan_rewrite(text: str, table: dict[str, str]) -> str:
    """The synonym rule written out: at each position the longest word of the table, else the
    character; the replacement is never looked into again."""
    out, i = [], 0
    longest = max(map(len, table), default=0)
    while i < len(text):
        for size in range(min(longest, len(text) - i), 0, -1):
            if text[i:i + size] in table:
                out.append(table[text[i:i + size]])
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


@pytest.mark.parametrize("typed", [
    "处罚法33条", "处罚法第33条", "行政处罚法第三十三条", "《中华人民共和国行政处罚法》第三十三条",
    "《行政处罚法》33条", "中华人民共和国行政处罚法第33条", "處罰法第三十三條", "行政处罚法第３３条",
])
def test_citations_written_any_way_meet_in_one_key(typed):
    assert "处罚法第33条" in search_terms.citations(fold(typed))
    assert search_terms.citations(fold("《中华人民共和国行政处罚法》第三十三条")) == "行政处罚法第33条"


@pytest.mark.parametrize("text, normalized", [
    ("第三十五条第一款", "第35条第1款"),
    ("第一百零八条第二项", "第108条第2项"),
    ("第十条之一", "第10条之一"),
    ("条例12条", "条例第12条"),
    ("第二三条", "第二三条"),  # not a number: left alone
    ("一条龙服务", "一条龙服务"),  # a numeral before 条 that is no article
    ("3条建议", "3条建议"),
    ("食品经营许可", "食品经营许可"),
])
def test_citation_rule(text, normalized):
    assert search_terms.citations(text) == normalized


@pytest.mark.parametrize("typed, normalized", [
    ("免罚", "不罚"), ("首违不罚", "不罚"), ("首違不罰", "不罚"), ("轻微免罚", "不罚"),
    ("个体户", "个体工商户"), ("個體戶", "个体工商户"), ("饭店", "餐饮"), ("餐馆油烟", "餐饮油烟"),
    ("书面意见", "书面"), ("欠薪", "工资"), ("城管局", "综合行政执法局"), ("环评", "环境影响评价"),
    ("危废", "危险废物"), ("社保", "社会保险"), ("噪音", "噪声"),
])
def test_everyday_words(typed, normalized):
    assert search_terms.normalize(fold(typed), SHIPPED) == normalized


def test_the_longest_word_wins_and_replacements_are_final():
    assert search_terms.rewrite("轻微免罚", SHIPPED) == "不罚"  # not 轻微不罚
    assert search_terms.rewrite("城管局", SHIPPED) == "综合行政执法局"  # not 综合行政执法局局
    table = (("ab", "b"), ("b", "c"))
    assert search_terms.rewrite("abb", table) == "bc"


def test_regex_rewrite_equals_the_rule_written_out():
    table = dict(SHIPPED)
    words = list(table) + [c for c, _ in SHIPPED]
    texts = words + ["".join(words[i:i + 3]) for i in range(0, len(words), 2)] + [
        "本局对照不罚清单核实首违不罚情形", "示例区某饭店个体户欠薪", "轻微免罚和免罚", "城管局城管"]
    for text in texts:
        assert search_terms.rewrite(text, SHIPPED) == scan_rewrite(text, table), text


def test_shipped_table_is_sound():
    """Words are folded, unique, and never inside their own catalog form (健康证 → 健康证明 would
    turn every 健康证明 into 健康证明明); the table is big enough to matter."""
    written = search_terms.load()
    words = [w for ws in written.values() for w in ws]
    assert len(words) == len(set(words)) >= 60
    assert len(written) >= 25
    for canonical, group in written.items():
        for word in group:
            assert fold(word) == word and word not in canonical, (word, canonical)
    assert [len(w) for w, _ in SHIPPED] == sorted((len(w) for w, _ in SHIPPED), reverse=True)


def test_a_site_adds_its_own_synonyms(tmp_path):
    mkdocs = MKDOCS.read_text(encoding="utf-8")
    mkdocs = replace_once(mkdocs, "\nextra:\n", "\nextra:\n  search_synonyms:\n    餐饮: [苍蝇馆子]\n    不罚: [初犯不罚]\n")
    write(tmp_path, "mkdocs.yml", mkdocs)
    settings, findings = load(tmp_path)
    assert settings is not None and not findings, findings
    assert settings.search_synonyms == (("苍蝇馆子", "餐饮"), ("初犯不罚", "不罚"))
    table = search_terms.pairs(settings.search_synonyms)
    assert search_terms.normalize("苍蝇馆子", table) == "餐饮"
    assert search_terms.normalize("饭店", table) == "餐饮"  # the shipped table still applies


@pytest.mark.parametrize("value", ["[餐饮, 饭店]", "{餐饮: 饭店}", "{餐饮: [\"\"]}", "{健康证明: [健康证]}"])
def test_malformed_site_synonyms_are_e801(repo, value):
    mkdocs = replace_once(MKDOCS.read_text(encoding="utf-8"), "\nextra:\n", f"\nextra:\n  search_synonyms: {value}\n")
    write(repo, "mkdocs.yml", mkdocs)
    finding = assert_finding(check_json(repo), "E801", "mkdocs.yml", line_of(mkdocs, "search_synonyms"))
    assert "search_synonyms" in finding["message"] and "健康证明" in finding["message"]
