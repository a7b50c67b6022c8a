"""The legal office's review report: what a pull request changes, in words lawyers review.

``run`` reads the content at two git revisions (from git objects, so it works in CI and on
a bare clone), compares them with the diff engine, checks the newer one with the real
checks, looks for personal data that only earlier commits of the request contained, and
derives the legality checklist. ``report.render`` writes it as Markdown or JSON.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding, finding
from ..model import Department
from .. import privacy
from . import checklist, diff, git, revision
from .diff import ChangeSet
from .git import CONTENT_PATHS, GitError, Repo

__all__ = ["GitError", "Review", "Revision", "run"]

# Earlier commits of a request scanned for personal data that the last commit no longer has.
MAX_EARLIER_COMMITS = 100


@dataclass(frozen=True)
class Revision:
    name: str  # as given: a branch, tag, sha, HEAD …
    commit: str  # the full commit id

    @property
    def short(self) -> str:
        return self.commit[:8]


@dataclass
class Review:
    base: Revision
    head: Revision
    compared_from: str  # the merge base of base and head: what the request starts from
    changes: ChangeSet
    findings: list[Finding]  # on the head revision, errors first
    files_checked: int
    head_readable: bool  # False when the head's settings could not be read
    earlier: list[tuple[str, Finding]]  # (commit, personal data only earlier commits held)
    checklist: list[str]
    departments: dict[str, Department] = field(default_factory=dict)
    preview_url: str = ""

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)


def run(root: Path, base: str, head: str = "HEAD", preview_url: str = "") -> Review:
    """Compare ``head`` with where it branched from ``base``; ``GitError`` explains failures."""
    repo = git.open_repo(root)
    head_sha = git.resolve(repo, head)
    base_sha = git.resolve(repo, base)
    start = git.merge_base(repo, base_sha, head_sha)
    old = revision.snapshot(repo, start)
    new = revision.snapshot(repo, head_sha)
    changes = diff.compare(old.content, new.content, diff.mode_labels(new.settings, old.settings),
                           old.settings, new.settings)
    changes = _unreadable(changes, new)
    findings = sorted(new.findings, key=lambda f: (f.severity != "error", f))
    earlier = _earlier_personal_data(repo, start, head_sha, findings)
    departments = {d.code: d for d in old.content.departments}
    departments.update({d.code: d for d in new.content.departments})
    return Review(
        base=Revision(base, base_sha), head=Revision(head, head_sha), compared_from=start,
        changes=changes, findings=findings, files_checked=new.files_checked,
        head_readable=new.settings is not None, earlier=earlier,
        checklist=checklist.build(changes, findings, [f for _, f in earlier]),
        departments=departments, preview_url=preview_url.rstrip("/"),
    )


def _unreadable(changes: ChangeSet, new: revision.Snapshot) -> ChangeSet:
    """An object with errors in the newer version is left out of its model: it is not removed.

    Without settings nothing of the newer version could be read, so nothing is compared."""
    if new.settings is None:
        return ChangeSet(())
    present = new.ids_in_files()
    parsed = {doc.path for doc in new.loaded.documents} if new.loaded else set()
    unparsable = set(new.files) - parsed  # e.g. a YAML syntax error: nothing of the file is known

    def still_there(c: diff.Change) -> bool:
        return c.id in present or c.path in unparsable

    return ChangeSet(tuple(dataclasses.replace(c, action=diff.UNREADABLE, fields=())
                           if c.action == diff.REMOVED and still_there(c) else c
                           for c in changes.changes))


def _earlier_personal_data(repo: Repo, start: str, head: str, findings: list[Finding]) -> list[tuple[str, Finding]]:
    """Personal data in file versions that only the request's earlier commits contain.

    Deleting it in a later commit does not remove it from the repository: whoever can read the
    request can still read that commit.
    """
    commits = git.run(repo.root, "rev-list", "--reverse", f"{start}..{head}").decode("ascii").split()
    commits = [c for c in commits if c != head][-MAX_EARLIER_COMMITS:]
    seen = set(git.tree_files(repo, start, CONTENT_PATHS).values())
    seen |= set(git.tree_files(repo, head, CONTENT_PATHS).values())
    known = {(f.code, f.message) for f in findings}
    found: list[tuple[str, Finding]] = []
    for commit in commits:
        files = {p: o for p, o in git.tree_files(repo, commit, CONTENT_PATHS).items() if o not in seen}
        seen |= set(files.values())
        blobs = git.read_blobs(repo, list(files.values()))
        for path, oid in sorted(files.items()):
            text = blobs[oid].decode("utf-8", "replace")
            for m in privacy.find_numbers(text):
                line = text.count("\n", 0, m.start) + 1
                col = m.start - (text.rfind("\n", 0, m.start) + 1) + 1
                f = finding(path, line, col, m.code, masked=m.masked)
                if (f.code, f.message) not in known:
                    known.add((f.code, f.message))
                    found.append((commit, f))
    return found
