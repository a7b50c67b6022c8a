"""The page names the check protects are the ones the render writes."""

from __future__ import annotations

from conftest import PROJECT
from generator import checks, layout
from generator.outputs.pages import render
from generator.view import PublishedView


def test_fixed_pages_are_exactly_the_pages_that_are_not_one_per_department_item_case_mode_or_trade():
    loaded, settings, _ = checks.run(PROJECT)
    pages = {p.path for p in render.render(PublishedView.of(loaded.content, settings))}
    per_content = {layout.department(d.code) for d in loaded.content.departments}
    per_content |= {layout.notice(d.code) for d in loaded.content.departments}
    per_content |= {layout.item(i.id) for i in loaded.content.published_items()}
    per_content |= {layout.case(c.id) for c in loaded.content.cases}
    per_content |= {layout.mode(m.code) for m in settings.modes}
    per_content |= {layout.trade(t.code) for t in settings.trades}
    assert pages - per_content == set(layout.FIXED)
    assert {"index", "search", "stats", "data", "changes", "about", "before"} <= layout.RESERVED
