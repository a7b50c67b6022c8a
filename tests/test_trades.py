"""一业一册: the trade pages of the built sample site, read as a restaurant owner would.

What each page must list is computed from the catalog files themselves (read with PyYAML, not
through the generator), so a page that drops an item, adds another trade's item or lets an
exempt item through fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import sitebuild
from sitebuild import HANT_DIR, parse, visible_text

ITEM_LINK = re.compile(r"^\.\./items/([a-z0-9]+-\d+)\.html$")


def tagged(root: Path) -> tuple[dict[str, str], dict[str, set[str]], dict[str, str]]:
    """(trade code → label, trade code → ids of public items tagged with it, exempt id → name
    for the exempt items tagged with a trade)."""
    settings = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    trades = {t["code"]: t["label"] for t in settings["extra"]["trades"]}
    items: dict[str, set[str]] = {code: set() for code in trades}
    exempt: dict[str, str] = {}
    for path in sorted((root / "catalogs").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            if item["disclosure"] != "公开":
                if item.get("trades"):
                    exempt[item["id"]] = item["name"]
                continue
            for code in item.get("trades") or ():
                items[code].add(item["id"])
    return trades, items, exempt


def items_on(page: Path) -> list[str]:
    """The items a trade page presents: the item links of its chapters' fact tables."""
    return [m.group(1) for a in parse(page).find("a") if (m := ITEM_LINK.match(a.get("href") or ""))]


def test_each_trade_page_lists_exactly_its_items_across_departments_in_both_scripts(sample):
    trades, expected, exempt = tagged(sample.root)
    assert len(trades) >= 6 and all(expected.values()) and exempt  # the sample tags an exempt item too
    several = 0
    for code, label in trades.items():
        for site in (sample.out, sample.out / HANT_DIR):
            page = site / "trades" / f"{code}.html"
            listed = items_on(page)
            assert sorted(listed) == sorted(expected[code]), (page, code)  # each once, no other
            departments = [h.get("id") for h in parse(page).find("h2", cls="xz-booklet__part")]
            assert departments == sorted({"dept-" + i.rsplit("-", 1)[0] for i in expected[code]}), page
            text = visible_text(page)
            for item_id, name in exempt.items():
                assert item_id not in text and sitebuild.squash(name) not in text, (page, item_id)
        several += len({i.split("-")[0] for i in expected[code]}) > 1
    assert several >= 3  # the booklets gather several departments' items
    assert "醫療機構" in visible_text(sample.out / HANT_DIR / "trades" / "medical.html")


def test_the_trade_index_is_linked_from_the_home_and_search_pages_and_links_every_trade(sample):
    trades, expected, _ = tagged(sample.root)
    for site in (sample.out, sample.out / HANT_DIR):
        index = parse(site / "trades" / "index.html")
        links = {a.get("href") for a in index.find("a")}
        assert {f"{code}.html" for code in trades} <= links
        for page in ("index.html", "search.html"):
            assert "trades/index.html" in {a.get("href") for a in parse(site / page).find("a")}, (site, page)
    rows = visible_text(sample.out / "trades" / "index.html")
    for code, label in trades.items():
        assert f"{label}{len(expected[code])}" in rows


def test_an_item_page_names_its_trades_with_links(sample):
    _, expected, _ = tagged(sample.root)
    item = sorted(expected["catering"])[0]
    links = {a.get("href") for a in parse(sample.out / "items" / f"{item}.html").find("a")}
    assert "../trades/catering.html" in links
