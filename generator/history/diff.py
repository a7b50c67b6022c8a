"""The diff engine: what changed between two versions of the content model, field by field.

One engine serves the legal office's review report (two revisions of a pull request) and the
public change history (each commit of the default branch against its first parent), so both
say the same thing about the same change. Changes are reported with the schema's Chinese field
titles and display values (mode labels, not codes); text is compared exactly here and shown
as a word-level diff by the report, after personal data is masked.

Exempt items (公开属性 other than 公开) are compared like the others, but their content never
leaves this module: a change to one carries only its id, its 公开属性 and 不予公开的理由, and
the names of the fields that changed.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

from ..messages import current as msg
from ..model import Case, Content, Department, Item, NoPenaltyEntry
from ..model import fields as field_table
from ..settings import Settings

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
UNREADABLE = "unreadable"  # in the newer version, but with errors: left out of its model
ITEM, ENTRY, CASE, DEPARTMENT, SETTINGS = "item", "no_penalty", "case", "department", "settings"
KINDS = (ITEM, ENTRY, CASE, DEPARTMENT, SETTINGS)

# Fields in the order of the field table; the key fields of an item are listed first.
ITEM_FIELDS = field_table.keys(field_table.ITEM_FIELDS)
ITEM_KEY_FIELDS = ("basis", "mode", "rights", "disclosure", "exemption_reason")
WITHHELD_FIELDS = ("disclosure", "exemption_reason")  # all a report shows of an exempt item
ENTRY_FIELDS = field_table.keys(field_table.ENTRY_FIELDS)
ENTRY_KEY_FIELDS = ("violation_basis", "penalty_basis")
CASE_FIELDS = field_table.keys(field_table.CASE_FIELDS)
DEPARTMENT_FIELDS = field_table.keys(field_table.DEPARTMENT_FIELDS)
TABLES = {ITEM: field_table.ITEM_FIELDS, ENTRY: field_table.ENTRY_FIELDS, CASE: field_table.CASE_FIELDS,
          DEPARTMENT: field_table.DEPARTMENT_FIELDS}


@dataclass(frozen=True)
class FieldChange:
    """One field: its values before and after, each as display lines (empty when absent)."""

    field: str
    label: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    key: bool = False  # 依据、指导方式、相对人权利、公开属性: shown first
    hidden: bool = False  # an exempt item's field: only its name may be shown


@dataclass(frozen=True)
class Change:
    kind: str  # ITEM, ENTRY, CASE, DEPARTMENT, SETTINGS
    action: str  # ADDED, REMOVED, CHANGED
    id: str
    department: str
    title: str  # name, title or violation; '' when withheld
    fields: tuple[FieldChange, ...]  # added: every field (old empty); changed: changed fields
    path: str = ""  # the file, in the newer version when it exists
    withheld: bool = False  # an exempt item: content not shown
    now_public: bool = False  # was exempt, now published: only the new values are shown

    @property
    def published(self) -> bool:
        """Has (or had) a public page: every case and entry, items not withheld."""
        return not self.withheld

    def field(self, name: str) -> FieldChange | None:
        return next((f for f in self.fields if f.field == name), None)


@dataclass(frozen=True)
class ChangeSet:
    changes: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of(self, kind: str, action: str | None = None) -> list[Change]:
        return [c for c in self.changes if c.kind == kind and (action is None or c.action == action)]

    def departments(self) -> list[str]:
        return sorted({c.department for c in self.changes if c.department})

    def changed_field(self, kind: str, name: str) -> list[Change]:
        """Changes of ``kind`` in which field ``name`` was added, removed or altered."""
        return [c for c in self.of(kind, CHANGED) if c.field(name) is not None]


# Trade codes sit beside the mode codes in one table of labels under this prefix (codes of both
# are identifiers, so no code contains ":").
TRADE = "trade:"


def mode_labels(*settings: Settings | None) -> dict[str, str]:
    """code → label of the guidance modes, and TRADE + code → label of the trades, from every
    given version of the settings (the newest wins): changes show 餐饮, not catering."""
    labels: dict[str, str] = {}
    for s in reversed([s for s in settings if s is not None]):
        labels.update({m.code: m.label for m in s.modes})
        labels.update({TRADE + t.code: t.label for t in s.trades})
    return labels


def compare(old: Content, new: Content, modes: Mapping[str, str],
            old_settings: Settings | None = None, new_settings: Settings | None = None) -> ChangeSet:
    """Every difference between ``old`` and ``new``, in a stable order."""
    values = _Values(modes)
    changes: list[Change] = []
    changes += _compare_items(old, new, values)
    changes += _compare_simple(ENTRY, _by_id(e for d in old.departments for e in d.no_penalty),
                               _by_id(e for d in new.departments for e in d.no_penalty),
                               values.entry, ENTRY_FIELDS, ENTRY_KEY_FIELDS, lambda e: e.violation)
    changes += _compare_simple(CASE, _by_id(old.cases), _by_id(new.cases), values.case, CASE_FIELDS, (),
                               lambda c: c.title)
    changes += _compare_simple(DEPARTMENT, {d.code: d for d in old.departments},
                               {d.code: d for d in new.departments}, values.department,
                               DEPARTMENT_FIELDS, (), lambda d: d.name)
    if old_settings is not None and new_settings is not None:
        changes += _compare_settings(old_settings, new_settings)
    return ChangeSet(tuple(changes))


def public_view(content: Content) -> Content:
    """The content as the public sees it: exempt items left out (for the change history)."""
    return Content(tuple(dataclasses.replace(d, items=d.published_items) for d in content.departments),
                   content.cases)


# --- comparing --------------------------------------------------------------------------------

def _by_id(objects: Iterable[Any]) -> dict[str, Any]:
    return {o.id: o for o in objects}


def _ordered(names: Iterable[str], key_fields: tuple[str, ...], order: tuple[str, ...]) -> list[str]:
    names = set(names)
    return [f for f in key_fields if f in names] + [f for f in order if f in names and f not in key_fields]


def _field_changes(kind: str, old: dict[str, tuple[str, ...]], new: dict[str, tuple[str, ...]],
                   order: tuple[str, ...], key_fields: tuple[str, ...]) -> tuple[FieldChange, ...]:
    names = [f for f in order if old.get(f, ()) != new.get(f, ())]
    return tuple(FieldChange(f, label(kind, f), old.get(f, ()), new.get(f, ()), f in key_fields)
                 for f in _ordered(names, key_fields, order))


def _all_fields(kind: str, values: dict[str, tuple[str, ...]], order: tuple[str, ...],
                key_fields: tuple[str, ...]) -> tuple[FieldChange, ...]:
    """A new object's fields, leaving out flags at their default (示例数据：否, 原文字体：简体)."""
    return tuple(FieldChange(f, label(kind, f), (), values[f], f in key_fields)
                 for f in order if values.get(f) and values[f] != _DEFAULTS.get(f))


def _compare_simple(kind: str, old: dict[str, Any], new: dict[str, Any],
                    values: Callable[[Any], dict[str, tuple[str, ...]]], order: tuple[str, ...],
                    key_fields: tuple[str, ...], title: Callable[[Any], str]) -> list[Change]:
    changes = []
    for ident in sorted(old.keys() | new.keys()):
        a, b = old.get(ident), new.get(ident)
        department = _department_of(b if b is not None else a)
        path = (b if b is not None else a).origin.path
        if a is None:
            changes.append(Change(kind, ADDED, ident, department, title(b),
                                  _all_fields(kind, values(b), order, key_fields), path))
        elif b is None:
            changes.append(Change(kind, REMOVED, ident, department, title(a), (), path))
        else:
            fields = _field_changes(kind, values(a), values(b), order, key_fields)
            if fields:
                changes.append(Change(kind, CHANGED, ident, department, title(b), fields, path))
    return changes


def _compare_items(old: Content, new: Content, values: "_Values") -> list[Change]:
    before, after = _by_id(old.items()), _by_id(new.items())
    changes = []
    for ident in sorted(before.keys() | after.keys()):
        a, b = before.get(ident), after.get(ident)
        newest = b if b is not None else a
        withheld = not newest.published or (b is None and not a.published)
        if a is None:
            fields = _all_fields(ITEM, values.item(b), ITEM_FIELDS, ITEM_KEY_FIELDS)
            if withheld:
                fields = tuple(f for f in fields if f.field in WITHHELD_FIELDS)
            changes.append(Change(ITEM, ADDED, ident, b.department, "" if withheld else b.name, fields,
                                  b.origin.path, withheld))
            continue
        if b is None:
            changes.append(Change(ITEM, REMOVED, ident, a.department, "" if withheld else a.name, (),
                                  a.origin.path, withheld))
            continue
        old_values, new_values = values.item(a), values.item(b)
        fields = _field_changes(ITEM, old_values, new_values, ITEM_FIELDS, ITEM_KEY_FIELDS)
        if not fields:
            continue
        if withheld:  # exempt now: show the exemption itself, and only the names of other fields
            fields = tuple(f if f.field in WITHHELD_FIELDS else FieldChange(f.field, f.label, (), (), f.key, True)
                           for f in fields)
            changes.append(Change(ITEM, CHANGED, ident, b.department, "", fields, b.origin.path, True))
        elif not a.published:  # published now: the former exempt text stays hidden
            shown = _all_fields(ITEM, new_values, ITEM_FIELDS, ITEM_KEY_FIELDS)
            shown = tuple(FieldChange(f.field, f.label, old_values[f.field], f.new, f.key)
                          if f.field in WITHHELD_FIELDS else f for f in shown)
            disclosure = tuple(f for f in fields if f.field in WITHHELD_FIELDS and f not in shown)
            changes.append(Change(ITEM, CHANGED, ident, b.department, b.name, disclosure + shown,
                                  b.origin.path, now_public=True))
        else:
            changes.append(Change(ITEM, CHANGED, ident, b.department, b.name, fields, b.origin.path))
    return changes


def _compare_settings(old: Settings, new: Settings) -> list[Change]:
    def modes(s: Settings) -> tuple[str, ...]:
        return tuple(f"{m.label}（{m.code}）" + (msg.REVIEW_MODE_NEEDS_NO_PENALTY if m.requires_no_penalty else "")
                     for m in s.modes)

    def remedy(s: Settings) -> tuple[str, ...]:
        values = {k: v if v != "" else msg.REVIEW_REMEDY_UNNAMED for k, v in vars(s.remedy).items()}
        return tuple(line.format(**values) for line in msg.REVIEW_REMEDY)

    fields = tuple(FieldChange(key, msg.REVIEW_LABELS[key], shown(old), shown(new), True)
                   for key, shown in (("modes", modes), ("remedy", remedy)) if shown(old) != shown(new))
    if not fields:
        return []
    return [Change(SETTINGS, CHANGED, "mkdocs.yml", "", msg.REVIEW_SETTINGS_TITLE, fields, "mkdocs.yml")]


def _department_of(obj: Any) -> str:
    return obj.code if isinstance(obj, Department) else obj.department


# --- display values ---------------------------------------------------------------------------

def label(kind: str, field: str) -> str:
    """The field's Chinese label from the field table (the schema's title: the same words
    editors see in VS Code)."""
    return field_table.label(TABLES[kind], field)


_HEADING = re.compile(r"#{1,6}\s+")  # a case body's section heading → 【基本案情】
_DEFAULTS = {"sample": (msg.REVIEW_NO,), "script": (msg.REVIEW_SCRIPTS["zh-Hans"],)}


def _heading(line: str) -> str:
    """"## 基本案情 ##" → "【基本案情】". Closing marks are stripped, not matched by a pattern: a
    lazy title followed by optional spaces and marks took quadratic time on long lines."""
    m = _HEADING.match(line)
    return f"【{line[m.end():].rstrip('#').rstrip()}】" if m else line


def _text(value: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value.strip(),) if value.strip() else ()


def _lines(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(v.strip() for v in values if v and v.strip())


def _flag(value: bool) -> tuple[str, ...]:
    return (msg.REVIEW_YES if value else msg.REVIEW_NO,)


class _Values:
    """Display values of each kind of object: field name → lines of text."""

    def __init__(self, modes: Mapping[str, str]) -> None:
        self.modes = modes

    def mode(self, code: str) -> tuple[str, ...]:
        return (self.modes.get(code, code),)

    def item(self, i: Item) -> dict[str, tuple[str, ...]]:
        return {
            "id": (i.id,), "name": _text(i.name), "mode": self.mode(i.mode), "stages": tuple(i.stages),
            "power_codes": tuple(i.power_codes), "office": _text(i.office), "office_phone": _text(i.office_phone),
            "basis": tuple(_basis(b.law, b.article, b.text) for b in i.basis),
            "subjects": _text(i.subjects), "situations": _text(i.situations), "content": _text(i.content),
            "procedure": _lines(i.procedure), "rights": _lines(i.rights),
            "supervision_phone": _text(i.supervision_phone), "disclosure": (i.disclosure,),
            "exemption_reason": _text(i.exemption_reason), "status": (i.status,),
            "effective_date": (i.effective_date,), "review.unit": _text(i.review.unit),
            "review.date": _text(i.review.date), "review.filing_no": _text(i.review.filing_no),
            "no_penalty": tuple(i.no_penalty), "trades": tuple(self.modes.get(TRADE + t, t) for t in i.trades),
            "note": _text(i.note),
        }

    def entry(self, e: NoPenaltyEntry) -> dict[str, tuple[str, ...]]:
        return {"id": (e.id,), "field": _text(e.field), "violation": _text(e.violation),
                "violation_basis": _text(e.violation_basis), "penalty_basis": _text(e.penalty_basis),
                "conditions": _lines(e.conditions), "note": _text(e.note)}

    def case(self, c: Case) -> dict[str, tuple[str, ...]]:
        return {"id": (c.id,), "title": _text(c.title), "department": (c.department,),
                "items": tuple(c.items), "mode": self.mode(c.mode), "month": (c.month,),
                "region": _text(c.region), "counterpart_kind": (c.counterpart_kind,),
                "counterpart": _text(c.counterpart), "tags": tuple(c.tags), "sample": _flag(c.sample),
                "script": (msg.REVIEW_SCRIPTS.get(c.script, c.script),),
                "body": tuple(_heading(line) for line in _lines(c.body.split("\n")))}

    def department(self, d: Department) -> dict[str, tuple[str, ...]]:
        return {"code": (d.code,), "name": _text(d.name), "short_name": _text(d.short_name),
                "address": _text(d.address), "office_phone": _text(d.office_phone),
                "credit_code": _text(d.credit_code), "legal_office.name": _text(d.legal_office.name),
                "legal_office.phone": _text(d.legal_office.phone), "reviewers": tuple(d.reviewers),
                "sample": _flag(d.sample), "script": (msg.REVIEW_SCRIPTS.get(d.script, d.script),)}


def display_values(kind: str, obj: Any, modes: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """field → display lines of one item, entry, case or department, as the diff shows them."""
    return getattr(_Values(modes), {ITEM: "item", ENTRY: "entry", CASE: "case", DEPARTMENT: "department"}[kind])(obj)


def _basis(law: str, article: str | None, text: str | None) -> str:
    line = f"《{law.strip()}》" + (article.strip() if article else "")
    return line + (f"：{text.strip()}" if text and text.strip() else "")
