"""Build the bilingual site: check → render → both MkDocs builds → swap into place.

Everything is built in a temporary folder beside the output and moved into place only when
every step succeeded, so a failed build never replaces or half-writes the previous site.
Dates in the output come from the content (``SOURCE_DATE_EPOCH`` for MkDocs' sitemap), never
from the build machine's clock, so the same inputs give byte-identical output.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import multiprocessing
import shutil
import tempfile
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from multiprocessing.connection import Connection
from typing import Any, Callable, Iterator

from . import casebody, checks, egress, engine, export, htmlguard, media, outpath, public_names, render
from .export import sitemap
from .review import feed, history as change_history
from .search import index as search_index
from .findings import Finding, has_errors
from .messages import current as msg
from .load import Loaded, Memo
from .model import Content
from .script import Converter
from .settings import Settings


@dataclass
class BuildResult:
    ok: bool
    findings: list[Finding]
    files_checked: int
    pages: int = 0
    notice: str | None = None  # e.g. why there are no publication dates (no git history)
    unsafe: list[str] = field(default_factory=list)  # pages outside the HTML allowlist (htmlguard)


CACHE_DIR = ".build-cache"


def build(root: Path, out: Path, cache: Path | None = None) -> BuildResult:
    """Check and build into ``out``. ``cache`` keeps both MkDocs projects between builds so an
    unchanged page is not rendered again; ``None`` builds everything from scratch.

    Raises outpath.OutPathError, before any work, when ``out`` or ``cache`` is not a folder the
    build may replace (see ``outpath``)."""
    outpath.check_out_path(root, out)
    if cache is not None:
        outpath.check_cache(cache)
    loaded, settings, findings = checks.run(root)
    files = loaded.files_checked if loaded else 1
    if loaded is None or settings is None or has_errors(findings):
        return BuildResult(False, findings, files)
    return publish(root, loaded, settings, findings, out, cache)


def publish(root: Path, loaded: Loaded, settings: Settings, findings: list[Finding], out: Path,
            cache: Path | None = None) -> BuildResult:
    """Build checked content into ``out``. Nothing here relies on the check: case bodies are
    sanitized and every page passes the output guard whatever the findings said (the tests
    build content the check refuses through this function, to prove it)."""
    files = loaded.files_checked
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    history = change_history.read(root, loaded.content)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=out.parent))
    try:
        with _locked(cache or work / "cache") as projects:
            pages = generate(loaded.content, settings, work, projects, history)
        leaks = _personal_data_in_output(work / "site", out, root, loaded)
        if leaks:
            return BuildResult(False, findings + leaks, files)
        unsafe = _unsafe_html(work / "site", loaded.content, settings)
        if unsafe:
            return BuildResult(False, findings, files, unsafe=unsafe)
        outpath.swap(work / "site", out, work / "previous")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BuildResult(True, findings, files, len(pages), history.problem)


def _unsafe_html(site: Path, content: Content, settings: Settings) -> list[str]:
    """The output-boundary check (``htmlguard``): a message for each page holding anything
    outside the allowlist, naming the content file the page was made from when there is one."""
    sources = {f"items/{i.id}.html": i.origin.path for i in content.items()}
    sources |= {f"cases/{c.id}.html": c.origin.path for c in content.cases}
    sources |= {f"departments/{d.code}.html": d.origin.path for d in content.departments}
    return [msg.UNSAFE_OUTPUT.format(source=sources.get(p.page.removeprefix(engine.HANT_DIR + "/"), p.page),
                                     page=p.page, what=p.what)
            for p in htmlguard.check_site(site, settings.site_url)]


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[Path]:
    """One build at a time may use a cache folder."""
    folder.mkdir(parents=True, exist_ok=True)
    outpath.mark_cache(folder)
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield folder


def generate(content: Content, settings: Settings, work: Path, projects: Path,
             history: change_history.History = change_history.NOT_READ) -> list[render.Page]:
    """Render and run both engines; the finished site is ``work/site``.

    With a git history, dates come from it (publication dates on pages, SOURCE_DATE_EPOCH =
    the newest content commit); without one, from the content's own dates. The data files
    (exports, search index, feed) are written by a second process meanwhile: while this one
    renders and converts pages, the second core would otherwise wait for the engines."""
    converter = Converter(settings.hant_variant)
    site = work / "site"  # the data files and both engines' pages share no path
    data = Forked(lambda: _data_files(site, content, settings, converter, history))
    targets = {engine.HANS: site, engine.HANT: site / engine.HANT_DIR}
    try:
        pages, running = _engines(content, settings, converter, projects, history)
        running.wait(lambda project: engine.copy_site(project, targets[project.folder.name]))
    finally:
        data.join()
    sitemap.write(site, [p.url for p in pages], settings.site_url)
    media.publish(content.media, _shown_images(content), site)
    outpath.mark_site(site)
    return pages


def _shown_images(content: Content) -> set[tuple[str, str]]:
    """(folder, name) of every image a case shows (the pages rendered them: cached)."""
    images = media.for_case_pages(content.media)
    return {(PurePosixPath(case.origin.path).parent.name, name) for case in content.cases
            for name in casebody.of_case(case.origin.path, case.body, images)[1].images}


def _engines(content: Content, settings: Settings, converter: Converter, projects: Path,
             history: change_history.History, memo: render.Memo | None = None
             ) -> tuple[list[render.Page], engine.Running]:
    pages = render.render(content, settings, converter, history, memo)
    nav = _nav(content)
    running = engine.Running({"SOURCE_DATE_EPOCH": str(history.epoch() or _epoch(content)),
                              "NO_MKDOCS_2_WARNING": "1"})
    for script in engine.SCRIPTS:
        running.start(engine.write_project(projects / script, script, pages, settings, converter, nav))
    return pages, running


def _data_files(site: Path, content: Content, settings: Settings, converter: Converter,
                history: change_history.History) -> None:
    """What the site holds besides pages: exports, search index, change feed."""
    (site / engine.HANT_DIR).mkdir(parents=True, exist_ok=True)
    export.write(content, settings, site)
    search_index.write(render.Site.of(content, settings), converter, site / "search")
    feed.write(history, settings, content, site, converter.to_hant)


class Forked:
    """``work`` running in a forked child process, which inherits the loaded content instead of
    receiving a copy. Where the system cannot fork, ``work`` runs in ``join``."""

    def __init__(self, work: Callable[[], None]) -> None:
        self.work = work
        self._process = None
        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_report, args=(work, send), daemon=True)
            self._process.start()
            send.close()

    def join(self) -> None:
        if self._process is None:
            self.work()
            return
        try:
            failure = self._receive.recv()
        except EOFError:
            failure = f"exit code {self._process.exitcode}"
        self._process.join()
        if failure:
            raise RuntimeError(f"writing the data files failed:\n{failure}")


def _report(work: Callable[[], None], send: Connection) -> None:
    try:
        work()
        send.send(None)
    except BaseException:
        send.send(traceback.format_exc())


class Preview:
    """Fast rebuilds for ``serve``: pages are served straight from the cache's MkDocs output
    (the zh-Hant site is linked in), only changed pages are rendered again, and the search
    index and exports are rewritten in the background after the page is already updated."""

    def __init__(self, root: Path, cache: Path) -> None:
        self.root, self.cache = root, cache
        self.history: change_history.History | None = None
        self.files = Memo()  # what each content file gave when last checked
        self.memo: render.Memo = {}  # each page and what it was rendered from
        self._background: threading.Thread | None = None

    @property
    def site(self) -> Path:
        return self.cache / engine.HANS / "site"

    def update(self) -> BuildResult:
        if self._background:
            self._background.join()
        loaded, settings, findings = checks.run(self.root, self.files)
        files = loaded.files_checked if loaded else 1
        if loaded is None or settings is None or has_errors(findings):
            return BuildResult(False, findings, files)
        if self.history is None:  # the record does not change while someone edits
            self.history = change_history.read(self.root, loaded.content)
        link = self.site / engine.HANT_DIR
        if link.is_symlink():
            link.unlink()  # a clean MkDocs build would refuse to empty a folder holding a link
        with _locked(self.cache) as projects:
            converter = Converter(settings.hant_variant)
            pages, running = _engines(loaded.content, settings, converter, projects, self.history, self.memo)
            running.wait()
        link.symlink_to(running.projects[1].site_dir.resolve(), target_is_directory=True)
        self._background = threading.Thread(target=self._data_files,
                                            args=(loaded.content, settings, pages, converter))
        self._background.start()
        return BuildResult(True, findings, files, len(pages), self.history.problem)

    def _data_files(self, content: Content, settings: Settings, pages: list[render.Page],
                    converter: Converter) -> None:
        _data_files(self.site, content, settings, converter, self.history)
        sitemap.write(self.site, [p.url for p in pages], settings.site_url)
        media.publish(content.media, _shown_images(content), self.site)


def _personal_data_in_output(site: Path, out: Path, root: Path, loaded: Loaded) -> list[Finding]:
    """The egress gate: every file of the new site scanned for personal data (E660), so nothing
    that slipped past the content checks replaces the site that is online."""
    texts = {doc.path: "\n".join(doc.lines) for doc in loaded.documents}
    settings_file = root / "mkdocs.yml"
    if settings_file.is_file():
        texts["mkdocs.yml"] = settings_file.read_text(encoding="utf-8", errors="replace")
    sources = egress.Sources(texts, public_names.allowed_everywhere(loaded))
    return egress.check_site(site, str(out), sources)


# Material puts the whole navigation into every page: listing every department is handy for a
# district, but at city scale (hundreds of departments) it would multiply every page's size.
NAV_DEPARTMENTS_MAX = 60


def _nav(content: Content) -> list[dict[str, Any]]:
    departments = sorted(content.departments, key=lambda d: d.code)
    listed = [{d.short_name or d.name: f"departments/{d.code}.md"} for d in departments]
    return [
        {"首页": "index.md"},
        {"实施部门": [{"全部部门": "departments/index.md"}] + listed}
        if len(departments) <= NAV_DEPARTMENTS_MAX else {"实施部门": "departments/index.md"},
        {"分类索引": "modes/index.md"},
        {"典型案例": "cases/index.md"},
        {"检索": "search.md"},
        {"统计数据": "stats.md"},
        {"数据下载": "data.md"},
        {"更新记录": "changes.md"},
        {"关于数据": "about.md"},
        {"无障碍声明": "accessibility.md"},
    ]


def _epoch(content: Content) -> int:
    """The latest date in the content, as a Unix time: what MkDocs writes as 'last modified'."""
    items = content.published_items()
    dates = [i.effective_date for i in items] + [i.review.date for i in items]
    dates += [c.month + "-01" for c in content.cases]
    latest = max(dates, default="2000-01-01")
    return int(dt.datetime.fromisoformat(latest).replace(tzinfo=dt.timezone.utc).timestamp())
