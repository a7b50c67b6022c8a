"""Recognise a file that is a copy of another by the name the system gave it.

Copying a file in Windows Explorer gives ``scjg - 副本.yaml`` (English Windows: ``scjg - Copy``),
macOS gives ``scjg 的副本`` or ``scjg copy 2``, a browser download ``scjg (2).yaml``, older
Windows ``复件 scjg.yaml``. Read as content, such a copy repeats every id of the original and
buried the one useful sentence under a screenful of duplicates; named for what it is, it takes
one line: delete it (or, when the original is gone, rename it).
"""

from __future__ import annotations

import re
import unicodedata

# What copying adds at the end of a name: a Chinese word (with or without a separator), a Latin
# word after a separator, a number in brackets, or a number after a space.
_SUFFIX = re.compile(r"(?:[\s\-_.]*的?(?:副本|复件|复制|拷贝|备份)"
                     r"|[\s\-_.]+(?:copy|kopie|backup|bak|old)"
                     r"|\s*\(\d{1,3}\)|\s+\d{1,3})$", re.IGNORECASE)
# … and at the start.
_PREFIX = re.compile(r"^(?:(?:复件|副本|拷贝)|copy(?:\s*\(\d{1,3}\))?\s+of)[\s\-_]*(?:\(\d{1,3}\)\s*)?", re.IGNORECASE)


def original_of(stem: str, valid: re.Pattern[str]) -> str | None:
    """The name ``stem`` was copied from, when ``stem`` is not itself a ``valid`` name and
    taking the copy marks off leaves one; otherwise None."""
    if valid.fullmatch(stem):
        return None
    name = first = unicodedata.normalize("NFKC", stem).strip()
    while True:
        shorter = _PREFIX.sub("", _SUFFIX.sub("", name)).strip()
        if shorter == name or not shorter:
            break
        name = shorter
    return name.lower() if name != first and valid.fullmatch(name.lower()) else None
