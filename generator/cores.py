"""Spread a check of many output files over the machine's cores.

The two output gates (egress scan, HTML guard) read every file of a new site, about 4,300 at a
district's scale; each file is checked on its own, so the list is cut into one share per core
and each share runs in a forked process, which inherits the loaded detectors instead of
building them again. Small lists, and systems that cannot fork, run in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable, TypeVar

T = TypeVar("T")
MAX_WORKERS = 4
MIN_FILES = 200  # below this, starting processes costs more than it saves


def each_share(work: Callable[..., list[T]], paths: list[str], *args: Any) -> list[T]:
    """``work(share, *args)`` for shares of ``paths``, results joined in share order."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if workers < 2 or len(paths) < MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return work(paths, *args)
    shares = [paths[i::workers] for i in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        parts = pool.starmap(work, [(share, *args) for share in shares])
    return [result for part in parts for result in part]
