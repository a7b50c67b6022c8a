"""Memory between the build's large steps: freed memory given back to the system, and what a
long-running process keeps taken out of the garbage collector's walks.

CPython hands a freed object's memory back to the C allocator, and glibc's allocator keeps it
for later instead of returning it to the system. At city scale, after the search index is
written, the forked data-files child held 150 MB it no longer used, and the build's process
240 MB of page texts it had dropped, both while the two engines ran. Asking glibc to trim
(``malloc_trim``) returns it: the city build's peak (PSS of the process tree) went from
1,805 to 1,327–1,433 MB in sampled runs. Elsewhere than glibc this does nothing."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
from typing import Callable

_kept_out = False  # whether this process has frozen what it keeps (gc.get_freeze_count walks them all)


def give_back() -> None:
    """Return the heap's free memory to the system, where the C library can (glibc)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


def keep_out_of_collections() -> None:
    """Once per process: collect, then move every object alive into the collector's permanent
    generation (``gc.freeze``), so that no later collection walks them (the preview's memos,
    about a million objects at city scale; see ``build._collections_paused``)."""
    global _kept_out
    if not _kept_out:
        gc.collect()
        gc.freeze()
        _kept_out = True


def kept_out() -> bool:
    """Whether ``keep_out_of_collections`` ran in this process. Asked instead of
    ``gc.get_freeze_count()``, which counts the frozen objects one by one (0.07 s at city scale)."""
    return _kept_out
