"""Build the bilingual site: check → render → both MkDocs builds → swap into place.

Everything is built in a temporary folder beside the output and moved into place only when
every step succeeded, so a failed build never replaces or half-writes the previous site.
Dates in the output come from the content (``SOURCE_DATE_EPOCH`` for MkDocs' sitemap), never
from the build machine's clock, so the same inputs give byte-identical output.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import multiprocessing
import shutil
import tempfile
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from multiprocessing.connection import Connection
from typing import Callable, Iterator

from . import checks, egress, htmlguard, layout, memory, outpath, outputs, public_names
from .outputs import sitemap
from .outputs.documents import Documents
from .outputs.notices import NoticePdfs
from . import documents as guidance_documents
from .outputs.pages import Pages, render
from .outputs.pages.engine import Warm
from .history import changelog
from .history.record import NOT_READ, History
from .laws.library import Library
from .findings import Finding, has_errors
from .messages import current as msg
from .load import Loaded, Memo
from .model import Content
from .script import Converter
from .settings import ENGINES, Settings
from .view import PublishedView


@dataclass
class BuildResult:
    ok: bool
    findings: list[Finding]
    files_checked: int
    pages: int = 0
    notice: str | None = None  # e.g. why there are no publication dates (no git history)
    unsafe: list[str] = field(default_factory=list)  # pages outside the HTML allowlist (htmlguard)


def build(root: Path, out: Path, cache: Path | None = None) -> BuildResult:
    """Check and build into ``out``. ``cache`` keeps both MkDocs projects between builds so an
    unchanged page is not rendered again; ``None`` builds everything from scratch.

    Raises outpath.OutPathError, before any work, when ``out`` or ``cache`` is not a folder the
    build may replace (see ``outpath``)."""
    outpath.check_out_path(root, out)
    if cache is not None:
        outpath.check_cache(cache)
    engines = Warm(once=True)
    engines.start(ENGINES[0])  # the check leaves a core idle: the default engine is imported there
    try:
        loaded, settings, findings = checks.run(root)
        files = loaded.files_checked if loaded else 1
        if loaded is None or settings is None or has_errors(findings):
            return BuildResult(False, findings, files)
        loaded.forget_positions()
        memory.give_back()
        return publish(root, loaded, settings, findings, out, cache, engines)
    finally:
        engines.close()


def publish(root: Path, loaded: Loaded, settings: Settings, findings: list[Finding], out: Path,
            cache: Path | None = None, engines: Warm | None = None) -> BuildResult:
    """Build checked content into ``out``. Nothing here relies on the check: case bodies are
    sanitized and every page passes the output guard whatever the findings said (the tests
    build content the check refuses through this function, to prove it)."""
    files = loaded.files_checked
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    history = changelog.read(root, loaded.content)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=out.parent))
    try:
        site = work / "site"
        scan = egress.Scan(site, public_names.allowed_everywhere(loaded), htmlguard.Guard(site, settings.site_url))
        with _locked(cache or work / "cache") as projects:
            pages = generate(loaded.content, settings, work, projects, history, loaded.library,
                             _documents(root, loaded, settings, projects), NoticePdfs(loaded.library, projects / "notices"),
                             scan, engines)
        leaks = _personal_data_in_output(scan, out, root, loaded)
        if leaks:
            return BuildResult(False, findings + leaks, files)
        unsafe = _unsafe_html(scan.problems, loaded.content)
        if unsafe:
            return BuildResult(False, findings, files, unsafe=unsafe)
        outpath.swap(site, out, work / "previous")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BuildResult(True, findings, files, len(pages), history.problem)


def _unsafe_html(problems: list[htmlguard.Problem], content: Content) -> list[str]:
    """The output-boundary check (``htmlguard``, run by the egress scan's ``finish``): a message
    for each page holding anything outside the allowlist, naming the content file the page was
    made from when there is one."""
    sources = {layout.item(i.id): i.origin.path for i in content.items()}
    sources |= {layout.case(c.id): c.origin.path for c in content.cases}
    sources |= {layout.department(d.code): d.origin.path for d in content.departments}
    sources = {layout.url(page): path for page, path in sources.items()}
    return [msg.UNSAFE_OUTPUT.format(source=sources.get(p.page.removeprefix(layout.HANT_DIR + "/"), p.page),
                                     page=p.page, what=p.what)
            for p in problems]


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[Path]:
    """One build at a time may use a cache folder."""
    folder.mkdir(parents=True, exist_ok=True)
    outpath.mark_cache(folder)
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield folder


def _documents(root: Path, loaded: Loaded, settings: Settings, projects: Path) -> Documents:
    """The guidance documents output, cached in the build cache (none without documents/)."""
    context = None
    if guidance_documents.config.present(root):
        context, _ = guidance_documents.load_context(root, settings, loaded)  # its findings: the check's
    return Documents(context, projects / "documents")


def generate(content: Content, settings: Settings, work: Path, projects: Path,
             history: History = NOT_READ, library: Library | None = None, documents: Documents | None = None,
             notice_pdfs: NoticePdfs | None = None, scan: egress.Scan | None = None,
             engines: Warm | None = None) -> list[render.Page]:
    """Build every output from the published view; the finished site is ``work/site``.

    With a git history, dates come from it (publication dates on pages, SOURCE_DATE_EPOCH =
    the newest content commit); without one, from the content's own dates. The data files
    (exports, search index, feed, guidance documents) are written by a second process meanwhile:
    while this one renders and converts pages, the second core would otherwise wait for the
    engines. The notice PDFs, when the settings ask for them, are printed by a third. While the
    last engine runs, this process begins ``scan`` (the egress scan) on what is ready.
    ``engines``: engine processes started early (``build``); without, each engine is started
    once its project is written."""
    view = PublishedView.of(content, settings, history, Converter(settings.hant_variant), library)
    documents = documents or Documents(None)
    view.documents = documents.links(view)
    site = work / "site"  # the data files and both engines' pages share no path
    data = Forked(lambda: _write(outputs.BESIDE_PAGES + (documents,), view, site))
    printed = Forked(lambda: notice_pdfs.write(view, site)) if notice_pdfs and settings.notice_pdf else None

    def meanwhile(busy: Callable[[], bool]) -> None:
        data.join()
        if scan is not None:
            scan.scan_ready(busy)

    try:
        pages = Pages(projects, warm=engines).write(view, site, meanwhile)
    finally:
        data.join()
        if printed:
            printed.join()
    _write(outputs.AFTER_PAGES, view, site)
    outpath.mark_site(site)
    return pages


def _write(writers: tuple[outputs.Output, ...], view: PublishedView, site: Path) -> None:
    for output in writers:
        output.write(view, site)
        memory.give_back()


class Forked:
    """``work`` running in a forked child process, which inherits the loaded content instead of
    receiving a copy. Where the system cannot fork, ``work`` runs in ``join``."""

    def __init__(self, work: Callable[[], None]) -> None:
        self.work = work
        self._process = None
        self._failure: str | None = None  # "" once it has ended well
        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_report, args=(work, send), daemon=True)
            self._process.start()
            send.close()

    def join(self) -> None:
        """Wait for ``work`` to end (at once if it has); raise if it failed. Safe to call again."""
        if self._failure is None:
            self._failure = self._wait()
        if self._failure:
            raise RuntimeError(f"writing the data files failed:\n{self._failure}")

    def _wait(self) -> str:
        if self._process is None:
            self.work()
            return ""
        try:
            failure = self._receive.recv()
        except EOFError:
            failure = f"exit code {self._process.exitcode}"
        self._process.join()
        return failure or ""


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
        self.history: History | None = None
        self.files = Memo()  # what each content file gave when last checked
        self.memo: render.Memo = {}  # each page and what it was rendered from
        self.engines = Warm()  # one engine process per script, started once
        self._background: threading.Thread | None = None

    @property
    def site(self) -> Path:
        return self.cache / layout.HANS / layout.SITE_DIR

    def update(self) -> BuildResult:
        if self._background:
            self._background.join()
        loaded, settings, findings = checks.run(self.root, self.files)
        files = loaded.files_checked if loaded else 1
        if loaded is None or settings is None or has_errors(findings):
            return BuildResult(False, findings, files)
        if self.history is None:  # the record does not change while someone edits
            self.history = changelog.read(self.root, loaded.content)
        link = self.site / layout.HANT_DIR
        if link.is_symlink():
            link.unlink()  # a clean MkDocs build would refuse to empty a folder holding a link
        view = PublishedView.of(loaded.content, settings, self.history, Converter(settings.hant_variant),
                                loaded.library)
        documents = _documents(self.root, loaded, settings, self.cache)
        view.documents = documents.links(view)
        with _locked(self.cache) as projects:
            pages, running = Pages(projects, self.memo, self.engines).start(view)
            running.wait()
        link.symlink_to(running.projects[1].site_dir.resolve(), target_is_directory=True)
        self._background = threading.Thread(target=self._data_files, args=(view, pages, documents))
        self._background.start()
        return BuildResult(True, findings, files, len(pages), self.history.problem)

    def _data_files(self, view: PublishedView, pages: list[render.Page], documents: Documents) -> None:
        with _collections_paused():
            _write(outputs.BESIDE_PAGES + outputs.AFTER_PAGES + (documents,), view, self.site)
            sitemap.write(self.site, [p.url for p in pages if not p.meta.get("noindex")], view.settings.site_url)


@contextlib.contextmanager
def _collections_paused() -> Iterator[None]:
    """No full garbage collection in the preview's background writing, and from the first
    build on, none that walks what the preview keeps between builds (the memos of content,
    pages and texts: about a million objects at city scale).

    A full collection holds the interpreter while it walks: 1.0–1.3 s at city scale. One came
    in three of four rebuilds after an edit; with the memos frozen, it came in the background
    writing instead, just when the browser asks for the updated page. What the background
    makes (mostly the search index's postings) is freed by reference counting as always.
    Frozen memos are still freed when an edit replaces them; only a reference cycle among them
    would stay in memory. Over eight edits at city scale the preview's size did not grow."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
    memory.keep_out_of_collections()


def _personal_data_in_output(scan: egress.Scan, out: Path, root: Path, loaded: Loaded) -> list[Finding]:
    """The egress gate: every file of the new site scanned for personal data (E660), so nothing
    that slipped past the content checks replaces the site that is online. ``scan`` may have
    read part of the site already; it reads the rest, and again what changed since."""
    texts = {doc.path: doc.text for doc in loaded.documents}
    settings_file = root / layout.CONFIG_FILE
    if settings_file.is_file():
        texts[layout.CONFIG_FILE] = settings_file.read_text(encoding="utf-8", errors="replace")
    sources = egress.Sources(texts, scan.allowed)
    return egress.check_site(scan.root, str(out), sources, scan)
