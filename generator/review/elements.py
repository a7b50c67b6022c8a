"""The legality review of one changed item by its five elements: 主体, 权限, 依据, 程序, 内容.

For each element the report says what the machine verified (or found wrong) and what only the
reviewer can judge. What is verified comes from the same places ``check`` uses — the findings
of the checks that fall inside the item's lines, the statute library, the department's 权责清单
— so the report never contradicts the automatic check; the procedure and rights are read for
the steps and rights a lawful guidance must name (words in ``messages``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding
from ..laws.library import Library
from ..load import Loaded
from ..messages import current as msg
from ..model import Department, Item
from .basis import cited

ELEMENTS = ("body", "power", "basis", "procedure", "content")
# Which findings inside an item's lines belong to which element.
BASIS_CODES = ("E404", "E906", "E907", "E908", "E909", "W905", "W910", "W911", "W912", "W913", "W914")
CONTENT_CODES = ("W501", "E401", "E403", "E405")


@dataclass(frozen=True)
class Element:
    name: str  # one of ELEMENTS
    verified: tuple[str, ...]  # what the machine found in order
    problems: tuple[str, ...]  # what the machine found wrong
    judge: str  # what the reviewer must decide


def item_findings(loaded: Loaded, findings: list[Finding]) -> dict[str, list[Finding]]:
    """item id → the findings on its lines (an item runs to the next item of the same file)."""
    starts: dict[str, list[tuple[int, str]]] = {}
    for item in loaded.content.items():
        line = loaded.locate(item.origin.path, item.origin.pointer)[0]
        starts.setdefault(item.origin.path, []).append((line, item.id))
    out: dict[str, list[Finding]] = {}
    for path, spans in starts.items():
        spans.sort()
        for k, (line, ident) in enumerate(spans):
            end = spans[k + 1][0] if k + 1 < len(spans) else float("inf")
            out[ident] = [f for f in findings if f.path == path and line <= f.line < end]
    return out


def basis_lines(loaded: Loaded, item: Item) -> list[int]:
    return [loaded.locate(item.origin.path, item.origin.pointer + ("basis", n))[0] for n in range(len(item.basis))]


def review(item: Item, department: Department | None, library: Library | None, findings: list[Finding],
           powers: dict[str, str] | None, basis_lines: list[int]) -> tuple[Element, ...]:
    """The five elements of a published ``item`` (as it is after the request; an exempt item's
    content stays out of the report); ``findings``: those on its lines; ``basis_lines``: the line
    each of its bases starts on."""
    facts = msg.REVIEW_ELEMENT_FACTS
    judge = msg.REVIEW_ELEMENT_JUDGE
    body = [facts["department"].format(name=department.name if department else item.department),
            facts["office"].format(office=item.office),
            facts["unit"].format(unit=item.review.unit, date=item.review.date,
                                 filing=item.review.filing_no or msg.REVIEW_EMPTY_VALUE)]
    return (
        Element("body", tuple(body), (), judge["body"]),
        Element("power", *_powers(item, powers), judge["power"]),
        Element("basis", *_basis(item, library, findings, basis_lines), judge["basis"]),
        Element("procedure", *_procedure(item), judge["procedure"]),
        Element("content", *_content(findings), judge["content"]),
    )


def _powers(item: Item, powers: dict[str, str] | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    facts = msg.REVIEW_ELEMENT_FACTS
    if not item.power_codes:
        return (), (facts["no_powers"],)
    if powers is None:
        return (), (facts["powers_unchecked"].format(codes="、".join(item.power_codes)),)
    found = tuple(facts["power_found"].format(code=c, name=powers[c]) for c in item.power_codes if c in powers)
    unknown = tuple(facts["power_unknown"].format(code=c) for c in item.power_codes if c not in powers)
    return found, unknown


def _basis(item: Item, library: Library | None, findings: list[Finding],
           starts: list[int]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Each basis as the library reads it; the check's findings on its lines, as problems."""
    facts = msg.REVIEW_ELEMENT_FACTS
    if library is None:
        return (), (facts["no_library"],)
    verified, problems = [], []
    bounds = [*starts, float("inf")]
    for n, basis in enumerate(item.basis):
        c = cited(basis, library)
        own = [f for f in findings if f.code in BASIS_CODES and bounds[n] <= f.line < bounds[n + 1]]
        if own:
            problems += [f"{c.label}：" + facts["finding"].format(code=f.code, line=f.line) for f in own]
        elif not c.text:
            problems.append(facts["uncited"].format(label=c.label, note=c.note))
        else:
            law = library.find(basis.law)
            assert law is not None  # a text was found in it
            status = next(v.status for v in law.versions if v.date == c.version)
            line = facts["cited"].format(label=c.label, version=msg.REVIEW_BASIS_VERSION.format(version=c.version),
                                         level=law.level, status=status)
            verified.append(line + (facts["not_quoted"] if basis.text is None else facts["quoted"]))
    return tuple(verified), tuple(problems)


def _mentions(steps: tuple[str, ...], needs: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[list[str], list[str]]:
    has, lacks = [], []
    for label, alternatives in needs.items():
        found = any(all(word in step for word in words) for step in steps for words in alternatives)
        (has if found else lacks).append(label)
    return has, lacks


def _procedure(item: Item) -> tuple[tuple[str, ...], tuple[str, ...]]:
    facts = msg.REVIEW_ELEMENT_FACTS
    verified, problems = [], []
    for steps, needs, has_key, lacks_key in ((item.procedure, msg.REVIEW_PROCEDURE_NEEDS, "procedure_has", "procedure_lacks"),
                                             (item.rights, msg.REVIEW_RIGHTS_NEEDS, "rights_has", "rights_lacks")):
        has, lacks = _mentions(steps, needs)
        if has:
            verified.append(facts[has_key].format(what="、".join(has)))
        if lacks:
            problems.append(facts[lacks_key].format(what="、".join(lacks)))
    return tuple(verified), tuple(problems)


def _content(findings: list[Finding]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    facts = msg.REVIEW_ELEMENT_FACTS
    noted = tuple(facts["finding"].format(code=f.code, line=f.line) for f in findings if f.code in CONTENT_CODES)
    if any(f.code == "W501" for f in findings):
        return (), noted
    return (facts["no_coercion"],), noted
