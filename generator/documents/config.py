"""``documents/kinds.yaml``: which guidance documents exist, how they are numbered, where a
counterpart can turn — read, validated and checked against the site's modes and departments.

The legal office owns this file and the Word templates beside it, so every problem comes out
as a finding at file:line like any content problem: the schema's (``documents.schema.json``,
E2xx) and what only makes sense across files (E950–E952, W950–W951). A repository without
``documents/`` simply has no documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Iterable

from .. import sources
from ..findings import Finding, finding
from ..load import read_document
from ..load.validate import validate_static
from ..messages import current as msg
from ..sources import Source
from . import filler

if TYPE_CHECKING:
    from ..model import Content
    from ..settings import Settings

FOLDER = "documents"
FILE = f"{FOLDER}/kinds.yaml"
SCHEMA = "documents.schema.json"
# The parts a number pattern may name, in the order the legal office reads them.
PATTERN_FIELDS = ("区划", "机关", "文书", "年份", "序号")
_PATTERN_FIELD = re.compile(r"\{([^{}]*)\}")
_TEMPLATE_PATH = re.compile(r"templates/[A-Za-z0-9_-]+\.docx")
MAX_TEMPLATE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Kind:
    code: str
    name: str  # 行政指导意见书
    short: str  # 指意: its part of the document number
    modes: tuple[str, ...]
    template: str  # relative to the content root: documents/templates/opinion.docx


@dataclass(frozen=True)
class Numbering:
    region: str
    pattern: str
    agencies: dict[str, str] = field(default_factory=dict)  # department code → 机关简称

    def number(self, department: str, kind: Kind, year: int | None) -> str:
        """示区市监指意〔2025〕　　号: the serial always blank (the officer's register gives it);
        the year blank when none is given."""
        parts = {"区划": self.region, "机关": self.agencies.get(department, ""), "文书": kind.short,
                 "年份": str(year) if year else msg.DOCUMENT_NUMBER_BLANK_YEAR,
                 "序号": msg.DOCUMENT_NUMBER_BLANK_SERIAL}
        return _PATTERN_FIELD.sub(lambda m: parts[m.group(1)], self.pattern)


@dataclass(frozen=True)
class Remedies:
    complaint_body: str
    complaint_phone: str
    review_body: str
    court: str


@dataclass(frozen=True)
class Config:
    kinds: tuple[Kind, ...]
    numbering: Numbering
    remedies: Remedies

    def kinds_for(self, mode: str) -> tuple[Kind, ...]:
        return tuple(k for k in self.kinds if mode in k.modes)

    def kind(self, code: str) -> Kind | None:
        return next((k for k in self.kinds if k.code == code), None)


def present(root: Path | Source) -> bool:
    return sources.of(root).kind(FILE) == sources.FILE


def check(root: Path | Source, settings: Settings, content: Content) -> list[Finding]:
    """For ``check``: the problems of ``documents/``, if the repository has documents, and
    personal data in any of its files (a template is copied into every document made from it)."""
    if not present(root):
        return []
    from ..checks import filescan

    source = sources.of(root)
    findings = load(source, settings, content)[1]
    for rel, kind in sorted(sources.walk(source, FOLDER)):
        if kind == sources.FILE:
            findings += filescan.name_findings(rel)
            findings += filescan.content_findings(rel, source.read_bytes(rel, MAX_TEMPLATE_BYTES), ())
    return findings


def load(root: Path | Source, settings: Settings, content: Content | None = None) -> tuple[Config | None, list[Finding]]:
    """The configuration, or None with the findings that make it unusable. Warnings (W950,
    W951) come with a usable configuration; ``content`` (the loaded catalogs) enables them."""
    doc, findings = read_document(root, FILE, "documents")
    if doc is None:
        return None, findings
    invalid, bad = validate_static(FILE, SCHEMA, doc.parsed, settings)
    findings += invalid
    if bad:
        return None, findings
    data: dict[str, Any] = doc.parsed.data

    def problem(pointer: tuple, key: str, **params: object) -> None:
        detail = msg.DOCUMENT_CONFIG_PROBLEMS[key].format(**params)
        findings.append(finding(FILE, *doc.position(pointer), "E950", detail=detail))

    kinds: list[Kind] = []
    codes: set[str] = set()
    shorts: dict[str, str] = {}
    for i, entry in enumerate(data["kinds"]):
        if entry["code"] in codes:
            problem(("kinds", i, "code"), "duplicate_kind", code=entry["code"])
        elif entry["short"] in shorts:
            problem(("kinds", i, "short"), "duplicate_short", short=entry["short"], other=shorts[entry["short"]])
        codes.add(entry["code"])
        shorts.setdefault(entry["short"], entry["name"])
        for j, mode in enumerate(entry["modes"]):
            if settings.mode(mode) is None:
                allowed = "、".join(f"{m.code}（{m.label}）" for m in settings.modes)
                problem(("kinds", i, "modes", j), "unknown_mode", mode=mode, allowed=allowed)
        template = entry["template"]
        if not _TEMPLATE_PATH.fullmatch(template):
            problem(("kinds", i, "template"), "template_path", template=template)
        kinds.append(Kind(entry["code"], entry["name"], entry["short"], tuple(entry["modes"]),
                          f"{FOLDER}/{PurePosixPath(template)}"))
    numbering = data["numbering"]
    named = _PATTERN_FIELD.findall(numbering["pattern"])
    for name in named:
        if name not in PATTERN_FIELDS:
            problem(("numbering", "pattern"), "pattern_field", field=name, allowed="".join(
                f"{{{f}}}" for f in PATTERN_FIELDS))
    if "年份" not in named or "序号" not in named:
        problem(("numbering", "pattern"), "pattern_year")
    agencies = dict(numbering.get("agencies", {}))
    remedies = data["remedies"]
    if any(f.code.startswith("E") for f in findings):
        return None, findings
    for i, kind in enumerate(kinds):
        findings += template_findings(root, kind.template, doc.position(("kinds", i, "template")))
    if any(f.code.startswith("E") for f in findings):
        return None, findings
    if content is not None:
        findings += _agency_findings(doc, agencies, content, kinds)
    config = Config(tuple(kinds), Numbering(numbering["region"], numbering["pattern"], agencies),
                    Remedies(remedies["complaint"]["name"], remedies["complaint"]["phone"],
                             remedies["review_body"], remedies["court"]))
    return config, findings


def template_findings(root: Path | Source, rel: str, named_at: tuple[int, int]) -> list[Finding]:
    """Why the Word template at ``rel`` cannot be filled: missing (reported where kinds.yaml
    names it), not a .docx, a field the program does not know or a broken brace (a template the
    legal office edited in Word)."""
    source = sources.of(root)
    if source.kind(rel) != sources.FILE:
        return [finding(FILE, *named_at, "E951", template=rel, detail=msg.DOCUMENT_TEMPLATE_PROBLEMS["missing"])]
    if source.size(rel) > MAX_TEMPLATE_BYTES:
        return [_template_problem(rel, "too_large", limit=MAX_TEMPLATE_BYTES // (1024 * 1024))]
    try:
        compiled = filler.compile_template(source.read_bytes(rel))
    except filler.NotADocx:
        return [_template_problem(rel, "not_docx")]
    fields = "、".join(f"{name}（{label}）" for name, label in msg.DOCUMENT_FIELDS.items())
    return [finding(rel, 0, 0, "E952", text=p.text, detail=msg.DOCUMENT_FIELD_PROBLEMS[p.key].format(name=p.name),
                    fields=fields) for p in compiled.problems]


def _template_problem(rel: str, key: str, **params: object) -> Finding:
    return finding(rel, 0, 0, "E951", template=rel, detail=msg.DOCUMENT_TEMPLATE_PROBLEMS[key].format(**params))


def _agency_findings(doc: Any, agencies: dict[str, str], content: Content,
                     kinds: Iterable[Kind]) -> list[Finding]:
    """Every department that gets documents needs its 机关简称; a name for no department is stale."""
    modes = {mode for kind in kinds for mode in kind.modes}
    findings = []
    for department in sorted(content.departments, key=lambda d: d.code):
        needs = any(item.published and item.mode in modes for item in department.items)
        if needs and department.code not in agencies:
            line, col = doc.position(("numbering", "agencies"))
            findings.append(finding(FILE, line, col, "W950", code=department.code, name=department.name))
    known = {d.code for d in content.departments}
    for code in agencies:
        if code not in known:
            findings.append(finding(FILE, *doc.position(("numbering", "agencies", code)), "W951", code=code))
    return findings
