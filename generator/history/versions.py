"""The archive of published versions: what each item and case said from which commit on.

``changelog`` walks the default branch once; ``Archive.record`` keeps, from that same walk,
the public state of every item and case after each commit that changed it, and notes the items
that left the catalog. Nothing is read again downstream: the version pages and the withdrawn
pages are made from these objects.

Safe by construction: only the public view is compared, so a state during which an item was
exempt (公开属性 ≠ 公开) is never recorded, and when an item becomes exempt its earlier
versions are dropped too (its old text may be exactly what the exemption withholds); it has no
withdrawn page. Old text is shown only through ``text_of`` and ``changes_between``, which mask
personal data as the review report does, and also every personal name any version held.
"""

from __future__ import annotations

from typing import Any, Collection, Mapping

from .. import privacy
from ..model import Content
from . import diff, textdiff
from .record import Commit, History, Version, Withdrawal


class Archive:
    """Versions and withdrawals collected commit by commit, oldest first."""

    def __init__(self) -> None:
        self.versions: dict[tuple[str, str], list[Version]] = {}
        self.withdrawn: dict[str, Withdrawal] = {}
        self.exempt: set[str] = set()  # items whose last public event was being made exempt

    def record(self, commit: Commit, changes: diff.ChangeSet, after: Content) -> None:
        """``changes``: the public view's changes of ``commit``; ``after``: the full objects of
        the files it touched (exempt items included), as they are after it."""
        now = {(diff.ITEM, i.id): i for i in after.items()}
        now.update({(diff.CASE, c.id): c for c in after.cases})
        for change in changes.changes:
            if change.kind not in (diff.ITEM, diff.CASE):
                continue
            key = (change.kind, change.id)
            if change.action != diff.REMOVED:
                self.versions.setdefault(key, []).append(Version(commit, now[key]))
                if change.kind == diff.ITEM:
                    self.withdrawn.pop(change.id, None)
                    self.exempt.discard(change.id)
            elif change.kind == diff.ITEM and key in now:  # still in its file: made exempt
                self.versions.pop(key, None)
                self.withdrawn.pop(change.id, None)
                self.exempt.add(change.id)
            elif change.kind == diff.ITEM:
                known = self.versions.get(key)
                self.withdrawn[change.id] = Withdrawal(commit, known[-1] if known else None)

    def finish(self, final: Content) -> None:
        """An item exempt at the end of the walk is treated as made exempt, however it got there
        (removed while public, then added back exempt: no withdrawn page may name it)."""
        for item in final.items():
            if not item.published:
                self.versions.pop((diff.ITEM, item.id), None)
                self.withdrawn.pop(item.id, None)
                self.exempt.add(item.id)

    def into(self, history: History, names: Collection[str]) -> None:
        history.versions = {key: tuple(v) for key, v in self.versions.items()}
        history.withdrawn = dict(self.withdrawn)
        history.private_names = frozenset(names)


def text_of(kind: str, obj: Any, modes: Mapping[str, str], names: Collection[str]) -> list[tuple[str, list[str]]]:
    """(field label, display lines) of a version, personal data masked; empty fields left out."""
    values = diff.display_values(kind, obj, modes)
    return [(diff.label(kind, f), [masked(line, names) for line in values[f]])
            for f in _order(kind) if values.get(f)]


def changes_between(kind: str, old: Any, new: Any, modes: Mapping[str, str],
                    names: Collection[str]) -> list[tuple[str, list[textdiff.LineDiff]]]:
    """(field label, line diff) of every field that differs from ``old`` to ``new``, masked
    before comparing, so a masked number is never half shown by a word diff."""
    before, after = diff.display_values(kind, old, modes), diff.display_values(kind, new, modes)
    out = []
    for f in _order(kind):
        a = [masked(line, names) for line in before.get(f, ())]
        b = [masked(line, names) for line in after.get(f, ())]
        if a != b:
            out.append((diff.label(kind, f), textdiff.lines(a, b)))
    return out


# Fields a reader of an old version needs; the id is in the page, review and flags are not text.
_SKIPPED = {"id", "department", "sample", "script", "disclosure", "exemption_reason"}


def _order(kind: str) -> tuple[str, ...]:
    fields = diff.ITEM_FIELDS if kind == diff.ITEM else diff.CASE_FIELDS
    return tuple(f for f in fields if f not in _SKIPPED)


def masked(text: str, names: Collection[str]) -> str:
    """``text`` with what ``check`` flags masked, and every personal name an old version held."""
    text = privacy.redact(text)
    for name in sorted(names, key=len, reverse=True):
        if name in text:
            text = text.replace(name, privacy.mask_name(name))
    return text
