"""Openness (公开原则): what a published item must tell the public, and exemptions."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, finding
from ..load import Loaded
from ..load.validate import label_of, validator
from ..messages import current as msg
from ..settings import Settings

# The five things the public must be able to read for every published item.
_DISCLOSED = ("content", "procedure", "rights", "subjects", "situations")


def check(loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    schema = validator("catalog", settings).schema
    for department in loaded.content.departments:
        path = department.origin.path
        for item in department.items:
            where = item.origin.pointer
            if item.published:
                for field in _DISCLOSED:
                    values = getattr(item, field)
                    for n, value in enumerate(values if isinstance(values, tuple) else (values,)):
                        if _placeholder(value):
                            pointer = where + ((field, n) if isinstance(values, tuple) else (field,))
                            yield finding(path, *loaded.locate(path, pointer), "E401",
                                          label=label_of(schema, pointer), value=value.strip())
                for n, basis in enumerate(item.basis):
                    if _placeholder(basis.law):
                        yield finding(path, *loaded.locate(path, where + ("basis", n, "law")), "E401",
                                      label="law（法律法规名称）", value=basis.law.strip())
                if item.exemption_reason:
                    yield finding(path, *loaded.locate(path, where + ("exemption_reason",)), "W403")
            elif not item.exemption_reason:
                yield finding(path, *loaded.locate(path, where + ("disclosure",)), "E402", ground=item.disclosure)
            if item.review.date > item.effective_date:
                yield finding(path, *loaded.locate(path, where + ("review", "date")), "W404",
                              review=item.review.date, effective=item.effective_date)


def _placeholder(value: str) -> bool:
    return value.strip().rstrip("。.；;！!") in msg.PLACEHOLDERS
