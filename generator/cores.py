"""Spread a check of many output files over the machine's cores.

The two output gates (egress scan, HTML guard) read every file of a new site, about 7,000 at a
district's scale; each file is checked on its own, so the list is cut into one share per core
and each share runs in a forked process, which inherits the loaded detectors, and the work's
arguments (the egress scan's memo of what it has read already), instead of receiving copies.
Small lists, and systems that cannot fork, run in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable, TypeVar

T = TypeVar("T")
MAX_WORKERS = 4
MIN_FILES = 200  # below this, starting processes costs more than it saves
SHARES_PER_WORKER = 4


# The work of the pool being started: its workers are forked after this is set, so they read it
# from their own copy of memory; only a share's number goes to them, only its results come back.
_task: tuple[Callable[..., list[Any]], list[list[str]], tuple[Any, ...]] | None = None


def each_share(work: Callable[..., list[T]], paths: list[str], *args: Any) -> list[T]:
    """``work(share, *args)`` for shares of ``paths``, results joined in share order. A share is
    a run of neighbouring paths: files of one folder are alike (pages of one script share their
    navigation), and each worker remembers what it has read. There are ``SHARES_PER_WORKER``
    per worker, each handed to the first worker free: files cost unevenly (the build's gate
    only guards pages scanned early, and scans the rest too), and with one share per worker the
    district gate's first worker waited 0.5 s of its 2 s for the second."""
    global _task
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if workers < 2 or len(paths) < MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return work(paths, *args)
    size = -(-len(paths) // (workers * SHARES_PER_WORKER))
    _task = (work, [paths[i:i + size] for i in range(0, len(paths), size)], args)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_run_share, range(len(_task[1])), chunksize=1)
    finally:
        _task = None
    return [result for part in parts for result in part]


def _run_share(index: int) -> list[Any]:
    assert _task is not None, "a share runs only in a worker forked by each_share"
    work, shares, args = _task
    return work(shares[index], *args)
