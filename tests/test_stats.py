"""The 统计数据 page: figures counted from the published content, static SVG charts made at
build time (no script, no other host), each followed by a table of the same numbers, in both
scripts; and the 数据下载 / 统计数据 pages are in the navigation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

import sitebuild
from generator import checks
from generator.outputs import pages as pages_output
from generator.outputs.pages import render, stats
from generator.script import Converter
from generator.view import PublishedView

CHARTS = ("by_department", "by_mode", "by_stage", "cases_by_year", "cases_by_mode", "without_case_by_department")


@pytest.fixture(scope="module")
def model():
    loaded, settings, findings = checks.run(sitebuild.PROJECT)
    assert loaded is not None and settings is not None, findings
    converter = Converter(settings.hant_variant)
    site = PublishedView.of(loaded.content, settings, converter=converter)
    return loaded.content, settings, converter, site


@pytest.fixture(scope="module")
def figures(model) -> stats.Stats:
    _, _, converter, site = model
    return stats.compute(site)


def test_counts_follow_the_published_content(model, figures):
    content, settings, _, _ = model
    items = content.published_items()
    assert figures.items == len(items) < len(content.items()), "the exempt item is not counted"
    per_department = Counter(i.department for i in items)
    assert [b.value for b in figures.by_department.bars] == [per_department[d.code] for d in
                                                             sorted(content.departments, key=lambda d: d.code)]
    assert [(b.label, b.value) for b in figures.by_mode.bars] == [
        (m.label, sum(i.mode == m.code for i in items)) for m in settings.modes]
    assert [(b.label, b.value) for b in figures.by_stage.bars] == [
        (s, sum(s in i.stages for i in items)) for s in ("事前", "事中", "事后")]
    years = Counter(c.month[:4] for c in content.cases)
    assert [(b.label, b.value) for b in figures.cases_by_year.bars] == [(f"{y}年", years[y]) for y in sorted(years)]
    assert figures.cases_by_mode.total == len(content.cases)
    with_case = {ref for c in content.cases for ref in c.items}
    assert [i.id for i in figures.without_case] == sorted(i.id for i in items if i.id not in with_case)
    assert figures.without_case_by_department.total == len(figures.without_case)


@pytest.mark.parametrize("name", CHARTS)
def test_chart_is_accessible_inline_svg(figures, name):
    chart = getattr(figures, name)
    assert "\n\n" not in chart.svg, "a blank line would end the raw HTML block in Markdown"
    figure = ET.fromstring(chart.svg)
    svg = figure.find("svg")
    assert svg is not None and svg.get("role") == "img"
    title = svg.find("title")
    assert title is not None and svg.get("aria-labelledby") == title.get("id")
    assert title.text.startswith(chart.title)
    texts = [t.text for t in svg.findall("text")]
    assert texts[0::2] == [b.label for b in chart.bars]
    assert texts[1::2] == [f"{b.value}{chart.unit}" for b in chart.bars]
    assert len(svg.findall("rect")) == sum(1 for b in chart.bars if b.value)
    widths = [int(r.get("width")) for r in svg.findall("rect")]
    top = max(b.value for b in chart.bars)
    # the longest bar takes the chart's width, less the room for its number
    room = int(svg.get("width")) - max(widths, default=0)
    assert (0 < room <= 8 + stats._width(f"{top}{chart.unit}") * stats.FONT) if top else not widths
    assert int(svg.get("width")) >= stats.WIDTH
    for element in svg.iter():
        assert not any(k in ("href", "src", "style") or k.endswith("}href") for k in element.attrib), element.attrib


def test_render_adds_the_two_pages_and_the_navigation_lists_them(model):
    content, settings, converter, _ = model
    site = PublishedView.of(content, settings, converter=converter)
    pages = {p.path: p for p in render.render(site)}
    assert {"stats.md", "data.md"} <= set(pages)
    assert pages["stats.md"].body.count('role="img"') == len(CHARTS)
    nav = pages_output.nav(site.departments)
    assert {"统计数据": "stats.md"} in nav and {"数据下载": "data.md"} in nav


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return sitebuild.sample_site(tmp_path_factory).out


def _tables(html: str) -> list[list[tuple[str, str]]]:
    """Each two-column table of the page as (label, number) rows."""
    tables = []
    for body in re.findall(r"<tbody>(.*?)</tbody>", html, re.S):
        rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(\d+)</td>\s*</tr>", body, re.S)
        if rows:
            tables.append([(re.sub(r"<[^>]+>", "", a).strip(), b) for a, b in rows])
    return tables


@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant"])
def test_built_page_has_each_chart_followed_by_its_numbers(site, figures, model, script):
    _, _, converter, _ = model
    page = site / ("stats.html" if script == "zh-Hans" else "zh-Hant/stats.html")
    html = page.read_text(encoding="utf-8")
    assert html.count('<svg role="img"') == len(CHARTS)
    convert = converter.to_hant if script == "zh-Hant" else converter.to_hans
    tables = _tables(html)
    for chart, table in zip((getattr(figures, n) for n in CHARTS), tables):
        expected = [(convert(converter.source(b.label, b.owner.script if b.owner else "zh-Hans")), str(b.value))
                    for b in chart.bars]
        assert table == expected, chart.id
        labels = re.findall(r'<text [^>]*>([^<]*)</text>',
                            html.split(f'id="{chart.id}-title"')[1].split("</svg>")[0])
        assert labels[0::2] == [label for label, _ in expected]
    if script == "zh-Hant":
        assert "區市場監管局" in html and "各部門公開的行政指導事項數" in html
    for item in figures.without_case:
        assert f'href="items/{item.id}.html"' in html


def test_pages_are_in_both_navigations(site):
    for page, labels in ((site / "index.html", ("统计数据", "数据下载")), (site / "zh-Hant/index.html", ("統計數據", "數據下載"))):
        html = page.read_text(encoding="utf-8")
        for label in labels:
            assert label in html, (page, label)
        assert 'href="stats.html"' in html and 'href="data.html"' in html


# --- 发布时效: working days from review to publication, from git ---------------------------------

def test_timeliness_by_department_counts_working_days_from_review_to_publication(tmp_path):
    """demo-001 (reviewed 2024-02-20) and demo-002 (2024-03-15) are published on 2024-03-25:
    24 and 6 working days. A new review date of demo-002 counts to its own first publication."""
    import fixtures
    from conftest import build_repo
    from gitrepo import Repo
    from generator.history import changelog

    repo = Repo(build_repo(tmp_path / "repo", case=None))
    repo.git("init", "-q", "-b", "main")
    repo.commit("首次发布", "2024-03-25T10:00:00+08:00")

    def rows():
        loaded, settings, findings = checks.run(repo.root)
        assert loaded is not None and settings is not None, findings
        site = PublishedView.of(loaded.content, settings, changelog.read(repo.root, loaded.content))
        return site, [(r.department.code, r.within, r.late, r.unknown, r.longest) for r in stats.timeliness(site)]

    site, found = rows()
    assert found == [("demo", 1, 1, 0, 24)]
    page = next(p for p in render.render(site) if p.path == "stats.md")
    assert "<td>1</td><td>1</td><td>0</td><td>24</td>" in page.body
    repo.replace_in_item(fixtures.CATALOG_PATH, "demo-002", "date: 2024-03-15", "date: 2024-05-06")
    repo.commit("demo-002 重新审查", "2024-07-01T10:00:00+08:00")
    repo.replace_in_item(fixtures.CATALOG_PATH, "demo-002", "name: 店外超出门窗经营劝导警示", "name: 店外经营劝导警示")
    repo.commit("demo-002 改名", "2024-09-02T10:00:00+08:00")
    # 2024-05-06 → 07-01: 40 working days (Saturday 11 May worked, 端午节 10 June off); the later
    # rename is not a publication of the review
    assert rows()[1] == [("demo", 0, 2, 0, 40)]


def test_timeliness_needs_a_change_history(model):
    _, _, _, site = model
    assert stats.timeliness(site) == ()
