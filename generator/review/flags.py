"""Findings only a comparison of two revisions can make (W915, W916, W917).

- W915: an item's substance changed but its 审查信息 (review date, 备案号) did not: the legality
  review on record is of the old text.
- W916: an item removed and an item added with the same content under a new id: a renumbering.
  Ids are permanent (addresses, citations, cases depend on them).
- W917: an item reviewed (added, or given a new review date) more than 20 working days before
  the request's last commit: merged now, it is published late (政府信息公开条例 第二十六条).

Both are said at the line of the newer version, so the editor finds the place.
"""

from __future__ import annotations

import dataclasses

from .. import workdays
from ..findings import Finding, finding
from ..history import diff
from ..history.diff import ADDED, CHANGED, REMOVED, ChangeSet
from ..load import Loaded
from ..model import Content, Item

# Changes of these fields alone need no new legality review.
CLERICAL = ("status", "effective_date", "note", "supervision_phone", "review.unit", "review.date",
            "review.filing_no")
REVIEW_FIELDS = ("review.date", "review.filing_no")


def stale_reviews(changes: ChangeSet, new: Loaded) -> list[Finding]:
    out = []
    items = {i.id: i for i in new.content.items()}
    for change in changes.of(diff.ITEM, CHANGED):
        item = items.get(change.id)
        substance = [f.label for f in change.fields if f.field not in CLERICAL]
        if item is None or not substance or any(change.field(f) for f in REVIEW_FIELDS):
            continue
        line, col = new.locate(item.origin.path, item.origin.pointer + ("review", "date"))
        out.append(finding(item.origin.path, line, col, "W915", id=item.id, fields="、".join(substance)))
    return out


def _same(a: Item, b: Item) -> bool:
    """The same item but for its id and its review record."""
    return dataclasses.replace(b, id=a.id, review=a.review) == a


def renumbered(changes: ChangeSet, old: Content, new: Loaded) -> list[Finding]:
    removed = {i.id: i for i in old.items() if i.id in {c.id for c in changes.of(diff.ITEM, REMOVED)}}
    out = []
    added = {c.id for c in changes.of(diff.ITEM, ADDED)}
    for item in new.content.items():
        if item.id not in added:
            continue
        match = next((a for a in removed.values() if _same(a, item)), None)
        if match is not None:
            line, col = new.locate(item.origin.path, item.origin.pointer + ("id",))
            out.append(finding(item.origin.path, line, col, "W916", id=item.id, old=match.id))
    return out


def late(changes: ChangeSet, new: Loaded, day: str) -> list[Finding]:
    """Items whose new review date is more than ``workdays.LIMIT`` working days before ``day``."""
    items = {i.id: i for i in new.content.items()}
    out = []
    for change in changes.of(diff.ITEM):
        item = items.get(change.id)
        if item is None or not (change.action == ADDED or change.field("review.date")):
            continue
        days = workdays.working_days(item.review.date, day)
        if days is not None and days > workdays.LIMIT:
            line, col = new.locate(item.origin.path, item.origin.pointer + ("review", "date"))
            out.append(finding(item.origin.path, line, col, "W917", id=item.id, date=item.review.date, day=day,
                               days=days, limit=workdays.LIMIT))
    return out
