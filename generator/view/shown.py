"""Texts as pages show them: each resolved once, in the script its author wrote it in.

A department may write its catalog in traditional script, and any author may fix one word with
``{{简|繁}}``. ``Converter.source`` turns such text into marks that carry both forms through the
page. Done here for every author text of the published content (the field table says which
fields those are), the page templates no longer need to know whose text they print: a
``Shown`` string is ready, and a template filter passes it through instead of converting it
again (which would turn an author fix inside an author fix into nested marks).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

from .. import cache
from ..history import diff
from ..history.record import Entry, History
from ..layout import HANS
from ..model import Content, Department, fields
from ..script import Converter


class Shown(str):
    """Text resolved for the pages (``Converter.source``): converted, never again."""

    __slots__ = ()


Resolve = Callable[[str], str]


def content(source: Content, converter: Converter) -> Content:
    """``source`` with every author text of its departments, items, entries and cases resolved.
    The preview resolves all of it again after every edit (1.8 s at city scale), so what the
    last call resolved from the same department or case is reused (``cache.LastCall``)."""
    _RESOLVED.begin()

    def once(obj: Any, resolve: Callable[[Any, Resolve], Any]) -> Any:
        return _RESOLVED.get(obj, (converter.identity, obj.script),
                             lambda: resolve(obj, _resolver(converter, obj.script)))

    return Content(tuple(once(d, _department) for d in source.departments),
                   tuple(once(c, _case) for c in source.cases),
                   source.media)


_RESOLVED = cache.LastCall()


def history(record: History, departments: list[Department], converter: Converter) -> History:
    """The change history with each change's title resolved in its department's script."""
    scripts = {d.code: d.script for d in departments}

    def change(c: diff.Change) -> diff.Change:
        return dataclasses.replace(c, title=_resolver(converter, scripts.get(c.department, HANS))(c.title))

    entries = tuple(Entry(e.commit, diff.ChangeSet(tuple(map(change, e.changes.changes)))) for e in record.entries)
    return dataclasses.replace(record, entries=entries)


def _resolver(converter: Converter, script: str) -> Resolve:
    def resolve(text: str) -> str:
        return text if not text or isinstance(text, Shown) else Shown(converter.source(text, script))
    return resolve


def _case(c: Any, resolve: Resolve) -> Any:
    return _object(c, fields.CASE_FIELDS, resolve)


def _department(d: Department, resolve: Resolve) -> Department:
    shown = _object(d, fields.DEPARTMENT_FIELDS, resolve)
    return dataclasses.replace(shown, items=tuple(_object(i, fields.ITEM_FIELDS, resolve) for i in d.items),
                               no_penalty=tuple(_object(e, fields.ENTRY_FIELDS, resolve) for e in d.no_penalty))


def _object(obj: Any, table: tuple[fields.Field, ...], resolve: Resolve) -> Any:
    """``obj`` with the author texts of ``table`` resolved (nested ones such as review.unit too)."""
    changes: dict[str, Any] = {}
    nested: dict[str, dict[str, Any]] = {}
    for f in table:
        if f.type not in fields.AUTHOR_TEXT:
            continue
        if "." in f.key:
            top, key = f.key.split(".", 1)
            nested.setdefault(top, {})[key] = _value(getattr(getattr(obj, top), key), f.type, resolve)
        else:
            changes[f.key] = _value(getattr(obj, f.key), f.type, resolve)
    for top, values in nested.items():
        changes[top] = dataclasses.replace(getattr(obj, top), **values)
    return dataclasses.replace(obj, **changes)


def _value(value: Any, kind: str, resolve: Resolve) -> Any:
    if value is None:
        return None
    if kind == fields.TEXTS:
        return tuple(resolve(v) for v in value)
    if kind == fields.BASIS:
        return tuple(_object(b, fields.BASIS_FIELDS, resolve) for b in value)
    return resolve(value)

