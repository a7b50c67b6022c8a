"""Openness (公开原则): what a published item must tell the public, and exemptions.

Every field the public reads on an item's page — its basis, content, procedure, the
counterpart's rights, whom and when it applies to — and every field of the 不罚清单 must say
something: a placeholder (E401), a reference to an attachment the site does not publish (E403),
a basis that names no law (E404) or guidance content too short to describe any guidance (E405)
is refused, with what a reader needs in that field. ``substance`` decides by the value's shape.
"""

from __future__ import annotations

import functools
from typing import Iterator

from .. import privacy
from ..findings import Finding, finding
from ..load import Loaded, Memo
from ..load.validate import label_of, validator
from ..messages import current as msg
from ..model import Department
from ..settings import Settings
from . import substance

# Guidance content shorter than this (letters and digits) cannot say what guidance is given and
# how: "提供政策咨询服务" is 8, "向经营者讲解招牌设置规范并提出改进建议" 19. The sample's shortest is 84.
MIN_CONTENT = 15
# What a published item shows: (field, fewest letters, names a law). Lists are judged per line.
_ITEM = (("name", 0), ("office", 0), ("subjects", 0), ("situations", 0), ("content", MIN_CONTENT),
         ("procedure", 0), ("rights", 0))
_BASIS = (("law", True), ("article", False), ("text", False))  # article and text: when written
_ENTRY = (("field", False), ("violation", False), ("violation_basis", True), ("penalty_basis", True),
          ("conditions", False))
_CODES = {substance.EMPTY: "E401", substance.FILLER: "E401", substance.ATTACHMENT: "E403",
          substance.GENERIC: "E404", substance.SHORT: "E405"}
_SHOWN = 40  # characters of the value quoted back


def check(loaded: Loaded, settings: Settings, memo: Memo | None = None) -> list[Finding]:
    """Every catalog's findings; with a ``memo`` (the preview), a catalog whose file did not
    change is not judged again: its findings depend on nothing else (a city has 250,000 values)."""
    findings = []
    for department in loaded.content.departments:
        judge = functools.partial(_department, loaded, department, settings)
        doc = loaded.document(department.origin.path)
        findings += judge() if memo is None or doc is None else memo.derived(doc, f"openness {department.code}", judge)
    return findings


def _department(loaded: Loaded, department: Department, settings: Settings) -> list[Finding]:
    return list(_judged(loaded, department, settings))


def _judged(loaded: Loaded, department: Department, settings: Settings) -> Iterator[Finding]:
    schema = validator("catalog", settings).schema

    def judged(path: str, pointer: tuple, value: str | None, field: str, *, basis: bool = False,
               minimum: int = 0) -> Iterator[Finding]:
        verdict = substance.judge(value, basis=basis, minimum=minimum) if value is not None else ""
        if verdict:
            shown = privacy.redact(value.strip())
            shown = shown if len(shown) <= _SHOWN else shown[:_SHOWN] + "…"
            yield finding(path, *loaded.locate(path, pointer), _CODES[verdict], label=label_of(schema, pointer),
                          value=shown, need=msg.OPENNESS_NEEDS[field], count=len(substance.normalise(value)))

    path = department.origin.path
    for item in department.items:
        where = item.origin.pointer
        if item.published:
            for field, minimum in _ITEM:
                value = getattr(item, field)
                for n, line in enumerate(value) if isinstance(value, tuple) else ((None, value),):
                    pointer = where + ((field,) if n is None else (field, n))
                    yield from judged(path, pointer, line, field, minimum=minimum)
            for n, law in enumerate(item.basis):
                for field, names_law in _BASIS:
                    yield from judged(path, where + ("basis", n, field), getattr(law, field), field,
                                      basis=names_law)
            if item.exemption_reason:
                yield finding(path, *loaded.locate(path, where + ("exemption_reason",)), "W403")
        elif not item.exemption_reason or substance.judge(item.exemption_reason) not in ("", substance.SHORT):
            field = ("exemption_reason",) if item.exemption_reason else ("disclosure",)
            yield finding(path, *loaded.locate(path, where + field), "E402", ground=item.disclosure)
        if item.review.date > item.effective_date:
            yield finding(path, *loaded.locate(path, where + ("review", "date")), "W404",
                          review=item.review.date, effective=item.effective_date)
    for entry in department.no_penalty:
        for field, names_law in _ENTRY:
            value = getattr(entry, field)
            for n, line in enumerate(value) if isinstance(value, tuple) else ((None, value),):
                pointer = entry.origin.pointer + ((field,) if n is None else (field, n))
                yield from judged(path, pointer, line, field, basis=names_law)
