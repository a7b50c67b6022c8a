"""THE field table: every field of a content file, once, with everything other modules need of it.

A field's key (its path in the file and on the model object, ``review.date``), its Chinese label
(the JSON Schema's title: the word editors see in VS Code, the review report and the change
history use), its type, whether the public sees it (``public``), whether it is one of the five
things the openness principle requires an item to show (``openness``: 依据、内容、方式、程序、
相对人权利), and its export column. The order of each tuple is the order of the file, the
review report and the exports.

The schemas, the loader, the importer, the exports, the review diff and the item page either
read this table or are checked against it by ``tests/test_fields.py``: a field added here and
missed by any of them fails that test, so no output can silently drop a field.

``public_names`` (names the legal office allows) is in the schemas but not here: it is never
part of the model, never published, and read only by ``generator.public_names``.
"""

from __future__ import annotations

from dataclasses import dataclass

# Types: how a value is written, compared and shown.
TEXT = "text"  # words an author wrote, in the file's script: converted for the other script
TEXTS = "texts"  # a list of such texts (one sentence each)
BASIS = "basis"  # a list of legal bases (``BASIS_FIELDS``), author texts
MARKDOWN = "markdown"  # a case body
CODE = "code"  # an identifier: id, department code, account; never converted
CODES = "codes"  # a list of identifiers
MODE = "mode"  # a guidance mode code (shown by its label from the settings)
STAGES = "stages"  # a list of 事前 / 事中 / 事后
CHOICE = "choice"  # one of a fixed list of words (公开, 有效, 自然人, zh-Hans …)
DATE = "date"  # YYYY-MM-DD
MONTH = "month"  # YYYY-MM
PHONE = "phone"  # an office landline
FLAG = "flag"  # true / false

AUTHOR_TEXT = (TEXT, TEXTS, BASIS)  # what is converted to the other script, per the file's script


@dataclass(frozen=True)
class Field:
    key: str  # path in the file and attribute path on the model: "review.date"
    label: str  # the schema's title
    type: str
    column: str | None = None  # header of the CSV/XLSX column holding it; None: not exported as a column
    public: bool = True  # shown on the site and in the open data (False: for the repository only)
    openness: bool = False  # 依据、内容、方式、程序、相对人权利: what the openness principle requires shown

    @property
    def top(self) -> str:
        """The key at the top of the object in the file: "review" for "review.date"."""
        return self.key.split(".", 1)[0]


DEPARTMENT_FIELDS: tuple[Field, ...] = (
    Field("code", "部门代码", CODE),
    Field("name", "部门名称", TEXT),
    Field("short_name", "部门简称", TEXT),
    Field("address", "办公地址", TEXT),
    Field("office_phone", "办公电话", PHONE),
    Field("credit_code", "统一社会信用代码", CODE),
    Field("legal_office.name", "法制机构名称", TEXT),
    Field("legal_office.phone", "法制机构电话", PHONE),
    Field("reviewers", "本部门审核人", CODES, public=False),
    Field("sample", "示例数据", FLAG),
    Field("script", "原文字体", CHOICE),
)

ITEM_FIELDS: tuple[Field, ...] = (
    Field("id", "事项编号", CODE, "事项编号"),
    Field("name", "事项名称", TEXT, "事项名称"),
    Field("mode", "指导方式", MODE, "指导方式", openness=True),
    Field("stages", "实施环节", STAGES, "实施环节"),
    Field("power_codes", "关联权责事项编码", CODES, "关联权责事项编码"),
    Field("office", "承办科室", TEXT, "承办科室"),
    Field("office_phone", "承办科室电话", PHONE, "承办科室电话"),  # optional: the department's phone else
    Field("basis", "指导依据", BASIS, "指导依据", openness=True),
    Field("subjects", "适用对象", TEXT, "适用对象"),
    Field("situations", "适用情形", TEXT, "适用情形"),
    Field("content", "指导内容", TEXT, "指导内容", openness=True),
    Field("procedure", "指导程序", TEXTS, "指导程序", openness=True),
    Field("rights", "相对人权利", TEXTS, "相对人权利", openness=True),
    Field("supervision_phone", "监督电话", PHONE, "监督电话"),
    Field("disclosure", "公开属性", CHOICE, "公开属性"),
    Field("exemption_reason", "不予公开的理由", TEXT, public=False),
    Field("status", "状态", CHOICE, "状态"),
    Field("effective_date", "生效日期", DATE, "生效日期"),
    Field("review.unit", "审查单位", TEXT, "审查单位"),
    Field("review.date", "审查日期", DATE, "审查日期"),
    Field("review.filing_no", "备案号", TEXT, "备案号"),
    Field("no_penalty", "关联不罚清单", CODES, "关联不罚清单"),
    Field("trades", "适用行业", CODES, "适用行业"),
    Field("note", "备注", TEXT, "备注"),
)

BASIS_FIELDS: tuple[Field, ...] = (  # one entry of an item's 指导依据
    Field("law", "法律法规名称", TEXT),
    Field("article", "条款", TEXT),
    Field("text", "条文内容", TEXT),
)

ENTRY_FIELDS: tuple[Field, ...] = (  # a 不罚清单 entry
    Field("id", "条目编号", CODE, "条目编号"),
    Field("field", "监管领域", TEXT, "监管领域"),
    Field("violation", "违法行为", TEXT, "违法行为"),
    Field("violation_basis", "违法依据", TEXT, "违法依据"),
    Field("penalty_basis", "处罚依据", TEXT, "处罚依据"),
    Field("conditions", "适用情形", TEXTS, "适用情形"),
    Field("note", "备注", TEXT, "备注"),
)

CASE_FIELDS: tuple[Field, ...] = (
    Field("id", "案例编号", CODE),
    Field("title", "案例标题", TEXT),
    Field("department", "部门代码", CODE),
    Field("items", "关联事项", CODES),
    Field("mode", "指导方式", MODE),
    Field("month", "指导时间", MONTH),
    Field("region", "地区", TEXT),
    Field("counterpart_kind", "相对人类型", CHOICE),
    Field("counterpart", "相对人称谓", TEXT),
    Field("tags", "标签", TEXTS),
    Field("sample", "示例数据", FLAG),
    Field("script", "原文字体", CHOICE, public=False),  # not in catalog.json (a department's script is)
    Field("body", "正文", MARKDOWN),  # the Markdown after the front matter, not a key of it
)

WITHDRAWN_FIELDS: tuple[Field, ...] = (  # an entry of the catalog's withdrawn: list (items taken out)
    Field("id", "事项编号", CODE),
    Field("date", "停止执行日期", DATE),
    Field("reason", "移出原因", CHOICE),
    Field("merged_into", "合并到", CODE),
    Field("note", "说明", TEXT),
)
# Not in TABLES: a withdrawn entry is shown only on its item's withdrawn page (outputs/pages/archive),
# never exported, imported or compared by the review diff.

# Where each table's objects sit in the files (a pointer prefix into the catalog's or case's data).
TABLES: dict[str, tuple[Field, ...]] = {
    "department": DEPARTMENT_FIELDS,
    "item": ITEM_FIELDS,
    "basis": BASIS_FIELDS,
    "no_penalty": ENTRY_FIELDS,
    "case": CASE_FIELDS,
}


def keys(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.key for f in fields)


def top_keys(fields: tuple[Field, ...]) -> tuple[str, ...]:
    """The keys at the top of the object, in order, once each ("review" for its three fields)."""
    return tuple(dict.fromkeys(f.top for f in fields))


def label(fields: tuple[Field, ...], key: str) -> str:
    return next(f.label for f in fields if f.key == key)
