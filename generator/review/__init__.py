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

from .. import public_names
from ..checks import filescan
from ..findings import Finding
from ..model import Department
from ..public_names import PublicName
from ..history import diff, git
from ..history.diff import ChangeSet
from ..history.git import GitError, Repo
from . import amendments, basis, checklist, elements, flags
from .amendments import LawChange
from .basis import BasisRow
from .elements import Element
from .snapshot import Snapshot, checked_revision
from ..layout import CONTENT_PATHS

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
    public_names: list[PublicName] = field(default_factory=list)  # new or changed listings
    allowed: frozenset[str] = frozenset()  # every listed name of the newer version
    bases: dict[str, list[BasisRow]] = field(default_factory=dict)  # item id → old/new article texts
    elements: dict[str, tuple[Element, ...]] = field(default_factory=dict)  # item id → five elements
    law_changes: list[LawChange] = field(default_factory=list)  # when the request changes laws/

    @property
    def blocked(self) -> bool:
        """Not to be merged: errors in the newer version, or personal data in an earlier commit."""
        return self.has_errors or bool(self.earlier)

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
    old = checked_revision(repo, start)
    new = checked_revision(repo, head_sha)
    changes = diff.compare(old.content, new.content, diff.mode_labels(new.settings, old.settings),
                           old.settings, new.settings)
    changes = _unreadable(changes, new)
    day = git.run(repo.root, "show", "-s", "--format=%cI", head_sha).decode("ascii").strip()[:10]
    findings = new.findings + _compared(changes, old, new, day)
    findings = sorted(findings, key=lambda f: (f.severity != "error", f))
    allowed = public_names.allowed_everywhere(new.loaded)
    earlier = _earlier_personal_data(repo, start, head_sha, findings, allowed)
    listed = _listed_names(old, new)
    departments = {d.code: d for d in old.content.departments}
    departments.update({d.code: d for d in new.content.departments})
    return Review(
        base=Revision(base, base_sha), head=Revision(head, head_sha), compared_from=start,
        changes=changes, findings=findings, files_checked=new.files_checked,
        head_readable=new.settings is not None, earlier=earlier,
        checklist=checklist.build(changes, findings, [f for _, f in earlier], len(listed)),
        departments=departments, preview_url=preview_url.rstrip("/"),
        public_names=listed, allowed=allowed, **_legality(changes, old, new, findings, departments),
    )


def _compared(changes: ChangeSet, old: Snapshot, new: Snapshot, day: str) -> list[Finding]:
    """What only the two revisions together show: stale review records, renumbered items, and
    reviews that would be published late if merged on ``day`` (the request's last commit)."""
    if new.loaded is None:
        return []
    return (flags.stale_reviews(changes, new.loaded) + flags.renumbered(changes, old.content, new.loaded)
            + flags.late(changes, new.loaded, day))


def _legality(changes: ChangeSet, old: Snapshot, new: Snapshot, findings: list[Finding],
              departments: dict[str, Department]) -> dict:
    """The legal office's desk: five elements per item, the basis texts, the library's changes."""
    if new.loaded is None:
        return {}
    old_library = old.loaded.library if old.loaded else None
    library = new.loaded.library
    shown = [c for c in changes.of(diff.ITEM) if c.action in (diff.ADDED, diff.CHANGED) and not c.withheld]
    on_item = elements.item_findings(new.loaded, findings)
    items = {i.id: i for i in new.content.items()}
    five = {c.id: elements.review(items[c.id], departments.get(c.department), library, on_item.get(c.id, []),
                                  new.loaded.powers.get(c.department), elements.basis_lines(new.loaded, items[c.id]))
            for c in shown if c.id in items}
    bases = basis.changed_bases(old.content, new.content, [c.id for c in shown if c.action == diff.CHANGED],
                                old_library, library)
    law_changes = (amendments.changes(old_library, library, new.loaded)
                   if amendments.library_changed(old.files, new.files) else [])
    return {"elements": five, "bases": bases, "law_changes": law_changes}


def _unreadable(changes: ChangeSet, new: Snapshot) -> ChangeSet:
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


def _listed_names(old: Snapshot, new: Snapshot) -> list[PublicName]:
    """Names the request adds to ``public_names`` (or whose reason it changes): the legal office
    decides whether each may be published."""
    def listed(snapshot: Snapshot) -> list[PublicName]:
        docs = snapshot.loaded.documents if snapshot.loaded else []
        return [p for doc in docs for p in public_names.of_document(doc)]

    before = {(p.path, p.name, p.reason) for p in listed(old)}
    return sorted(p for p in listed(new) if (p.path, p.name, p.reason) not in before)


def _earlier_personal_data(repo: Repo, start: str, head: str, findings: list[Finding],
                           allowed: frozenset[str]) -> list[tuple[str, Finding]]:
    """Personal data in file versions (and file names) that only the request's earlier commits
    contain, found as ``check`` finds it in any committed file.

    Deleting it in a later commit does not remove it from the repository: whoever can read the
    request can still read that commit.
    """
    commits = git.run(repo.root, "rev-list", "--reverse", f"{start}..{head}").decode("ascii").split()
    commits = [c for c in commits if c != head][-MAX_EARLIER_COMMITS:]
    known_files = {**git.tree_files(repo, start, CONTENT_PATHS), **git.tree_files(repo, head, CONTENT_PATHS)}
    seen = set(known_files.values())
    paths = set(known_files)
    known = {(f.code, f.message) for f in findings}
    found: list[tuple[str, Finding]] = []
    for commit in commits:
        tree = git.tree_files(repo, commit, CONTENT_PATHS)
        files = {p: o for p, o in tree.items() if o not in seen}
        seen |= set(files.values())
        blobs = git.read_blobs(repo, list(files.values()))
        new_paths = sorted(set(tree) - paths)
        paths |= set(new_paths)
        candidates = [f for p in new_paths for f in filescan.name_findings(p)]
        for path, oid in sorted(files.items()):
            candidates += filescan.content_findings(path, blobs[oid], allowed)
        for f in candidates:
            if (f.code, f.message) not in known:
                known.add((f.code, f.message))
                found.append((commit, f))
    return found
