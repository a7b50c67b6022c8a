"""Single file versions from git, loaded once: what the change history walks through.

Every commit of the default branch changes one or two files, so ``FileCache`` loads each file
version (with the settings of its commit) once and reuses it. Loading, never checking: the
history needs the model of each version, and reads no finding but "did it load cleanly".
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from .. import public_names
from .. import settings as settings_module
from ..load import load
from ..model import Case, Department
from ..settings import Settings
from . import git
from ..layout import CONFIG_FILE as SETTINGS_FILE
from .git import Repo


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
            self.names |= public_names.names_in(doc)
        found: dict[str, Loadable] = {d.origin.path: d for d in loaded.content.departments}
        found.update({c.origin.path: c for c in loaded.content.cases})
        for path, oid in files.items():
            self._objects[(settings_oid, path, oid)] = None if path in broken else found.get(path)
