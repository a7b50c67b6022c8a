"""Pages that lead with the reader's need: the site-wide 不罚清单, the item page's summary box,
and the remedy (复议机关, 法院, time limits) taken from the settings.

A variant of the sample is built in which an exempt item (sthj-010, 商业秘密) is the only one
relying on a 不罚清单 entry and the remedy settings name other bodies and limits: the 不罚清单
page of both scripts must list exactly the entries published items rely on, and every item page
must show the remedy as set. The summary box is checked in Chromium at 375 px.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sitebuild
from conftest import replace_once
from sitebuild import HANT_DIR

EXEMPT_ONLY_ENTRY = "sthj-bf-004"  # in the variant, relied on by the exempt item sthj-010 alone


@pytest.fixture(scope="module")
def variant(tmp_path_factory) -> sitebuild.Sample:
    base = tmp_path_factory.mktemp("public-pages")
    root = sitebuild.copy_content(base / "repo")
    catalog = root / "catalogs" / "sthj.yaml"
    text = catalog.read_text(encoding="utf-8")
    text = replace_once(text, "    no_penalty: [sthj-bf-001, sthj-bf-004]\n", "    no_penalty: [sthj-bf-001]\n")
    text = replace_once(text, "    disclosure: 商业秘密\n", f"    no_penalty: [{EXEMPT_ONLY_ENTRY}]\n    disclosure: 商业秘密\n")
    catalog.write_text(text, encoding="utf-8")
    settings = root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    text = replace_once(text, "reconsideration_body: 示例区人民政府", "reconsideration_body: 示例县人民政府")
    text = replace_once(text, "reconsideration_days: 60", "reconsideration_days: 90")
    text = replace_once(text, "litigation_court: 示例区人民法院", "litigation_court: 示例县人民法院")
    settings.write_text(text, encoding="utf-8")
    out = base / "site"
    return sitebuild.Sample(root, out, sitebuild.build_ok(root, out))


def _published_entries(root: Path) -> set[str]:
    from generator import checks

    loaded, _, findings = checks.run(root)
    assert loaded is not None, findings
    return {ref for item in loaded.content.published_items() for ref in item.no_penalty}


@pytest.mark.parametrize("script_dir", ["", HANT_DIR])
def test_the_no_penalty_page_lists_exactly_the_entries_of_published_items(variant, script_dir):
    site = variant.out / script_dir if script_dir else variant.out
    page = sitebuild.parse(site / "no-penalty.html")
    rows = [e for e in page.find("tr") if e.get("id")]
    listed = [e.get("id") for e in rows]
    expected = _published_entries(variant.root)
    assert EXEMPT_ONLY_ENTRY not in expected and len(expected) > 10
    assert sorted(listed) == sorted(expected)  # each once, none of the exempt item's
    text = sitebuild.visible_text(site / "no-penalty.html")
    assert "sthj-010" not in text and "个案技术指导" not in text and "個案技術指導" not in text
    assert ("并非全部" if not script_dir else "並非全部") in text  # courts: the list is not closed
    # Linked both ways: home and navigation lead here; each entry leads to its items.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('href="no-penalty.html"') >= 2
    html = (site / "no-penalty.html").read_text(encoding="utf-8")
    assert 'href="items/scjg-004.html"' in html
    item = (site / "items" / "scjg-004.html").read_text(encoding="utf-8")
    assert 'href="../no-penalty.html"' in item


def test_the_department_page_keeps_its_whole_list(variant):
    """The department's own page still shows its whole list (the entry is the department's,
    not the exempt item's): only the site-wide page is per published item."""
    assert EXEMPT_ONLY_ENTRY in sitebuild.visible_text(variant.out / "departments" / "sthj.html")


def test_every_item_page_shows_the_remedy_as_set(variant):
    for script_dir, words in (("", ("90日内向示例县人民政府申请行政复议", "6个月内向示例县人民法院提起行政诉讼",
                                    "行政复议法》第二十条", "行政诉讼法》第四十六条")),
                              (HANT_DIR, ("90日內向示例縣人民政府申請行政復議", "6個月內向示例縣人民法院提起行政訴訟"))):
        site = variant.out / script_dir if script_dir else variant.out
        pages = sorted((site / "items").glob("*.html"))
        assert len(pages) > 50
        for path in pages:
            text = sitebuild.visible_text(path)
            for needle in words:
                assert needle in text, (path, needle)
            assert "60日内" not in text and "示例区人民法院" not in text


def test_the_summary_comes_first_and_the_record_last(sample):
    """Before any content heading: the summary with the phones as tel: links; the 事项信息 table
    (codes, dates, review) after every content section."""
    item, _ = sitebuild.richest_item_and_case(sample.root)
    html = (sample.out / "items" / f"{item.id}.html").read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", html, re.S).group(0)
    headings = re.findall(r"<h2 id=\"[^\"]*\">(.*?)</h2>", article)
    assert headings[0] == "简要说明" and headings.index("事项信息") > headings.index("相对人权利"), headings
    summary = re.search(r'<div class="xz-summary">.*?</div>', article, re.S).group(0)
    assert summary.count('class="xz-tel" href="tel:') == 2
    for words in ("拒绝不会带来任何不利后果", "书面指导意见", item.office):
        assert words in summary
    assert article.index("xz-list--facts") > article.index('id="相对人权利"')


@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant"])
def test_the_summary_is_on_the_first_phone_screen(browser, servers, sample, script):
    item, _ = sitebuild.richest_item_and_case(sample.root)
    server = servers["subpath"]
    path = (f"{HANT_DIR}/" if script == "zh-Hant" else "") + f"items/{item.id}.html"
    context = browser.new_context(viewport={"width": 375, "height": 667}, service_workers="block")
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_()
               if route.request.url.startswith(server.origin + "/") else route.abort())
    try:
        page.goto(server.base + path, wait_until="load")
        box = page.locator(".xz-summary").bounding_box()
        first_content = page.locator("article h2").nth(1).bounding_box()
        facts = page.locator(".xz-list--facts").bounding_box()
        assert box is not None and box["y"] < 667 * 0.6, box  # it starts high on the first screen
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        assert first_content["y"] > box["y"] + box["height"] and facts["y"] > first_content["y"]
        phones = page.locator(".xz-summary a[href^='tel:']")
        assert phones.count() == 2 and phones.first.is_visible()
    finally:
        context.close()


def test_a_remedy_limit_that_is_not_a_number_is_reported_at_its_line(tmp_path: Path):
    from conftest import check_json, line_of

    root = sitebuild.copy_content(tmp_path / "repo")
    settings = root / "mkdocs.yml"
    text = replace_once(settings.read_text(encoding="utf-8"), "reconsideration_days: 60", "reconsideration_days: 六十日")
    settings.write_text(text, encoding="utf-8")
    result = check_json(root)
    [finding] = [f for f in result.findings if f["code"] == "E801"]
    assert (finding["path"], finding["line"]) == ("mkdocs.yml", line_of(text, "reconsideration_days:"))
    assert "reconsideration_days" in finding["message"]


def test_the_legal_office_sees_a_changed_remedy():
    """The remedy is on every item page: a change to it is in the review report's diff."""
    import dataclasses

    from generator import settings as settings_module
    from generator.history import diff
    from generator.model import Content

    old, findings = settings_module.load(sitebuild.PROJECT)
    assert old is not None, findings
    new = dataclasses.replace(old, remedy=dataclasses.replace(old.remedy, litigation_court="", litigation_months=3))
    empty = Content((), ())
    [change] = diff.compare(empty, empty, {}, old, new).changes
    [field] = change.fields
    assert field.field == "remedy" and field.key
    assert field.old == ("行政复议：示例区人民政府，60 日内申请", "行政诉讼：示例区人民法院，6 个月内起诉")
    assert field.new[1] == "行政诉讼：（未写名称），3 个月内起诉"
    assert diff.compare(empty, empty, {}, old, old).changes == ()


def test_the_office_phone_is_the_number_to_ask_when_the_catalog_has_one(sample):
    """承办科室电话 (optional): the summary's 咨询 number; without it, the department's line."""
    def summary(item_id: str) -> str:
        html = (sample.out / "items" / f"{item_id}.html").read_text(encoding="utf-8")
        return re.search(r'<div class="xz-summary">.*?</div>', html, re.S).group(0)

    assert '咨询 <a class="xz-tel" href="tel:0533-6010004">0533-6010004</a>（食品经营监管科）' in summary("scjg-004")
    assert '咨询 <a class="xz-tel" href="tel:0533-6010001">0533-6010001</a>（示例区市场监督管理局）' in summary("scjg-003")


def test_a_list_too_long_for_a_phone_gives_each_departments_count(monkeypatch):
    """A stage, a mode or the items without a case longer than ``LIST_LIMIT`` (a city's stage
    list had 10,000 rows, 3.4 MB) is shown as each department's count, linking to the
    department's page; a list within the limit keeps its rows."""
    from collections import Counter

    from generator import checks
    from generator.outputs.pages import render
    from generator.view import PublishedView

    loaded, settings, findings = checks.run(sitebuild.PROJECT)
    assert loaded is not None and settings is not None, findings
    view = PublishedView.of(loaded.content, settings)
    before = [i for i in view.items if "事前" in i.stages]
    assert 3 < len(before) <= render.LIST_LIMIT

    def stage_page():
        return next(p for p in render.render(view) if p.path == "stages/before.md").body

    full = stage_page()
    assert all(f'href="../items/{i.id}.html"' in full for i in before)

    monkeypatch.setattr(render, "LIST_LIMIT", 3)
    short = stage_page()
    assert "items/" not in short, "no item rows beyond the limit"
    rows = re.findall(r'<a href="\.\./departments/([a-z]+)\.html">[^<]+</a></td><td>(\d+)</td>', short)
    assert dict(rows) == {code: str(n) for code, n in Counter(i.department for i in before).items()}
    assert f"共 {len(before)} 项" in short
