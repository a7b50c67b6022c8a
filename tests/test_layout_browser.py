"""The site's shell as a reader meets it: phones first, keyboards, print, the 404 page, weight.

The sample site is served under a sub-path (/portal/xzzd/) and opened in Debian's Chromium at
320, 375, 768 and 1280 px in both scripts. On every kind of page a reader lands on, nothing may
scroll sideways with content hidden, axe-core with every one of its rules (best practices and
experimental rules included) must find nothing, and every request must stay on the local server.
A keyboard-only walk must reach every navigation link, the search box and the language switch,
each with a visible focus outline of at least 3:1 against what is behind it. An item page printed
to PDF is read back with pypdf: one A4 sheet, 12 pt text, the demo mark, the source line and the
QR code of the page's public address (its pixels compared with the code segno makes for that
address). Screenshots go to test-output/screenshots/layout/ for people to look at.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

import sitebuild
from sitebuild import HANT_DIR


SCREENSHOTS = sitebuild.PROJECT / "test-output" / "screenshots" / "layout"
HANS, HANT = "zh-Hans", "zh-Hant"
SCRIPTS = (HANS, HANT)
WIDTHS = (320, 375, 768, 1280)
NARROW = 960  # below 60em the navigation is behind the menu button
KINDS = ("home", "departments", "department", "item", "case", "data", "modes", "stats", "search",
         "accessibility", "404", "no-penalty")
SHOTS = {"home", "item", "case", "404", "no-penalty"}  # at 375 and 1280 px


@pytest.fixture(scope="session")
def pages(sample) -> dict[str, str]:
    """One page of each kind, relative to a script's root; the item has a no-penalty table."""
    item, case = sitebuild.richest_item_and_case(sample.root)
    return {
        "home": "index.html",
        "departments": "departments/index.html",
        "department": f"departments/{item.department}.html",
        "item": f"items/{item.id}.html",
        "case": f"cases/{case.id}.html",
        "data": "data.html",
        "modes": "modes/index.html",
        "stats": "stats.html",
        "search": "search.html?q=%E9%A3%9F%E5%93%81",  # 食品: a page full of results
        "accessibility": "accessibility.html",
        "404": "404.html",
        "no-penalty": "no-penalty.html",
    }


@pytest.fixture(scope="session")
def site_url(sample) -> str:
    return yaml.safe_load((sample.root / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def _in(script: str, path: str) -> str:
    return f"{HANT_DIR}/{path}" if script == HANT else path


def _open(browser, server, path: str, width: int, **options):
    """A fresh context (empty cache) whose page may reach the local server only."""
    context = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block", **options)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.route("**/*", lambda route: route.continue_()
               if route.request.url.startswith(server.origin + "/") else route.abort())
    response = page.goto(server.base + path, wait_until="load")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    page.wait_for_load_state("networkidle")
    return context, page, requests


# --- nothing scrolls sideways, axe finds nothing, nothing leaves the machine ---------------------

SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
  }
  for (const e of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(e);
    if (style.visibility === 'hidden' || style.clip === 'rect(0px, 0px, 0px, 0px)') continue;
    const box = e.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1) {
      problems.push(`${name(e)} hides ${e.scrollWidth - e.clientWidth}px of its content sideways`);
    }
    if (style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth) problems.push(`${name(e)} is cut short`);
    if (box.right > width + 1 || box.left < -1) {
      if (e.closest('.md-skip')) continue;  // the skip link waits above the page until focused
      problems.push(`${name(e)} reaches ${Math.round(box.left)}..${Math.round(box.right)}px`);
    }
  }
  return problems;
}"""


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def _every_axe_rule(axe, page) -> dict:
    axe.run(page)  # injects axe-core
    rules = page.evaluate("axe.getRules().map(rule => rule.ruleId)")
    assert len(rules) > 90, rules
    return {"runOnly": {"type": "rule", "values": rules}}


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v.get('impact')}] {v['id']}: {v.get('help')}")
        for node in v.get("nodes", [])[:5]:
            lines.append(f"    {node.get('target')}: {node.get('html', '')[:160]}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("kind", KINDS)
def test_page_fits_and_passes_every_axe_rule(browser, axe, servers, pages, kind, script, width):
    server = servers["subpath"]
    path = _in(script, pages[kind])
    context, page, requests = _open(browser, server, path, width)
    try:
        if kind == "search":
            page.wait_for_selector("#search-results li", timeout=15_000)
        assert page.evaluate("document.documentElement.lang") == script
        problems = page.evaluate(SIDEWAYS)
        assert not problems, f"{path} at {width}px:\n" + "\n".join(problems[:20])
        if kind in SHOTS and width in (375, 1280):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{script}-{kind}-{width}.png"), full_page=True)
        violations = axe.run(page, options=_every_axe_rule(axe, page)).response["violations"]
        assert not violations, f"{path} at {width}px:\n{_describe(violations)}"
        foreign = [r for r in requests if not r.startswith(server.origin + "/")]
        assert not foreign, foreign
    finally:
        context.close()


# --- keyboard ------------------------------------------------------------------------------------

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const box = e.getBoundingClientRect();
  const style = getComputedStyle(e);
  let behind = null;  // the first opaque background behind the outline (it is drawn outside e)
  for (let p = e.parentElement; p && !behind; p = p.parentElement) {
    const colour = getComputedStyle(p).backgroundColor;
    if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') behind = colour;
  }
  return {
    tag: e.tagName.toLowerCase(), id: e.id, text: e.textContent.trim().slice(0, 30),
    href: e.getAttribute('href'), inNav: !!e.closest('#xz-nav'), lang: e.classList.contains('xz-lang'),
    chrome: !!e.closest('.xz-header, #xz-nav, .xz-footer'),
    summaryClosed: e.tagName === 'SUMMARY' && !e.parentElement.open,
    left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width, height: box.height,
    visible: style.visibility !== 'hidden' && box.width > 0 && box.height > 0,
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor, behind: behind || 'rgb(255, 255, 255)',
  };
}"""


def _rgb(colour: str) -> tuple[float, float, float]:
    values = [float(v) for v in re.findall(r"[\d.]+", colour)[:3]]
    return values[0], values[1], values[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""
    def luminance(colour: str) -> float:
        def linear(c: float) -> float:
            c /= 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (linear(c) for c in _rgb(colour))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_helper_knows_black_and_white():
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)


def _walk(page, width: int, limit: int = 120) -> list[dict]:
    """Tab through the page from its top, as a keyboard user would: the menu button is opened
    (Space) when reached below 60em, a closed navigation section is opened (Enter)."""
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (seen and focused["tag"] == "a" and focused == seen[0]):
            break
        seen.append(focused)
        if focused["id"] == "xz-menu" and page.get_attribute("#xz-menu", "aria-expanded") == "false":
            assert not page.locator("#xz-nav a").first.is_visible(), "the closed menu shows its links"
            page.keyboard.press("Space")
            assert page.get_attribute("#xz-menu", "aria-expanded") == "true"
        elif focused["summaryClosed"]:
            page.keyboard.press("Enter")
    return seen


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("script", SCRIPTS)
def test_keyboard_reaches_everything_with_a_visible_focus(browser, axe, servers, pages, script, width):
    server = servers["subpath"]
    path = _in(script, pages["item"])
    context, page, _ = _open(browser, server, path, width)
    try:
        nav_links = page.eval_on_selector_all("#xz-nav a", "links => links.map(a => a.getAttribute('href'))")
        assert len(nav_links) >= 9, nav_links
        if width < NARROW:  # behind the menu: nothing of the navigation can take the focus
            assert page.is_visible("#xz-menu") and not page.is_visible("#xz-nav")
        else:
            assert not page.is_visible("#xz-menu") and page.is_visible("#xz-nav")
        reached = _walk(page, width)
        assert reached[0]["text"] == "跳到正文", reached[0]
        hrefs = {f["href"] for f in reached if f["inNav"]}
        missing = [h for h in nav_links if h not in hrefs]
        assert not missing, f"{path} at {width}px: the keyboard never reached {missing}"
        assert any(f["id"] == "xz-header-q" for f in reached), "the search box"
        assert any(f["lang"] for f in reached), "the language switch"
        bad = []
        for f in reached:
            where = f"{f['tag']} {f['text']!r}"
            if not f["visible"] or f["right"] > width + 1 or f["left"] < -1:
                bad.append(f"{where} has the focus but cannot be seen ({f['left']:.0f}..{f['right']:.0f}px)")
            if f["outlineStyle"] in ("none", "hidden") or f["outlineWidth"] < 2:
                bad.append(f"{where}: no focus outline ({f['outlineStyle']} {f['outlineWidth']}px)")
            elif contrast(f["outlineColor"], f["behind"]) < 3:
                bad.append(f"{where}: focus {f['outlineColor']} on {f['behind']} is "
                           f"{contrast(f['outlineColor'], f['behind']):.2f}:1")
            if f["chrome"] and f["height"] < 44:
                bad.append(f"{where}: a {f['height']:.0f}px tap target")
        assert not bad, f"{path} at {width}px:\n" + "\n".join(bad)
        if width < NARROW:  # the open menu passes axe too; Escape closes it, the focus goes back
            violations = axe.run(page, options=_every_axe_rule(axe, page)).response["violations"]
            assert not violations, f"{path} at {width}px, menu open:\n{_describe(violations)}"
            page.focus("#xz-nav a")
            page.keyboard.press("Escape")
            assert page.get_attribute("#xz-menu", "aria-expanded") == "false"
            assert page.evaluate("document.activeElement.id") == "xz-menu"
            assert not page.is_visible("#xz-nav")
    finally:
        context.close()


# The hint's width in the box's own font, against the room inside the box.
PLACEHOLDER_FITS = """(() => {
  const box = document.getElementById('xz-header-q'), style = getComputedStyle(box);
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${style.fontSize} ${style.fontFamily}`;
  const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return context.measureText(box.placeholder).width <= room;
})()"""


@pytest.mark.parametrize("script", SCRIPTS)
def test_header_and_text_are_readable_on_a_small_phone(browser, servers, pages, script):
    server = servers["subpath"]
    context, page, _ = _open(browser, server, _in(script, pages["item"]), 320)
    try:
        font = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert font.startswith('"PingFang SC"' if script == HANS else '"PingFang TC"'), font
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 18
        assert page.evaluate("parseFloat(getComputedStyle(document.body).lineHeight)") >= 1.5 * 18
        # iOS zooms into a text field under 16 px
        assert page.evaluate("parseFloat(getComputedStyle(document.getElementById('xz-header-q')).fontSize)") >= 16
        title = page.locator(".xz-home__name")
        shown = title.inner_text().replace("\n", "")
        assert shown == page.evaluate("document.querySelector('meta[name=SiteName]').content"), shown
        assert page.evaluate("(e => e.scrollWidth <= e.clientWidth)(document.querySelector('.xz-home__name'))")
        assert page.evaluate(PLACEHOLDER_FITS), "the search box's hint is cut off"
    finally:
        context.close()


CHART_TEXT_PX = """() => [...document.querySelectorAll('.xz-chart svg')].map(svg =>
  Math.min(...[...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height)))"""


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("script", SCRIPTS)
def test_chart_labels_stay_readable_on_a_phone(browser, servers, pages, script, width):
    """The statistics charts are drawn for a phone's column: their text is not scaled down to
    the 9 px it was when the labels stood beside the bars."""
    context, page, _ = _open(browser, servers["subpath"], _in(script, pages["stats"]), width)
    try:
        heights = page.evaluate(CHART_TEXT_PX)
        assert heights and min(heights) >= 14, heights
    finally:
        context.close()


def test_without_javascript_the_navigation_is_shown_and_the_button_is_not(browser, servers, pages):
    server = servers["subpath"]
    context, page, _ = _open(browser, server, pages["item"], 375, java_script_enabled=False)
    try:
        assert page.is_visible("#xz-nav a") and not page.is_visible("#xz-menu")
    finally:
        context.close()


# --- the 404 page -------------------------------------------------------------------------------

@pytest.mark.parametrize("script", SCRIPTS)
def test_404_page_is_chinese_and_leads_home_and_to_search(browser, servers, sample, script):
    server = servers["subpath"]  # a path that is not site_url's: links must not depend on it
    for target in ("index.html", "search.html"):
        context, page, _ = _open(browser, server, _in(script, "404.html"), 375)
        try:
            assert page.evaluate("document.documentElement.lang") == script
            assert "找不到" in page.locator("h1").inner_text() or "找不到" in page.title()
            header = page.evaluate("getComputedStyle(document.querySelector('.xz-header')).backgroundColor")
            assert header == "rgb(142, 26, 26)", "the stylesheet is loaded"
            with page.expect_navigation(wait_until="load") as navigation:
                page.click(f'.md-content a[href="{target}"]')
            assert navigation.value.ok
            assert page.url == server.base + _in(script, target)
        finally:
            context.close()
    # Opened from the disk, the links lead to files that exist.
    folder = sample.out / (HANT_DIR if script == HANT else "")
    hrefs = re.findall(r'<a href="([^"#:]+)"', (folder / "404.html").read_text(encoding="utf-8"))
    assert hrefs and all((folder / href).is_file() for href in hrefs), hrefs


# --- print ---------------------------------------------------------------------------------------

def _pdf_of(page) -> bytes:
    page.emulate_media(media="print")
    return page.pdf(format="A4", print_background=False)


def _plain(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def _text_sizes(pdf_page) -> list[tuple[str, float]]:
    runs: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        scale = (abs(tm[3]) or 1) * (abs(cm[3]) or 1)
        if text.strip():
            runs.append((text, size * scale))

    pdf_page.extract_text(visitor_text=visit)
    return runs


@pytest.fixture(scope="session")
def short_item(sample) -> str:
    """The item page with the least text: its content fits one sheet."""
    items = sorted((sample.out / "items").glob("*.html"), key=lambda p: (len(sitebuild.visible_text(p)), p.name))
    return f"items/{items[0].name}"


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("which", ["richest", "short"])
def test_printed_item_is_a_notice(browser, servers, pages, short_item, site_url, which, script):
    """The item with the most on its page (a no-penalty table, a related case, long quotes)
    keeps to two sheets; an ordinary one fits one."""
    from PIL import Image
    from pypdf import PdfReader
    import segno

    server = servers["subpath"]
    path = _in(script, pages["item"] if which == "richest" else short_item)
    context, page, _ = _open(browser, server, path, 1280)
    try:
        title = page.locator("h1").inner_text()
        date = page.get_attribute('meta[name="PubDate"]', "content")
        reader = PdfReader(io.BytesIO(_pdf_of(page)))
        # Headings that lead their text's first line never push one another sideways.
        lefts = page.evaluate("[...document.querySelectorAll('.md-content h1, .md-content h2')]"
                              ".map(h => Math.round(h.getBoundingClientRect().left))")
        assert len(set(lefts)) == 1, lefts
        source = page.locator(".xz-source").inner_text()
        mark = page.locator(".xz-demo strong").inner_text()
    finally:
        context.close()
    assert len(reader.pages) == (1 if which == "short" else 2), f"{path}: {len(reader.pages)} A4 pages"
    # The PDF's fonts map some characters to their Kangxi-radical twins (⽤ for 用): NFKC folds them.
    text = _plain("".join(sheet.extract_text() for sheet in reader.pages))
    public = site_url.rstrip("/") + "/" + path
    assert public in source and date in source, source
    for needle in (title, mark, source):
        assert _plain(needle) in text, needle
    sizes = [run for sheet in reader.pages for run in _text_sizes(sheet)]
    small = [(t, round(s, 1)) for t, s in sizes if s < 11.9]
    assert sizes and not small, small[:10]
    [qr] = reader.pages[-1].images
    pixels = Image.open(io.BytesIO(qr.data)).convert("1")
    matrix = [[bool(v) for v in row] for row in segno.make_qr(public, error="m", mask=0).matrix]
    border = (pixels.width - len(matrix)) // 2
    assert border == 4 and pixels.width == pixels.height, pixels.size
    got = [[pixels.getpixel((border + x, border + y)) == 0 for x in range(len(matrix))] for y in range(len(matrix))]
    assert got == matrix, "the printed QR code is not the code of the page's public address"


def test_without_site_url_print_says_so(tmp_path, browser):
    """No public address: no QR code, and the source line says why."""
    import siteserver

    root = sitebuild.copy_content(tmp_path / "repo")
    settings = root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"(?m)^site_url:.*$", "site_url: ''", text), encoding="utf-8")
    out = tmp_path / "site"
    sitebuild.build_ok(root, out)
    server = siteserver.serve(out, "/")
    try:
        context, page, _ = _open(browser, server, "index.html", 1280)
        try:
            page.emulate_media(media="print")
            source = page.locator(".xz-source")
            assert source.is_visible() and "没有设置公开网址" in source.inner_text()
            assert page.locator(".xz-qr").count() == 0
            assert page.locator('link[hreflang]').count() == 0
        finally:
            context.close()
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


# --- weight ----------------------------------------------------------------------------------------

class Loads:
    """Response bodies (uncompressed bytes) the browser receives, by URL. Whether a browser asks
    again for a file it has depends on the server's cache headers, not on the site: a later page
    costs only the files no earlier page loaded (data: URLs are part of their page)."""

    def __init__(self, page) -> None:
        self.page = page
        self.seen: set[str] = set()

    def of(self, go) -> tuple[int, list[str]]:
        session = self.page.context.new_cdp_session(self.page)
        session.send("Network.enable")
        received: dict[str, int] = {}
        urls: dict[str, str] = {}
        session.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))
        session.on("Network.dataReceived", lambda e: received.__setitem__(
            e["requestId"], received.get(e["requestId"], 0) + e["dataLength"]))
        go()
        self.page.wait_for_load_state("networkidle")
        session.detach()
        new = {urls[r]: n for r, n in received.items()
               if r in urls and urls[r] not in self.seen and not urls[r].startswith("data:")}
        self.seen |= set(new)
        return sum(new.values()), sorted(new)


def test_item_page_is_light(browser, servers, pages):
    """First visit ≤ 60 KB in all, the next page ≤ 20 KB; the other script costs only its HTML."""
    server = servers["subpath"]
    context = browser.new_context(viewport={"width": 375, "height": 800}, service_workers="block")
    try:
        page = context.new_page()
        loads = Loads(page)
        first, loaded = loads.of(lambda: page.goto(server.base + pages["item"], wait_until="load"))
        assert first <= 60_000, (first, loaded)
        assert any(u.endswith(".css") for u in loaded) and any(u.endswith(".js") for u in loaded), loaded
        second, loaded = loads.of(lambda: page.goto(server.base + pages["department"], wait_until="load"))
        assert second <= 20_000 and len(loaded) == 1, (second, loaded)
        switched, loaded = loads.of(lambda: page.click("a.xz-lang"))
        assert loaded == [server.base + _in(HANT, pages["department"])], loaded
        print(f"\nitem first visit {first} B, next page {second} B, the same page in the other script {switched} B")
    finally:
        context.close()
