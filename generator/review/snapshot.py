"""The content at a git revision, loaded and checked exactly as ``check`` does on a folder.

A revision's files are copied from git objects into a temporary folder and the real loader
and checks run on it, so a review sees the same findings an editor sees locally, without a
checkout (CI on a pull request, a bare clone).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import checks
from ..findings import Finding
from ..history import git
from ..history.git import Repo
from ..layout import CONTENT_PATHS, EXTRA_PATHS
from ..load import Loaded
from ..model import Content
from ..settings import Settings


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


def checked_revision(repo: Repo, commit: str) -> Snapshot:
    """Load and check every content file of ``commit``."""
    files = git.tree_files(repo, commit, CONTENT_PATHS + EXTRA_PATHS)
    blobs = git.read_blobs(repo, list(files.values()))
    with tempfile.TemporaryDirectory(prefix="xzzd-revision-") as tmp:
        git.write_files(Path(tmp), files, blobs)
        loaded, settings, findings = checks.run(Path(tmp))
    return Snapshot(commit, loaded, settings, findings, files)
