"""Office notices (办公场所公示) in the built site: a large-type page per department, linked from the
department page, and — when ``extra.notice_pdf`` asks — its A4 PDF, read back with pypdf.

What a notice must list is read from the catalog files with PyYAML, not through the generator.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from pypdf import PdfReader

import sitebuild
from sitebuild import HANT_DIR, parse, visible_text

ITEM_LINK = re.compile(r"^\.\./items/([a-z0-9]+-\d+)\.html$")


def catalog(root: Path, code: str) -> dict:
    return yaml.safe_load((root / "catalogs" / f"{code}.yaml").read_text(encoding="utf-8"))


def test_each_department_links_its_notice_page_listing_exactly_its_published_items(sample):
    for path in sorted((sample.root / "catalogs").glob("*.yaml")):
        data, code = catalog(sample.root, path.stem), path.stem
        public = sorted(i["id"] for i in data["items"] if i["disclosure"] == "公开")
        exempt = [i for i in data["items"] if i["disclosure"] != "公开"]
        for site in (sample.out, sample.out / HANT_DIR):
            links = {a.get("href") for a in parse(site / "departments" / f"{code}.html").find("a")}
            assert f"../notices/{code}.html" in links, code
            assert f"../notices/{code}.pdf" not in links  # no PDF unless the settings ask
            page = site / "notices" / f"{code}.html"
            listed = [m.group(1) for a in parse(page).find("a") if (m := ITEM_LINK.match(a.get("href") or ""))]
            assert listed == public, page
            text = visible_text(page)
            for item in exempt:
                assert item["id"] not in text and sitebuild.squash(item["name"]) not in text
            for entry in data.get("no_penalty") or ():
                assert entry["id"] in text


def small_repository(base: Path, code: str) -> Path:
    """The sample with one department only (its catalog and cases): a PDF takes seconds."""
    root = sitebuild.copy_content(base)
    for path in (root / "catalogs").glob("*.yaml"):
        if path.stem != code:
            path.unlink()
    for folder in (root / "typical-cases").iterdir():
        if folder.name != code:
            shutil.rmtree(folder)
    settings = root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert text.count("  notice_pdf: false\n") == 1
    settings.write_text(text.replace("  notice_pdf: false\n", "  notice_pdf: true\n"), encoding="utf-8")
    return root


def test_notice_pdfs_when_asked_hold_the_catalog_and_are_made_once(tmp_path):
    code = "sthj"  # it has an exempt item
    root = small_repository(tmp_path / "repo", code)
    data = catalog(root, code)
    sitebuild.build_ok(root, tmp_path / "site")
    cache = root / ".build-cache" / "notices"
    kept = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")}
    assert len(kept) == 2
    for site, name in ((tmp_path / "site", data["department"]["name"]),
                       (tmp_path / "site" / HANT_DIR, "示例市生態環境局示例區分局")):
        links = {a.get("href") for a in parse(site / "departments" / f"{code}.html").find("a")}
        assert f"../notices/{code}.pdf" in links
        reader = PdfReader(site / "notices" / f"{code}.pdf")
        assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == 210  # A4
        text = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))
        assert name in text and "示例" in text
        for item in data["items"]:
            assert (item["id"] in text) == (item["disclosure"] == "公开"), item["id"]
    sitebuild.build_ok(root, tmp_path / "again")
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")} == kept  # not printed again
    assert sitebuild.tree_digest(tmp_path / "again" / "notices") == sitebuild.tree_digest(tmp_path / "site" / "notices")
