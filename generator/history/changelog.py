"""The public change history, read from the git history of the default branch.

Every commit on the first-parent line of HEAD (on the default branch: each merged pull
request, or each direct commit) is compared with the one before it by the same diff engine
as the review report, on the public view of the content (exempt items left out). That gives:

- the 更新记录 page and the Atom feed: what changed on which date, in which department, by
  which pull request when the merge commit names one;
- for every item and case, the date it was first published and last changed.

Dates are commit dates, never a hand-typed field. Without a usable history (a shallow clone,
a folder that is not a git repository) there are no dates: ``History.problem`` says why, and
pages say the dates cannot be determined from the record instead of showing invented ones.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .. import privacy
from ..messages import current as msg
from ..model import Case, Content, Department
from ..model import fields as field_table
from ..settings import Settings
from . import diff, git
from ..layout import CONFIG_FILE as SETTINGS_FILE, CONTENT_PATHS
from .git import GitError, NotARepository, Repo
from .record import Commit, Dates, Entry, History
from .versions import Archive
from .revision import FileCache, Loadable

def read(root: Path, current: Content | None = None) -> History:
    """The history of the content under ``root``; ``current`` is the content being built.

    An item or case whose current text differs from its last committed version (a build of
    uncommitted edits) keeps its first-published date but has no last-changed date.
    """
    try:
        repo = git.open_repo(root)
    except NotARepository:
        return History(problem=msg.HISTORY_NOT_GIT)
    except GitError as problem:
        return History(problem=msg.HISTORY_GIT_FAILED.format(detail=str(problem)))
    if repo.shallow:
        return History(problem=msg.HISTORY_SHALLOW)
    if not git.run(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False).strip():
        return History(problem=msg.HISTORY_EMPTY)
    try:
        history, final = _walk(repo)
    except GitError as problem:
        return History(problem=msg.HISTORY_GIT_FAILED.format(detail=str(problem)))
    if current is not None:
        _forget_uncommitted(history, final, diff.public_view(current))
    return history


def _log(repo: Repo) -> list[tuple[Commit, list[tuple[str, str | None]]]]:
    """First-parent commits touching content, oldest first, with (path, new blob or None)."""
    specs = [repo.prefix + p for p in CONTENT_PATHS]
    out = git.run(repo.root, "log", "--first-parent", "--reverse", "--no-renames", "--raw", "--no-abbrev",
                  "-z", "--format=%x1e%H%x1f%cI%x1f%B", "HEAD", "--", *specs)
    commits = []
    for chunk in out.split(b"\x1e")[1:]:
        header, _, raw = chunk.partition(b"\0")
        sha, time, message = header.decode("utf-8", "replace").split("\x1f", 2)
        changes: list[tuple[str, str | None]] = []
        tokens = raw.split(b"\0")
        i = 0
        while i < len(tokens) - 1:
            meta = tokens[i].strip().decode("ascii", "replace")
            if not meta.startswith(":"):
                i += 1
                continue
            _, new_mode, _, new_oid, status = meta[1:].split(" ")[:5]
            path = tokens[i + 1].decode("utf-8", "surrogateescape")
            i += 2
            if not path.startswith(repo.prefix):
                continue
            regular = new_mode in ("100644", "100755") and not status.startswith("D")
            changes.append((path[len(repo.prefix):], new_oid if regular else None))
        commits.append((Commit(sha, time.strip(), message.strip()), changes))
    return commits


def _walk(repo: Repo) -> tuple[History, Content]:
    cache = FileCache(repo)
    files: dict[str, str] = {}
    objects: dict[str, Loadable] = {}
    settings: Settings | None = None
    entries: list[Entry] = []
    dates: dict[tuple[str, str], Dates] = {}
    reviewed: dict[str, tuple[str, str]] = {}
    archive = Archive()
    for commit, changed in _log(repo):
        for path, oid in changed:
            if oid is None:
                files.pop(path, None)
            else:
                files[path] = oid
        if SETTINGS_FILE not in files or cache.settings(files[SETTINGS_FILE]) is None:
            continue  # no readable settings at this commit: nothing can be loaded, keep the last state
        settings_changed = any(p == SETTINGS_FILE for p, _ in changed)
        touched = set(files) if settings_changed else {p for p, _ in changed}
        fresh = cache.objects(files[SETTINGS_FILE], {p: files[p] for p in touched if p in files})
        before = {p: objects[p] for p in touched if p in objects}
        for path in touched:
            if path not in files:
                objects.pop(path, None)
            elif fresh.get(path) is not None:
                objects[path] = fresh[path]
            # a version that does not load cleanly: keep the previous one (never merged like that)
        after = {p: objects[p] for p in touched if p in objects}
        new_settings = cache.settings(files[SETTINGS_FILE])
        changes = diff.compare(diff.public_view(_content(before.values())),
                               diff.public_view(_content(after.values())),
                               diff.mode_labels(new_settings, settings))
        settings = new_settings
        now = _content(after.values())
        archive.record(commit, changes, now)
        changes = _public_fields(_without_exemptions(changes, now))
        if changes:
            entries.append(Entry(commit, changes))
            _date(dates, commit.date, changes)
            _reviewed(reviewed, commit.date, changes)
    final = _content(objects.values())
    archive.finish(final)
    entries = [_without_items(e, archive.exempt) for e in entries]
    history = History(_as_today([e for e in entries if e.changes], final, cache.names), None,
                      {k: v for k, v in dates.items() if not (k[0] == diff.ITEM and k[1] in archive.exempt)},
                      {k: v for k, v in reviewed.items() if k not in archive.exempt})
    archive.into(history, cache.names)
    return history, final


# Fields that never appear on the site: a change to them alone is not a publication.
INTERNAL_FIELDS = {diff.DEPARTMENT: tuple(f.key for f in field_table.DEPARTMENT_FIELDS if not f.public)}


def _public_fields(changes: diff.ChangeSet) -> diff.ChangeSet:
    kept = []
    for change in changes.changes:
        internal = INTERNAL_FIELDS.get(change.kind, ())
        if change.action == diff.CHANGED and internal:
            fields = tuple(f for f in change.fields if f.field not in internal)
            if not fields:
                continue
            change = dataclasses.replace(change, fields=fields)
        kept.append(change)
    return diff.ChangeSet(tuple(kept))


def _without_exemptions(changes: diff.ChangeSet, after: Content) -> diff.ChangeSet:
    """An item made exempt leaves the public view, but it was not removed: saying so would
    name an item that is now exempt. Such a change is not shown at all."""
    exempt = {i.id for i in after.items() if not i.published}
    return diff.ChangeSet(tuple(c for c in changes.changes
                                if not (c.kind == diff.ITEM and c.action == diff.REMOVED and c.id in exempt)))


def _without_items(entry: Entry, hidden: set[str]) -> Entry:
    """The entry without the items now exempt: an earlier change would name them."""
    kept = tuple(c for c in entry.changes.changes if not (c.kind == diff.ITEM and c.id in hidden))
    return Entry(entry.commit, diff.ChangeSet(kept))


def _as_today(entries: list[Entry], final: Content, names: set[str]) -> tuple[Entry, ...]:
    """Old text only as it passes today's checks: a title that held personal data (a number,
    or a name any version of the content held) shows the current title instead, or nothing
    when that one is not clean either. Field values are dropped: the page and feed name the
    changed fields, never their old or new text."""
    current = {(diff.ITEM, i.id): i.name for d in final.departments for i in d.items}
    current.update({(diff.ENTRY, e.id): e.violation for d in final.departments for e in d.no_penalty})
    current.update({(diff.CASE, c.id): c.title for c in final.cases})
    current.update({(diff.DEPARTMENT, d.code): d.name for d in final.departments})

    def clean(text: str) -> bool:
        return not privacy.find_all(text) and not any(name in text for name in names)

    def shown(change: diff.Change) -> str:
        if clean(change.title):
            return change.title
        now = current.get((change.kind, change.id), "")
        return now if now and clean(now) else msg.HISTORY_TITLE_WITHHELD

    def without_values(change: diff.Change) -> diff.Change:
        fields = tuple(dataclasses.replace(f, old=(), new=()) for f in change.fields)
        return dataclasses.replace(change, title=shown(change), fields=fields)

    return tuple(Entry(e.commit, diff.ChangeSet(tuple(map(without_values, e.changes.changes)))) for e in entries)


def _content(objects) -> Content:
    departments = sorted((o for o in objects if isinstance(o, Department)), key=lambda d: d.code)
    cases = sorted((o for o in objects if isinstance(o, Case)), key=lambda c: c.id)
    return Content(tuple(departments), tuple(cases))


def _date(dates: dict[tuple[str, str], Dates], day: str, changes: diff.ChangeSet) -> None:
    for change in changes.changes:
        if change.kind not in (diff.ITEM, diff.CASE):
            continue
        key = (change.kind, change.id)
        known = dates.get(key, Dates())
        if change.action == diff.ADDED:
            dates[key] = Dates(known.first or day, day)
        elif change.action == diff.CHANGED:
            dates[key] = Dates(known.first or day, day)


def _reviewed(reviewed: dict[str, tuple[str, str]], day: str, changes: diff.ChangeSet) -> None:
    """The day each review date was first published: the end of its 20 working days."""
    for change in changes.of(diff.ITEM):
        review = change.field("review.date")
        if change.action != diff.REMOVED and review is not None and review.new:
            reviewed[change.id] = (review.new[0], day)


def _forget_uncommitted(history: History, final: Content, current: Content) -> None:
    pending = diff.compare(diff.public_view(final), current, {})
    for change in pending.changes:
        if change.kind in (diff.ITEM, diff.CASE):
            key = (change.kind, change.id)
            history.dates[key] = Dates(history.dates.get(key, Dates()).first, None)
