"""The spreadsheet columns: header label ↔ catalog field ↔ how a cell is written and read.

CSV, XLSX and the importer all use these two tables, so an exported file can always be read
back and a department's own sheet is read with the same labels and the same conventions:

- a short list (实施环节, 关联权责事项编码, 关联不罚清单) is joined with ``；``;
- a list of sentences (指导程序, 相对人权利, 适用情形) has one entry per line of the cell;
- 指导依据 has one ``《法名》条款`` per line; the article text of each, when the catalog has it,
  is in 依据条文 as ``《法名》条款：条文``.

Exporting reads the model; importing returns values shaped like the catalog file.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import Any, Callable, Mapping

from .. import privacy
from . import STAGES

LIST_SEPARATOR = "；"
LINE_SEPARATOR = "\n"
BASIS_TEXT_SEPARATOR = "："


class CellError(ValueError):
    """A cell that cannot be read: an import code (I04x, generator.messages) and its parameters."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params


@dataclass(frozen=True)
class Context:
    """What a cell needs besides its own value: mode labels, department names, back links."""

    modes: Mapping[str, str]  # mode code → label, in the settings' order
    department_names: Mapping[str, str] = field(default_factory=dict)
    items_by_entry: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # published items
    # item id → (first published, last changed), from git; '' when the record cannot tell
    publication: Mapping[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Codec:
    """How one kind of value becomes a cell and back."""

    name: str
    write: Callable[[Any, Context], str]
    read: Callable[[str, Context], Any]
    multi: bool = False  # values of several rows of one merged item are joined line by line


@dataclass(frozen=True)
class Column:
    label: str  # the header written in exports
    field: str  # key path in the catalog file ("review.date"); "" for columns not stored
    codec: Codec
    synonyms: tuple[str, ...] = ()  # other headers departments use for the same column
    required: bool = False
    width: int = 14  # XLSX column width in characters (a Chinese character counts as two)
    exported: bool = True  # False: recognised when importing, never written
    get: Callable[[Any, Context], Any] | None = None  # value for export when not an attribute

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)

    @cached_property
    def _attribute(self) -> Callable[[Any], Any]:
        return attrgetter(self.field)  # "review.date" → obj.review.date

    def value(self, obj: Any, context: Context) -> Any:
        if self.get is not None:
            return self.get(obj, context)
        return self._attribute(obj)

    def cell(self, obj: Any, context: Context) -> str:
        return self.codec.write(self.value(obj, context), context)


# --- normalising cell text --------------------------------------------------------------------

_NUMBERING = re.compile(
    r"^\s*(?:\d{1,2}\s*[.．、)）](?!\d)|[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}、)\s*")
# The numbering styles of a list written in one cell: （1） (一) 1. 1、 1) 一、 ①. Each alternative
# starts at a fixed character and repeats a bounded number of times, so one scan is linear.
_MARK = re.compile(r"[（(][ \t]?(?P<p>[0-9]{1,2}|[一二三四五六七八九十]{1,3})[ \t]?[)）]"
                   r"|(?<![0-9])(?P<d>[0-9]{1,2})[.．、)）](?![0-9])"
                   r"|(?<![一二三四五六七八九十])(?P<c>[一二三四五六七八九十]{1,3})、"
                   r"|(?P<o>[①-⑳])")
# 1. and 一、 also occur inside a sentence (统一、规范; 第3.5条): as numbering they follow these.
_BEFORE_MARK = set("；;。，,、：: \t\u3000")
_CHINESE_DIGITS = "一二三四五六七八九"
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def fold(text: str) -> str:
    """Full-width letters, digits and signs as ASCII (for codes, phones, dates, headers).

    Never applied to Chinese text itself: its full-width punctuation is correct there."""
    return unicodedata.normalize("NFKC", text).replace("\u2014", "-").replace("\u2013", "-").replace(
        "\u2212", "-")


def clean(text: str) -> str:
    """Line endings unified; spaces at the end of each line, full-width spaces at its start (a
    Word paragraph's indent) and blank ends removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    return "\n".join(line.rstrip().lstrip("\u3000") for line in text.split("\n")).strip()


def one_line(text: str) -> str:
    """Lines of a cell joined into one (Excel users break long titles with Alt+Enter)."""
    parts = [p.strip() for p in clean(text).split("\n") if p.strip()]
    out = parts[0] if parts else ""
    for part in parts[1:]:
        glue = "" if _CJK.match(out[-1]) or _CJK.match(part[0]) else " "
        out += glue + part
    return out


def lines(text: str) -> list[str]:
    """A list of sentences: one per line; a single line numbered in any usual style (（1） 1.
    一、 ①) or separated by "；" is split the same way; numbering is dropped."""
    found = [p.strip() for p in clean(text).split("\n") if p.strip()]
    if len(found) == 1:
        found = split_items(found[0])
    return [_NUMBERING.sub("", p, count=1).strip() or p for p in found]


def split_items(text: str) -> list[str]:
    """One line → its items: at numbering that runs 1, 2, 3… in one style from the start of
    the line, else at "；". A line with neither is one item."""
    marks: list[tuple[int, str, int]] = []  # (start, style, number)
    for m in _MARK.finditer(text):
        style = m.lastgroup or ""
        if style in ("d", "c") and m.start() > 0 and text[m.start() - 1] not in _BEFORE_MARK:
            continue
        marks.append((m.start(), style, _number(m.group(style))))
    lead = len(text) - len(text.lstrip())
    first = next((m for m in marks if m[0] == lead and m[2] == 1), None)
    starts = []
    if first is not None:
        expected = 1
        for start, style, number in marks:
            if style == first[1] and number == expected:
                starts.append(start)
                expected += 1
    if len(starts) < 2:
        parts = [p.strip() for p in re.split(r"[；;]", text) if p.strip()]
        return parts if len(parts) > 1 else [text]
    bounds = starts + [len(text)]
    return [text[a:b].strip().rstrip("；;，,").strip() for a, b in zip(bounds, bounds[1:])]


def _number(mark: str) -> int:
    """1, 12, 一, 十二, 二十, ③ → their value."""
    if mark.isdigit() and mark.isascii():
        return int(mark)
    if "\u2460" <= mark <= "\u2473":
        return ord(mark) - 0x2460 + 1
    tens, ten, ones = mark.partition("十")
    if not ten:
        return _CHINESE_DIGITS.index(mark) + 1 if mark in _CHINESE_DIGITS else 0
    return ((_CHINESE_DIGITS.index(tens) + 1) if tens else 1) * 10 + ((_CHINESE_DIGITS.index(ones) + 1) if ones else 0)


def short_list(text: str) -> list[str]:
    return [p for p in re.split(r"[；;、,，\s]+", fold(clean(text))) if p]


# --- codecs ------------------------------------------------------------------------------------

def _text_out(value: Any, _: Context) -> str:
    return "" if value is None else str(value).strip()


def _list_out(value: Any, _: Context) -> str:
    return LIST_SEPARATOR.join(value or ())


def _lines_out(value: Any, _: Context) -> str:
    return LINE_SEPARATOR.join(v.strip() for v in value or ())


TEXT = Codec("text", _text_out, lambda t, _: clean(t), multi=True)
LINE = Codec("line", _text_out, lambda t, _: one_line(t))
LIST = Codec("list", _list_out, lambda t, _: short_list(t), multi=True)
LINES = Codec("lines", _lines_out, lambda t, _: lines(t), multi=True)
CODE = Codec("code", _text_out, lambda t, _: fold(one_line(t)).replace(" ", ""))


def _mode_out(code: Any, context: Context) -> str:
    return context.modes.get(code, code)


def _mode_in(text: str, context: Context) -> str:
    value = one_line(text)
    by_label = {label: code for code, label in context.modes.items()}
    for candidate in (value, value.removesuffix("类"), fold(value).lower()):
        if candidate in by_label:
            return by_label[candidate]
        if candidate in context.modes:
            return candidate
    several = [label for label in by_label if label in value]
    if len(several) > 1:
        raise CellError("I043", modes="、".join(several))
    raise CellError("I044", value=value, labels="、".join(by_label), suggestion="")


_STAGE_WORDS = re.compile("|".join(STAGES))
_WHOLE_PROCESS = ("全过程", "全流程", "全环节", "全部")


def _stages_in(text: str, _: Context) -> list[str]:
    value = clean(text)
    if value in _WHOLE_PROCESS:
        return list(STAGES)
    found = _STAGE_WORDS.findall(value)
    rest = _STAGE_WORDS.sub("", value)
    rest = re.sub(r"[；;、,，/\s和及与]|指导|环节|阶段", "", rest)
    if rest or not found:
        raise CellError("I045", value=value, stages="、".join(STAGES))
    return sorted(set(found), key=STAGES.index)


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _date_in(text: str, _: Context) -> str:
    value = fold(one_line(text)).replace(" ", "")
    m = _DATE.match(value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:  # 2024年13月1日, 2月30日
            pass
    raise CellError("I046", value=value)


_AREA_PHONE = re.compile(r"^[(]?(0\d{2,3})[)]?[-\s]*(\d{7,8})((?:-|转|ext\.?)\d{1,6})?$")


def _phone_in(text: str, _: Context) -> str:
    value = fold(one_line(text)).strip()
    m = _AREA_PHONE.match(value)
    if m:
        extension = re.sub(r"^(转|ext\.?)", "-", m.group(3) or "")
        return f"{m.group(1)}-{m.group(2)}{extension}"
    return value.replace(" ", "")


def phone_from_number(digits: str) -> str | None:
    """A landline typed into Excel as a number lost its leading 0 (0533-6010001 → 5336010001).

    Returns the number with the 0 and the area code restored, or None when the digits are
    not a landline without its 0 (Beijing 010 and 02x have three-digit area codes). A mobile
    number is never one: 13812345678 must not become the fake landline 0138-12345678."""
    if not digits.isdigit() or digits.startswith("0") or not 9 <= len(digits) <= 11:
        return None
    if any(m.code == privacy.MOBILE for m in privacy.find_numbers(digits)):
        return None
    full = "0" + digits
    area = 3 if full.startswith(("010", "02")) else 4
    local = full[area:]
    return f"{full[:area]}-{local}" if 7 <= len(local) <= 8 else None


MODE = Codec("mode", _mode_out, _mode_in)
STAGES_CODEC = Codec("stages", _list_out, _stages_in, multi=True)
DATE = Codec("date", _text_out, _date_in)
PHONE = Codec("phone", _text_out, _phone_in)


# --- 指导依据 -----------------------------------------------------------------------------------

def basis_label(law: str, article: str | None) -> str:
    return f"《{law}》{article or ''}"


def _basis_out(value: Any, _: Context) -> str:
    return LINE_SEPARATOR.join(basis_label(b.law, b.article) for b in value or ())


def _basis_text_out(value: Any, _: Context) -> str:
    return LINE_SEPARATOR.join(f"{basis_label(b.law, b.article)}{BASIS_TEXT_SEPARATOR}{b.text.strip()}"
                               for b in value or () if b.text)


_LAW_ENTRY = re.compile(r"《([^《》]+)》([^《：:；;\n]*)")
_LEAD_WORDS = re.compile(r"^(?:依据|根据|按照|依照|参照)")
_LAW_WITHOUT_MARKS = re.compile(
    r"^(.+?(?:法|条例|规定|办法|细则|决定|规则|解释|意见|通知|规范|标准))(第.+)?$")


def _basis_in(text: str, _: Context) -> list[dict[str, str]]:
    """One basis per ``《法名》条款``; text after ``：`` (up to the next 《…》 line) is its article text.

    Also read: several on one line (``《甲法》第五条；《乙条例》第六条``), numbering, a leading
    依据/根据, and a law written without 《》 (``中华人民共和国食品安全法第三十五条``)."""
    entries: list[dict[str, str]] = []
    for raw in clean(text).split("\n"):
        line = _LEAD_WORDS.sub("", _NUMBERING.sub("", raw.strip(), count=1)).strip()
        if not line:
            continue
        if not line.startswith("《"):
            if entries and "text" in entries[-1]:
                entries[-1]["text"] += "\n" + raw.strip()
                continue
            if "《" in line or "》" in line:
                raise CellError("I047", value=line)
            m = _LAW_WITHOUT_MARKS.match(line.rstrip("；;。"))
            if not m:
                raise CellError("I047", value=line)
            entries.append(_entry(m.group(1), m.group(2) or ""))
            continue
        pos = 0
        while pos < len(line):
            m = _LAW_ENTRY.match(line, pos)
            if not m:
                raise CellError("I048", value=line, rest=line[pos:])
            entry = _entry(m.group(1), m.group(2))
            entries.append(entry)
            pos = m.end()
            if pos < len(line) and line[pos] in "：:":
                entry["text"] = line[pos + 1:].strip()
                break
            sep = re.match(r"[；;、，,。\s]*", line[pos:])
            pos += sep.end() if sep else 0
    return entries


def _entry(law: str, article: str) -> dict[str, str]:
    entry = {"law": law.strip()}
    article = article.strip().rstrip("、，,；;。 ").strip()
    if article:
        entry["article"] = article
    return entry


def attach_texts(entries: list[dict[str, str]], text: str) -> list[dict[str, str]]:
    """Put the 依据条文 cell's paragraphs (``《法名》条款：条文``) on their entries, in order."""
    labels = [basis_label(e["law"], e.get("article")) + BASIS_TEXT_SEPARATOR for e in entries]
    current: dict[str, str] | None = None
    start = 0
    for line in clean(text).split("\n"):
        hit = next((k for k in range(start, len(entries)) if line.startswith(labels[k])), None)
        if hit is None:
            hit = next((k for k in range(start, len(entries))
                        if line.startswith(labels[k].replace(BASIS_TEXT_SEPARATOR, ":"))), None)
        if hit is not None:
            current, start = entries[hit], hit + 1
            current["text"] = line[len(labels[hit]):].strip()
        elif current is not None:
            current["text"] += "\n" + line
        elif len(entries) == 1 and line.strip():
            current = entries[0]
            current["text"] = line.strip()
        elif line.strip():
            raise CellError("I049")
    return entries


BASIS = Codec("basis", _basis_out, _basis_in, multi=True)
BASIS_TEXT = Codec("basis_text", _basis_text_out, lambda t, _: clean(t), multi=True)


def _department_name(code: Any, context: Context) -> str:
    return context.department_names.get(code, code)


DEPARTMENT = Codec("department", _department_name, lambda t, _: one_line(t))
IGNORED = Codec("ignored", _text_out, lambda t, _: t)


# --- the two tables ------------------------------------------------------------------------------

ITEM_COLUMNS: tuple[Column, ...] = (
    Column("事项编号", "id", CODE, ("编号", "指导事项编号", "行政指导事项编号"), width=12),
    Column("事项名称", "name", LINE, ("指导事项名称", "行政指导事项名称", "行政指导事项", "指导事项", "事项"),
           required=True, width=30),
    Column("实施部门", "department", DEPARTMENT, ("实施主体", "实施机关", "实施单位", "责任部门", "部门"), width=20),
    Column("承办科室", "office", LINE, ("承办机构", "责任科室", "承办单位", "实施科室", "责任股室", "承办股室", "科室"),
           required=True, width=16),
    Column("承办科室电话", "office_phone", PHONE, ("科室电话", "承办科室联系电话", "科室联系电话"), width=16),
    Column("指导方式", "mode", MODE, ("方式", "行政指导方式", "指导类型"), required=True, width=12),
    Column("实施环节", "stages", STAGES_CODEC, ("环节", "指导环节", "实施阶段"), required=True, width=12),
    Column("关联权责事项编码", "power_codes", LIST, ("权责事项编码", "关联权责事项", "权力事项编码", "事项编码"),
           width=24),
    Column("指导依据", "basis", BASIS, ("法律依据", "依据", "实施依据", "设定依据", "法律法规依据", "政策依据"),
           required=True, width=36),
    Column("依据条文", "basis", BASIS_TEXT, ("条文内容", "依据条文内容", "法条内容"), width=50),
    Column("适用对象", "subjects", TEXT, ("指导对象", "行政相对人", "相对人", "对象"), required=True, width=30),
    Column("适用情形", "situations", TEXT, ("适用条件", "适用范围", "情形"), required=True, width=36),
    Column("指导内容", "content", TEXT, ("内容", "行政指导内容", "主要内容"), required=True, width=60),
    Column("指导程序", "procedure", LINES, ("程序", "实施程序", "工作流程", "流程", "指导流程"), required=True,
           width=50),
    Column("相对人权利", "rights", LINES, ("相对人的权利", "行政相对人权利", "权利", "权利告知"), required=True,
           width=50),
    Column("监督电话", "supervision_phone", PHONE,
           ("监督投诉电话", "投诉电话", "咨询电话", "咨询投诉电话", "监督咨询电话", "联系电话", "电话"),
           required=True, width=16),
    Column("公开属性", "disclosure", LINE, ("公开方式", "是否公开"), required=True, width=10),
    Column("不予公开的理由", "exemption_reason", TEXT, ("不公开理由", "不予公开理由"), exported=False, width=30),
    Column("状态", "status", LINE, ("事项状态",), required=True, width=8),
    Column("生效日期", "effective_date", DATE, ("施行日期", "实施日期", "发布日期"), required=True, width=12),
    Column("审查单位", "review.unit", LINE, ("合法性审查单位", "审查机关"), required=True, width=16),
    Column("审查日期", "review.date", DATE, ("合法性审查日期",), required=True, width=12),
    Column("备案号", "review.filing_no", LINE, ("备案编号", "备案文号"), width=20),
    Column("关联不罚清单", "no_penalty", LIST, ("不罚清单", "关联不罚清单条目", "关联免罚清单"), width=20),
    Column("适用行业", "trades", LIST, ("行业", "所属行业", "适用行业代码"), width=20),
    Column("备注", "note", TEXT, ("说明",), width=30),
    # From the git history (generator/history): written for the filing platform and readers, never read back.
    Column("首次发布日期", "", IGNORED, ("首次发布",), width=12, get=lambda i, c: c.publication.get(i.id, ("", ""))[0]),
    Column("最近更新日期", "", IGNORED, ("最近更新",), width=12, get=lambda i, c: c.publication.get(i.id, ("", ""))[1]),
    Column("序号", "", IGNORED, ("序", "No", "No."), exported=False),
)

ENTRY_COLUMNS: tuple[Column, ...] = (
    Column("条目编号", "id", CODE, ("编号",), width=14),
    Column("实施部门", "department", DEPARTMENT, ("实施主体", "实施机关", "部门"), width=20),
    Column("监管领域", "field", LINE, ("领域", "执法领域"), required=True, width=12),
    Column("违法行为", "violation", TEXT, ("违法行为名称", "事项名称"), required=True, width=40),
    Column("违法依据", "violation_basis", TEXT, (), required=True, width=30),
    Column("处罚依据", "penalty_basis", TEXT, (), required=True, width=30),
    Column("适用情形", "conditions", LINES, ("免罚条件", "适用条件", "不予处罚条件", "不予处罚情形", "免罚情形"),
           required=True, width=40),
    Column("关联事项", "", IGNORED, ("关联行政指导事项",), width=16,
           get=lambda e, c: LIST_SEPARATOR.join(c.items_by_entry.get(e.id, ()))),
    Column("备注", "note", TEXT, ("说明",), width=30),
    Column("序号", "", IGNORED, ("序", "No", "No."), exported=False),
)


def exported(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    return tuple(c for c in columns if c.exported)


def header_key(text: str) -> str:
    """A header as compared: full-width folded, spaces and line breaks and * marks removed."""
    return re.sub(r"[\s*＊:：]", "", fold(text)).lower()
