"""Pages show each text in the script its author wrote it in (generator/view/shown.py).

A catalog written in traditional script keeps its own text on the traditional site and is
converted for the simplified one; an author's ``{{简|繁}}`` fix gives each site its form. The
published view resolves every author text once, so the same holds wherever the text is shown:
on its own page, in another department's or a case's list, in a chart — whatever owner a
template passes to its filter.
"""

from __future__ import annotations

import pytest

import fixtures
from conftest import PROJECT, build_repo, replace_once
from generator import settings as settings_module
from generator.load import load
from generator.model import Content
from generator.outputs.pages import markdown, render
from generator.script import Converter
from generator.view import PublishedView
from generator.view.shown import Shown

HANT_NAME = "店外超出門窗經營勸導警示"  # demo-002, written in traditional script
HANS_NAME = "店外超出门窗经营劝导警示"
HANT_DEPARTMENT = "示例區城市管理局"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> tuple[dict[str, render.Page], Converter]:
    catalog = replace_once(fixtures.CATALOG, "  sample: true\n\nitems:", "  sample: true\n  script: zh-Hant\n\nitems:")
    catalog = replace_once(catalog, "  name: 示例区城市管理局\n", f"  name: {HANT_DEPARTMENT}\n")
    catalog = replace_once(catalog, "    name: 店外超出门窗经营劝导警示\n", f"    name: {HANT_NAME}\n")
    case = replace_once(fixtures.CASE, "title: 示例区某水果店超出门窗摆卖商品行政指导案",
                        "title: 示例区某水果店{{干|乾}}果摆卖行政指导案")
    root = build_repo(tmp_path_factory.mktemp("shown") / "repo", catalog, case)
    settings, problems = settings_module.load(root)
    assert settings is not None, problems
    loaded = load(root, settings)
    converter = Converter(settings.hant_variant)
    view = PublishedView.of(loaded.content, settings, converter=converter)
    return {p.path: p for p in render.render(view)}, converter


def test_a_traditional_catalog_keeps_its_own_text_on_the_traditional_site(pages):
    by_path, converter = pages
    body = by_path["items/demo-002.md"].body
    assert HANT_NAME in converter.to_hant(body)
    assert HANS_NAME in converter.to_hans(body)
    assert HANT_NAME not in converter.to_hans(body)


def test_a_name_shown_on_another_page_is_in_its_own_script(pages):
    """The case (simplified) lists the item of the traditional catalog; the departments page and
    the statistics chart list the department."""
    by_path, converter = pages
    case_page = by_path["cases/demo-2024-01.md"].body
    assert HANT_NAME in converter.to_hant(case_page) and HANS_NAME in converter.to_hans(case_page)
    for path in ("departments/index.md", "stats.md", "modes/persuasion_warning.md"):
        body = by_path[path].body
        assert HANT_DEPARTMENT in converter.to_hant(body) or HANT_NAME in converter.to_hant(body), path
        assert "示例区城市管理局" in converter.to_hans(body) or HANS_NAME in converter.to_hans(body), path


def test_an_author_fix_gives_each_site_its_form_and_is_resolved_once(pages):
    by_path, converter = pages
    body = by_path["cases/demo-2024-01.md"].body
    assert "示例区某水果店干果摆卖" in converter.to_hans(body)
    assert "乾果" in converter.to_hant(body)
    assert "{{" not in converter.to_hans(body) and "{{" not in converter.to_hant(body)


def test_shown_text_is_not_converted_twice():
    """Converting a resolved text again would turn ``{{`` + a mark + ``|c}}`` into a nested mark:
    a page filter passes ``Shown`` text through, whatever owner the template gives it."""
    converter = Converter()
    once = converter.source("{{{{a|b}}|c}}")
    assert converter.source(once) != once
    settings, _ = settings_module.load(PROJECT)
    env = render._environment(PublishedView.of(Content((), ()), settings, converter=converter), converter, {})
    assert str(env.filters["h"](Shown(once), None)) == markdown.html_inline(once)
