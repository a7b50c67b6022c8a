"""Anti-pattern examples: every file under tests/bad/ must fail with the code it states.

Layout (like the anti-pattern examples of NIST OSCAL):

- ``tests/bad/catalogs/<name>.yaml``: a whole catalog; its first line is ``# expect: E301 line 40``.
  It replaces ``catalogs/demo.yaml`` of the fixture repository.
- ``tests/bad/typical-cases/<name>.md``: a whole typical case; the ``# expect:`` comment is the
  first line inside the front matter (line 2). It replaces ``typical-cases/demo/demo-2024-01.md``.
- ``tests/bad/repos/<name>/``: files laid over the fixture repository (added, or replacing the
  fixture's own), for problems no single content file can show: file names, stray files, links,
  several files at once. ``<name>/EXPECT`` holds one line ``E611 <path> line <n>``: the stated
  code must be reported for that path (relative to the repository) at that line. Symbolic links
  are copied as links. Every other file of ``<name>/`` is laid over the repository as it is.

The stated line is counted in the bad file itself (the comment line included). The run must
report the stated code at the stated line and exit 1 (0 when the stated code is a warning: the
file then has no error at all). To keep the suite fast, all the checks run in parallel once.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

import fixtures
from conftest import MKDOCS, run_check, write

BAD = Path(__file__).parent / "bad"
EXPECT = re.compile(rb"^#\s*expect:\s*([EW]\d{3})\s+line\s+(\d+)\s*$")
REPO_EXPECT = re.compile(r"^([EW]\d{3})\s+(.+?)\s+line\s+(\d+)\s*$")

# Known bugs that stop a bad file from giving its stated finding (see the final report and
# test_locations.py). Strict: a fixed bug turns these into failures until the entry is removed.
KNOWN_BUGS: dict[str, str] = {}  # file name -> "bug: …" while a known bug is open


@dataclass(frozen=True)
class BadFile:
    path: Path
    target: str  # where it goes in the fixture repository
    code: str
    line: int

    @property
    def name(self) -> str:
        return self.path.name


def _bad_files() -> list[BadFile]:
    found = []
    for folder, suffix, target, expect_line in (("catalogs", ".yaml", fixtures.CATALOG_PATH, 0),
                                                 ("typical-cases", ".md", fixtures.CASE_PATH, 1)):
        for path in sorted((BAD / folder).glob(f"*{suffix}")):
            lines = path.read_bytes().split(b"\n")
            match = EXPECT.match(lines[expect_line].strip())
            assert match, f"{path}: line {expect_line + 1} must be '# expect: CODE line N'"
            if suffix == ".md":
                assert lines[0].strip() == b"---", f"{path}: a case starts with ---"
            found.append(BadFile(path, target, match.group(1).decode(), int(match.group(2))))
    for folder in sorted(p for p in (BAD / "repos").iterdir() if p.is_dir()) if (BAD / "repos").is_dir() else []:
        match = REPO_EXPECT.match((folder / "EXPECT").read_text(encoding="utf-8").strip())
        assert match, f"{folder}/EXPECT must be 'CODE path line N'"
        found.append(BadFile(folder, match.group(2), match.group(1), int(match.group(3))))
    return found


BAD_FILES = _bad_files()


def _param(bad: BadFile):
    marks = [pytest.mark.xfail(reason=KNOWN_BUGS[bad.name], strict=True)] if bad.name in KNOWN_BUGS else []
    return pytest.param(bad, id=f"{bad.path.parent.name}/{bad.name}", marks=marks)


def _run(bad: BadFile, root: Path) -> tuple[int, str, str]:
    write(root, "mkdocs.yml", MKDOCS.read_text(encoding="utf-8"))
    write(root, fixtures.CATALOG_PATH, fixtures.CATALOG)
    write(root, fixtures.CASE_PATH, fixtures.CASE)
    if bad.path.is_dir():  # a folder laid over the repository
        shutil.copytree(bad.path, root, symlinks=True, dirs_exist_ok=True,
                        ignore=lambda folder, names: ["EXPECT"] if Path(folder) == bad.path else [])
    else:
        write(root, bad.target, bad.path.read_bytes())  # replaces the valid file
    return run_check(root, "--format", "json")


@pytest.fixture(scope="module")
def results(request, tmp_path_factory) -> dict[str, tuple[int, str, str]]:
    """Run the checks of the selected bad files, in parallel, once per module."""
    selected = [item.callspec.params["bad"] for item in request.session.items
                if item.module is request.module and hasattr(item, "callspec") and "bad" in item.callspec.params]
    base = tmp_path_factory.mktemp("bad")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {bad.name: pool.submit(_run, bad, base / f"{n}") for n, bad in enumerate(selected)}
        return {name: future.result() for name, future in futures.items()}


def test_there_are_enough_bad_files() -> None:
    kinds = {bad.name.split("-")[0] for bad in BAD_FILES}  # a folder's name starts with its kind too
    assert len(BAD_FILES) >= 20
    assert {"syntax", "schema", "ref", "open", "privacy", "markup", "case"} <= kinds
    assert len({bad.name for bad in BAD_FILES}) == len(BAD_FILES)


@pytest.mark.parametrize("bad", [_param(b) for b in BAD_FILES])
def test_bad_file_fails_with_stated_code(bad: BadFile, results) -> None:
    code, stdout, stderr = results[bad.name]
    assert "Traceback" not in stdout + stderr
    assert code == (1 if bad.code.startswith("E") else 0), (code, stdout, stderr)
    findings = json.loads(stdout)["findings"]
    stated = [f for f in findings if f["code"] == bad.code and f["line"] == bad.line]
    assert stated, f"expected {bad.code} at line {bad.line}, got {[(f['code'], f['line']) for f in findings]}"
    assert all(f["path"] == bad.target for f in stated)
