"""The content model: plain, typed data that everything downstream reads.

Loading builds it once from the YAML and Markdown files; checks, rendering, search, review and
exports read only these objects, never the files again. ``Origin`` keeps where each object
came from so a later finding can still point at file:line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..layout import HANS
from ..sources import Source
from ..laws.citation import Citation, Provision, labels

STAGES = ("事前", "事中", "事后")
PUBLIC = "公开"
EXEMPTION_GROUNDS = ("国家秘密", "商业秘密", "个人隐私")
COUNTERPART_KINDS = ("自然人", "个体工商户", "法人")

Pointer = tuple[str | int, ...]


@dataclass(frozen=True)
class Origin:
    path: str  # relative to the content root
    pointer: Pointer  # where the object sits inside the file's data


@dataclass(frozen=True)
class LegalBasis:
    """One entry of an item's 指导依据, as written and as parsed (``generator.laws.citation``)."""

    law: str  # book-title marks removed at load: templates add 《》
    article: str | None = None  # as typed: 第33条, 第三十五条第一款 …
    text: str | None = None
    provisions: tuple[Provision, ...] = ()  # ``article`` parsed; empty when absent or not understood
    version: str | None = None  # a version named after the title: 行政复议法（2017年修正） → "2017"

    @property
    def citation(self) -> Citation:
        return Citation(self.law, self.provisions, self.version)

    @property
    def article_label(self) -> str | None:
        """``article`` in the form statutes print (第33条 → 第三十三条); as typed if not understood."""
        return labels(self.provisions) if self.provisions else self.article


@dataclass(frozen=True)
class Review:
    unit: str
    date: str
    filing_no: str | None = None


@dataclass(frozen=True)
class Item:
    id: str
    department: str
    name: str
    mode: str
    stages: tuple[str, ...]
    office: str
    basis: tuple[LegalBasis, ...]
    subjects: str
    situations: str
    content: str
    procedure: tuple[str, ...]
    rights: tuple[str, ...]
    supervision_phone: str
    disclosure: str
    status: str
    effective_date: str
    review: Review
    origin: Origin = field(compare=False)
    power_codes: tuple[str, ...] = ()
    no_penalty: tuple[str, ...] = ()
    trades: tuple[str, ...] = ()  # trade codes of the settings (一业一册)
    exemption_reason: str | None = None
    note: str | None = None
    office_phone: str | None = None  # the 承办科室's own line, when it has one

    @property
    def published(self) -> bool:
        return self.disclosure == PUBLIC


@dataclass(frozen=True)
class NoPenaltyEntry:
    id: str
    department: str
    field: str
    violation: str
    violation_basis: str
    penalty_basis: str
    conditions: tuple[str, ...]
    origin: Origin = field(compare=False)
    note: str | None = None
    # The citations found in the two basis texts (《X法》第N条第M款 …), for the checks and pages.
    violation_citations: tuple[Citation, ...] = ()
    penalty_citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class LegalOffice:
    name: str
    phone: str


@dataclass(frozen=True)
class Withdrawn:
    """An item the department took out of its catalog, and why (the catalog's ``withdrawn:``)."""

    id: str
    department: str
    date: str  # YYYY-MM-DD: when it stopped applying
    reason: str  # WITHDRAWN_REASONS
    origin: Origin = field(compare=False)
    merged_into: str | None = None  # reason 合并: the published item that took it over
    note: str | None = None


WITHDRAWN_REASONS = ("停止执行", "废止", "合并")
MERGED = "合并"


@dataclass(frozen=True)
class Department:
    code: str
    name: str
    address: str
    office_phone: str
    legal_office: LegalOffice
    items: tuple[Item, ...]
    no_penalty: tuple[NoPenaltyEntry, ...]
    origin: Origin = field(compare=False)
    short_name: str | None = None
    credit_code: str | None = None
    reviewers: tuple[str, ...] = ()
    sample: bool = False
    script: str = HANS  # the script the file is written in
    withdrawn: tuple[Withdrawn, ...] = ()  # items taken out of the catalog, with their reasons

    @property
    def published_items(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.published)


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    department: str
    items: tuple[str, ...]
    mode: str
    month: str
    region: str
    counterpart_kind: str
    counterpart: str
    body: str  # Markdown
    body_line: int  # line of the file where the body starts
    origin: Origin = field(compare=False)
    tags: tuple[str, ...] = ()
    sample: bool = False
    script: str = HANS


@dataclass(frozen=True)
class MediaFile:
    """An image stored beside the cases (``generator.media``)."""

    path: str  # relative to the content root: typical-cases/<folder>/<name>
    source: Source = field(compare=False, repr=False)  # where to read it: ``source.read_bytes(path)``

    @property
    def folder(self) -> str:
        return PurePosixPath(self.path).parent.name

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name


@dataclass(frozen=True)
class Content:
    departments: tuple[Department, ...]
    cases: tuple[Case, ...]
    media: tuple[MediaFile, ...] = ()

    def items(self) -> list[Item]:
        return [item for d in self.departments for item in d.items]

    def published_items(self) -> list[Item]:
        return [item for d in self.departments for item in d.items if item.published]
