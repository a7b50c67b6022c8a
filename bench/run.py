"""Performance at named scales, measured side by side. Not a test: run by hand, quote the table.

    python bench/run.py --scale district [--json FILE] [--skip-alternative]

One run measures, on synthetic content of the scale (bench/synth.py, deterministic):
- ``check_s``: ``python -m generator check``;
- ``build_s`` and ``peak_mb``: the full bilingual build (check, render, both MkDocs builds,
  search index, exports) as a user runs it;
- ``lower_bound_s``: the same pages rendered with Python-Markdown + Jinja2 + OpenCC alone;
- ``alternative_s``: what a user would assemble instead — one MkDocs project with
  mkdocs-material, mkdocs-static-i18n (zh + zh-Hant) and Material's built-in search with jieba —
  on the same pages;
- ``site_mb`` and ``largest_item_page_kb``: size of our output and of its largest item page;
- ``preview_edit_s``: with ``serve``'s incremental preview running, the time from an edit to
  one item until its page is rebuilt (search index and exports follow in the background).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import synth  # noqa: E402
from build import lower_bound  # noqa: E402  (bench/build.py)

from generator import build as generator_build  # noqa: E402
from generator import checks, render  # noqa: E402
from generator.script import Converter  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def run_measured(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of a command and all its child processes together:
    the build runs two MkDocs processes and a forked one for the data files at once, so the
    peak is the tree's proportional set size (a page shared after fork counts once), sampled
    every 20 ms from /proc."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_memory(process.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return seconds, peak / 1024 / 1024


def _tree_memory(root_pid: int) -> int:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            parents[int(entry)] = int(stat[stat.rindex(")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += _pss(pid)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def alternative(root: Path, work: Path) -> float:
    """One MkDocs project, static-i18n for the two scripts, built-in search with jieba."""
    loaded, settings, _ = checks.run(root)
    converter = Converter(settings.hant_variant)
    pages = render.render(loaded.content, settings, converter)
    start = time.perf_counter()
    docs = work / "docs"
    for page in pages:
        for suffix, convert in ((".md", converter.to_hans), (".zh-Hant.md", converter.to_hant)):
            target = docs / (page.path[:-3] + suffix)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(convert(page.body), encoding="utf-8")
    config = {
        "site_name": settings.site_name,
        "docs_dir": "docs",
        "site_dir": str(work / "site"),
        "theme": {"name": "material", "language": "zh", "font": False},
        "markdown_extensions": ["tables", "admonition", "attr_list", "toc"],
        "plugins": [
            {"search": {"lang": "zh"}},
            {"i18n": {"docs_structure": "suffix", "languages": [
                {"locale": "zh", "default": True, "name": "简体", "build": True},
                {"locale": "zh-Hant", "name": "繁體", "build": True}]}},
        ],
        "nav": generator_build._nav(loaded.content),
    }
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def preview_edit(root: Path, cache: Path) -> float:
    """Seconds from saving an edit to one item until its page is updated in the preview."""
    preview = generator_build.Preview(root, cache)
    if not preview.update().ok:
        raise SystemExit("preview: content errors")
    if preview._background:  # the first build's search index and exports, before the edit
        preview._background.join()
    catalog = sorted((root / "catalogs").glob("*.yaml"))[0]
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace("    name: ", "    name: 已修改的", 1), encoding="utf-8")
    start = time.perf_counter()
    preview.update()
    seconds = time.perf_counter() - start
    if preview._background:
        preview._background.join()
    catalog.write_text(text, encoding="utf-8")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", required=True, choices=sorted(synth.SCALES))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--skip-alternative", action="store_true", help="the alternative takes minutes at city scale")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        root = synth.generate(args.scale, tmp_path / "content")
        check_s, _ = run_measured([sys.executable, "-m", "generator", "check", "--root", str(root), "--format", "json"])
        out = tmp_path / "site"
        build_s, peak_mb = run_measured([sys.executable, "-m", "generator", "build", "--root", str(root),
                                         "--out", str(out)])
        site_mb = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
        largest = max((f.stat().st_size for f in (out / "items").glob("*.html")), default=0) / 1e3
        preview_s = preview_edit(root, tmp_path / "preview-cache")
        lower_s = lower_bound(root, tmp_path / "lower")
        shutil.rmtree(tmp_path / "lower")
        alt_s = None if args.skip_alternative else alternative(root, tmp_path / "alternative")
    figures = {
        "scale": args.scale,
        "check_s": round(check_s, 2),
        "build_s": round(build_s, 2),
        "peak_mb": round(peak_mb, 1),
        "lower_bound_s": round(lower_s, 2),
        "alternative_s": round(alt_s, 2) if alt_s is not None else None,
        "site_mb": round(site_mb, 1),
        "largest_item_page_kb": round(largest, 1),
        "preview_edit_s": round(preview_s, 2),
    }
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"scale {args.scale} — {machine}")
    rows = [
        ("check", f"{check_s:.2f} s", ""),
        ("full bilingual build", f"{build_s:.2f} s", f"peak {peak_mb:.0f} MB"),
        ("lower bound (Markdown+Jinja2+OpenCC)", f"{lower_s:.2f} s", f"build / lower bound = {build_s / lower_s:.2f}"),
        ("alternative (material+static-i18n+search)", "skipped" if alt_s is None else f"{alt_s:.2f} s",
         "" if alt_s is None else f"alternative / build = {alt_s / build_s:.2f}"),
        ("output size", f"{site_mb:.1f} MB", f"largest item page {largest:.1f} KB"),
        ("preview: edit one item until its page is updated", f"{preview_s:.2f} s", ""),
    ]
    for name, value, note in rows:
        print(f"  {name:<44} {value:>10}  {note}")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
