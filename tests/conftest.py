"""Shared fixtures and helpers for the checker tests.

``make_repo`` builds a minimal valid content repository in a temporary folder: the real
``mkdocs.yml`` (read at test time), one catalog and one typical case (text in ``fixtures.py``).
``run_check`` runs ``python -m generator check`` as a real subprocess, exactly as an editor
would, so the tests see the exit code and the output a user sees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

import pytest

import fixtures

PROJECT = Path(__file__).parents[1]  # /work/main: where ``python -m generator`` runs
MKDOCS = PROJECT / "mkdocs.yml"
if str(PROJECT) not in sys.path:  # unit tests import generator.* also under a bare ``pytest``
    sys.path.insert(0, str(PROJECT))


# One Chromium for the whole session, shared by every browser test file: Playwright's sync API
# cannot run twice in one process. Debian's Chromium, not Playwright's own download.
CHROMIUM = Path("/usr/bin/chromium")
MISSING_CHROMIUM = "Chromium not installed: sudo apt-get install chromium fonts-noto-cjk"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(MISSING_CHROMIUM)
        pytest.skip(MISSING_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def sample(tmp_path_factory):
    """The sample content built once per session (tests/sitebuild.py)."""
    import sitebuild

    return sitebuild.sample_site(tmp_path_factory)


@pytest.fixture(scope="session")
def servers(sample):
    """The sample site served at the root and under a sub-path."""
    import siteserver

    started = {"root": siteserver.serve(sample.out, "/"), "subpath": siteserver.serve(sample.out, siteserver.SUBPATH)}
    yield started
    for server in started.values():
        server.httpd.shutdown()
        server.httpd.server_close()


def write(root: Path, rel: str, text: str | bytes) -> Path:
    """Write ``text`` (UTF-8) or raw bytes to ``root/rel``, creating folders."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


# The sample's statute library; ``with_laws`` copies laws from it into a test repository.
LAWS = PROJECT / "laws"
# The laws the fixture catalog cites: with them the fixture is still clean.
FIXTURE_LAWS = ("行政法规/城市市容和环境卫生管理条例", "行政法规/优化营商环境条例", "法律/行政处罚法")


def with_laws(root: Path, *names: str) -> Path:
    """Copy laws of the sample library (``"法律/行政处罚法"``: its metadata and every version)
    into ``root/laws``; without names, the laws the fixture catalog cites."""
    for name in names or FIXTURE_LAWS:
        folder, short = name.split("/")
        paths = [LAWS / folder / f"{short}.yaml", *sorted((LAWS / folder).glob(f"{short}(*).md"))]
        assert len(paths) > 1, f"no text of {name} in {LAWS}"
        for path in paths:
            write(root, f"laws/{folder}/{path.name}", path.read_bytes())
    return root


def law_text(name: str) -> tuple[str, str]:
    """(relative path, text) of the only version of a law in the sample library."""
    folder, short = name.split("/")
    [path] = (LAWS / folder).glob(f"{short}(*).md")
    return f"laws/{folder}/{path.name}", path.read_text(encoding="utf-8")


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str, nth: int | None = None) -> int:
    """1-based number of the only line holding ``needle`` (or of its ``nth`` occurrence).

    Tests compute expected lines from the text they wrote, never from the checker's output.
    """
    lines = text.split("\n")
    hits = [n for n, line in enumerate(lines, 1) if needle in line]
    if nth is None:
        assert len(hits) == 1, f"{needle!r} is on lines {hits}, expected exactly one"
        return hits[0]
    assert len(hits) >= nth, f"{needle!r} is on lines {hits}"
    return hits[nth - 1]


def build_repo(root: Path, catalog: str | bytes = fixtures.CATALOG,
               case: str | bytes | None = fixtures.CASE, mkdocs: str | None = None) -> Path:
    """Write a content repository at ``root``: mkdocs.yml, the catalog and (unless None) the case."""
    root.mkdir(parents=True, exist_ok=True)
    write(root, "mkdocs.yml", mkdocs if mkdocs is not None else MKDOCS.read_text(encoding="utf-8"))
    write(root, fixtures.CATALOG_PATH, catalog)
    if case is not None:
        write(root, fixtures.CASE_PATH, case)
    return root


def repo_factory(base: Path) -> Callable[..., Path]:
    """``make(catalog=…, case=…, mkdocs=…)`` → a new repository folder under ``base``."""
    counter = iter(range(1_000_000))

    def make(catalog: str | bytes = fixtures.CATALOG, case: str | bytes | None = fixtures.CASE,
             mkdocs: str | None = None) -> Path:
        return build_repo(base / f"repo{next(counter)}", catalog, case, mkdocs)

    return make


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[..., Path]:
    """Factory: ``make_repo(catalog=…, case=…)`` → root of a fresh valid content repository.

    Pass ``case=None`` to leave out the typical case. Each call makes a new folder.
    """
    return repo_factory(tmp_path)


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    """The minimal valid repository, ready to be broken by a test."""
    return make_repo()


def run_check(root: Path, *args: str) -> tuple[int, str, str]:
    """Run ``python -m generator check --root ROOT ARGS`` → (exit code, stdout, stderr)."""
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(root), *args],
        cwd=PROJECT, capture_output=True, timeout=120,
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def run_parallel(jobs: list[tuple[Path, tuple[str, ...]]]) -> list[tuple[int, str, str]]:
    """``run_check`` for several (root, args) at once: the checks are independent processes."""
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return list(pool.map(lambda job: run_check(job[0], *job[1]), jobs))


class Result:
    """The JSON report of one check run, with helpers to look findings up."""

    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code, self.stdout, self.stderr = code, stdout, stderr
        self.data: dict[str, Any] = {"exit": code, "stdout": stdout, "stderr": stderr}
        assert "Traceback" not in stdout + stderr, stdout + stderr
        assert code in (0, 1), f"exit {code}: {stdout}{stderr}"
        self.data = json.loads(stdout)
        self.findings: list[dict[str, Any]] = self.data["findings"]

    @property
    def codes(self) -> set[str]:
        return {f["code"] for f in self.findings}

    def where(self, code: str) -> list[tuple[str, int]]:
        return [(f["path"], f["line"]) for f in self.findings if f["code"] == code]

    def __repr__(self) -> str:  # shown by pytest when an assertion fails
        return json.dumps(self.data, ensure_ascii=False, indent=1)


def check_json(root: Path) -> Result:
    return Result(*run_check(root, "--format", "json"))


def assert_finding(result: Result, code: str, path: str, line: int, *, exit_code: int | None = None,
                   only: set[str] | None = None) -> dict[str, Any]:
    """``code`` is reported at ``path:line``; exit code 1 for errors, 0 for warnings only.

    ``only``: the exact set of codes expected in the whole run (defaults to just ``code``).
    """
    expected_codes = only if only is not None else {code}
    assert result.codes == expected_codes, result
    matches = [f for f in result.findings if f["code"] == code and f["path"] == path and f["line"] == line]
    assert matches, f"no {code} at {path}:{line} in {result!r}"
    finding = matches[0]
    assert finding["severity"] == ("error" if code.startswith("E") else "warning")
    if exit_code is None:
        exit_code = 1 if any(c.startswith("E") for c in expected_codes) else 0
    assert result.code == exit_code, result
    assert finding["message"].strip(), finding
    return finding


# --- Numbers with valid checksums, computed here independently of generator.privacy -------------

def resident_id(first17: str) -> str:
    """Complete 17 digits to a GB 11643-1999 resident ID (ISO 7064 MOD 11-2 check character)."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert len(first17) == 17 and first17.isdigit()
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def credit_code(first17: str) -> str:
    """Complete 17 characters to a GB 32100-2015 unified social credit code."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(alphabet.index(c) * w for c, w in zip(first17, weights))
    return first17 + alphabet[(31 - total % 31) % 31]


def luhn_complete(digits: str) -> str:
    """Append the Luhn check digit (as on bank cards)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):  # positions counted from the future check digit
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return digits + str((10 - total % 10) % 10)
