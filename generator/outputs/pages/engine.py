"""Write one MkDocs project per script and run the engine on both, in parallel.

Each project is plain Markdown plus a generated ``mkdocs.yml`` — no plugins, one Markdown
extension of ours (``htmlblocks``: generated HTML passes through untouched), and for MkDocs and
ProperDocs hooks that make them faster without changing a byte (``mkdocs_hooks.py``) — so any
engine that reads MkDocs projects builds the same folders: the ``engine`` setting chooses
MkDocs (default), ProperDocs (its maintained fork: byte-identical output) or Zensical (its
successor: the same article HTML, see bench/engines.py). The theme overrides are converted to
traditional script for the zh-Hant project like the pages are.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import weakref
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Callable
from urllib.parse import urlsplit

import yaml

from ... import cache, htmlguard, qrcode
from ...layout import CONFIG_FILE, HANS, HANT, HANT_DIR, PROGRAM_DIR, TEMPLATE_DIR
from ...script import Converter
from ...settings import Settings
from . import chrome
from .render import Page

LANG_LABELS = {HANS: "简体", HANT: "繁體"}
# Assets shipped (an allowlist): our own folder only, not Material's stylesheets, source maps,
# palettes, JavaScript (its bundle can load code from a CDN) or images. Both scripts' pages load
# them from the simplified site's assets/ (zh-Hant pages through ../assets/), so switching
# language downloads nothing again: the zh-Hant site ships no assets of its own.
SHIPPED_ASSETS = "xz"
# Our Python-Markdown extension (generator/htmlblocks.py); MkDocs imports it from this checkout.
# MkDocs reads only the generator's own Markdown: what editors write arrives as sanitized HTML
# blocks (generator/casebody), so attr_list serves the templates' anchors alone.
HTML_BLOCKS = "generator.htmlblocks"
MARKDOWN_EXTENSIONS = [HTML_BLOCKS, "tables", "admonition", "attr_list", {"toc": {"permalink": False}}]


# How each engine is run on a project; only MkDocs and ProperDocs can re-render changed pages
# alone (--dirty): Zensical keeps its own cache (.cache/ in the project) instead.
COMMANDS = {
    "mkdocs": ["-m", "mkdocs", "build", "--quiet"],
    "properdocs": ["-m", "properdocs", "build", "--quiet"],
    "zensical": ["-m", "zensical", "build"],
}
DIRTY = {"mkdocs", "properdocs"}
ENGINE_ENV = {"NO_MKDOCS_2_WARNING": "1"}  # every engine process's, besides SOURCE_DATE_EPOCH
# How MkDocs and ProperDocs are made to reuse one Markdown instance (mkdocs_hooks.py, copied
# into the project under this name); the output is the same with or without them.
HOOKS = "hooks.py"


class EngineError(Exception):
    """The engine failed: a bug in the generator or its templates, not in the content."""


@dataclass
class Project:
    """One script's MkDocs project, kept between builds in the cache folder."""

    folder: Path
    config: Path
    site_dir: Path
    engine: str  # a key of COMMANDS
    fingerprint: str  # config, theme overrides, assets and the set of pages
    reusable: bool  # site_dir holds the output of a build with the same fingerprint
    written: list[Path]  # the files under docs/ this build wrote (new or changed)

    def remember(self) -> None:
        (self.folder / FINGERPRINT).write_text(self.fingerprint, encoding="utf-8")


FINGERPRINT = ".fingerprint"
MANIFEST = ".manifest.json"


def write_project(project: Path, script: str, pages: list[Page], settings: Settings,
                  converter: Converter, nav: list[dict[str, Any]], texts: cache.LastCall | None = None) -> Project:
    """Write docs/, overrides/ and mkdocs.yml for ``script`` into ``project``.

    Only pages whose text changed are rewritten, so their files' times tell MkDocs (``--dirty``)
    which pages to render again. Converting a page to traditional script is skipped when its
    simplified text and the converter (variant, overrides, OpenCC version) have the same hash as
    last time (``.manifest.json``). With ``texts`` (the preview's, kept between rebuilds), a
    page object rendered last time is not given its front matter and digest again.
    """
    convert = converter.to_hant_by_lines() if script == HANT else converter.to_hans
    docs = project / "docs"
    site_dir = project / "site"
    manifest_path = project / MANIFEST
    previous = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    manifest = {}
    written: list[Path] = []
    texts = texts or cache.LastCall()
    texts.begin()
    docs_folder = os.fspath(docs) + os.sep  # 17,600 pages per script: strings, not Path objects
    for page in pages:
        meta, text, digest = texts.get(page, (settings.site_url, converter.identity),
                                       lambda: _text(page, script, settings.site_url, converter))
        manifest[page.path] = digest
        if previous.get(page.path) == digest and os.path.exists(docs_folder + page.path):
            continue
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if _write_if_changed(target, _with_qr(convert(text), meta)):
            written.append(target)
    for stale in set(previous) - set(manifest):
        if _page_path(stale):  # the manifest is a file in the cache: delete only pages under docs/
            (docs / stale).unlink(missing_ok=True)
    theme = []
    for relative, data in _theme_files(settings.engine, convert):
        target = (docs if relative.parts[0] == "assets" else project) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        theme.append(cache.digest(relative.as_posix(), data))
        if _write_if_changed(target, data):
            written.append(target)
    config = _config(settings, script, convert, nav, site_dir)
    # Heading anchors keep their Chinese text (the default slug drops it, giving "_1", "_2").
    # A Python name cannot be written by safe_dump, so this one line is appended as text.
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    text = text.replace("- toc:\n    permalink: false\n",
                        "- toc:\n    permalink: false\n    slugify: !!python/name:markdown.extensions.toc.slugify_unicode\n")
    path = project / CONFIG_FILE
    _write_if_changed(path, text)
    fingerprint = cache.digest(settings.engine, text, *theme, *sorted(manifest))
    remembered = project / FINGERPRINT
    reusable = site_dir.is_dir() and remembered.exists() and remembered.read_text(encoding="utf-8") == fingerprint
    remembered.unlink(missing_ok=True)  # valid again only once this build has succeeded
    manifest_path.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
    return Project(project, path, site_dir, settings.engine, fingerprint, reusable, written)


def _text(page: Page, script: str, site_url: str, converter: Converter) -> tuple[dict[str, Any], str, str]:
    """A page's front-matter values, its simplified text with front matter, and the digest of
    that text and the converter (the manifest's key)."""
    meta = dict(page.meta, **_alternates(page, script, site_url))
    # JSON values are YAML too, and writing them costs a fraction of the YAML dumper's time.
    front = "".join(f"{key}: {json.dumps(meta[key], ensure_ascii=False)}\n" for key in sorted(meta))
    text = f"---\n{front}---\n\n{page.body}"
    return meta, text, cache.digest(converter.identity, text)


def _theme_files(engine: str, convert: Callable[[str], str]) -> list[tuple[PurePosixPath, bytes]]:
    """Our assets as they are; our template overrides converted to the project's script; for
    the engines that render with Material's own templates (MkDocs, ProperDocs), those too, all
    templates compacted (``chrome``). Zensical keeps its own templates, and ours as written."""
    files = []
    for source in sorted((TEMPLATE_DIR / "assets").rglob("*")):
        if source.is_file():
            files.append((PurePosixPath(source.relative_to(TEMPLATE_DIR).as_posix()), source.read_bytes()))
    overrides = TEMPLATE_DIR / "overrides"
    templates = {source.relative_to(overrides).as_posix(): convert(source.read_text(encoding="utf-8"))
                 for source in sorted(overrides.rglob("*")) if source.is_file()}
    if engine in DIRTY:
        files.append((PurePosixPath(HOOKS), (Path(__file__).parent / "mkdocs_hooks.py").read_bytes()))
        material = chrome.material_templates()
        templates = {name: chrome.compact(text) if name.endswith(".html") else text
                     for name, text in sorted((material | templates).items())}
    files += [(PurePosixPath("overrides", name), text.encode("utf-8")) for name, text in templates.items()]
    return files


def _page_path(path: str) -> bool:
    """A relative path of a Markdown page that stays inside the folder it is relative to."""
    parts = PurePosixPath(path).parts
    return (bool(parts) and path.endswith(".md") and not path.startswith("/")
            and all(part not in ("", ".", "..") for part in parts))


def _write_if_changed(path: Path, text: str | bytes) -> bool:
    """Write ``text`` unless the file holds it already; whether it was written."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


class Running:
    """The engine building every project at once (the two scripts use the two cores).

    A reusable project is built with ``--dirty`` (MkDocs, ProperDocs): the engine renders only
    the pages whose files changed. Every page depends only on its own text, the configuration
    and the theme (the navigation's titles are in the configuration; no page shows its
    neighbours), and a change to any of those changes the fingerprint, so a dirty build writes
    the same files a clean one would.
    """

    def __init__(self, env: dict[str, str], warm: Warm | None = None) -> None:
        self.env = _engine_env(env)
        self.run_env, self.warm = env, warm
        self.projects: list[Project] = []
        self.processes: list[subprocess.Popen | _Reply] = []

    def start(self, project: Project) -> None:
        """Start the engine on ``project`` (the next project can be written meanwhile)."""
        self.projects.append(project)
        dirty = project.reusable and project.engine in DIRTY
        if dirty:
            _unshare_what_mkdocs_rewrites(project)
        if not project.reusable and project.engine not in DIRTY:
            shutil.rmtree(project.site_dir, ignore_errors=True)  # no page of another build stays
        if self.warm is not None and project.engine in DIRTY:
            self.processes.append(self.warm.build(project, dirty, self.run_env))
            return
        self.processes.append(subprocess.Popen(
            [sys.executable, *COMMANDS[project.engine], "--config-file", str(project.config),
             *(["--dirty"] if dirty else [])],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=self.env))

    def busy(self) -> bool:
        """Whether an engine is still running."""
        return any(process.poll() is None for process in self.processes)

    def wait(self, then: Callable[[Project], None] | None = None) -> None:
        """Wait for each engine run in the order they started and give each project that
        succeeded to ``then`` at once (the first site is copied while the second builds)."""
        failures = []
        for project, process in zip(self.projects, self.processes):
            output, _ = process.communicate()
            if process.returncode != 0:
                failures.append(f"{project.config}:\n{output.decode('utf-8', 'replace')}")
            elif not failures:
                project.remember()
                if then:
                    then(project)
        if failures:
            raise EngineError("\n".join(failures))


def _engine_env(env: dict[str, str]) -> dict[str, str]:
    """The environment of an engine process: ours, ``env``, and this checkout on the import path
    (the projects name our Markdown extension)."""
    return {**os.environ, **env,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(PROGRAM_DIR), os.environ.get("PYTHONPATH")]))}


class Warm:
    """Engine processes with the engine imported, one per script (``warm.py`` says why), and
    for the preview what it keeps for them between rebuilds: each script's page texts
    (``write_project``). A process that died is started again at the next build; all of them
    end with this object (or ``close``).

    A clean build asks for processes that build ``once``: it starts them (``start``) before it
    checks the content, so that they import the engine on the core the check leaves idle, and
    each ends as soon as it has built (nothing of a build is kept)."""

    def __init__(self, once: bool = False) -> None:
        self.once = once
        self.texts = {} if once else {HANS: cache.LastCall(), HANT: cache.LastCall()}
        self.workers: dict[tuple[str, str], subprocess.Popen] = {}
        self._asked: set[tuple[str, str]] = set()  # workers sent a build
        self._closer = weakref.finalize(self, Warm._close, self.workers, self._asked)

    def start(self, engine: str) -> None:
        """Start both scripts' processes for ``engine`` now, before their first build."""
        for script in (HANS, HANT):
            self._worker((engine, script), ENGINE_ENV)

    def build(self, project: Project, dirty: bool, env: dict[str, str]) -> _Reply:
        key = (project.engine, project.folder.name)
        worker = self._worker(key, env)
        docs = project.folder / "docs"
        # The preview's shortcut (``warm.py``); a build keeps MkDocs' own rule for a dirty run.
        pages = sorted(p.relative_to(docs).as_posix() for p in project.written
                       if p.suffix == ".md" and p.is_relative_to(docs)) if dirty and not self.once else None
        request = {"config": str(project.config), "dirty": dirty, "pages": pages, "env": env, "last": self.once}
        worker.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
        worker.stdin.flush()
        self._asked.add(key)
        return _Reply(worker)

    def _worker(self, key: tuple[str, str], env: dict[str, str]) -> subprocess.Popen:
        worker = self.workers.get(key)
        if worker is None or worker.poll() is not None:
            worker = self.workers[key] = subprocess.Popen(
                [sys.executable, "-m", f"{__package__}.warm", key[0]],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_engine_env(env))
            self._asked.discard(key)
        return worker

    def close(self) -> None:
        self._closer()

    @staticmethod
    def _close(workers: dict[tuple[str, str], subprocess.Popen], asked: set[tuple[str, str]]) -> None:
        for key, worker in workers.items():
            if key not in asked:
                worker.kill()  # started early for a build that did not come (the check failed)
            worker.stdin.close()  # the worker's loop ends at the end of its input
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        workers.clear()


class _Reply:
    """One build in a warm process, answering what ``Running`` asks a ``Popen``."""

    def __init__(self, worker: subprocess.Popen) -> None:
        self.worker = worker
        self.returncode: int | None = None
        self.output = b""

    def poll(self) -> int | None:
        if self.returncode is None and select.select([self.worker.stdout], [], [], 0)[0]:
            self.communicate()
        return self.returncode

    def communicate(self) -> tuple[bytes, None]:
        if self.returncode is None:
            line = self.worker.stdout.readline()
            if line:
                reply = json.loads(line)
                self.returncode, self.output = (0 if reply["ok"] else 1), reply["output"].encode("utf-8")
            else:
                self.returncode, self.output = 1, b"the warm engine process ended"
                self.worker.wait()
        return self.output, None


# What MkDocs renders on every run, dirty or not (Material's static templates; the hooks
# leave out MkDocs' sitemap).
STATIC_TEMPLATES = ("404.html",)


def _unshare_what_mkdocs_rewrites(project: Project) -> None:
    """Remove each output a ``--dirty`` MkDocs run is going to write again, so that it writes a
    new file instead of overwriting one a published site shares (``copy_site`` links them).
    MkDocs' own rule decides (``File.is_modified``: an output not newer than its source). A
    reusable project's last run succeeded, so its outputs are newer than every source except
    those this build wrote: only theirs are looked at (a city has 17,600 pages per script)."""
    docs, site = project.folder / "docs", project.site_dir
    for name in STATIC_TEMPLATES:
        (site / name).unlink(missing_ok=True)
    for source in project.written:
        if not source.is_relative_to(docs):
            continue  # theme templates: they change the fingerprint, so the build is not dirty
        relative = source.relative_to(docs)
        output = site / (relative.with_suffix(".html") if source.suffix == ".md" else relative)
        try:
            if output.stat().st_mtime <= source.stat().st_mtime:
                output.unlink()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            continue


def copy_site(project: Project, target: Path) -> None:
    """Put a project's built site into ``target``: its pages and the assets the site ships
    (above), nothing else an engine writes (sitemaps, made again for both scripts by
    outputs/sitemap.py; Zensical's empty search.json). MkDocs' and ProperDocs' files are
    linked, not copied (``cache.share``; ``Running.start`` keeps them from being rewritten
    in place); Zensical's are copied, since its own cache decides what it rewrites."""
    assets = project.site_dir / "assets"
    hant = project.folder.name == HANT

    def ignore(folder: str, names: list[str]) -> list[str]:
        here = Path(folder)
        if here == assets:
            return [n for n in names if n != SHIPPED_ASSETS]
        if here.is_relative_to(assets / SHIPPED_ASSETS):
            return []
        return [n for n in names if not (n.endswith(".html") or (here / n).is_dir())
                or (n == "assets" and here == project.site_dir and hant)]

    shutil.copytree(project.site_dir, target, dirs_exist_ok=True, ignore=ignore,
                    copy_function=cache.share if project.engine in DIRTY else shutil.copy2)


def _alternates(page: Page, script: str, site_url: str) -> dict[str, str]:
    """The relative link to the same page in the other script (the language switch); with a
    ``site_url``, the public addresses of both (hreflang must be absolute; print shows this
    page's address and its QR code, see ``_with_qr``)."""
    up = "../" * page.path.count("/")
    links = {"alternate": f"{up}{HANT_DIR}/{page.url}" if script == HANS else f"../{up}{page.url}"}
    if site_url:
        base = site_url.rstrip("/") + "/"
        hans, hant = base + page.url, f"{base}{HANT_DIR}/{page.url}"
        links["alternate_url"], links["public_url"] = (hant, hans) if script == HANS else (hans, hant)
    return links


def _with_qr(text: str, meta: dict[str, Any]) -> str:
    """A page's text with a QR code of its public address added to its front matter, made only
    for pages that are written (a code costs about a millisecond; the address is in the page's
    digest) and after the conversion (the code is ASCII)."""
    if "public_url" not in meta:
        return text
    front = f"qr: {json.dumps(qrcode.png_data_uri(meta['public_url']))}\n"
    return text.replace("---\n", "---\n" + front, 1)


def _config(settings: Settings, script: str, convert: Any, nav: list[dict[str, Any]],
            site_dir: Path) -> dict[str, Any]:
    """The generated mkdocs.yml; ``site_dir`` is relative so a moved cache stays valid."""
    other = HANT if script == HANS else HANS
    site_url = settings.site_url
    if site_url and script == HANT:
        site_url = site_url.rstrip("/") + f"/{HANT_DIR}/"
    extra = {
        key: convert(getattr(settings, key))
        for key in ("sponsor", "organizer", "contact", "site_id_code", "icp", "psb", "error_report_url", "region")
    }
    extra.update(
        csp=htmlguard.CONTENT_SECURITY_POLICY,
        demo_banner=settings.demo_banner,
        site_domain=urlsplit(settings.site_url).hostname or "",
        lang=script,
        other_lang=other,
        other_lang_label=LANG_LABELS[other],
    )
    config = {
        "site_name": convert(settings.site_name),
        "site_url": site_url or None,
        "use_directory_urls": False,
        "docs_dir": "docs",
        "site_dir": site_dir.name,
        "theme": {
            "name": "material",
            "language": script,
            "font": False,
            "custom_dir": "overrides",
            "features": [],
        },
        "plugins": [],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "extra": extra,
        "nav": _convert_nav(nav, convert),
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    if settings.engine in DIRTY:
        config["hooks"] = [HOOKS]
    if settings.engine == "zensical":
        # Zensical turns its search on unless told otherwise (our own search is in the pages)
        # and has a new look unless the classic one is asked for.
        config["theme"]["variant"] = "classic"
        config["plugins"] = {"search": {"enabled": False}}
    return config


def _convert_nav(nav: list[dict[str, Any]], convert: Any) -> list[dict[str, Any]]:
    out = []
    for entry in nav:
        (title, target), = entry.items()
        out.append({convert(title): _convert_nav(target, convert) if isinstance(target, list) else target})
    return out
