"""Benchmark the bilingual build next to its lower bound, on the sample and on 1,000 items.

    python bench/build.py [--scale sample --scale items1k]

For each scale, in one run: the full ``python -m generator build`` (check, render, both MkDocs
builds) with its peak memory, and the lower bound — the same pages rendered with Jinja2,
Python-Markdown and OpenCC alone, for both scripts, written to disk. Not a test.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jinja2
import markdown

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import synth  # noqa: E402

from generator import checks, render  # noqa: E402
from generator.script import Converter  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGE = jinja2.Template("<!doctype html><html lang=\"{{ lang }}\"><head><meta charset=\"utf-8\">"
                       "<title>{{ title }}</title></head><body>{{ body }}</body></html>")


def full_build(root: Path, out: Path) -> tuple[float, float]:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root), "--out", str(out)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def lower_bound(root: Path, out: Path) -> float:
    """Jinja2 + Markdown + OpenCC for the same pages, both scripts; content loaded beforehand."""
    loaded, settings, _ = checks.run(root)
    start = time.perf_counter()
    converter = Converter(settings.hant_variant)
    pages = render.render(loaded.content, settings, converter)
    for lang, convert, prefix in (("zh-Hans", converter.to_hans, ""), ("zh-Hant", converter.to_hant, "zh-Hant/")):
        for page in pages:
            html = markdown.markdown(convert(page.body), extensions=["tables", "admonition", "attr_list", "toc"])
            target = out / prefix / page.url
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(PAGE.render(lang=lang, title=convert(page.meta["title"]), body=html), encoding="utf-8")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", action="append", choices=sorted(synth.SCALES))
    args = parser.parse_args()
    print(f"{'scale':<9} {'pages':>6} {'build s':>8} {'peak MB':>8} {'lower s':>8} {'ratio':>6}")
    for scale in args.scale or ["sample", "items1k"]:
        with tempfile.TemporaryDirectory() as tmp:
            root = synth.generate(scale, Path(tmp) / "content")
            seconds, peak = full_build(root, Path(tmp) / "site")
            pages = sum(1 for _ in (Path(tmp) / "site").rglob("*.html"))
            bound = lower_bound(root, Path(tmp) / "lower")
            print(f"{scale:<9} {pages:>6} {seconds:>8.2f} {peak:>8.0f} {bound:>8.2f} {seconds / bound:>6.2f}")


if __name__ == "__main__":
    main()
