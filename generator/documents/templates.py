"""Write the Word templates of ``documents/templates/`` from ``layouts.yaml`` with python-docx.

    python -m generator.documents.templates [--root DIR] [--force]

The legal office edits the written templates in Word afterwards; this script exists so the
first version is reproducible and reviewable as text, and it never overwrites a template that
exists (they may have been edited) unless ``--force`` is given. The same layout always gives
the same bytes: fixed document properties and ZIP timestamps.

Layout follows the national standard for official documents (GB/T 9704-2012) where it applies
to law-enforcement forms: A4, margins 37/35/28/26 mm, body 三号 (16 pt) 仿宋 on a 28.95 pt
line, first-level headings 黑体, the title 二号 (22 pt), page numbers 「— 1 —」 in the footer.
Fonts are named for Word on Chinese Windows (仿宋, 黑体, 宋体) and set for East Asian text
(``w:eastAsia``) as well as Latin text and digits (Times New Roman).
"""

from __future__ import annotations

import argparse
import datetime
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from . import filler

LAYOUTS = Path(__file__).with_name("layouts.yaml")
FOLDER = "documents/templates"
# Document properties are part of the bytes: a fixed date, not the time the script ran.
PROPERTIES_DATE = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
_HINT = re.compile(r"(【[^】]*】)")
_FIELD = re.compile(r"(\{\{[^{}]*\}\})")
LINE = 579  # twips: 28.95 pt, 22 lines on the standard's type area

_BODY_RUN = ('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋" w:cs="Times New Roman"/>'
             '<w:sz w:val="32"/><w:szCs w:val="32"/>')
# (style id, Chinese name shown in Word, paragraph properties, run properties)
_STYLES = (
    ("DocBody", "文书正文", f'<w:spacing w:line="{LINE}" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>',
     _BODY_RUN),
    ("DocAgency", "文书机关名称", '<w:spacing w:before="0" w:after="120" w:line="600" w:lineRule="exact"/><w:jc w:val="center"/>',
     '<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体"/><w:sz w:val="36"/><w:szCs w:val="36"/>'),
    ("DocTitle", "文书名称", '<w:spacing w:before="0" w:after="240" w:line="720" w:lineRule="exact"/><w:jc w:val="center"/>',
     '<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体"/><w:spacing w:val="40"/><w:sz w:val="44"/><w:szCs w:val="44"/>'),
    ("DocNumber", "文书编号", f'<w:spacing w:after="240" w:line="{LINE}" w:lineRule="exact"/><w:jc w:val="right"/>', _BODY_RUN),
    ("DocPlain", "文书顶格", f'<w:spacing w:line="{LINE}" w:lineRule="exact"/><w:jc w:val="left"/>', _BODY_RUN),
    ("DocHeading", "文书一级标题", f'<w:keepNext/><w:spacing w:line="{LINE}" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/>',
     '<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体"/><w:sz w:val="32"/><w:szCs w:val="32"/>'),
    ("DocBlank", "文书填写行", f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/><w:between w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr><w:spacing w:line="{LINE}" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/>', _BODY_RUN),
    ("DocRight", "文书落款", f'<w:spacing w:line="{LINE}" w:lineRule="exact"/><w:ind w:rightChars="400" w:right="1280"/><w:jc w:val="right"/>', _BODY_RUN),
    ("DocSample", "示例标注", '<w:pBdr><w:top w:val="single" w:sz="8" w:space="4" w:color="404040"/><w:left w:val="single" w:sz="8" w:space="4" w:color="404040"/><w:bottom w:val="single" w:sz="8" w:space="4" w:color="404040"/><w:right w:val="single" w:sz="8" w:space="4" w:color="404040"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:spacing w:after="240"/><w:jc w:val="center"/>',
     '<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体"/><w:sz w:val="24"/><w:szCs w:val="24"/>'),
    ("DocHeader", "示例页眉", '<w:jc w:val="right"/>',
     '<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体"/><w:color w:val="595959"/><w:sz w:val="21"/><w:szCs w:val="21"/>'),
    ("DocFooter", "文书页码", '<w:jc w:val="center"/>',
     '<w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/><w:szCs w:val="28"/>'),
)
_PARAGRAPH_STYLE = {"sample": "DocSample", "agency": "DocAgency", "title": "DocTitle", "number": "DocNumber",
                    "to": "DocPlain", "text": "DocBody", "heading": "DocHeading", "list": "DocBody",
                    "blank": "DocBlank", "plain": "DocPlain", "right": "DocRight"}
_HINT_STYLE = ("DocHint", "文书填写提示",
               '<w:color w:val="7F7F7F"/><w:u w:val="single" w:color="7F7F7F"/>')


def layouts() -> dict[str, Any]:
    return yaml.safe_load(LAYOUTS.read_text(encoding="utf-8"))


def build(kind: str, spec: dict[str, Any] | None = None) -> bytes:
    """The template of one document kind of ``layouts.yaml``, as .docx bytes."""
    spec = spec or layouts()
    layout = spec["kinds"][kind]
    document = docx.Document()
    _trim(document)
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(23)
    section._sectPr.append(parse_xml(f'<w:docGrid {nsdecls("w")} w:type="lines" w:linePitch="{LINE}"/>'))
    _header_footer(document, section)
    for entry in _expand(layout["body"], spec["blocks"]):
        [(style, value)] = entry.items()
        if style == "blank":
            _paragraph(document, "DocBlank", f"【{value['hint']}】")
            for _ in range(value["lines"] - 1):
                _paragraph(document, "DocBlank", "")
        else:
            _paragraph(document, _PARAGRAPH_STYLE[style], str(value))
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = layout["title"], "", ""
    properties.created = properties.modified = PROPERTIES_DATE
    properties.revision = 1
    properties.comments = ""
    out = io.BytesIO()
    document.save(out)
    return repack(out.getvalue())


def repack(data: bytes) -> bytes:
    """The same package with fixed member order, timestamps and compression."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    template = filler.Template([])
    for info in archive.infolist():
        raw = archive.read(info)
        template.members.append(filler._Member(info.filename, filler._deflate(raw, 9), filler.zlib.crc32(raw), len(raw)))
    return template.fill({})


def _expand(entries: list[Any], blocks: dict[str, list[Any]]) -> list[dict[str, Any]]:
    out = []
    for entry in entries:
        if isinstance(entry, dict) and "block" in entry:
            out += _expand(blocks[entry["block"]], blocks)
        else:
            out.append(entry)
    return out


def _paragraph(document: Any, style: str, text: str) -> None:
    """One paragraph; 【hints】 in the grey hint style, each field in a run of its own."""
    p = document.add_paragraph(style=document.styles.get_by_id(style, WD_STYLE_TYPE.PARAGRAPH))
    for piece in _HINT.split(text):
        if not piece:
            continue
        if _HINT.fullmatch(piece):
            p.add_run(piece, style=document.styles.get_by_id("DocHint", WD_STYLE_TYPE.CHARACTER))
            continue
        for part in _FIELD.split(piece):
            if part:
                p.add_run(part)


def _trim(document: Any) -> None:
    """Leave out what python-docx's default package carries but a form does not use: styles
    with effects, web settings, custom XML, numbering, theme, thumbnail (700 KB unpacked)."""
    keep = {"styles", "settings", "fontTable", "header", "footer"}
    part = document.part
    for rId, rel in list(part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] not in keep:
            del part.rels[rId]
    package = part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rId]


def _styles(document: Any) -> None:
    """Only the styles the forms use, with East Asian fonts set, and no latent styles."""
    styles = document.styles.element
    for child in list(styles):
        if child.tag == qn("w:latentStyles") or (
                child.tag == qn("w:style") and child.get(qn("w:default")) != "1"):
            styles.remove(child)
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        styles.remove(defaults)
    styles.insert(0, parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>{_STYLES[0][3]}<w:kern w:val="2"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:adjustRightInd w:val="0"/><w:snapToGrid w:val="0"/></w:pPr></w:pPrDefault></w:docDefaults>'))
    for style_id, name, paragraph, run in _STYLES:
        styles.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:qFormat/><w:pPr>{paragraph}</w:pPr><w:rPr>{run}</w:rPr></w:style>'))
    style_id, name, run = _HINT_STYLE
    styles.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="character" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:qFormat/><w:rPr>{run}</w:rPr></w:style>'))


def _header_footer(document: Any, section: Any) -> None:
    """The 示例 mark on every page (empty for real data); 「— 1 —」: the page number as a field."""
    header = section.header.paragraphs[0]
    header.style = document.styles.get_by_id("DocHeader", WD_STYLE_TYPE.PARAGRAPH)
    header.add_run("{{ sample_mark }}")
    p = section.footer.paragraphs[0]
    p.style = document.styles.get_by_id("DocFooter", WD_STYLE_TYPE.PARAGRAPH)
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">— </w:t></w:r>'))
    p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> —</w:t></w:r>'))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.documents.templates",
                                     description="按 layouts.yaml 生成 documents/templates/ 中的 Word 模板")
    parser.add_argument("--root", type=Path, default=Path("."), help="内容仓库根目录（默认当前目录）")
    parser.add_argument("--force", action="store_true", help="覆盖已有的模板（法制机构在 Word 中的修改会丢失）")
    args = parser.parse_args(argv)
    from ..messages import current as msg

    spec = layouts()
    folder = args.root / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for kind in spec["kinds"]:
        path = folder / f"{kind}.docx"
        if path.exists() and not args.force:
            print(msg.DOCUMENT_TEMPLATES_KEPT.format(path=path))
            continue
        path.write_bytes(build(kind, spec))
        print(msg.DOCUMENT_TEMPLATES_WRITTEN.format(path=path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
