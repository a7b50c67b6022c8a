"""Figures for the 统计数据 page, with static SVG bar charts made at build time.

No chart library and no script: a bar chart is a few rectangles and labels, written here as
inline SVG (``role="img"`` with a ``<title>``) so the page works offline and on any intranet.
Every chart is followed on the page by a table of the same numbers, for screen readers and
for copying. Only published items are counted (the published view holds nothing else).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ... import layout, workdays
from ...model import STAGES, Department, Item
from ...script import Converter
from ...view import PublishedView
from ...view.shown import Shown

FONT = 16  # px: large enough for older readers (适老化)
WIDTH = 343  # px: the text column of a 375 px phone, so the chart is drawn at its own size there
LABEL = 22  # px: the label's line above its bar
BAR = 22
ROW = LABEL + BAR + 12
BAR_COLOUR = "#8e1a1a"  # the site's primary colour; contrast 8:1 on white


@dataclass(frozen=True)
class Bar:
    label: str  # as written in the content (may hold author marks)
    value: int
    owner: Department | None = None  # whose script the label is written in
    link: str | None = None  # page under docs/, e.g. departments/scjg.md


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    unit: str  # what is counted: 项 / 个
    bars: tuple[Bar, ...]
    svg: str

    @property
    def total(self) -> int:
        return sum(b.value for b in self.bars)


@dataclass(frozen=True)
class Stats:
    items: int
    cases: int
    by_department: Chart
    by_mode: Chart
    by_stage: Chart
    cases_by_year: Chart
    cases_by_mode: Chart
    without_case: tuple[Item, ...]
    without_case_by_department: Chart
    timeliness: tuple[Timeliness, ...] = ()  # by department; empty without a change history


@dataclass(frozen=True)
class Timeliness:
    """How soon a department's items were published after their legality review."""

    department: Department
    within: int  # published within ``workdays.LIMIT`` working days of the review date
    late: int
    unknown: int  # no record of the publication, or a year the holiday calendar lacks
    longest: int | None  # the most working days any item took


def timeliness(site: PublishedView) -> tuple[Timeliness, ...]:
    """Working days from each item's review date to the first publication with that date."""
    if not site.history.available:
        return ()
    rows = []
    for department in site.departments:
        spans = []
        for item in site.items_of(department):
            published = site.history.reviewed.get(item.id)
            same = published is not None and published[0] == item.review.date
            spans.append(workdays.working_days(item.review.date, published[1]) if same else None)
        known = [s for s in spans if s is not None]
        if spans:
            rows.append(Timeliness(department, sum(1 for s in known if s <= workdays.LIMIT),
                                   sum(1 for s in known if s > workdays.LIMIT), len(spans) - len(known),
                                   max(known, default=None)))
    return tuple(rows)


def compute(site: PublishedView) -> Stats:
    """Count the published content of ``site``."""
    converter = site.converter
    items: list[Item] = site.items
    modes = site.settings.modes

    def chart(chart_id: str, title: str, unit: str, bars: list[Bar]) -> Chart:
        return Chart(chart_id, title, unit, tuple(bars), bar_chart(chart_id, title, bars, unit, converter))

    per_department = Counter(i.department for i in items)
    per_mode = Counter(i.mode for i in items)
    per_stage = Counter(s for i in items for s in i.stages)
    case_years = Counter(c.month[:4] for c in site.cases)
    case_modes = Counter(c.mode for c in site.cases)
    lonely = tuple(i for i in items if not site.cases_by_item.get(i.id))
    lonely_per_department = Counter(i.department for i in lonely)
    departments: list[Department] = site.departments

    def department_bars(counts: Counter) -> list[Bar]:
        return [Bar(d.short_name or d.name, counts[d.code], d, layout.department(d.code)) for d in departments]

    return Stats(
        items=len(items),
        cases=len(site.cases),
        by_department=chart("chart-departments", "各部门公开的行政指导事项数", "项", department_bars(per_department)),
        by_mode=chart("chart-modes", "按指导方式统计的事项数", "项",
                      [Bar(m.label, per_mode[m.code], None, layout.mode(m.code)) for m in modes]),
        by_stage=chart("chart-stages", "按实施环节统计的事项数", "项",
                       [Bar(s, per_stage[s], None, None) for s in STAGES]),
        cases_by_year=chart("chart-case-years", "按年份统计的典型案例数", "个",
                            [Bar(f"{y}年", case_years[y]) for y in sorted(case_years)]),
        cases_by_mode=chart("chart-case-modes", "按指导方式统计的典型案例数", "个",
                            [Bar(m.label, case_modes[m.code]) for m in modes]),
        without_case=lonely,
        without_case_by_department=chart("chart-without-case", "各部门尚无典型案例的事项数", "项",
                                         department_bars(lonely_per_department)),
        timeliness=timeliness(site),
    )


def _width(text: str) -> float:
    """Approximate width of ``text`` in ems: Chinese characters are square, Latin about half."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.6 for ch in text)


def bar_chart(chart_id: str, title: str, bars: list[Bar], unit: str, converter: Converter) -> Markup:
    """A horizontal bar chart as one block of inline SVG (no blank line, so Markdown keeps it);
    markup for the page template, every text in it escaped.

    Each label stands on its own line above its bar, and the chart is as wide as a phone's text
    column (``WIDTH``): a chart with labels beside the bars was twice as wide, so a phone scaled
    its 16 px text down to about 9 px."""
    labels = [b.label if isinstance(b.label, Shown) else converter.source(b.label, b.owner.script if b.owner else layout.HANS)
              for b in bars]
    top = max((b.value for b in bars), default=0) or 1
    value_width = 8 + int(_width(f"{top}{unit}") * FONT)
    width = max(WIDTH, int(max((_width(converter.to_hans(t)) for t in labels), default=2) * FONT))
    bar_area = width - value_width
    height = max(len(bars), 1) * ROW + 4
    parts = [
        '<figure class="xz-chart">',
        f'<svg role="img" aria-labelledby="{chart_id}-title" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-size="{FONT}" fill="currentColor">',
        f'<title id="{chart_id}-title">{escape(title)}（数字见下表）</title>',
    ]
    for row, (bar, label) in enumerate(zip(bars, labels)):
        y = row * ROW
        middle = y + LABEL + BAR // 2
        length = round(bar_area * bar.value / top)
        parts.append(f'<text x="0" y="{y + LABEL - 5}">{escape(label)}</text>')
        if length:
            parts.append(f'<rect x="0" y="{y + LABEL}" width="{length}" height="{BAR}" fill="{BAR_COLOUR}"/>')
        parts.append(f'<text x="{length + 6}" y="{middle}" dominant-baseline="middle">'
                     f'{bar.value}{escape(unit)}</text>')
    parts += ["</svg>", "</figure>"]
    return Markup("\n".join(parts))
