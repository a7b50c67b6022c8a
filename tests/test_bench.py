"""The benchmark harness runs end to end at the sample scale and reports every figure.

No timing is asserted: the harness is run by hand for its figures; this only keeps it working
(a broken harness is found here, not minutes into a district run)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMED = ("check", "build", "build_without_documents", "floor", "alternative", "preview_edit")
# What readers of the earlier JSON used: kept.
OLD_KEYS = {"scale", "check_s", "build_s", "peak_mb", "lower_bound_s", "alternative_s", "site_mb",
            "largest_item_page_kb", "preview_edit_s"}


def test_harness_reports_every_figure_at_sample_scale(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    run = subprocess.run([sys.executable, "bench/run.py", "--scale", "sample", "--runs", "1", "--json", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))

    assert OLD_KEYS <= figures.keys()
    assert figures["scale"] == "sample" and figures["n"] == 1
    for name in TIMED:
        low, median, high = (figures[f"{name}_s{suffix}"] for suffix in ("_min", "", "_max"))
        assert 0 < low <= median <= high, name
    assert figures["lower_bound_s"] == figures["floor_s"]
    assert len(figures["build_per_floor"]) == len(figures["alternative_per_build"]) == 1
    assert len(figures["documents_share"]) == 1 and "documents add" in run.stdout
    assert "reconfigure_search: false" in figures["alternative_config"]
    assert "reconfigure_search: false" in run.stdout  # the table says how the alternative is configured

    assert figures["peak_mb"] > 0 and figures["site_mb"] > 0 and figures["largest_item_page_kb"] > 0
    assert 0 < figures["floor_pages"] <= figures["pages"]
    assert len(figures["load_start"]) == len(figures["load_end"]) == 3
    if shutil.which("strace") or os.environ.get("CI") == "true":  # CI installs strace (.ci/run)
        assert figures["delivered_files"] > figures["pages"]  # pages, assets, data files
        assert sum(figures["creations_by_kind"].values()) == figures["file_creations"] > 0
        assert figures["creations_per_delivered_file"] == round(
            figures["file_creations"] / figures["delivered_files"], 2)
