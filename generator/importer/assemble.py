"""Records + the department's current catalog → the new catalog file's content.

Ids are what the site's addresses and the cases refer to, so they are kept: a row whose 事项
名称 matches an item of the current catalog keeps that item's id; otherwise a valid id in the
sheet's 事项编号 column is used (our own exports carry it, also after a rename); otherwise the
next number of the department's sequence. An exempt item is never in a public export, so an
exempt item the sheet does not list is kept rather than silently deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model.columns import Column, basis_label
from ..model import Department, Item, NoPenaltyEntry
from ..script import plain
from . import catalogfile
from .problems import Problem, Where, error, warning
from .records import Record

_ID = re.compile(r"^[a-z][a-z0-9]{1,19}-(?:bf-)?[0-9]{3,4}$")


@dataclass
class Source:
    """Where a written item or entry came from: a sheet record, or kept from the current file."""

    record: Record | None = None
    kept: Item | NoPenaltyEntry | None = None
    where: Where | None = None  # the sheet the record was read from


@dataclass
class Assembled:
    items: list[dict[str, Any]] = field(default_factory=list)
    item_sources: list[Source] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    entry_sources: list[Source] = field(default_factory=list)
    kept_ids: int = 0
    new_ids: int = 0


def name_key(text: str) -> str:
    return re.sub(r"\s", "", plain(text))


def nested(values: dict[str, Any]) -> dict[str, Any]:
    """``{"review.date": …}`` → ``{"review": {"date": …}}`` (review keys in file order)."""
    out: dict[str, Any] = {}
    review: dict[str, Any] = {}
    for key, value in values.items():
        if key.startswith("review."):
            review[key.split(".", 1)[1]] = value
        else:
            out[key] = value
    if review:
        out["review"] = catalogfile.review_dict(review.get("unit"), review.get("date"), review.get("filing_no"))
    return out


def assign_ids(records: list[Record], existing: list[Any], code: str, key_field: str, infix: str,
               where: Where, problems: list[Problem]) -> tuple[list[str], int]:
    """An id for each record (see the module's docstring); returns (ids, how many were kept)."""
    pattern = re.compile(rf"^{re.escape(code)}-{infix}([0-9]{{3,4}})$")
    by_name = {name_key(getattr(e, key_field)): e.id for e in existing}
    ids: list[str | None] = [None] * len(records)
    used: set[str] = set()
    for k, record in enumerate(records):
        hit = by_name.get(name_key(record.values.get(key_field, "")))
        if hit and hit not in used:
            ids[k] = hit
            used.add(hit)
    for k, record in enumerate(records):
        sid = record.sheet_id
        if ids[k] is None and pattern.match(sid) and sid not in used:
            ids[k] = sid
            used.add(sid)
        elif ids[k] is None and sid and _ID.match(sid) and not pattern.match(sid):
            problems.append(warning(where.at(record.first_row, record.cols.get("id", 0)),
                                    f"编号“{sid}”不是本部门（{code}）的编号，已按本部门的编号顺序重新编号。"))
    kept = sum(1 for i in ids if i is not None and any(e.id == i for e in existing))
    numbers = [int(m.group(1)) for i in [e.id for e in existing] + list(used) if (m := pattern.match(i))]
    width = max([len(m.group(1)) for i in [e.id for e in existing] if (m := pattern.match(i))] + [3])
    following = max(numbers, default=0) + 1
    for k in range(len(records)):
        if ids[k] is None:
            ids[k] = f"{code}-{infix}{following:0{max(width, len(str(following)))}d}"
            following += 1
    return [i for i in ids if i is not None], kept


def keep_missing_fields(item: dict[str, Any], old: Item | None, present: set[str], table: tuple[Column, ...]) -> None:
    """Optional columns the sheet does not have: the current catalog's values stay."""
    if old is None:
        return
    previous = catalogfile.item_dict(old)
    for column in table:
        if column.required or not column.field or column.field in ("id", "department"):
            continue
        if column.codec.name == "basis_text":
            if "basis_text" not in present:
                texts = {basis_label(b["law"], b.get("article")): b["text"] for b in previous["basis"] if "text" in b}
                for b in item.get("basis", []):
                    if "text" not in b and basis_label(b["law"], b.get("article")) in texts:
                        b["text"] = texts[basis_label(b["law"], b.get("article"))]
            continue
        if column.field in present:
            continue
        if column.field.startswith("review."):
            sub = column.field.split(".", 1)[1]
            value = previous["review"].get(sub)
            if value is not None and sub not in item.get("review", {}):
                review = item.setdefault("review", {})
                review[sub] = value
                item["review"] = catalogfile.review_dict(review.get("unit"), review.get("date"), review.get("filing_no"))
        elif previous.get(column.field) not in (None, [], ""):
            item[column.field] = previous[column.field]


def restore_marks(value: Any, marks: dict[str, str]) -> Any:
    """Author fixes (``{{简|繁}}``) of the current catalog survive an export → import round."""
    if isinstance(value, str):
        return marks.get(value, value)
    if isinstance(value, list):
        return [restore_marks(v, marks) for v in value]
    if isinstance(value, dict):
        return {k: restore_marks(v, marks) for k, v in value.items()}
    return value


def marks_of(department: Department | None) -> dict[str, str]:
    if department is None:
        return {}
    strings: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    for item in department.items:
        walk(catalogfile.item_dict(item))
    for entry in department.no_penalty:
        walk(catalogfile.entry_dict(entry))
    return {plain(s).strip(): s for s in strings if plain(s) != s}


def duplicates(records: list[Record], key_field: str, label: str, where: Where) -> tuple[list[Record], list[Problem]]:
    """Two rows with the same name cannot be told apart (ids follow names): refuse the second."""
    seen: dict[str, Record] = {}
    kept, problems = [], []
    for record in records:
        key = name_key(record.values.get(key_field, ""))
        if key and key in seen:
            problems.append(error(where.at(record.first_row, record.cols.get(key_field, 0)),
                                  f"{label}与{seen[key].rows}重复。同一部门的{label}不能相同：请删除重复的一行，或改成不同的名称。"))
            continue
        if key:
            seen[key] = record
        kept.append(record)
    return kept, problems
