"""The field table (generator/model/fields.py) and everything that spells out fields agree.

Each place that lists fields on its own — the JSON Schemas, the model and the loader, the
exports' columns and catalog.json, the review diff, the importer's writer, the item page — is
compared with the table here. A field added to the table and missed by one of them fails the
test that names that place; so does a field one of them drops (the review diff once lost 备注
without any test noticing: it is published on the item page, so the legal office's report and
the change history silently stopped showing changes to it).
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from pathlib import Path
from typing import Any, Iterator

import fixtures
from conftest import PROJECT, build_repo, credit_code, replace_once
from generator import schema as schemas
from generator import settings as settings_module
from generator.model import columns
from generator.outputs.exports import jsondata, tables
from generator.history import diff
from generator.importer import catalogfile
from generator.load import Loaded, load
from generator.view import PublishedView
from generator.model import Case, Content, Department, Item, LegalBasis, NoPenaltyEntry, Withdrawn, fields

# Model attributes that are not fields of a file: where the object sits, what the loader derives.
DERIVED = {
    Department: {"origin", "items", "no_penalty", "withdrawn"},  # the file's items, 不罚清单 and withdrawn lists
    Item: {"origin", "department"},  # the department of the file it is in
    NoPenaltyEntry: {"origin", "department", "violation_citations", "penalty_citations"},
    Case: {"origin", "body_line"},
    LegalBasis: {"provisions", "version"},  # ``article`` and ``law`` parsed
}
MODEL = {"department": Department, "item": Item, "no_penalty": NoPenaltyEntry, "case": Case,
         "basis": LegalBasis}
# Where each table's objects sit in its schema.
SCHEMA_AT = {"department": ("catalog", ("department",)), "item": ("catalog", ("items", 0)),
             "basis": ("catalog", ("items", 0, "basis", 0)), "no_penalty": ("catalog", ("no_penalty", 0)),
             "case": ("case", ())}
NOT_IN_TABLE = {"public_names"}  # in the schemas, never in the model (generator.public_names)


def every_field_repository(root: Path) -> Path:
    """The fixture repository with every field of the table written at least once."""
    catalog = replace_once(fixtures.CATALOG, "  short_name: 区城管局\n",
                           f"  short_name: 区城管局\n  credit_code: {credit_code('11370303MB1234567')}\n")
    catalog = replace_once(catalog, "    office: 市容景观科\n", "    office: 市容景观科\n    office_phone: 0533-6090011\n")
    catalog = replace_once(catalog, "  sample: true\n\nitems:", "  sample: true\n  script: zh-Hans\n\nitems:")
    catalog = replace_once(catalog, "      - law: 优化营商环境条例\n",
                           "      - law: 优化营商环境条例\n        article: 第四条\n        text: 示例条文。\n")
    catalog = replace_once(catalog, "    disclosure: 公开\n    status: 有效\n    effective_date: 2024-03-01\n",
                           "    disclosure: 商业秘密\n    exemption_reason: 涉及企业尚未公开的设计方案。\n"
                           "    status: 有效\n    effective_date: 2024-03-01\n")
    catalog = replace_once(catalog, "      filing_no: 示司备〔2024〕32号\n",
                           "      filing_no: 示司备〔2024〕32号\n    note: 示例备注。\n")
    catalog = replace_once(catalog, "    no_penalty: [demo-bf-001]\n", "    no_penalty: [demo-bf-001]\n    trades: [catering]\n")
    case = replace_once(fixtures.CASE, "sample: true\n---", "sample: true\nscript: zh-Hans\n---")
    return build_repo(root, catalog, case)


def loaded_every_field(tmp_path: Path) -> tuple[Loaded, Any]:
    root = every_field_repository(tmp_path / "repo")
    settings, problems = settings_module.load(root)
    assert settings is not None, problems
    loaded = load(root, settings)
    assert not [f for f in loaded.findings if f.severity == "error"], loaded.findings
    return loaded, settings


def objects(loaded: Loaded) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(table, the object's data in its file, the model object) for everything loaded."""
    for doc in loaded.documents:
        data = doc.parsed.data
        if doc.kind == "case":
            [case] = [c for c in loaded.content.cases if c.origin.path == doc.path]
            yield "case", {**data, "body": doc.body}, case
            continue
        [department] = [d for d in loaded.content.departments if d.origin.path == doc.path]
        yield "department", data["department"], department
        for raw, item in zip(data["items"], department.items):
            yield "item", raw, item
            for raw_basis, basis in zip(raw["basis"], item.basis):
                yield "basis", raw_basis, basis
        for raw, entry in zip(data.get("no_penalty") or [], department.no_penalty):
            yield "no_penalty", raw, entry


def value_at(data: dict[str, Any], key: str) -> Any:
    for step in key.split("."):
        if not isinstance(data, dict) or step not in data:
            return None
        data = data[step]
    return data


# --- the schemas ---------------------------------------------------------------------------------

def test_schemas_declare_each_field_of_the_table_with_its_label():
    """A field in the table and not in the schema would be refused in every file (E205), and a
    label that differs from the schema's title would name one field two ways."""
    for table, field_list in fields.TABLES.items():
        kind, prefix = SCHEMA_AT[table]
        root = schemas.load(kind)
        for f in field_list:
            if f.type == fields.MARKDOWN:
                continue  # the case body follows the front matter
            node = schemas.subschema_at(root, prefix + tuple(f.key.split(".")))
            assert node.get("title") == f.label, (table, f.key, node.get("title"))


def test_every_field_of_the_schemas_is_in_the_table():
    """A field the schemas accept but the table lacks would be read by editors' files and
    dropped by every output that follows the table."""
    for table, field_list in fields.TABLES.items():
        kind, prefix = SCHEMA_AT[table]
        node = schemas.subschema_at(schemas.load(kind), prefix)
        declared = {k for k in node.get("properties", {}) if not k.startswith("$")} - NOT_IN_TABLE
        nested = {f.top for f in field_list if "." in f.key}
        for top in nested:  # review.unit …, legal_office.name …
            inner = schemas.subschema_at(schemas.load(kind), prefix + (top,))
            declared |= {f"{top}.{k}" for k in inner.get("properties", {})}
        declared -= nested
        if table == "item":
            declared -= {"basis"} - set(fields.keys(field_list))
        assert declared == set(fields.keys(field_list)) - {"body"}, table


def test_withdrawn_entries_follow_their_field_table():
    """The catalog's withdrawn: list is not in TABLES (never exported or compared): its schema,
    model and loader are held to WITHDRAWN_FIELDS here instead."""
    root = schemas.load("catalog")
    node = schemas.subschema_at(root, ("withdrawn", 0))
    assert set(node["properties"]) == set(fields.keys(fields.WITHDRAWN_FIELDS))
    for f in fields.WITHDRAWN_FIELDS:
        assert schemas.subschema_at(root, ("withdrawn", 0, f.key)).get("title") == f.label, f.key
    assert set(Withdrawn.__dataclass_fields__) - {"origin", "department"} == set(fields.keys(fields.WITHDRAWN_FIELDS))


# --- the model and the loader --------------------------------------------------------------------

def test_each_model_class_has_exactly_the_table_fields():
    """A model attribute outside the table is a field no output knows about, and a table field
    without an attribute cannot be loaded."""
    for table, cls in MODEL.items():
        attributes = set(cls.__dataclass_fields__) - DERIVED[cls]
        assert attributes == set(fields.top_keys(fields.TABLES[table])), table


def test_the_loader_fills_every_field_of_the_table_from_the_file(tmp_path):
    """Every field is written in the fixture at least once, and the model object holds what the
    file says: a field the loader forgot would be None or missing here."""
    loaded, _ = loaded_every_field(tmp_path)
    seen: set[tuple[str, str]] = set()
    for table, raw, obj in objects(loaded):
        for f in fields.TABLES[table]:
            written = value_at(raw, f.key)
            if written is None:
                continue
            seen.add((table, f.key))
            held = attrgetter(f.key)(obj)
            if f.type == fields.BASIS:
                assert len(held) == len(written)
            elif isinstance(written, list):
                assert tuple(written) == held, (table, f.key)
            elif table == "basis" and f.key == "law":
                assert held in written, (f.key, held, written)  # 《》 and a version suffix taken off
            else:
                assert held == written, (table, f.key, held, written)
    missing = {(t, f.key) for t, fl in fields.TABLES.items() for f in fl} - seen
    assert not missing, f"the fixture of this test does not write these fields: {sorted(missing)}"


# --- the exports ---------------------------------------------------------------------------------

def test_each_exported_field_has_its_column_and_each_column_a_field():
    """A table field with a column name that the exporter lacks is missing from every CSV and
    XLSX file (and the importer cannot read it back); a column without a field exports a value
    no file holds."""
    for table, column_list in (("item", columns.ITEM_COLUMNS), ("no_penalty", columns.ENTRY_COLUMNS)):
        field_list = fields.TABLES[table]
        by_label = {c.label: c for c in column_list if c.exported}
        for f in field_list:
            if f.column is None:
                assert not any(c.field == f.key and c.exported for c in column_list) or f.type == fields.BASIS, f.key
                continue
            assert f.column in by_label, (table, f.key, f.column)
            assert by_label[f.column].field == f.key, (table, f.key, by_label[f.column].field)
            assert f.public, f"{f.key} is not public but has a column"
        for c in column_list:
            if c.exported and c.field and c.field != "department":  # the department: of the file
                assert c.field in fields.keys(field_list), (table, c.label, c.field)


def test_catalog_json_holds_every_public_field_and_no_other(tmp_path):
    """catalog.json is built by hand, key by key: a public field it forgot is missing from the
    open data; a field that is not public (审核人, 不予公开的理由) must never be in it."""
    loaded, settings = loaded_every_field(tmp_path)
    view = PublishedView.of(loaded.content, settings)
    data = jsondata.document(view, tables.context(view))
    [department] = data["departments"]
    [item] = department["items"]
    [entry] = department["no_penalty"]
    [case] = data["cases"]
    for table, exported in (("department", department), ("item", item), ("no_penalty", entry), ("case", case),
                            ("basis", item["basis"][0])):
        for f in fields.TABLES[table]:
            present = f.top in exported and (f.top == f.key or f.key.split(".", 1)[1] in exported[f.top])
            if f.type == fields.MARKDOWN:
                continue  # a case's body is on its page, not in the metadata
            assert present == f.public, (table, f.key, "exported" if present else "missing")


# --- the review diff -----------------------------------------------------------------------------

def test_the_review_diff_compares_every_field_of_the_table(tmp_path):
    """The diff spells out each field's display value (``_Values``). If one is missing there,
    a change to that field compares as "no change": it would be missing from the legal office's
    report and from the public change history. Removing "note" from ``_Values.item`` makes the
    item's set below lack 备注, and this test fail."""
    loaded, _ = loaded_every_field(tmp_path)
    values = diff._Values({})
    by_table = {"department": values.department, "item": values.item, "no_penalty": values.entry,
                "case": values.case}
    for table, raw, obj in objects(loaded):
        if table == "basis":
            continue  # compared as part of the item's 指导依据
        assert set(by_table[table](obj)) == set(fields.keys(fields.TABLES[table])), table
        assert diff.TABLES[{"no_penalty": diff.ENTRY}.get(table, table)] == fields.TABLES[table]


def test_a_change_to_any_item_field_is_reported_by_its_label(tmp_path):
    """Each public item field changed on its own gives one change naming that field."""
    loaded, _ = loaded_every_field(tmp_path)
    [department] = loaded.content.departments
    item = next(i for i in department.items if i.published)
    changed = {"basis": (LegalBasis("另一部法规"),), "stages": ("事后",), "procedure": ("另一个步骤。",),
               "rights": ("另一项权利。",), "power_codes": ("X-1",), "no_penalty": ("other",), "trades": ("construction",), "mode": "advice",
               "effective_date": "2025-01-01", "review.date": "2025-01-01", "disclosure": "国家秘密"}
    for f in fields.ITEM_FIELDS:
        if f.key == "id":
            continue
        value = changed.get(f.key, "另一段文字。")
        if "." in f.key:
            top, sub = f.key.split(".")
            new = dataclasses.replace(item, **{top: dataclasses.replace(getattr(item, top), **{sub: value})})
        else:
            new = dataclasses.replace(item, **{f.key: value})
        old_content = dataclasses.replace(loaded.content, departments=(department,))
        new_content = dataclasses.replace(loaded.content, departments=(dataclasses.replace(
            department, items=tuple(new if i.id == item.id else i for i in department.items)),))
        [change] = diff.compare(old_content, new_content, {}).of(diff.ITEM, diff.CHANGED)
        assert f.label in [fc.label for fc in change.fields], f.key


# --- the importer --------------------------------------------------------------------------------

def test_the_importer_writes_back_every_field_it_read(tmp_path):
    """The importer keeps what the sheet does not replace by writing the model back into a file
    (``catalogfile``): a field its writer forgot would be deleted from the department's catalog
    at the next import. Written and loaded again, the department is the same (as the diff, which
    compares every field, sees it: a text written as a block gains its final line break)."""
    loaded, settings = loaded_every_field(tmp_path)
    [department] = loaded.content.departments
    text = catalogfile.dump(catalogfile.department_dict(department),
                            [catalogfile.item_dict(i) for i in department.items],
                            [catalogfile.entry_dict(e) for e in department.no_penalty], [])
    root = build_repo(tmp_path / "again", text, None)
    again = load(root, settings)
    assert not diff.compare(Content((department,), ()), again.content, {})
    assert set(catalogfile.ITEM_ORDER) == set(fields.top_keys(fields.ITEM_FIELDS))


# --- the item page -------------------------------------------------------------------------------

# Public item fields the page does not show as ``item.<field>``: an item on the site is always 公开,
# and its 不罚清单 entries are shown as a table of the entries themselves.
NOT_ON_ITEM_PAGE = {"disclosure": "always 公开 on the site", "no_penalty": "site.entries_of(item)"}


def test_the_item_page_shows_every_public_field():
    template = (PROJECT / "site-template" / "pages" / "item.md.j2").read_text(encoding="utf-8")
    for f in fields.ITEM_FIELDS:
        if not f.public or f.key in NOT_ON_ITEM_PAGE:
            continue
        assert f"item.{f.key}" in template, f.key
    assert NOT_ON_ITEM_PAGE["no_penalty"] in template
    for f in fields.ITEM_FIELDS:
        if not f.public:
            assert f"item.{f.key}" not in template, f"{f.key} is not public but the item page shows it"
