"""Values typed without quotes that other YAML readers take for numbers.

Our reader keeps every plain value as the text that was typed (``yamlsource``), so
``05336010010`` stays a phone number here. VS Code's YAML extension, the independent schema
validators and most other tools follow YAML 1.2's core schema instead and read it as the number
5336010010: the leading zero is gone and the schema underlines a phone that ``check`` passed.
This finds such values so the editor quotes them once and every tool reads the same text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .yamlsource import Parsed, Path

# YAML 1.2 core schema: the plain scalars it resolves to int or float.
_NUMBER = re.compile(
    r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")


def unquoted(parsed: Parsed) -> Iterator[tuple[Path, str, int, int]]:
    """(path, value, line, col) of every plain value another tool would read as a number."""
    for path, value, line, col, style in parsed.texts:
        if not style and _NUMBER.fullmatch(value):
            yield path, value, line, col


def as_number(value: str) -> str:
    """How such a tool shows the value back (``05336010010`` → ``5336010010``)."""
    try:
        number = int(value, 0) if value.startswith(("0o", "0x")) else int(value)
    except ValueError:
        return value
    return str(number)
