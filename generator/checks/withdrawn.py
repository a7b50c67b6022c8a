"""The catalog's ``withdrawn:`` list: items taken out of the catalog, when and why.

Its entries name items that are no longer in ``items`` (E990), each once (E993); an item merged
into another names a published item (E991), and only a merge names one (E992). The pages that
show them are made from the git history (``outputs/pages/archive``); this list adds the reason.
"""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, finding
from ..load import Loaded
from ..messages import current as msg
from ..model import MERGED


def check(loaded: Loaded, present: set[str]) -> Iterator[Finding]:
    """``present``: ids of every item written in a catalog, even one that failed validation."""
    published = {i.id for i in loaded.content.items() if i.published}
    exempt = {i.id for i in loaded.content.items() if not i.published}
    for department in loaded.content.departments:
        path = department.origin.path
        seen: dict[str, int] = {}
        for entry in department.withdrawn:
            at = entry.origin.pointer
            line, col = loaded.locate(path, at + ("id",))
            if entry.id in seen:
                yield finding(path, line, col, "E993", id=entry.id, other=seen[entry.id])
            seen.setdefault(entry.id, line)
            if entry.id in present:
                yield finding(path, line, col, "E990", id=entry.id)
            elif not entry.id.startswith(department.code + "-"):
                yield finding(path, line, col, "E306", id=entry.id, code=department.code)
            if entry.reason == MERGED and not entry.merged_into:
                yield finding(path, *loaded.locate(path, at + ("reason",)), "E992",
                              problem=msg.WITHDRAWN_REASON_PROBLEMS["missing"])
            elif entry.merged_into and entry.reason != MERGED:
                yield finding(path, *loaded.locate(path, at + ("merged_into",)), "E992",
                              problem=msg.WITHDRAWN_REASON_PROBLEMS["unexpected"].format(reason=entry.reason))
            problem = _merge_problem(entry.id, entry.merged_into, present, published, exempt)
            if problem:
                yield finding(path, *loaded.locate(path, at + ("merged_into",)), "E991", id=entry.merged_into,
                              problem=msg.WITHDRAWN_MERGED_PROBLEMS[problem])


def _merge_problem(ident: str, target: str | None, present: set[str], published: set[str],
                   exempt: set[str]) -> str | None:
    """Why ``target`` cannot take over ``ident``; None when it can (or an item that failed
    validation, reported on its own)."""
    if not target or target in published:
        return None
    if target == ident:
        return "itself"
    if target in exempt:
        return "exempt"
    return None if target in present else "unknown"
