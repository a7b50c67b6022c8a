"""Write a catalog file the way the repository's own files are written.

Same field order as the samples and the schema, block style, ``stages: [事前, 事中]`` and
``power_codes: ["…"]`` on one line, ``content: |`` as a literal block, a blank line between
items, and the ``yaml-language-server`` line on top so editors keep checking the file.
PyYAML does the quoting; its resolver is told that only true/false/null are not text (the
loader reads every other plain value as text), so dates and phone numbers stay unquoted; only
text that a YAML 1.2 reader would take for a number is quoted.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..layout import HANS
from ..model import Department, Item, NoPenaltyEntry, Withdrawn
from ..model import fields as field_table

SCHEMA_LINE = "# yaml-language-server: $schema=../generator/schema/catalog.schema.json"
DEPARTMENT_ORDER = field_table.top_keys(field_table.DEPARTMENT_FIELDS)
ITEM_ORDER = field_table.top_keys(field_table.ITEM_FIELDS)
ENTRY_ORDER = field_table.top_keys(field_table.ENTRY_FIELDS)
WITHDRAWN_ORDER = field_table.top_keys(field_table.WITHDRAWN_FIELDS)
FLOW = {"stages", "power_codes", "no_penalty", "trades", "reviewers"}
QUOTED_IN_FLOW = {"power_codes", "reviewers"}
BLOCK_TEXT = {"content"}


class _Resolver(yaml.resolver.BaseResolver):
    pass


_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                list("tTfF"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
                                ["~", "n", "N", ""])


class _Dumper(yaml.emitter.Emitter, yaml.serializer.Serializer, yaml.representer.SafeRepresenter, _Resolver):
    def __init__(self, stream: Any, **kwargs: Any) -> None:
        yaml.emitter.Emitter.__init__(self, stream, allow_unicode=True, width=10_000, indent=2)
        yaml.serializer.Serializer.__init__(self, explicit_start=False)
        yaml.representer.SafeRepresenter.__init__(self, default_flow_style=False, sort_keys=False)
        _Resolver.__init__(self)

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # "items:\n  - id:" as in the samples


def _scalar(value: Any, key: str = "", quoted: bool = False) -> yaml.Node:
    if isinstance(value, bool):
        return yaml.ScalarNode("tag:yaml.org,2002:bool", "true" if value else "false")
    text = str(value)
    if key in BLOCK_TEXT or "\n" in text:
        return yaml.ScalarNode("tag:yaml.org,2002:str", text.rstrip("\n") + "\n", style="|")
    return yaml.ScalarNode("tag:yaml.org,2002:str", text, style='"' if quoted or _NUMBER.match(text) else None)


# What a YAML 1.2 reader (VS Code's YAML extension, other tools) takes for a number: such text
# (a phone 12345, 05336010010) is written in quotes so every reader sees text.
_NUMBER = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")


def _node(value: Any, key: str = "") -> yaml.Node:
    if isinstance(value, dict):
        return yaml.MappingNode("tag:yaml.org,2002:map",
                                [(_scalar(k), _node(v, k)) for k, v in value.items()], flow_style=False)
    if isinstance(value, (list, tuple)):
        flow = key in FLOW
        return yaml.SequenceNode("tag:yaml.org,2002:seq",
                                 [_scalar(v, quoted=key in QUOTED_IN_FLOW) if flow else _node(v) for v in value],
                                 flow_style=flow)
    return _scalar(value, key)


def ordered(data: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """Keys in ``order``; empty optional values (None, [], "") left out."""
    return {k: data[k] for k in order if k in data and data[k] not in (None, [], (), "")}


def dump(department: dict[str, Any], items: list[dict[str, Any]], entries: list[dict[str, Any]],
         header: list[str], withdrawn: list[dict[str, Any]] = ()) -> str:
    """The text of a catalog file; ``header`` is its leading comment lines; ``withdrawn``: the
    current file's list of items taken out (a sheet has none, the file keeps it)."""
    doc: dict[str, Any] = {"department": ordered(department, DEPARTMENT_ORDER)}
    doc["items"] = [ordered(i, ITEM_ORDER) for i in items]
    if entries:
        doc["no_penalty"] = [ordered(e, ENTRY_ORDER) for e in entries]
    if withdrawn:
        doc["withdrawn"] = [ordered(w, WITHDRAWN_ORDER) for w in withdrawn]
    # At the top level "no_penalty" is the 不罚清单 (block style), not an item's list of ids.
    root = yaml.MappingNode("tag:yaml.org,2002:map", [(_scalar(k), _node(v)) for k, v in doc.items()])
    body = yaml.serialize(root, Dumper=_Dumper)
    lines = body.split("\n")
    out: list[str] = []
    section = ""
    for line in lines:
        if line and not line.startswith(" "):
            section = line.split(":")[0]
            if out:
                out.append("")
        elif section == "items" and line.startswith("  - ") and out and not out[-1].endswith("items:"):
            out.append("")
        out.append(line)
    if not header or not header[0].startswith("# yaml-language-server:"):
        header = [SCHEMA_LINE] + header
    return "\n".join(header + out).rstrip("\n") + "\n"


# --- the model back into the file's shape (for what the sheet does not replace) -----------------

def department_dict(d: Department) -> dict[str, Any]:
    return {"code": d.code, "name": d.name, "short_name": d.short_name, "address": d.address,
            "office_phone": d.office_phone, "credit_code": d.credit_code,
            "legal_office": {"name": d.legal_office.name, "phone": d.legal_office.phone},
            "reviewers": list(d.reviewers), "sample": d.sample or None,
            "script": d.script if d.script != HANS else None}


def item_dict(i: Item) -> dict[str, Any]:
    return {
        "id": i.id, "name": i.name, "mode": i.mode, "stages": list(i.stages), "power_codes": list(i.power_codes),
        "office": i.office, "office_phone": i.office_phone,
        "basis": [{k: v for k, v in (("law", b.law), ("article", b.article), ("text", b.text)) if v is not None}
                  for b in i.basis],
        "subjects": i.subjects, "situations": i.situations, "content": i.content,
        "procedure": list(i.procedure), "rights": list(i.rights), "supervision_phone": i.supervision_phone,
        "disclosure": i.disclosure, "exemption_reason": i.exemption_reason, "status": i.status,
        "effective_date": i.effective_date, "review": review_dict(i.review.unit, i.review.date, i.review.filing_no),
        "no_penalty": list(i.no_penalty), "trades": list(i.trades), "note": i.note,
    }


def review_dict(unit: Any, date: Any, filing_no: Any) -> dict[str, Any]:
    return {k: v for k, v in (("unit", unit), ("date", date), ("filing_no", filing_no)) if v is not None}


def entry_dict(e: NoPenaltyEntry) -> dict[str, Any]:
    return {"id": e.id, "field": e.field, "violation": e.violation, "violation_basis": e.violation_basis,
            "penalty_basis": e.penalty_basis, "conditions": list(e.conditions), "note": e.note}


def withdrawn_dict(w: Withdrawn) -> dict[str, Any]:
    return {"id": w.id, "date": w.date, "reason": w.reason, "merged_into": w.merged_into, "note": w.note}
