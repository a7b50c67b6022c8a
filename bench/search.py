"""Benchmark the search: index build time and size, and bytes a reader's browser downloads.

    python bench/search.py [--scale sample --scale items10k] [--breakdown]

For each scale: time to write the index, its size on disk, and — measured in Chromium against
a local server that does not compress — the bytes fetched for a first query (search script +
index files, page HTML and CSS reported apart) and for a second, different query on the same
page; the gzip column estimates the same with a compressing server. Not a test.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import synth  # noqa: E402

from generator import checks  # noqa: E402
from generator.script import Converter  # noqa: E402
from generator.outputs import search as index  # noqa: E402
from generator.view import PublishedView  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("行政指导", "首違不罰")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _sent(site: Path, base: str, response) -> bytes:
    """The bytes the server sent: the file itself (Playwright's body() of a text/plain response
    without a charset is the browser's Latin-1 reading re-encoded, up to twice the size)."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(response.url).path)
    file = site / path.lstrip("/")
    if response.url.startswith(base) and file.is_file():
        return file.read_bytes()
    return response.body()


def measure_browser(site: Path, breakdown: bool = False) -> list[tuple[int, int, int]]:
    """(search bytes, gzip estimate, other bytes) for the first and the second query."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows: list[tuple[int, int, int]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        responses: list = []
        page.on("response", lambda r: responses.append(r) if r.ok else None)
        # finished: the status is final and the results are drawn (their rows are fetched after it)
        done = ("!document.getElementById('search-status').textContent.startsWith('正在') && "
                "(!!document.querySelector('#search-results li') || "
                "!document.getElementById('search-status').textContent.startsWith('找到'))")
        for n, query in enumerate(QUERIES):
            responses.clear()
            if n == 0:
                page.goto(f"{base}search.html?q={query}")
            else:
                page.fill("#xz-q", query)
                page.press("#xz-q", "Enter")
            _wait(page, f"() => !!document.getElementById('search-status').textContent && {done}")
            page.wait_for_load_state("networkidle")
            bodies = [(r.url, _sent(site, base, r)) for r in responses]
            search = [b for u, b in bodies if "/search/" in u or u.endswith("search.js")]
            other = [b for u, b in bodies if not ("/search/" in u or u.endswith("search.js"))]
            rows.append((sum(map(len, search)), sum(len(gzip.compress(b)) for b in search), sum(map(len, other))))
            if breakdown:
                parts: dict[str, list[int]] = {}
                for url, body in bodies:
                    if "/search/" in url or url.endswith("search.js"):
                        name = url.split("/search/")[-1] if "/search/" in url else "search.js"
                        part = parts.setdefault(name.split("/")[0] if "/" in name else name, [0, 0, 0])
                        part[0] += 1
                        part[1] += len(body)
                        part[2] += len(gzip.compress(body))
                print(f"  {query}: " + ", ".join(f"{k} {n}× {raw / 1e3:.1f}/{gz / 1e3:.1f} KB"
                                                 for k, (n, raw, gz) in sorted(parts.items())))
        browser.close()
    server.shutdown()
    return rows


def _wait(page, predicate: str, seconds: float = 120) -> None:
    """Poll ``predicate`` with evaluate: wait_for_function evaluates a string, which the page's CSP forbids."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(predicate):
        if time.monotonic() > deadline:
            raise TimeoutError(predicate)
        page.wait_for_timeout(50)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", action="append", choices=["sample", "items1k", "items10k", "district", "city"])
    parser.add_argument("--breakdown", action="store_true", help="print each query's search files by folder")
    args = parser.parse_args()
    print(f"{'scale':<9} {'docs':>6} {'index s':>8} {'index MB':>9} {'files':>6} | "
          f"{'1st KB':>7} {'gz KB':>6} {'page KB':>7} | {'2nd KB':>7} {'gz KB':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        sample_site = Path(tmp) / "page-template-site"
        subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(sample_site)], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        for scale in args.scale or ["sample", "items10k"]:
            root = synth.generate(scale, Path(tmp) / scale)
            loaded, settings, _ = checks.run(root)
            site = Path(tmp) / f"{scale}-site"
            shutil.copytree(sample_site, site)  # the search page and its assets
            shutil.rmtree(site / "search")
            converter = Converter(settings.hant_variant)
            start = time.perf_counter()
            figures = index.write(PublishedView.of(loaded.content, settings, converter=converter), site)
            seconds = time.perf_counter() - start
            files = [f for f in (site / "search").rglob("*") if f.is_file()]
            size = sum(f.stat().st_size for f in files) / 1e6
            first, second = measure_browser(site, args.breakdown)
            print(f"{scale:<9} {figures['documents']:>6} {seconds:>8.2f} {size:>9.1f} {len(files):>6} | "
                  f"{first[0] / 1e3:>7.1f} {first[1] / 1e3:>6.1f} {first[2] / 1e3:>7.1f} | "
                  f"{second[0] / 1e3:>7.1f} {second[1] / 1e3:>6.1f}")


if __name__ == "__main__":
    main()
