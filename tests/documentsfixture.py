"""Guidance-document settings for the fixture repository (``fixtures.CATALOG``, department
``demo``): ``with_documents(root)`` adds ``documents/kinds.yaml`` and the sample's Word
templates, so the repository stays clean (no finding) and a test can break one thing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from conftest import PROJECT, write

KINDS_PATH = "documents/kinds.yaml"
TEMPLATES = PROJECT / "documents" / "templates"
KINDS = """\
# yaml-language-server: $schema=../generator/schema/documents.schema.json
kinds:
  - code: opinion
    name: 行政指导意见书
    short: 指意
    modes: [policy_guidance, advice]
    template: templates/opinion.docx
  - code: warning
    name: 劝导告诫书
    short: 劝诫
    modes: [persuasion_warning]
    template: templates/warning.docx
numbering:
  region: 示区
  pattern: "{区划}{机关}{文书}〔{年份}〕{序号}号"
  agencies:
    demo: 城管
remedies:
  complaint:
    name: 示例区司法局
    phone: 0533-6000110
  review_body: 示例区人民政府
  court: 示例区人民法院
"""


def with_documents(root: Path, kinds: str = KINDS) -> Path:
    write(root, KINDS_PATH, kinds)
    for name in ("opinion.docx", "warning.docx"):
        write(root, f"documents/templates/{name}", (TEMPLATES / name).read_bytes())
    return root


def edited_template(name: str, old: str, new: str) -> bytes:
    """The sample template ``name`` with ``old`` replaced in its main text (as an edit in Word)."""
    source = zipfile.ZipFile(TEMPLATES / name)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text, old
                data = text.replace(old, new).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()
