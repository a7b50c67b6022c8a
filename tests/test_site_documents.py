"""Guidance documents in the built site: every published item in force links a pre-filled .docx
of each kind of its mode, in both scripts, and every file is what it says.

What must exist is computed from the content files read with PyYAML (documents/kinds.yaml and
the catalogs), not through the generator; each file is opened with python-docx. The year in the
number comes from the content (the department's latest effective or review date), so the same
repository builds the same bytes on any day.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import yaml

import sitebuild
from sitebuild import HANT_DIR, parse


def expected(root: Path) -> tuple[dict[str, tuple[dict, dict, list[dict]]], dict, set[str]]:
    """(item id → (item, department, its kinds), kinds.yaml, ids of exempt items)."""
    config = yaml.safe_load((root / "documents" / "kinds.yaml").read_text(encoding="utf-8"))
    wanted, exempt = {}, set()
    for path in sorted((root / "catalogs").glob("*.yaml")):
        catalog = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in catalog["items"]:
            if item["disclosure"] != "公开":
                exempt.add(item["id"])
            elif item["status"] == "有效":
                kinds = [k for k in config["kinds"] if item["mode"] in k["modes"]]
                if kinds:
                    wanted[item["id"]] = (item, catalog, kinds)
    return wanted, config, exempt


def paragraphs(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    body = [p.text for p in document.paragraphs]
    return body + [p.text for t in document.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]


def version_year(catalog: dict) -> str:
    dates = [str(d) for i in catalog["items"] if i["disclosure"] == "公开"
             for d in (i["effective_date"], i["review"]["date"])]
    return max(dates)[:4]


def test_every_document_of_the_site_is_there_filled_and_linked(sample):
    wanted, config, exempt = expected(sample.root)
    numbering = config["numbering"]
    files = {(item_id, k["code"]) for item_id, (_, _, kinds) in wanted.items() for k in kinds}
    assert len(files) >= 60
    for site in (sample.out, sample.out / HANT_DIR):
        made = {tuple(p.stem.rsplit("-", 1)) for p in (site / "documents").glob("*.docx")}
        assert made == files, site
    for item_id, (item, catalog, kinds) in sorted(wanted.items()):
        department = catalog["department"]
        links = {a.get("href") for a in parse(sample.out / "items" / f"{item_id}.html").find("a")}
        for kind in kinds:
            assert f"../documents/{item_id}-{kind['code']}.docx" in links, item_id
            text = "\n".join(paragraphs((sample.out / "documents" / f"{item_id}-{kind['code']}.docx").read_bytes()))
            number = (f"{numbering['region']}{numbering['agencies'][department['code']]}{kind['short']}"
                      f"〔{version_year(catalog)}〕")
            assert re.search(re.escape(number) + "\u3000+号", text), (item_id, kind["code"])
            assert department["name"] in text and item["name"] in text and item_id in text
            assert item["supervision_phone"] in text
            assert ("【示例】" in text) == bool(department.get("sample")), item_id
            assert "【请填写" in text  # the blanks for the case facts
            for other in exempt:
                assert other not in text
    hant = "\n".join(paragraphs((sample.out / HANT_DIR / "documents" / "scjg-004-warning.docx").read_bytes()))
    assert "勸導告誡書" in hant and "劝导" not in hant


def test_exempt_and_suspended_items_have_no_documents(sample):
    wanted, _, exempt = expected(sample.root)
    names = {p.name for p in (sample.out / "documents").glob("*")}
    assert exempt and not any(name.startswith(tuple(f"{e}-" for e in exempt)) for name in names)
    suspended = [p.stem for p in (sample.out / "items").glob("*.html") if p.stem not in wanted]
    for item_id in suspended:
        assert not any(a.get("href", "").endswith(".docx")
                       for a in parse(sample.out / "items" / f"{item_id}.html").find("a")), item_id


def test_a_second_build_gives_byte_identical_documents_and_reuses_the_cache(sample, tmp_path):
    root = sitebuild.copy_content(tmp_path / "repo")
    first, second = tmp_path / "first", tmp_path / "second"
    sitebuild.build_ok(root, first)
    cache = root / ".build-cache" / "documents"
    kept = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.docx")}
    assert len(kept) == 2 * len(list((first / "documents").glob("*.docx")))
    sitebuild.build_ok(root, second)
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.docx")} == kept  # nothing filled again
    for site in (first, second):
        digest = sitebuild.tree_digest(site / "documents") | {
            f"{HANT_DIR}/{k}": v for k, v in sitebuild.tree_digest(site / HANT_DIR / "documents").items()}
        assert digest == sitebuild.tree_digest(sample.out / "documents") | {
            f"{HANT_DIR}/{k}": v for k, v in sitebuild.tree_digest(sample.out / HANT_DIR / "documents").items()}
