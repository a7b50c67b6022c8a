"""What a document says about its item: the values of the template fields.

Plain strings and lists of strings, computed from the item, its department, the document
settings and the statute library only — so a document is a function of (template, values) and
a cache can key it by their hash. Only a published item has values: an exempt item never gets
this far (``ExemptItem``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping

from ..laws.citation import labels
from ..laws.library import unit
from ..messages import current as msg
from ..model import Department, Item, LegalBasis
from .filler import Value

if TYPE_CHECKING:
    from ..laws.library import Library
    from .config import Config, Kind


# An article from the library longer than this is named, not quoted: a whole article with a
# dozen 项 (食品安全法 第一百二十六条: 1,000 characters) would push the guidance to page three.
# A quotation the catalog chose is always printed.
LONGEST_QUOTED = 300


class ExemptItem(ValueError):
    """A document was asked for an item that is not published (公开属性 is an exemption)."""


def values(item: Item, department: Department, kind: Kind, config: Config, modes: Mapping[str, str],
           library: Library | None, year: int | None, text: Callable[[str], str],
           fixed: Callable[[str], str]) -> dict[str, Value]:
    """The fields of ``kind``'s template for ``item``. ``text`` turns a sentence the department
    wrote into the document's script, ``fixed`` one the program or the settings wrote."""
    if not item.published:
        raise ExemptItem(item.id)
    remedies = config.remedies
    entries = {e.id: e for e in department.no_penalty}
    return {
        "sample_mark": fixed(msg.DOCUMENT_SAMPLE_MARK) if department.sample else "",
        "department": text(department.name),
        "number": fixed(config.numbering.number(department.code, kind, year)),
        "item_name": text(item.name),
        "item_id": item.id,
        "mode": fixed(modes.get(item.mode, item.mode)),
        "office": text(item.office),
        "subjects": text(item.subjects),
        "basis": tuple(line for b in item.basis for line in _basis_lines(b, library, text, fixed)),
        "content": tuple(text(line.strip()) for line in item.content.splitlines() if line.strip()),
        "no_penalty": tuple(
            text(msg.DOCUMENT_NO_PENALTY_LINE.format(
                id=e.id, violation=e.violation, violation_basis=e.violation_basis, conditions="；".join(e.conditions)))
            for e in (entries.get(ref) for ref in item.no_penalty) if e is not None),
        "supervision_phone": item.supervision_phone,
        "department_phone": department.office_phone,
        "department_address": text(department.address),
        "legal_office": text(department.legal_office.name),
        "legal_office_phone": department.legal_office.phone,
        "complaint_body": fixed(remedies.complaint_body),
        "complaint_phone": remedies.complaint_phone,
        "review_body": fixed(remedies.review_body),
        "court": fixed(remedies.court),
    }


def _basis_lines(basis: LegalBasis, library: Library | None, text: Callable[[str], str],
                 fixed: Callable[[str], str]) -> list[str]:
    """《法》条款：条文 — the quotation the catalog gives (checked against the library), else each
    cited provision's official text from the library, else the law and article alone."""
    article = basis.article_label or ""
    if basis.text:
        return [text(msg.DOCUMENT_BASIS_LINE.format(law=basis.law, article=article, text=_one_line(basis.text)))]
    law = library.find(basis.law) if library is not None and basis.provisions else None
    version = (law.version(basis.version) if basis.version else law.current) if law is not None else None
    if law is None or version is None or law.repealed:
        return [text(msg.DOCUMENT_BASIS_LAW.format(law=basis.law, article=article))]
    lines = []
    for provision in basis.provisions:
        official = unit(version.statute, provision).text
        if official is None or len(official) > LONGEST_QUOTED:  # E907 reports a missing one
            lines.append(text(msg.DOCUMENT_BASIS_LAW.format(law=basis.law, article=labels((provision,)))))
        else:
            lines.append(text(msg.DOCUMENT_BASIS_LAW.format(law=basis.law, article=labels((provision,))))
                         + fixed("：" + _one_line(official)))
    return lines


def _one_line(text: str) -> str:
    """款 and 项 follow each other without a break, as a quotation in running text does."""
    return "".join(line.strip() for line in text.splitlines())
