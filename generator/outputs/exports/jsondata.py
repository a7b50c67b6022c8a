"""catalog.json: every published department, item, 不罚清单 entry and case (metadata only).

The structure is described by ``catalog.schema.json`` (published beside the data); a change
that a consumer's program would notice raises ``SCHEMA_VERSION``. Keys are in a fixed order
and lists sorted by code or id, so the file only changes when the content does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

from ... import layout
from ...model import Case, Department, Item, NoPenaltyEntry
from ...model.columns import Context
from ...script import plain
from ...view import PublishedView

SCHEMA_VERSION = "1.0"
SCHEMA_FILE = Path(__file__).with_name("catalog.schema.json")


def document(view: PublishedView, ctx: Context) -> dict[str, Any]:
    """``ctx`` is the one the tables use (its back links from 不罚清单 entries to items)."""
    settings = view.settings
    modes = {m.code: m.label for m in settings.modes}
    return {
        "schema_version": SCHEMA_VERSION,
        "site_name": settings.site_name,
        "region": settings.region,
        "updated": view.content_date,
        "modes": [{"code": m.code, "label": m.label} for m in settings.modes],
        "departments": [_department(d, view, modes, ctx.items_by_entry) for d in view.departments],
        "cases": [_case(c, modes, view.item_by_id) for c in sorted(view.cases, key=lambda c: c.id)],
    }


def write(path: Path, data: dict[str, Any]) -> Path:
    """Compact UTF-8 JSON (indenting would make Python's encoder ten times slower on a city)."""
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return path


def schema_text() -> str:
    return SCHEMA_FILE.read_text(encoding="utf-8")


def _t(text: str | None) -> str | None:
    return None if text is None else plain(text)


def _department(d: Department, view: PublishedView, modes: dict[str, str],
                items_by_entry: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    return {
        "code": d.code,
        "name": _t(d.name),
        "short_name": _t(d.short_name),
        "address": _t(d.address),
        "office_phone": d.office_phone,
        "credit_code": d.credit_code,
        "legal_office": {"name": _t(d.legal_office.name), "phone": d.legal_office.phone},
        "script": d.script,
        "sample": d.sample,
        "items": [_item(i, modes, view) for i in view.items_of(d)],
        "no_penalty": [_entry(e, items_by_entry) for e in view.entries_in(d)],
    }


def _item(i: Item, modes: dict[str, str], view: PublishedView) -> dict[str, Any]:
    dates = view.history.dates_of("item", i.id)
    return {
        "id": i.id,
        "name": _t(i.name),
        "department": i.department,
        "mode": i.mode,
        "mode_label": modes.get(i.mode, i.mode),
        "stages": list(i.stages),
        "power_codes": list(i.power_codes),
        "office": _t(i.office),
        "office_phone": i.office_phone,
        "basis": [{"law": _t(b.law), "article": _t(b.article), "text": _t(b.text)} for b in i.basis],
        "subjects": _t(i.subjects),
        "situations": _t(i.situations),
        "content": _t(i.content),
        "procedure": [_t(s) for s in i.procedure],
        "rights": [_t(r) for r in i.rights],
        "supervision_phone": i.supervision_phone,
        "disclosure": i.disclosure,
        "status": i.status,
        "effective_date": i.effective_date,
        "review": {"unit": _t(i.review.unit), "date": i.review.date, "filing_no": _t(i.review.filing_no)},
        "no_penalty": list(i.no_penalty),
        "trades": list(i.trades),
        "note": _t(i.note),
        "page": layout.url(layout.item(i.id)),
        "first_published": dates.first,
        "last_changed": dates.last,
    }


def _entry(e: NoPenaltyEntry, items_by_entry: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    return {
        "id": e.id,
        "department": e.department,
        "field": _t(e.field),
        "violation": _t(e.violation),
        "violation_basis": _t(e.violation_basis),
        "penalty_basis": _t(e.penalty_basis),
        "conditions": [_t(c) for c in e.conditions],
        "items": list(items_by_entry.get(e.id, ())),
        "note": _t(e.note),
    }


def _case(c: Case, modes: dict[str, str], published: Mapping[str, Item]) -> dict[str, Any]:
    return {
        "id": c.id,
        "title": _t(c.title),
        "department": c.department,
        "items": [ref for ref in c.items if ref in published],
        "mode": c.mode,
        "mode_label": modes.get(c.mode, c.mode),
        "month": c.month,
        "region": _t(c.region),
        "counterpart_kind": c.counterpart_kind,
        "counterpart": _t(c.counterpart),
        "tags": [_t(t) for t in c.tags],
        "sample": c.sample,
        "page": layout.url(layout.case(c.id)),
    }
