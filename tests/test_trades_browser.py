"""The trade booklet and the office notice page as Chromium prints them (A4, print media).

A restaurant owner prints the 餐饮 booklet: each department's chapter starts on a new sheet. The
service hall prints a department's notice page: its body text is large (≥ 12 pt). The printed
first pages are kept as PNG in test-output/screenshots/ (pdftoppm) for people to look at.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

import sitebuild
from sitebuild import HANT_DIR

SCREENSHOTS = sitebuild.PROJECT / "test-output" / "screenshots"
PDFTOPPM = shutil.which("pdftoppm")


def printed(browser, server, path: str, headings: str = "h2") -> tuple[bytes, list[str]]:
    """The page printed to A4 by Chromium, and the texts of its ``headings`` as shown."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_()
                   if route.request.url.startswith(server.origin + "/") else route.abort())
        response = page.goto(server.base + path, wait_until="load")
        assert response is not None and response.ok, path
        page.emulate_media(media="print")
        return page.pdf(format="A4", print_background=False), page.locator(headings).all_inner_texts()
    finally:
        context.close()


def keep(pdf: bytes, name: str, pages: int = 2) -> None:
    """The first ``pages`` printed sheets as PNG files for people to look at."""
    if PDFTOPPM is None:
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    source = SCREENSHOTS / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run([PDFTOPPM, "-r", "60", "-f", "1", "-l", str(pages), "-png", str(source), str(SCREENSHOTS / name)],
                   check=True, capture_output=True, timeout=120)
    source.unlink()


def plain(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant"])
def test_a_printed_trade_booklet_starts_each_department_on_a_new_sheet(browser, servers, sample, script):
    prefix = f"{HANT_DIR}/" if script == "zh-Hant" else ""
    pdf, chapters = printed(browser, servers["subpath"], f"{prefix}trades/catering.html", "h2.xz-booklet__part")
    assert len(chapters) >= 3
    reader = PdfReader(io.BytesIO(pdf))
    sheets = [plain(p.extract_text()) for p in reader.pages]
    # each chapter's name opens a sheet of its own (the first sheet has the contents)
    starts = [next((i for i, s in enumerate(sheets) if s.startswith(plain(name))), None) for name in chapters]
    assert None not in starts and starts == sorted(set(starts)) and starts[0] > 0, (starts, [s[:40] for s in sheets])
    keep(pdf, f"trade-booklet-catering-{script}")


def test_a_printed_notice_page_is_large_type_and_lists_every_item(browser, servers, sample):
    pdf, _ = printed(browser, servers["subpath"], "notices/scjg.html")
    reader = PdfReader(io.BytesIO(pdf))
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and re.search(r"[\u4e00-\u9fff]", text):
            sizes.append(size * (abs(tm[3]) or 1) * (abs(cm[3]) or 1))

    for sheet in reader.pages:
        sheet.extract_text(visitor_text=visit)
    body = sorted(sizes)[len(sizes) // 2]
    assert body >= 13.5, body  # 14 pt body text
    text = plain("".join(p.extract_text() for p in reader.pages))
    for item in sitebuild.parse(sample.out / "notices" / "scjg.html").find("section", cls="xz-notice__item"):
        assert item.get("id") in text
    keep(pdf, "notice-page-scjg-zh-Hans")

