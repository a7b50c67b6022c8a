"""Hostile and careless input: every command finishes in bounded time and memory.

Each scenario puts a 200 KB run of one adversarial pattern (the text that made a pattern with
nested or overlapping repetition backtrack: long runs of ``<a``, ``=`` and spaces, ``#``,
letters before an ``@``, …) into a catalog value, a YAML comment and a typical case's body,
and runs the real ``python -m generator check`` in a subprocess. The subprocess timeout is only
a hang guard (generous, never a measure of speed): a super-linear pattern takes minutes to hours
on these inputs. Each run must end with a report (exit 0 or 1), never a traceback.

YAML that would make a parser build an enormous tree stops with a finding at its line.
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import fixtures
from conftest import (PROJECT, Result, assert_finding, build_repo, line_of, luhn_complete, replace_once,
                      resident_id)
from gitrepo import Repo

RUN = 200_000  # characters of each adversarial run
HANG_GUARD = 120  # seconds; a linear check of these files takes about one
CONTENT = "    content: |\n      向经营者讲解本区户外招牌设置的基本规范"
ANCHOR = "王某当场将商品收回店内。"

# name -> the repeated unit (one line: YAML block text, comment and Markdown body alike)
PATTERNS = {
    "tag-starts": "<a ",
    "angle": "<",
    "hash": "#",
    "word-hash": "a#",
    "dash": "-",
    "spaces": " ",
    "digits": "1",
    "digits-spaced": "1234 ",
    "plus": "+ ",
    "bracket": "[",
    "star": "*",
    "underscore": "_",
    "author-mark": "{{",
    "author-mark-open": "{{a|",
    "equals-spaces": "= ",
    "link-spaces": "](",
    "mail-local": "a",  # followed by one "@" below
    "mail-dots": "a.",
    "heading-hashes": "## ",
    "role-words": "当事人",
    "coercion": "强制",
    "brackets": "（",
    "numbering": "1. ",
    "quotes": "\"'",
    "mobiles": "13912345678 ",
    "resident-ids": resident_id("11010519491231002") + " ",  # checksums pass: every one is a finding
    "cards": luhn_complete("622202020011223344") + " ",
}


def _hostile(unit: str) -> str:
    text = (unit * (RUN // len(unit) + 1))[:RUN]
    return text + "@" if unit in ("a", "a.") else text


def _repo(root: Path, unit: str) -> Path:
    run = _hostile(unit)
    catalog = replace_once(fixtures.CATALOG, CONTENT, f"{CONTENT}\n      {run}\n      {run}x")
    catalog += f"# {run}\n"
    # Long lines in the case body, also as a heading with the run before its closing marks.
    case = replace_once(fixtures.CASE, ANCHOR, f"{ANCHOR}\n\n{run}\n\n## 说明{run}x ##\n")
    return build_repo(root, catalog, case)


def _check(root: Path) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(root), "--format", "json"],
                          cwd=PROJECT, capture_output=True, timeout=HANG_GUARD)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict[str, tuple[int, str, str]]:
    base = tmp_path_factory.mktemp("hostile")
    roots = {name: _repo(base / name, unit) for name, unit in PATTERNS.items()}
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(roots, pool.map(_check, roots.values())))


@pytest.mark.parametrize("name", list(PATTERNS))
def test_check_finishes_on_a_long_adversarial_run(name: str, checked) -> None:
    code, stdout, stderr = checked[name]
    result = Result(code, stdout, stderr)  # exit 0 or 1, valid JSON, no traceback
    assert all(f["path"] in (fixtures.CATALOG_PATH, fixtures.CASE_PATH) for f in result.findings), result


def test_review_finishes_on_a_long_adversarial_case_body(tmp_path) -> None:
    """The review report compares case bodies line by line (headings, word diff)."""
    repo = Repo(build_repo(tmp_path / "repo"))
    repo.git("init", "-q", "-b", "main")
    base = repo.commit("示例", "2025-01-06T09:00:00+08:00")
    run = _hostile("# a ")
    repo.replace(fixtures.CASE_PATH, ANCHOR, f"{ANCHOR}\n\n# 说明{' ' * RUN}x\n\n{run}\n\n## {'#' * RUN}x\n")
    repo.commit("修改案例", "2025-01-07T09:00:00+08:00")
    proc = subprocess.run([sys.executable, "-m", "generator", "review", "--root", str(repo.root), "--base", base,
                           "--format", "json"], cwd=PROJECT, capture_output=True, timeout=HANG_GUARD)
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
    assert json.loads(proc.stdout)


# --- YAML that would build an enormous tree ------------------------------------------------------

FLOWS = {
    "flow-list": "[" + "a, " * 2_600_000 + "a]",  # 7.8 MB, one line
    "flow-mappings": "[" + "{}, " * 1_950_000 + "{}]",
    "nested-lists": "[" * 20_000 + "]" * 20_000,
}


@pytest.mark.parametrize("name", list(FLOWS))
def test_huge_flow_collections_stop_with_a_finding_at_their_line(name: str, tmp_path) -> None:
    text = replace_once(fixtures.CATALOG, "    office: 市容景观科", f"    office: {FLOWS[name]}")
    root = build_repo(tmp_path, text, case=None)
    result = Result(*_check(root))
    code = "E106" if name == "nested-lists" else "E112"
    assert_finding(result, code, fixtures.CATALOG_PATH, line_of(text, f"    office: {FLOWS[name][:8]}"))
