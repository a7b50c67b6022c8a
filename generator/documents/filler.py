"""Fill a Word template's ``{{ field }}`` placeholders: parse the template once, then make each
document by joining strings.

Why not docxtpl: it re-parses the template, runs Jinja over the XML and re-zips every member
for each document — 18 ms per document measured on a minimal template, so 1,200 items × 2
kinds × 2 scripts would take 86 s on one core. Here a template is compiled once into literal
XML and slots; a document is one string join (values XML-escaped, never raw), one deflate of
``word/document.xml`` and a ZIP written by hand around the other members' compressed bytes,
which are reused as they are (bench: see ``python -m generator.documents.bench``).

The template language is deliberately small, so the legal office can edit templates in Word:

- ``{{ name }}`` is replaced by the value of the field ``name`` (``messages.DOCUMENT_FIELDS``).
- A paragraph holding nothing but one placeholder is repeated once per entry of a list value
  (one paragraph per legal basis) and left out when the value is empty (the 示例 mark).
- A placeholder Word split into several runs (it does that after edits) is joined back into
  the run where it starts, so it keeps that run's formatting.

Output bytes depend only on the template and the values: members in the template's order,
fixed timestamps (1980-01-01), fixed compression.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_P, _T = f"{{{W}}}p", f"{{{W}}}t"
_SECT = f"{{{W}}}sectPr"
# The parts of a .docx whose text a reader sees and a template may hold fields in.
_FILLED = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_NAME = re.compile(r"[a-z_][a-z0-9_]*")
# Markers used only between compiling and splitting a part (no template contains them).
_START, _END, _SLOT = "\U000f0001", "\U000f0002", "\U000f0003"
_SPLIT = re.compile(f"({_START}|{_END}|{_SLOT}[a-z0-9_]+{_SLOT})")
# Characters XML 1.0 cannot hold: a value pasted from elsewhere must not corrupt the document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the earliest a ZIP can say: no clock involved

Value = str | Sequence[str]


class NotADocx(Exception):
    """The bytes are not a Word .docx package."""


@dataclass(frozen=True)
class FieldProblem:
    key: str  # "unknown" | "unclosed"
    name: str
    text: str  # what the template says there, for the finding


@dataclass(frozen=True)
class _Block:
    """A paragraph that is repeated per entry of its one field, or left out."""

    name: str
    parts: tuple[str | "_Slot", ...]


@dataclass(frozen=True)
class _Slot:
    name: str


@dataclass(frozen=True)
class _Member:
    name: str
    stored: bytes = b""  # raw deflate of a member that is not filled
    crc: int = 0
    size: int = 0
    parts: tuple[str | _Slot | _Block, ...] = ()  # a filled member


@dataclass
class Template:
    members: list[_Member]
    problems: list[FieldProblem] = field(default_factory=list)
    fields: set[str] = field(default_factory=set)  # the fields it uses

    def fill(self, values: Mapping[str, Value]) -> bytes:
        """The document with ``values`` in place of the fields (a missing field: empty)."""
        out = io.BytesIO()
        central = []
        for member in self.members:
            if member.parts:
                data = "".join(_render(member.parts, values)).encode("utf-8")
                stored, crc, size = _deflate(data, 6), zlib.crc32(data), len(data)
            else:
                stored, crc, size = member.stored, member.crc, member.size
            central.append(_write_member(out, member.name, stored, crc, size))
        _write_directory(out, central)
        return out.getvalue()


def compile_template(data: bytes, convert: Callable[[str], str] | None = None,
                     known: frozenset[str] | set[str] | None = None) -> Template:
    """Parse a .docx once. ``convert`` rewrites the template's own text (the traditional-script
    version); ``known`` is the set of field names (default: every field of ``messages``)."""
    if known is None:
        from ..messages import current as msg
        known = frozenset(msg.DOCUMENT_FIELDS)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if "word/document.xml" not in {i.filename for i in infos}:
            raise NotADocx
        template = Template([])
        for info in infos:
            raw = archive.read(info)
            if _FILLED.fullmatch(info.filename):
                template.members.append(_Member(info.filename, parts=_compile_part(raw, convert, known, template)))
            else:
                template.members.append(_Member(info.filename, _deflate(raw, 9), zlib.crc32(raw), len(raw)))
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, ValueError, EOFError, NotImplementedError) as exc:
        raise NotADocx from exc
    return template


def _compile_part(raw: bytes, convert: Callable[[str], str] | None, known: frozenset[str] | set[str],
                  template: Template) -> tuple[str | _Slot | _Block, ...]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(raw, parser)
    by_paragraph: dict[etree._Element, list[etree._Element]] = {}
    for t in root.iter(_T):
        p = next((a for a in t.iterancestors(_P)), None)
        if p is not None:
            by_paragraph.setdefault(p, []).append(t)
    blocks = []
    for p, texts in by_paragraph.items():
        name = _compile_paragraph(texts, convert, known, template)
        if name and _may_repeat(p):
            blocks.append(p)
    for p in blocks:  # mark where each block paragraph starts and ends in the serialized text
        previous = p.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + _START
        else:
            p.getparent().text = (p.getparent().text or "") + _START
        p.tail = _END + (p.tail or "")
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")
    return _split(text)


def _compile_paragraph(texts: list[etree._Element], convert: Callable[[str], str] | None,
                       known: frozenset[str] | set[str], template: Template) -> str:
    """Rewrite one paragraph's texts: fields become slot markers, each inside the run where it
    starts; the rest converted. Return the field's name when the paragraph holds only a field."""
    chars = [t.text or "" for t in texts]
    full = "".join(chars)
    if "{" not in full and "}" not in full:
        if convert is not None:
            for t, text in zip(texts, chars):
                if text:
                    t.text = convert(text)
        return ""
    owner = [i for i, text in enumerate(chars) for _ in text]  # which text each character is in
    for m in _PLACEHOLDER.finditer(full):
        for pos in range(m.start(), m.end()):
            owner[pos] = owner[m.start()]
    rebuilt = ["" for _ in texts]
    for pos, ch in enumerate(full):
        rebuilt[owner[pos]] += ch
    only = ""
    for t, text in zip(texts, rebuilt):
        out, last = [], 0
        for m in _PLACEHOLDER.finditer(text):
            out.append(_plain(text[last:m.start()], convert, template))
            name = m.group(1)
            if _NAME.fullmatch(name) and name in known:
                out.append(f"{_SLOT}{name}{_SLOT}")
                template.fields.add(name)
                if full.strip() == m.group(0):
                    only = name
            else:
                template.problems.append(FieldProblem("unknown", name, m.group(0)))
                out.append(m.group(0))
            last = m.end()
        out.append(_plain(text[last:], convert, template))
        t.text = "".join(out)
        if t.text != text:
            t.set(XML_SPACE, "preserve")
    return only


def _plain(text: str, convert: Callable[[str], str] | None, template: Template) -> str:
    if "{{" in text or "}}" in text:
        template.problems.append(FieldProblem("unclosed", "", text.strip()[:40]))
    return convert(text) if convert is not None and text else text


def _may_repeat(p: etree._Element) -> bool:
    """A paragraph may be left out or repeated unless it holds the section's page settings or
    is the only paragraph of its table cell, header or footer (Word requires one there)."""
    if p.find(f"./*/{_SECT}") is not None:
        return False
    parent = p.getparent()
    siblings = [c for c in parent if c is not p and c.tag in (_P, f"{{{W}}}tbl")]
    return bool(siblings)


def _split(text: str) -> tuple[str | _Slot | _Block, ...]:
    out: list[str | _Slot | _Block] = []
    block: list[str | _Slot] | None = None
    for piece in _SPLIT.split(text):
        if not piece:
            continue
        if piece == _START:
            block = []
        elif piece == _END:
            name = next(p.name for p in block if isinstance(p, _Slot))
            out.append(_Block(name, tuple(block)))
            block = None
        else:
            item = _Slot(piece[1:-1]) if piece.startswith(_SLOT) else piece
            (block if block is not None else out).append(item)
    return tuple(out)


def _render(parts: Sequence[str | _Slot | _Block], values: Mapping[str, Value]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, _Slot):
            out.append(_escape(_inline(values.get(part.name, ""))))
        else:
            value = values.get(part.name, "")
            for entry in ([value] if isinstance(value, str) else value):
                if entry:
                    out += _render(part.parts, {**values, part.name: entry})
    return out


def _inline(value: Value) -> str:
    """A list where a paragraph continues: its entries in one run, separated by 「；」."""
    if isinstance(value, str):
        return value
    return "".join(e if e.endswith(("。", "；", "：", "！", "？")) or i == len(value) - 1 else e + "；"
                   for i, e in enumerate(value))


def _escape(value: str) -> str:
    value = _NOT_XML.sub("", value.replace("\r\n", "\n").replace("\n", " "))
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _deflate(data: bytes, level: int) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _write_member(out: io.BytesIO, name: str, stored: bytes, crc: int, size: int) -> bytes:
    encoded = name.encode("utf-8")
    offset = out.tell()
    out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x0800, 8, 0, _DOS_DATE, crc, len(stored), size,
                          len(encoded), 0))
    out.write(encoded)
    out.write(stored)
    return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x0800, 8, 0, _DOS_DATE, crc, len(stored),
                       size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded


def _write_directory(out: io.BytesIO, central: list[bytes]) -> None:
    start = out.tell()
    for entry in central:
        out.write(entry)
    size = out.tell() - start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), size, start, 0))
