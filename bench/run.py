"""Performance at named scales, measured side by side. Not a test: run by hand, quote the table.

    python bench/run.py --scale district [--runs 3] [--json FILE] [--skip-alternative] [--skip-file-creations]

On synthetic content of the scale (bench/synth.py, deterministic), the timed figures are each
the median of ``--runs`` rounds, printed with their min and max, n, and the load average at
start and end. A round measures each figure once, in this order, so a drift of the machine's
load hits all of them alike (A B C A B C …):
- ``check_s``: ``python -m generator check``;
- ``build_s``: a clean full bilingual build (``python -m generator build``, no cache from an
  earlier build): check, render, both MkDocs builds, search index, exports, and the guidance
  documents (the content has the sample's ``documents/``, as a district's repository would);
- ``build_without_documents_s``: the same build of the same content without ``documents/``:
  ``build_s`` over it, less one, is the documents' share of the build;
- ``floor_s`` (also written as ``lower_bound_s``, its old name): bench/floor.py, the same pages
  done competently — one reused Markdown with the engine's extensions, the real page chrome,
  OpenCC, each page written once, one process per script in parallel; no data files;
- ``alternative_s``: what a user would assemble instead — one MkDocs project with
  mkdocs-material, mkdocs-static-i18n (zh + zh-Hant) and Material's built-in search with jieba,
  configured as a competent user would (``ALTERNATIVE``), from the rendered pages;
- ``preview_edit_s``: with ``serve``'s incremental preview running, the time from saving a new
  name for one item until its page shows it (search index and exports follow in the background).
Measured once, in separate untimed builds so they do not slow the timed ones:
- ``peak_mb``: the build's process tree's peak proportional set size (bench/memory.py);
- ``file_creations`` per delivered file, by kind (bench/writes.py, strace);
- ``site_mb``, ``pages`` (HTML files, both scripts), ``largest_item_page_kb``.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import memory  # noqa: E402  (bench/memory.py)
import synth  # noqa: E402
import writes  # noqa: E402

from generator import build as generator_build, layout  # noqa: E402
from generator import checks  # noqa: E402
from generator.outputs import pages as pages_output  # noqa: E402
from generator.outputs.pages import render  # noqa: E402
from generator.script import Converter  # noqa: E402
from generator.view import PublishedView  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
TIMED = ("check", "build", "build_without_documents", "floor", "alternative", "preview_edit")
ALTERNATIVE = ("mkdocs-material + mkdocs-static-i18n (suffix structure, reconfigure_search: false, "
               "i.e. its search de-duplication off) + built-in search (lang zh, jieba)")


def timed(command: list[str]) -> float:
    """Wall seconds of a command in a fresh process (nothing samples it meanwhile)."""
    start = time.perf_counter()
    run = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {run.returncode}:\n{run.stderr.decode()[-2000:]}")
    return seconds


class Alternative:
    """One MkDocs project, static-i18n for the two scripts, built-in search with jieba.

    mkdocs-static-i18n's default ``reconfigure_search`` de-duplicates the search index all
    against all (upstream ultrabug/mkdocs-static-i18n#57): 43 % of this build's CPU for one
    entry of 22,786 at district scale. A competent user switches it off, so it is off here."""

    def __init__(self, root: Path, work: Path) -> None:
        loaded, settings, _ = checks.run(root)
        self.converter = Converter(settings.hant_variant)
        view = PublishedView.of(loaded.content, settings, converter=self.converter)
        self.pages = render.render(view)
        self.work = work
        config = {
            "site_name": settings.site_name,
            "docs_dir": "docs",
            "site_dir": str(work / "site"),
            "theme": {"name": "material", "language": "zh", "font": False},
            "markdown_extensions": ["tables", "admonition", "attr_list", "toc"],
            "plugins": [
                {"search": {"lang": "zh"}},
                {"i18n": {"docs_structure": "suffix", "reconfigure_search": False, "languages": [
                    {"locale": "zh", "default": True, "name": "简体", "build": True},
                    {"locale": "zh-Hant", "name": "繁體", "build": True}]}},
            ],
            "nav": pages_output.nav(view.departments),
        }
        work.mkdir(parents=True)
        (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                         encoding="utf-8")

    def run(self) -> float:
        """Seconds to write the pages in both scripts and build them."""
        for folder in ("docs", "site"):
            shutil.rmtree(self.work / folder, ignore_errors=True)
        start = time.perf_counter()
        docs = self.work / "docs"
        for page in self.pages:
            for suffix, convert in ((".md", self.converter.to_hans), (".zh-Hant.md", self.converter.to_hant)):
                target = docs / (page.path[:-3] + suffix)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(convert(page.body), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(self.work / "mkdocs.yml")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start


class PreviewEdit:
    """``serve``'s incremental preview on its own copy of the content, where one item's name
    is edited again for each measurement."""

    def __init__(self, root: Path, work: Path) -> None:
        self.root = work / "preview-content"
        shutil.copytree(root, self.root)
        self.preview = generator_build.Preview(self.root, work / "preview-cache")
        if not self.preview.update().ok:
            raise SystemExit("preview: content errors")
        self._settle()  # the first build's search index and exports, before any edit
        loaded, settings, _ = checks.run(self.root)
        self.item = PublishedView.of(loaded.content, settings).items[0]
        self.file = self.root / self.item.origin.path
        self.edits = 0

    def edit(self) -> float:
        """Seconds from saving a new name for the item until its page shows it."""
        self.edits += 1
        name = f"{self.item.name}（第{self.edits}次修改）"
        self.file.write_text(_renamed(self.file.read_text(encoding="utf-8"), self.item.id, name), encoding="utf-8")
        start = time.perf_counter()
        result = self.preview.update()
        seconds = time.perf_counter() - start
        page = self.preview.site / "items" / f"{self.item.id}.html"
        if not result.ok or html.escape(name, quote=False) not in page.read_text(encoding="utf-8"):
            raise SystemExit(f"preview: {page} does not show the edited name")
        self._settle()
        return seconds

    def _settle(self) -> None:
        if self.preview._background:
            self.preview._background.join()


def _renamed(text: str, item_id: str, name: str) -> str:
    """The catalog text with the ``name`` of the item ``item_id`` replaced."""
    pattern = re.compile(rf"^(\s*-?\s*id:\s*{re.escape(item_id)}\s*\n(?:.*\n)*?\s+name:).*$", re.MULTILINE)
    edited, found = pattern.subn(lambda m: f"{m[1]} {json.dumps(name, ensure_ascii=False)}", text, count=1)
    if not found:
        raise SystemExit(f"preview: no name line after id {item_id}")
    return edited


def clean(root: Path, out: Path) -> None:
    """What an earlier build left: the next one starts from scratch."""
    for folder in (root / layout.CACHE_DIR, out):
        shutil.rmtree(folder, ignore_errors=True)


def spread(name: str, values: list[float]) -> dict[str, Any]:
    if not values:
        return {f"{name}_s": None, f"{name}_s_min": None, f"{name}_s_max": None}
    return {f"{name}_s": round(statistics.median(values), 2),
            f"{name}_s_min": round(min(values), 2), f"{name}_s_max": round(max(values), 2)}


def measure(scale: str, runs: int, skip_alternative: bool, progress: Callable[[str], None],
            skip_file_creations: bool = False) -> dict[str, Any]:
    load_start = os.getloadavg()
    times: dict[str, list[float]] = {name: [] for name in TIMED}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        root = synth.generate(scale, work / "content")
        out, floor_out = work / "site", work / "floor"
        check = [sys.executable, "-m", "generator", "check", "--root", str(root), "--format", "json"]
        build = [sys.executable, "-m", "generator", "build", "--root", str(root), "--out", str(out)]
        bare = work / "content-without-documents"
        shutil.copytree(root, bare, ignore=shutil.ignore_patterns("documents"))
        bare_out = work / "site-without-documents"
        bare_build = [sys.executable, "-m", "generator", "build", "--root", str(bare), "--out", str(bare_out)]
        floor = [sys.executable, str(BENCH / "floor.py"), "--root", str(root), "--chrome-from", str(out),
                 "--out", str(floor_out)]
        alternative = None if skip_alternative else Alternative(root, work / "alternative")
        preview = PreviewEdit(root, work)
        for n in range(runs):
            progress(f"round {n + 1} of {runs}")
            times["check"].append(timed(check))
            clean(root, out)
            times["build"].append(timed(build))
            clean(bare, bare_out)
            times["build_without_documents"].append(timed(bare_build))
            shutil.rmtree(floor_out, ignore_errors=True)
            times["floor"].append(timed(floor))
            if alternative:
                times["alternative"].append(alternative.run())
            times["preview_edit"].append(preview.edit())
        load_end = os.getloadavg()  # the untimed builds below do not count
        pages = sum(1 for _ in out.rglob("*.html"))
        site_mb = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
        largest = max((f.stat().st_size for f in (out / "items").glob("*.html")), default=0) / 1e3
        floor_pages = sum(1 for _ in floor_out.rglob("*.html"))
        progress("memory (separate build)")
        clean(root, out)
        peak_mb = memory.peak_mb(build, ROOT)
        if skip_file_creations:
            counted = "skipped (--skip-file-creations)"
        else:
            progress("file creations (separate build under strace)")
            clean(root, out)
            counted = writes.count(build, ROOT, work, out)
    figures: dict[str, Any] = {"scale": scale}
    for name in TIMED:
        figures.update(spread(name, times[name]))
    figures["lower_bound_s"] = figures["floor_s"]
    figures.update(
        n=runs,
        peak_mb=round(peak_mb, 1),
        site_mb=round(site_mb, 1),
        largest_item_page_kb=round(largest, 1),
        pages=pages,
        floor_pages=floor_pages,
        build_per_floor=[round(b / f, 2) for b, f in zip(times["build"], times["floor"])],
        documents_share=[round(b / w - 1, 3) for b, w in zip(times["build"], times["build_without_documents"])],
        alternative_per_build=[round(a / b, 2) for a, b in zip(times["alternative"], times["build"])],
        alternative_config=None if skip_alternative else ALTERNATIVE,
        load_start=[round(x, 2) for x in load_start],
        load_end=[round(x, 2) for x in load_end],
        machine=f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    )
    if isinstance(counted, str):
        figures.update(file_creations=None, delivered_files=None, creations_per_delivered_file=None,
                       creations_by_kind=None, delivered_rewritten=None, file_creations_note=counted)
    else:
        figures.update(file_creations=counted.creations, delivered_files=counted.delivered,
                       creations_per_delivered_file=round(counted.per_delivered, 2),
                       creations_by_kind=counted.kinds, delivered_rewritten=counted.rewritten)
    return figures


def report(f: dict[str, Any]) -> None:
    def row(label: str, name: str, note: str = "") -> None:
        if f[f"{name}_s"] is None:
            print(f"  {label:<52} {'skipped':>8}")
            return
        print(f"  {label:<52} {f[f'{name}_s']:>8.2f} {f[f'{name}_s_min']:>8.2f} {f[f'{name}_s_max']:>8.2f}  {note}")

    def ratios(values: list[float]) -> str:
        return f"per round {min(values):.2f}–{max(values):.2f}" if values else ""

    load = "load average (1/5/15 min) {} at start, {} at end".format(
        *("/".join(f"{x:.2f}" for x in f[key]) for key in ("load_start", "load_end")))
    print(f"scale {f['scale']} — {f['machine']}; n = {f['n']} alternated runs; {load}")
    print(f"  {'seconds':<52} {'median':>8} {'min':>8} {'max':>8}")
    row("check", "check")
    row("full bilingual build, clean", "build", f"{f['pages']} pages")
    shares = f["documents_share"]
    row("the same build without documents/", "build_without_documents",
        f"documents add {f['build_s'] / f['build_without_documents_s'] - 1:+.0%} "
        f"(per round {min(shares):+.0%} to {max(shares):+.0%})" if shares else "")
    row("floor: same pages done competently (bench/floor.py)", "floor",
        f"{f['floor_pages']} pages; build / floor = {f['build_s'] / f['floor_s']:.2f} ({ratios(f['build_per_floor'])})")
    row("alternative: material + static-i18n + search", "alternative",
        "" if f["alternative_s"] is None else
        f"alternative / build = {f['alternative_s'] / f['build_s']:.2f} ({ratios(f['alternative_per_build'])})")
    row("preview: edit one item's name until its page shows it", "preview_edit")
    if f["alternative_config"]:
        print(f"  alternative configured as: {f['alternative_config']}")
    print(f"  peak memory (separate untimed build, PSS of the process tree): {f['peak_mb']:.0f} MB")
    print(f"  output: {f['site_mb']:.1f} MB, {f['pages']} HTML pages, largest item page {f['largest_item_page_kb']:.1f} KB")
    if f["file_creations"] is None:
        print(f"  file creations: not counted ({f['file_creations_note']})")
        return
    print(f"  file creations (separate clean build under strace): {f['file_creations']} for "
          f"{f['delivered_files']} delivered files = {f['creations_per_delivered_file']:.2f} per delivered file")
    for kind, label in writes.KINDS.items():
        print(f"    {f['creations_by_kind'][kind]:>7}  {label}")
    print(f"  output files written more than once: {f['delivered_rewritten']} extra writes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", required=True, choices=sorted(synth.SCALES))
    parser.add_argument("--runs", type=int, default=3, help="rounds of alternated runs (3 or more for figures to quote)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--skip-alternative", action="store_true", help="the alternative takes minutes at city scale")
    parser.add_argument("--skip-file-creations", action="store_true",
                        help="strace slows a city build several times over; count them at district scale")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    figures = measure(args.scale, args.runs, args.skip_alternative, lambda step: print(step, file=sys.stderr),
                      args.skip_file_creations)
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
