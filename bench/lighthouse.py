"""Lighthouse (mobile preset) on the built site: home, a department, an item, a case, search and
statistics, in both scripts. A measurement, not a test.

    LIGHTHOUSE=/path/to/node_modules/.bin/lighthouse .venv/bin/python bench/lighthouse.py [--site DIR]

Without ``--site`` the sample content is built into a temporary folder first. The site is served
by a local stdlib server (no compression, no cache headers: the performance score is a floor).
Prints one row per page with the four category scores, then every audit that did not pass.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def pages_of(site: Path) -> list[tuple[str, str]]:
    """(label, path) of each page to audit: the richest item page (largest file) stands for items."""
    def first(folder: str, key=lambda p: p.name) -> str:
        files = sorted((p for p in (site / folder).glob("*.html") if p.name != "index.html"), key=key)
        return f"{folder}/{files[0].name}"

    kinds = [("home", "index.html"), ("department", first("departments")),
             ("item", first("items", key=lambda p: -p.stat().st_size)), ("case", first("cases")),
             ("search", "search.html?q=%E9%A3%9F%E5%93%81"), ("stats", "stats.html")]
    return [(f"{label} {script}", prefix + path) for script, prefix in (("zh-Hans", ""), ("zh-Hant", "zh-Hant/"))
            for label, path in kinds]


def audit(lighthouse: str, url: str) -> dict:
    run = subprocess.run(
        [lighthouse, url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")})
    if run.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample)")
    parser.add_argument("--lighthouse", default=os.environ.get("LIGHTHOUSE", "lighthouse"))
    args = parser.parse_args()
    work = None
    site = args.site
    if site is None:
        work = Path(tempfile.mkdtemp(prefix="lighthouse-"))
        site = work / "site"
        subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(site)], cwd=ROOT,
                       check=True, capture_output=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    failed: list[str] = []
    try:
        print(f"{'page':<20}" + "".join(f"{c:>16}" for c in CATEGORIES))
        for label, path in pages_of(site):
            report = audit(args.lighthouse, base + path)
            scores = [report["categories"][c]["score"] for c in CATEGORIES]
            print(f"{label:<20}" + "".join(f"{round(s * 100):>16}" for s in scores), flush=True)
            for category in CATEGORIES:
                for ref in report["categories"][category]["auditRefs"]:
                    result = report["audits"][ref["id"]]
                    if ref["weight"] and result["score"] is not None and result["score"] < 1:
                        failed.append(f"{label}: {category}: {ref['id']} ({result['score']}) {result.get('displayValue', '')}")
    finally:
        server.shutdown()
        if work:
            shutil.rmtree(work, ignore_errors=True)
    print("\n".join(["", "Audits not passed:", *failed]) if failed else "\nEvery weighted audit passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
