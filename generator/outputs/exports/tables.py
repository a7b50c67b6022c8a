"""The published content as rows of cells: what the CSV files and the XLSX sheets hold.

Only published items are rows; a 不罚清单 entry lists only the published items that refer to
it. Texts are given in their simplified reading (author marks ``{{简|繁}}`` resolved), the
way a reader of the simplified site sees them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Item, NoPenaltyEntry
from ...model.columns import ENTRY_COLUMNS, ITEM_COLUMNS, Column, Context, exported
from ...script import plain
from ...view import PublishedView


ITEMS = exported(ITEM_COLUMNS)
ENTRIES = exported(ENTRY_COLUMNS)


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(c.label for c in self.columns)


def context(view: PublishedView) -> Context:
    items_by_entry: dict[str, list[str]] = {}
    for item in sorted(view.items, key=lambda i: i.id):
        for ref in item.no_penalty:
            items_by_entry.setdefault(ref, []).append(item.id)
    return Context(
        modes={m.code: m.label for m in view.settings.modes},
        department_names={d.code: d.name for d in view.departments},
        items_by_entry={k: tuple(v) for k, v in items_by_entry.items()},
        publication={i.id: _dates(view, i.id) for i in view.items},
    )


def _dates(view: PublishedView, ident: str) -> tuple[str, str]:
    dates = view.history.dates_of("item", ident)
    return dates.first or "", dates.last or ""


def item_table(title: str, items: list[Item], ctx: Context) -> Table:
    return Table(title, ITEMS, tuple(_row(ITEMS, i, ctx) for i in items))


def entry_table(title: str, rows: list[NoPenaltyEntry], ctx: Context) -> Table:
    return Table(title, ENTRIES, tuple(_row(ENTRIES, e, ctx) for e in rows))


def joined(title: str, columns: tuple[Column, ...], parts: list[Table]) -> Table:
    """Several departments' tables as one, reusing their rows (a row is made only once)."""
    return Table(title, columns, tuple(row for part in parts for row in part.rows))


def _row(columns: tuple[Column, ...], obj: object, ctx: Context) -> tuple[str, ...]:
    return tuple(plain(c.cell(obj, ctx)) for c in columns)
