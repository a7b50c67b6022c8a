"""The 依据索引 on the site (issue 14): one page per cited law of the library, in both scripts,
listing the cited provisions with their official text and every published item citing each;
an index of the laws; item pages link each law and show the library's text of a provision the
item cites without quoting it. Read from the real sample site built by the real engine.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import fixtures
from conftest import FIXTURE_LAWS, replace_once, with_laws

PENALTY_LAW = "中华人民共和国行政处罚法"
PENALTY_33_1 = "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。"


def text_of(path: Path) -> str:
    """The page's readable text (tags removed, entities decoded)."""
    page = path.read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.fixture(scope="module")
def model(sample):
    from generator import checks

    loaded, settings, findings = checks.run(sample.root)
    assert loaded is not None and loaded.library is not None, findings
    return loaded


def law_path(loaded, title: str) -> str:
    from generator.view.laws import path_of

    return path_of(loaded.library.find(title))[:-3] + ".html"


def test_index_lists_the_cited_laws_in_both_scripts(sample, model):
    index = (sample.out / "laws/index.html").read_text(encoding="utf-8")
    href = law_path(model, PENALTY_LAW).removeprefix("laws/")
    assert f'<a href="{href}">《{PENALTY_LAW}》</a>' in index
    hant = (sample.out / "zh-Hant/laws/index.html").read_text(encoding="utf-8")
    assert f'<a href="{href}">《中華人民共和國行政處罰法》</a>' in hant and "依據索引" in hant


def sections(page: str) -> dict[str, str]:
    """heading text → the HTML up to the next <h2> of a law page."""
    parts = re.split(r"<h2[^>]*>", page)[1:]
    return {html.unescape(re.sub(r"<[^>]+>", "", part[:part.index("</h2>")])).strip(): part for part in parts}


def test_law_page_lists_each_cited_provision_with_its_text_and_the_items_citing_it(sample, model):
    page = sections((sample.out / law_path(model, PENALTY_LAW)).read_text(encoding="utf-8"))
    citing = sorted(i.id for i in model.content.published_items()
                    if any(b.law.endswith("行政处罚法") and "第三十三条第一款" in (b.article_label or "") for b in i.basis))
    assert citing, "the sample cites 行政处罚法 第三十三条第一款"
    section = next(part for heading, part in page.items() if heading.startswith("第三十三条第一款"))
    assert PENALTY_33_1 in html.unescape(section)
    assert sorted(re.findall(r'href="\.\./items/([a-z]+-\d+)\.html"', section)) == citing
    hant = text_of(sample.out / "zh-Hant" / law_path(model, PENALTY_LAW))
    assert "違法行為輕微並及時改正" in hant


def test_item_page_links_the_law_and_shows_the_text_it_does_not_quote(sample, model):
    library = model.library
    item, basis = next((i, b) for i in sorted(model.content.published_items(), key=lambda i: i.id)
                       for b in i.basis if b.text is None and b.provisions and library.find(b.law)
                       and len(b.provisions) == 1)
    from generator.laws.library import unit

    official = unit(library.find(basis.law).current.statute, basis.provisions[0]).text
    page = (sample.out / f"items/{item.id}.html").read_text(encoding="utf-8")
    href = "../" + law_path(model, basis.law)
    assert f'<a href="{href}">《{basis.law}》</a>' in page
    law_text = page[page.index('class="xz-law-text"'):]
    law_text = html.unescape(re.sub(r"<[^>]+>", "", law_text[:law_text.index("</blockquote>")]))
    assert official.split("\n")[0] in law_text and "条文取自网站法规库" in law_text
    assert 'href="../laws/index.html"' in page


def test_a_quoted_basis_is_shown_as_quoted_not_twice(sample, model):
    item, basis = next((i, b) for i in sorted(model.content.published_items(), key=lambda i: i.id)
                       for b in i.basis if b.text and model.library.find(b.law))
    page = (sample.out / f"items/{item.id}.html").read_text(encoding="utf-8")
    assert page.count("条文取自网站法规库") == sum(1 for b in item.basis if b.text is None and b.provisions
                                                     and model.library.find(b.law))


def test_exempt_items_are_never_listed_and_a_law_only_they_cite_has_no_page(tmp_path):
    """The published view, rendered by the real templates: an exempt item citing 行政复议法
    gives that law no page and appears on no page of the 依据索引."""
    from generator import checks
    from generator.outputs.pages import render
    from generator.view import PublishedView
    from conftest import build_repo

    exempt = replace_once(fixtures.CATALOG, "    disclosure: 公开\n    status: 有效\n    effective_date: 2024-04-01\n",
                          "    disclosure: 商业秘密\n    exemption_reason: 涉及企业提供的经营数据，属于商业秘密。\n"
                          "    status: 有效\n    effective_date: 2024-04-01\n")
    exempt = replace_once(exempt, "        article: 第三十三条第一款\n",
                          "        article: 第三十三条第一款\n      - law: 中华人民共和国行政复议法\n        article: 第九条\n")
    exempt = replace_once(exempt, "items: [demo-002]", "items: [demo-001]") if "items: [demo-002]" in exempt else exempt
    root = with_laws(build_repo(tmp_path / "repo", exempt, case=None), *FIXTURE_LAWS, "法律/行政复议法")
    loaded, settings, findings = checks.run(root)
    assert loaded is not None and settings is not None, findings
    pages = {p.path: p for p in render.render(PublishedView.of(loaded.content, settings, library=loaded.library))}
    law_pages = [p for path, p in pages.items() if path.startswith("laws/")]
    assert law_pages, "the published item's laws have pages"
    assert all("demo-002" not in p.body and "行政复议法" not in p.body for p in law_pages)
    assert not any(p.meta["title"].endswith("行政复议法") for p in law_pages)


def test_a_long_provision_from_the_library_is_folded_a_short_one_shown(sample, model):
    """A whole article with a dozen 项 would push the item's own text screens down on a phone:
    past 120 characters the library's text sits in a closed <details> that names its length."""
    from generator.laws.library import unit

    library = model.library
    seen = {"folded": 0, "shown": 0}
    for item in sorted(model.content.published_items(), key=lambda i: i.id):
        page = (sample.out / f"items/{item.id}.html").read_text(encoding="utf-8")
        for b in item.basis:
            if b.text is None and len(b.provisions) == 1 and library.find(b.law):
                text = unit(library.find(b.law).current.statute, b.provisions[0]).text
                first = html.escape(text.split("\n")[0], quote=False)
                at = page.index(first)
                folded = page.rfind('<details class="xz-law-more">', 0, at) > page.rfind("</details>", 0, at)
                assert folded == (len(text) > 120), (item.id, b.law, len(text))
                seen["folded" if folded else "shown"] += 1
                if folded:
                    assert f"<summary>查看条文（{len(text)} 字）</summary>" in page
    assert seen["folded"] and seen["shown"], seen
