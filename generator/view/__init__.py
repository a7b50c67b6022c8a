"""The published view: what the public may see of the content, built once for every output.

Only published items are in it (an exempt item never reaches an output, so it cannot appear
in any page, link, count, export, search index or feed); with them the lookups the outputs
share (items of a department, entries of an item, cases of an item, items of an entry), the
change history and the one date the content carries. Pages, search, exports, feed, sitemap
and statistics all read this object; none of them filters or sorts the model on its own.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..history.record import NOT_READ, History
from ..model import Case, Content, Department, Item, MediaFile, NoPenaltyEntry
from ..script import Converter
from ..settings import Settings, Trade
from . import shown
from .laws import LawIndex, build as law_index

if TYPE_CHECKING:
    from ..laws.library import Library


@dataclass(frozen=True)
class TradePart:
    """One department's chapter of a trade booklet."""

    department: Department
    items: list[Item]
    entries: list[NoPenaltyEntry]
    cases: list[Case]


@dataclass
class PublishedView:
    """Published content with its lookups; ``departments`` sorted by code, ``items`` by
    department and id, ``cases`` newest first."""

    settings: Settings
    departments: list[Department]
    items: list[Item]
    cases: list[Case]
    history: History = field(default_factory=lambda: NOT_READ)
    converter: Converter = field(default_factory=Converter)  # texts of the traditional site
    media: tuple[MediaFile, ...] = ()  # images beside the cases: published when a case shows them
    item_by_id: dict[str, Item] = field(default_factory=dict)
    department_by_code: dict[str, Department] = field(default_factory=dict)
    entry_by_id: dict[str, NoPenaltyEntry] = field(default_factory=dict)
    cases_by_item: dict[str, list[Case]] = field(default_factory=lambda: defaultdict(list))
    items_by_entry: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))
    laws: LawIndex = field(default_factory=LawIndex)  # the 依据索引: cited laws with their texts
    # item id → (path under a script's root, kind name) of its guidance documents (下载文书样式),
    # set by the build when the repository has documents/ (``outputs.documents``)
    documents: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, content: Content, settings: Settings, history: History = NOT_READ,
           converter: Converter | None = None, library: Library | None = None) -> "PublishedView":
        departments = sorted(content.departments, key=lambda d: d.code)
        items = [i for d in departments for i in sorted(d.items, key=lambda i: i.id) if i.published]
        published = {i.id for i in items}
        # A case is shown with the published items it relates to; a case tied only to exempt
        # items cannot pass the check, so every case has at least one published item here.
        cases = sorted(content.cases, key=lambda c: (c.month, c.id), reverse=True)
        view = cls(settings, departments, items, cases, history, converter or Converter(settings.hant_variant),
                   content.media)
        view.item_by_id = {i.id: i for i in items}
        view.laws = law_index(items, library)
        view.department_by_code = {d.code: d for d in departments}
        view.entry_by_id = {e.id: e for d in departments for e in d.no_penalty}
        for case in cases:
            for ref in case.items:
                if ref in published:
                    view.cases_by_item[ref].append(case)
        for item in items:
            for ref in item.no_penalty:
                view.items_by_entry[ref].append(item)
        return view

    def mode_label(self, code: str) -> str:
        mode = self.settings.mode(code)
        return mode.label if mode else code

    def trades_of(self, item: Item) -> list[Trade]:
        """The item's trades the settings know (only those have pages: a code the check
        refused never becomes a link)."""
        return [t for t in self.settings.trades if t.code in item.trades]

    def trade_book(self, code: str) -> list[TradePart]:
        """一业一册: per department (by code), its published items tagged with the trade ``code``,
        their 不罚清单 entries and the typical cases of those items (each once)."""
        parts = []
        for department in self.departments:
            items = [i for i in self.items_of(department) if code in i.trades]
            if not items:
                continue
            entries = list({e.id: e for i in items for e in self.entries_of(i)}.values())
            shown = {c.id for i in items for c in self.cases_by_item.get(i.id, ())}
            parts.append(TradePart(department, items, entries, [c for c in self.cases if c.id in shown]))
        return parts

    def entries_of(self, item: Item) -> list[NoPenaltyEntry]:
        return [self.entry_by_id[ref] for ref in item.no_penalty if ref in self.entry_by_id]

    def items_of(self, department: Department) -> list[Item]:
        return list(self._by_department[0].get(department.code, ()))

    def cases_of(self, department: Department) -> list[Case]:
        return list(self._by_department[1].get(department.code, ()))

    @cached_property
    def _by_department(self) -> tuple[dict[str, list[Item]], dict[str, list[Case]]]:
        """Items and cases grouped by department once, in their order: pages ask for each
        department's (3,300 times at city scale), and a scan of 15,000 items each time took
        seconds of every preview."""
        items: dict[str, list[Item]] = defaultdict(list)
        cases: dict[str, list[Case]] = defaultdict(list)
        for item in self.items:
            items[item.department].append(item)
        for case in self.cases:
            cases[case.department].append(case)
        return items, cases

    def entries_in(self, department: Department) -> list[NoPenaltyEntry]:
        """A department's 不罚清单, by id."""
        return sorted(department.no_penalty, key=lambda e: e.id)

    @cached_property
    def shown(self) -> PublishedView:
        """This view with every author text resolved for the pages, in its own script
        (``shown.Shown``): what the page templates read."""
        resolved = shown.content(Content(tuple(self.departments), tuple(self.cases), self.media), self.converter)
        view = PublishedView.of(resolved, self.settings, shown.history(self.history, self.departments, self.converter),
                                self.converter)
        view.laws = self.laws  # built from the texts as written, which the library matches
        view.documents = self.documents
        return view

    @property
    def content_date(self) -> str:
        """The latest date in the published content (YYYY-MM-DD): what the exports carry."""
        dates = [i.effective_date for i in self.items] + [i.review.date for i in self.items]
        dates += [c.month + "-01" for c in self.cases]
        return max(dates, default="2000-01-01")

    @property
    def epoch(self) -> int:
        """Unix time of the newest content change (the newest commit of the history; without a
        history, the content's own date): the build's SOURCE_DATE_EPOCH, never the clock."""
        recorded = self.history.epoch()
        if recorded is not None:
            return recorded
        return int(dt.datetime.fromisoformat(self.content_date).replace(tzinfo=dt.timezone.utc).timestamp())
