"""The archive's pages: every earlier published version of an item or case, and a page for each
item that left the catalog, at the address its page had.

Made only from ``History.versions`` and ``History.withdrawn`` (one walk of git, in
``history.changelog``); old text goes through ``history.versions``, which masks personal data.
Version pages are ``noindex`` and left out of the sitemap: they are a record, not the catalog.
"""

from __future__ import annotations

from typing import Any, Callable

from ... import layout
from ...history import diff, versions
from ...history.record import History, Version
from ...messages import current as msg
from ...view import PublishedView

Add = Callable[..., None]  # render.render's ``add``: (path, template, title, column, inputs, **context)


def add_pages(view: PublishedView, add: Add) -> None:
    """Version pages of every published item and case, and the withdrawn items' pages."""
    history = view.history
    modes = diff.mode_labels(view.settings)
    names = history.private_names
    for item in view.items:
        _versions(add, history, diff.ITEM, item.id, item, modes, names)
    for case in view.cases:
        _versions(add, history, diff.CASE, case.id, case, modes, names)
    records = {w.id: w for d in view.departments for w in d.withdrawn}
    in_catalog = {i.id for d in view.departments for i in d.items}  # exempt ones too
    for ident, withdrawal in sorted(history.withdrawn.items()):
        if ident in in_catalog:
            continue  # back in the catalog, not yet committed: published, or exempt (then nothing shows)
        last = withdrawal.last
        if last:
            _versions(add, history, diff.ITEM, ident, last.obj, modes, names, withdrawn=True)
        title = _title(diff.ITEM, last.obj, last.obj, names) if last else ident
        record = records.get(ident)
        merged = record.merged_into if record and record.merged_into in view.item_by_id else None
        add(layout.item(ident), "withdrawn.md.j2", msg.ARCHIVE_WITHDRAWN_TITLE.format(name=title),
            msg.SECTIONS["items"], (withdrawal, record, merged), ident=ident, withdrawal=withdrawal,
            record=record, merged=merged, last=last.obj if last else None,
            text=versions.text_of(diff.ITEM, last.obj, modes, names) if last else [],
            versions=list(reversed(history.earlier(diff.ITEM, ident))),
            department=view.department_by_code.get(last.obj.department) if last else None,
            meta={"date": withdrawal.commit.date, "date_label": msg.ARCHIVE_WITHDRAWN_DATE})


def _versions(add: Add, history: History, kind: str, ident: str, current: Any, modes: dict[str, str],
              names: frozenset[str], withdrawn: bool = False) -> None:
    """Pages of the versions before ``current`` (the page being built, or a withdrawn item's
    last published version), each compared with the version that followed it."""
    earlier = history.earlier(kind, ident)
    for n, version in enumerate(earlier):
        following = earlier[n + 1].obj if n + 1 < len(earlier) else current
        title = msg.ARCHIVE_VERSION_TITLE.format(name=_title(kind, version.obj, current, names),
                                                 date=version.commit.date)
        page = layout.item(ident) if kind == diff.ITEM else layout.case(ident)
        column = msg.SECTIONS["items" if kind == diff.ITEM else "cases"]
        add(version_page(kind, ident, version), "version.md.j2", title, column, (version, following),
            obj=version.obj, kind=kind, ident=ident, version=version, current_page=page, withdrawn=withdrawn, number=n + 1, total=len(earlier),
            text=versions.text_of(kind, version.obj, modes, names),
            changes=versions.changes_between(kind, version.obj, following, modes, names),
            meta={"date": version.commit.date, "date_label": msg.ARCHIVE_VERSION_DATE, "noindex": True})


def _title(kind: str, old: Any, current: Any, names: frozenset[str]) -> str:
    """An old title as it passes today's checks, as the change history shows it: one that held
    personal data gives way to the current title, or to a neutral word when that is not clean
    either (a masked title would also leave a misleading heading anchor: 王** → 王)."""
    for obj in (old, current):
        name = obj.name if kind == diff.ITEM else obj.title
        if versions.masked(name, names) == name:
            return name
    return msg.HISTORY_TITLE_WITHHELD


def version_page(kind: str, ident: str, version: Version) -> str:
    """The page of ``version`` of item or case ``ident`` (a path under docs/)."""
    return layout.item_version(ident, version.key) if kind == diff.ITEM else layout.case_version(ident, version.key)
