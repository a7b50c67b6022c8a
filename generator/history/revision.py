"""The content at a git revision, loaded and checked exactly as ``check`` does on a folder.

A revision's files are copied from git objects into a temporary folder and the real loader
and checks run on it, so a review sees the same findings an editor sees locally, without a
checkout (CI on a pull request, a bare clone). ``FileCache`` serves the change history: there
every commit changes one or two files, so each file version is loaded once and reused.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import checks
from ..checks import personal
from .. import settings as settings_module
from ..findings import Finding
from ..load import Loaded, load
from ..model import Case, Content, Department
from ..settings import Settings
from . import git
from ..layout import CONFIG_FILE as SETTINGS_FILE, CONTENT_PATHS, EXTRA_PATHS
from .git import Repo


@dataclass
class Snapshot:
    commit: str
    loaded: Loaded | None
    settings: Settings | None
    findings: list[Finding]
    files: dict[str, str]  # path → blob id of every file read

    def ids_in_files(self) -> set[str]:
        """Ids written in the files, also of parts that failed validation (left out of the model)."""
        ids: set[str] = set()
        for doc in self.loaded.documents if self.loaded else []:
            data = doc.parsed.data
            if doc.kind == "case":
                ids.add(str(data.get("id")))
                continue
            for key in ("items", "no_penalty"):
                ids |= {str(x.get("id")) for x in data.get(key) or [] if isinstance(x, dict)}
        return ids

    @property
    def content(self) -> Content:
        return self.loaded.content if self.loaded else Content((), ())

    @property
    def files_checked(self) -> int:
        return self.loaded.files_checked if self.loaded else 1


def snapshot(repo: Repo, commit: str) -> Snapshot:
    """Load and check every content file of ``commit``."""
    files = git.tree_files(repo, commit, CONTENT_PATHS + EXTRA_PATHS)
    blobs = git.read_blobs(repo, list(files.values()))
    with tempfile.TemporaryDirectory(prefix="xzzd-revision-") as tmp:
        git.write_files(Path(tmp), files, blobs)
        loaded, settings, findings = checks.run(Path(tmp))
    return Snapshot(commit, loaded, settings, findings, files)


Loadable = Department | Case


class FileCache:
    """Model objects of single file versions, keyed by (settings blob, path, file blob).

    A file that does not load cleanly (a YAML error, an invalid item) is cached as ``None``:
    the caller keeps that file's previous version instead of reporting its items as removed.
    """

    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self._objects: dict[tuple[str, str, str], Loadable | None] = {}
        self._settings: dict[str, Settings | None] = {}
        # Personal names any loaded version held: an old title must not show them again.
        self.names: set[str] = set()

    def settings(self, oid: str) -> Settings | None:
        if oid not in self._settings:
            with tempfile.TemporaryDirectory(prefix="xzzd-history-") as tmp:
                git.write_files(Path(tmp), {SETTINGS_FILE: oid}, git.read_blobs(self.repo, [oid]))
                self._settings[oid] = settings_module.load(Path(tmp))[0]
        return self._settings[oid]

    def objects(self, settings_oid: str, files: dict[str, str]) -> dict[str, Loadable | None]:
        """path → the department or case it holds (``None``: did not load cleanly)."""
        settings = self.settings(settings_oid)
        wanted = {p: o for p, o in files.items() if p != SETTINGS_FILE}
        if settings is None:
            return {p: None for p in wanted}
        missing = {p: o for p, o in wanted.items() if (settings_oid, p, o) not in self._objects}
        if missing:
            self._load(settings_oid, settings, missing)
        return {p: self._objects.get((settings_oid, p, o)) for p, o in wanted.items()}

    def _load(self, settings_oid: str, settings: Settings, files: dict[str, str]) -> None:
        blobs = git.read_blobs(self.repo, list(files.values()) + [settings_oid])
        with tempfile.TemporaryDirectory(prefix="xzzd-history-") as tmp:
            git.write_files(Path(tmp), {**files, SETTINGS_FILE: settings_oid}, blobs)
            loaded = load(Path(tmp), settings)
        broken = {f.path for f in loaded.findings if f.severity == "error"}
        for doc in loaded.documents:
            self.names |= personal.names_in(doc)
        found: dict[str, Loadable] = {d.origin.path: d for d in loaded.content.departments}
        found.update({c.origin.path: c for c in loaded.content.cases})
        for path, oid in files.items():
            self._objects[(settings_oid, path, oid)] = None if path in broken else found.get(path)
