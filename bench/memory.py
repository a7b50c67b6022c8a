"""Peak memory of a command and every process it starts, for bench/run.py.

The build runs two MkDocs processes and a forked one for the data files at once, so the peak
is the process tree's proportional set size (a page shared after fork counts once), sampled
every 20 ms from /proc. Sampling rescans /proc and costs what it measures (7 % of a district
build), so bench/run.py samples a separate, untimed run.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path


def peak_mb(command: list[str], cwd: Path) -> float:
    """Run ``command`` to the end; the largest PSS its process tree had at any sample, in MB."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_pss(process.pid))
            time.sleep(0.02)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n"
                             f"{errors.read().decode('utf-8', 'replace')[-2000:]}")
    return peak / 1024 / 1024


def _tree_pss(root_pid: int) -> int:
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
