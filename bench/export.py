"""Benchmark ``generator.outputs.exports.write`` (open data: JSON, CSV, XLSX) in-process, after the checks.
Not a test: run by hand and quote the numbers.

    python bench/export.py --content /tmp/exp-district [--out /tmp/exp-out] [--runs 3] [--profile]

``--content`` is a folder made by ``bench/synth.py``. ``--out`` keeps the files of the last run
(to compare two versions of the code byte by byte).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from generator import checks  # noqa: E402
from generator.outputs import exports as export  # noqa: E402
from generator.view import PublishedView  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest functions of one run")
    args = parser.parse_args()
    loaded, settings, findings = checks.run(args.content)
    if loaded is None or settings is None:
        sys.exit(f"content has errors: {findings[:3]}")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        times = []
        view = PublishedView.of(loaded.content, settings)
        for _ in range(args.runs):
            start = time.perf_counter()
            export.write(view, out)
            times.append(time.perf_counter() - start)
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(export.write, view, out)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    items = len(loaded.content.published_items())
    print(f"{args.content.name}: {items} published items, best {min(times):.3f} s of {args.runs} "
          f"({', '.join(f'{t:.3f}' for t in times)})")


if __name__ == "__main__":
    main()
