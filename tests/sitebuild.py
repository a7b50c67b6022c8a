"""Build the real sample site for the site and browser tests.

``copy_content`` copies what an editor's repository holds (``mkdocs.yml``, ``catalogs/``,
``typical-cases/``) into a temporary folder, so a test can change it freely; ``run_build``
runs ``python -m generator build`` as a subprocess from the project folder, exactly as an
operator would, and returns what the user sees (exit code, stdout, stderr).
"""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]  # where ``python -m generator`` runs
CONTENT = ("mkdocs.yml", "catalogs", "typical-cases", "laws", "powers", "documents")
HANT_DIR = "zh-Hant"  # the traditional site lives under site/zh-Hant/

if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))


@dataclass
class BuildRun:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def copy_content(dest: Path) -> Path:
    """Copy the repository's content into ``dest`` (created); return ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in CONTENT:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy2(source, dest / name)
    return dest


def run_build(root: Path, out: Path, timeout: float = 300) -> BuildRun:
    """``python -m generator build --root ROOT --out OUT`` as a real subprocess."""
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(root), "--out", str(out)],
        cwd=PROJECT, capture_output=True, timeout=timeout,
    )
    return BuildRun(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                    proc.stderr.decode("utf-8", "replace"))


def build_ok(root: Path, out: Path) -> BuildRun:
    """Build and insist it succeeded (the message shows what the user would have seen)."""
    run = run_build(root, out)
    assert run.code == 0, f"build failed with exit {run.code}:\n{run.output}"
    assert out.is_dir(), f"build reported success but {out} does not exist:\n{run.output}"
    return run


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def tree_digest(folder: Path) -> dict[str, str]:
    """relative path → sha256 of every file under ``folder``."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in files_of(folder)}


def html_pages(site: Path) -> list[Path]:
    return [p for p in files_of(site) if p.suffix == ".html"]


def rel(site: Path, path: Path) -> str:
    return path.relative_to(site).as_posix()


def read_text(path: Path) -> str:
    """A file's text; ``.gz`` files are decompressed first."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", "replace")


# --- HTML ------------------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text for comparison: all whitespace removed (Chinese text does not depend on spaces)."""
    return _WS.sub("", text)


class Element:
    def __init__(self, tag: str, attrs: list[tuple[str, str | None]], line: int) -> None:
        self.tag = tag
        self.attrs = [(k, v if v is not None else "") for k, v in attrs]
        self.line = line

    def get(self, name: str, default: str | None = None) -> str | None:
        for k, v in self.attrs:
            if k == name:
                return v
        return default

    @property
    def classes(self) -> list[str]:
        return (self.get("class") or "").split()

    def __repr__(self) -> str:
        attrs = " ".join(f'{k}="{v}"' for k, v in self.attrs)
        return f"<{self.tag} {attrs}> (line {self.line})"


class Page(HTMLParser):
    """One parsed HTML file: its elements, its visible text, inline scripts and styles."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.text_parts: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._raw: str | None = None
        self._buffer: list[str] = []
        self._hidden_depth = 0  # inside <script>/<style>/<template>
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, attrs, self.getpos()[0]))
        if tag in ("script", "style"):
            self._raw, self._buffer = tag, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, attrs, self.getpos()[0]))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw:
            (self.scripts if tag == "script" else self.styles).append("".join(self._buffer))
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw:
            self._buffer.append(data)
        else:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def find(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [e for e in self.elements
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]

    def meta(self, name: str) -> str | None:
        for e in self.find("meta"):
            if e.get("name") == name:
                return e.get("content")
        return None

    @property
    def lang(self) -> str | None:
        tags = self.find("html")
        return tags[0].get("lang") if tags else None

    @property
    def ids(self) -> set[str]:
        return {e.get("id") for e in self.elements if e.get("id")} | {
            e.get("name") for e in self.find("a") if e.get("name")}


def parse(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def visible_text(path: Path) -> str:
    """Text of an HTML page with tags stripped, entities decoded and whitespace removed."""
    return squash(parse(path).text)


# --- the sample site, built once per test session ----------------------------------------------

_SAMPLE: dict[str, "Sample"] = {}


@dataclass
class Sample:
    """The repository's own content, copied to ``root`` and built into ``out``."""

    root: Path
    out: Path
    run: BuildRun


def sample_site(tmp_path_factory) -> Sample:
    """Build the sample site once per session (shared by every test module that asks)."""
    if "sample" not in _SAMPLE:
        base = tmp_path_factory.mktemp("sample")
        root = copy_content(base / "repo")
        out = base / "site"
        _SAMPLE["sample"] = Sample(root, out, build_ok(root, out))
    return _SAMPLE["sample"]


def richest_item_and_case(root: Path):
    """The sample item with the most on its page (a no-penalty table, then related typical
    cases) and the typical case nearest it: the pages browser tests open."""
    from generator import checks

    loaded, _, findings = checks.run(root)
    assert loaded is not None, findings
    content = loaded.content
    cited = {ref for c in content.cases for ref in c.items}
    item = min(content.published_items(), key=lambda i: (not i.no_penalty, i.id not in cited, i.id))
    case = min(content.cases, key=lambda c: (item.id not in c.items, c.department != item.department, c.id))
    return item, case
