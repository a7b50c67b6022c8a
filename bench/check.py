"""Benchmark ``python -m generator check``: wall time and peak memory, on the sample and on a
generated 10,000-item catalog. Not a test: run by hand and quote the numbers.

    python bench/check.py            # both scales
    python bench/check.py --scale items10k
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def measure(root: Path) -> tuple[float, float, int]:
    """(seconds, peak MB, exit code) of one check run in a fresh process."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(root), "--format", "json"],
                          cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak_kb / 1024, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", action="append", choices=["sample", "items10k"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'scale':<10} {'files':>6} {'items':>7} {'best s':>8} {'peak MB':>8} exit")
    for scale in args.scale or ["sample", "items10k"]:
        with tempfile.TemporaryDirectory() as tmp:
            root = synth.generate(scale, Path(tmp) / scale)
            files = sum(1 for _ in root.rglob("*.yaml")) + sum(1 for _ in root.rglob("*.md"))
            items = sum(p.read_text(encoding="utf-8").count("\n  - id: ") for p in (root / "catalogs").glob("*.yaml"))
            # Each run is a separate process; RUSAGE_CHILDREN keeps the largest child seen so far,
            # so measure scales from small to large.
            results = [measure(root) for _ in range(args.runs)]
            best = min(r[0] for r in results)
            print(f"{scale:<10} {files:>6} {items:>7} {best:>8.2f} {max(r[1] for r in results):>8.1f} {results[0][2]}")


if __name__ == "__main__":
    main()
