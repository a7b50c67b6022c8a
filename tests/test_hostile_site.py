"""Real builds of hostile content: names that try to break out of the page, a case body full
of script tricks, a catalog field holding a script, images with a camera's metadata, and a
sanitizer made to fail — read back from the output files with an HTML parser.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import fixtures
import hostile
import sitebuild
from conftest import replace_once
from sitebuild import HANT_DIR, parse

from generator import casebody, checks
from generator.casebody import sanitize

BREAK_OUT = '" http-equiv="refresh" content="0;url=https://evil.example/'
SITE_NAME = "示例区<b>专栏</b> & \"引号\" 'x' {{ site.name }} " + BREAK_OUT
DEPARTMENT = "示例区<i>市场</i>监督管理局 & {{ d }} " + BREAK_OUT
SHORT_NAME = "区<u>市场</u>监管局 {{ s }}"
ITEM = "食品经营<em>轻微</em>违法行为 & \"劝导\" {{ i }} " + BREAK_OUT
TITLE = "示例区某餐饮店<strong>健康证明</strong>案 & '标题' {{ t }} " + BREAK_OUT


def _quoted(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def names_site(tmp_path_factory) -> Path:
    """The sample with hostile names in the settings, a department, an item and a case."""
    base = tmp_path_factory.mktemp("names")
    root = sitebuild.copy_content(base / "repo")
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(re.sub(r"(?m)^site_name: .*$", "site_name: " + _quoted(SITE_NAME).replace("\\", "\\\\"),
                             mkdocs.read_text(encoding="utf-8")), encoding="utf-8")
    catalog = root / "catalogs/scjg.yaml"
    text = catalog.read_text(encoding="utf-8")
    text = replace_once(text, "  name: 示例区市场监督管理局\n", f"  name: {_quoted(DEPARTMENT)}\n")
    text = replace_once(text, "  short_name: 区市场监管局\n", f"  short_name: {_quoted(SHORT_NAME)}\n")
    text = replace_once(text, "    name: 食品经营轻微违法行为劝导警示\n", f"    name: {_quoted(ITEM)}\n")
    catalog.write_text(text, encoding="utf-8")
    case = root / hostile.CASE
    case.write_text(re.sub(r"(?m)^title: .*$", "title: " + _quoted(TITLE).replace("\\", "\\\\"),
                           case.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    out = base / "site"
    run = sitebuild.run_build(root, out)
    assert run.code == 0, run.output  # such names are allowed: they are shown as text
    return out


class _Texts(HTMLParser):
    """The text of every element ``tag`` (with class ``cls``) of a page, nested ones included."""

    def __init__(self, tag: str, cls: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.cls = tag, cls
        self.depth = 0
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag == self.tag
        elif tag == self.tag and (self.cls is None or self.cls in (dict(attrs).get("class") or "").split()):
            self.depth = 1
            self.found.append("")

    def handle_endtag(self, tag):
        if self.depth and tag == self.tag:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.found[-1] += data


def texts(path: Path, tag: str, cls: str | None = None) -> list[str]:
    parser = _Texts(tag, cls)
    parser.feed(path.read_text(encoding="utf-8"))
    return [" ".join(t.split()) for t in parser.found]


PAYLOADS = {  # the parts of each name a conversion to traditional script leaves alone
    "site": ("<b>", "</b>", '& "', "'x'", "{{ site.name }}", BREAK_OUT),
    "department": ("<i>", "</i>", "{{ d }}", BREAK_OUT),
    "short": ("<u>", "</u>", "{{ s }}"),
    "item": ("<em>", "</em>", '"', "{{ i }}", BREAK_OUT),
    "case": ("<strong>", "</strong>", "'", "{{ t }}", BREAK_OUT),
}


def shows(text: str, kind: str) -> bool:
    return all(part in text for part in PAYLOADS[kind])


@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant"])
def test_names_with_markup_are_shown_as_text(names_site: Path, script: str) -> None:
    site = names_site / HANT_DIR if script == "zh-Hant" else names_site
    home, item, department, case = (site / "index.html", site / "items/scjg-004.html",
                                    site / "departments/scjg.html", site / hostile.CASE_PAGE)
    for path in (home, item, department, case):
        page = parse(path)
        # Nothing of the names became markup or an attribute.
        assert [m.get("http-equiv") for m in page.find("meta") if m.get("http-equiv")] == ["Content-Security-Policy"]
        assert not any("url=" in (m.get("content") or "") and m.get("http-equiv") for m in page.find("meta"))
        assert not page.find("b") and not page.find("i") and not page.find("u") and not page.find("em")
        assert not any("健康" in t for t in texts(path, "strong"))
        site_name = page.meta("SiteName")
        assert shows(site_name, "site")
        [title] = texts(path, "title")
        assert title.endswith(" - " + " ".join(site_name.split())), title
        assert shows(texts(path, "span", "xz-home__name")[0], "site")  # the header
        assert any(shows(t, "short") for t in texts(path, "a"))  # the navigation
    assert shows(texts(home, "h1")[0], "site")
    assert shows(texts(department, "h1")[0], "department")
    for path, kind in ((item, "item"), (case, "case")):
        page = parse(path)
        assert shows(page.meta("ArticleTitle"), kind) and shows(texts(path, "h1")[0], kind)
        assert shows(texts(path, "title")[0], kind)
        assert shows(page.meta("ContentSource"), "department")
    assert any(shows(t, "item") for t in texts(department, "a"))  # the department's item list
    if script == "zh-Hans":  # the whole names, exactly
        assert parse(home).meta("SiteName") == SITE_NAME and texts(department, "h1") == [DEPARTMENT]
        assert parse(item).meta("ArticleTitle") == ITEM and parse(case).meta("ArticleTitle") == TITLE
        assert texts(item, "title") == [f"{ITEM} - {SITE_NAME}"]
        assert SHORT_NAME in texts(home, "a")


# --- content the check refuses, built past it ----------------------------------------------------

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, Path]:
    return hostile.hostile_site(tmp_path_factory.mktemp("hostile"))


def test_the_check_refuses_the_hostile_body(hostile_site) -> None:
    root, _ = hostile_site
    loaded, settings, findings = checks.run(root)
    lines = (root / hostile.CASE).read_text(encoding="utf-8").split("\n")
    reported = {f.line for f in findings if f.path == hostile.CASE and f.code.startswith(("E70", "W70"))}
    for trick in hostile.TRICKS + [hostile.DEFINITION]:
        if trick.startswith("[参考式链接]"):
            continue  # reported where it is defined
        line = lines.index(trick) + 1
        assert line in reported, (trick, sorted(reported))
    assert lines.index(hostile.DEFINITION) + 1 in reported


@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant"])
def test_hostile_body_reaches_the_page_sanitized(hostile_site, script: str) -> None:
    _, out = hostile_site
    page = parse(out / (f"{HANT_DIR}/" if script == "zh-Hant" else "") / hostile.CASE_PAGE)
    up = "../../" if script == "zh-Hant" else "../"
    assert [e.get("src") for e in page.find("script")] == [up + "assets/xz/menu.js"]  # the theme's own
    for element in page.elements:
        assert element.tag not in ("iframe", "object", "embed", "base", "video", "math", "style", "mglyph")
        assert element.tag != "form" or element.get("action").endswith("search.html"), element  # the theme's own
        assert element.get("name") != "phone", element
        for name, value in element.attrs:
            assert not name.startswith("on") and name not in ("style", "srcdoc"), element
            assert "javascript" not in re.sub(r"\s", "", value).lower(), element
            assert hostile.EVIL not in value, element
        if element.tag == "meta":
            assert element.get("http-equiv") in (None, "Content-Security-Policy"), element
    assert [e for e in page.find("svg") if e.get("onload")] == []
    assert "不加空格" in page.text  # the text around the tricks is kept
    assert "{: onmouseover" in page.text  # an attribute list is text, not an attribute
    assert len([e for e in page.elements if e.get("id") == "__drawer"]) == 1  # only the theme's own


def test_script_in_a_catalog_field_is_shown_as_text(tmp_path: Path) -> None:
    root = sitebuild.copy_content(tmp_path / "repo")
    catalog = root / "catalogs/scjg.yaml"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(replace_once(text, "    name: 食品经营轻微违法行为劝导警示\n",
                                    "    name: 食品经营<script>alert(1)</script>劝导警示\n"), encoding="utf-8")
    loaded, _, findings = checks.run(root)
    assert any(f.code == "E701" and f.path == "catalogs/scjg.yaml" for f in findings)
    assert hostile.checked_away(root, tmp_path / "site").ok
    for prefix in ("", f"{HANT_DIR}/"):
        page = parse(tmp_path / "site" / prefix / "items/scjg-004.html")
        assert page.scripts == [""] and [e.get("src") for e in page.find("script")] == [
            ("../../" if prefix else "../") + "assets/xz/menu.js"]  # the theme's own, empty
        assert "<script>alert(1)</script>" in texts(tmp_path / "site" / prefix / "items/scjg-004.html", "h1")[0]
        assert "<script>alert(1)</script>" in page.meta("ArticleTitle")


def test_output_guard_stops_a_build_the_sanitizer_failed(tmp_path: Path, monkeypatch) -> None:
    """With the sanitizer made to let everything through, the guard refuses the build, names
    the page and its source file, and the previous site stays as it was."""
    root = sitebuild.copy_content(tmp_path / "repo")
    hostile.write_hostile_case(root)
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("previous site", encoding="utf-8")

    class LetsEverythingThrough:
        @staticmethod
        def clean(markup: str) -> str:
            return markup

    monkeypatch.setattr(sanitize, "_CLEANER", LetsEverythingThrough())
    casebody.render.cache_clear()
    try:
        result = hostile.checked_away(root, out)
    finally:
        casebody.render.cache_clear()
    assert not result.ok
    assert any(line.startswith(f"{hostile.CASE}: ") and hostile.CASE_PAGE in line for line in result.unsafe), result.unsafe
    assert any(f"{HANT_DIR}/{hostile.CASE_PAGE}" in line for line in result.unsafe)
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not list(tmp_path.glob(".build-*"))


# --- images --------------------------------------------------------------------------------------

def _photo() -> bytes:
    from PIL import Image

    exif = Image.Exif()
    exif[0x0112] = 3  # upside down
    exif[0x8825] = {1: "N", 2: (36.0, 48.0, 12.5), 3: "E", 4: (118.0, 3.0, 1.25)}
    data = io.BytesIO()
    Image.new("RGB", (16, 8), (140, 20, 20)).save(data, "JPEG", exif=exif)
    return data.getvalue()


def test_images_beside_a_case_are_published_without_metadata(tmp_path: Path) -> None:
    from PIL import Image

    root = sitebuild.copy_content(tmp_path / "repo")
    (root / "typical-cases/scjg/scjg-2024-01-kitchen.jpg").write_bytes(_photo())
    (root / "typical-cases/scjg/unused.png").write_bytes(fixtures.png())
    case = root / hostile.CASE
    case.write_text(case.read_text(encoding="utf-8").replace(
        "## 指导过程\n", "![整改后的后厨](scjg-2024-01-kitchen.jpg)\n\n## 指导过程\n", 1), encoding="utf-8")
    first, second = tmp_path / "one", tmp_path / "two"
    run = sitebuild.build_ok(root, first)
    assert "W702" in run.output and "unused.png" in run.output
    sitebuild.build_ok(root, second)
    assert sitebuild.tree_digest(first) == sitebuild.tree_digest(second)
    published = first / "media/scjg/scjg-2024-01-kitchen.jpg"
    image = Image.open(published)
    assert image.size == (16, 8) and dict(image.getexif()) == {0x0112: 3}
    assert not (first / "media/scjg/unused.png").exists()
    assert sorted(p.relative_to(first).as_posix() for p in (first / "media").rglob("*") if p.is_file()) == [
        "media/scjg/scjg-2024-01-kitchen.jpg"]
    for prefix in ("", f"{HANT_DIR}/"):
        page_path = first / prefix / hostile.CASE_PAGE
        images = [e for e in parse(page_path).find("img") if "kitchen" in (e.get("src") or "")]
        assert len(images) == 1 and images[0].get("alt") in ("整改后的后厨", "整改後的後廚")
        assert (page_path.parent / images[0].get("src")).resolve() == published.resolve()
