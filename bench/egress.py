"""Benchmark the scan of a built site for personal data (``generator.egress``), the last step of
``build`` before the new site replaces the old one. Not a test: run by hand and quote the numbers.

    python bench/egress.py --site /tmp/district-site [--runs 3]

``--site`` is a site built by ``python -m generator build`` (e.g. from ``bench/synth.py
--scale district`` content). Prints the file count, the size, the wall time of the scan as the
build runs it (worker processes) and the CPU time of one process scanning everything.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from generator import egress, privacy  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = [p for p in args.site.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files) / 1024 / 1024
    privacy.warm_up()
    walls = []
    for _ in range(args.runs):
        start = time.perf_counter()
        hits = egress.scan_tree(args.site)
        walls.append(time.perf_counter() - start)
    paths = sorted(p.relative_to(args.site).as_posix() for p in files)
    cpu = time.process_time()
    egress._scan_paths(args.site, paths, ())
    cpu = time.process_time() - cpu
    print(f"{args.site}: {len(files)} files, {size:.1f} MB, {len(hits)} hits; scan best {min(walls):.2f} s of "
          f"{args.runs} ({', '.join(f'{t:.2f}' for t in walls)}); one process {cpu:.2f} s CPU")


if __name__ == "__main__":
    main()
