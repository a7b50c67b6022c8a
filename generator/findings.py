"""A finding is one problem in the content, located at file:line:col, with a stable code.

Codes are stable across releases (editors and CONTRIBUTING refer to them); their Chinese text
lives in ``generator.messages``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from . import messages


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the content root, with forward slashes
    line: int  # 1-based; 0 when the whole file is meant
    col: int  # 1-based; 0 when unknown
    code: str  # E102, W501, ...
    message: str

    @property
    def severity(self) -> str:
        return "error" if self.code.startswith("E") else "warning"

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }


def finding(path: str, line: int, col: int, code: str, /, **params: object) -> Finding:
    """Build a finding whose text is the message template of ``code`` filled with ``params``.

    Whatever a parameter quotes (a value in the wrong field, an unknown key, a file name) is
    masked here once more, so no message can show personal data in clear."""
    from .privacy import redact

    return Finding(redact(path), line, col, code, redact(messages.text(code, **params)))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
