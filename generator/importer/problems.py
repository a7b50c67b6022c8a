"""Problems found while importing, located as 文件:工作表:行:列 so a department editor can open
the spreadsheet and go straight to the cell."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from .. import privacy
from ..messages import current as msg

ERROR, WARNING = "error", "warning"
WORDS = msg.IMPORT_SEVERITY_WORDS


@dataclass(frozen=True)
class Where:
    file: str
    sheet: str | None = None  # None for CSV files and for files that are not spreadsheets
    row: int = 0  # 1-based; 0 when the whole sheet is meant
    col: int = 0  # 1-based; 0 when the whole row is meant

    def at(self, row: int = 0, col: int = 0) -> "Where":
        return Where(self.file, self.sheet, row, col)

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet is not None:
            parts.append(self.sheet)
        if self.row:
            parts.append(str(self.row))
            if self.col:
                parts.append(get_column_letter(self.col))
        return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    where: Where | str
    severity: str
    code: str  # I001… (CONTRIBUTING.md, 导入表格), or a check's code for the imported result
    message: str  # personal data in it is masked (``error``, ``warning``)

    def line(self) -> str:
        return privacy.redact(f"{self.where}: {self.code} {WORDS[self.severity]}：{self.message}")


def problem(where: Where | str, code: str, /, **params: object) -> Problem:
    """The import problem ``code`` (an error for I0xx–I4xx, a warning for I5xx–I9xx) with its
    sentence from ``generator.messages``. A quoted cell (a number typed into the wrong column)
    is masked here."""
    severity = ERROR if int(code[1:]) < 500 else WARNING
    return Problem(where, severity, code, privacy.redact(msg.IMPORT_MESSAGES[code].format(**params)))


def checked(where: Where | str, code: str, severity: str, message: str) -> Problem:
    """A finding of the content checks on the imported result, under its own code."""
    return Problem(where, severity, code, privacy.redact(message))


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)


@dataclass
class Result:
    problems: list[Problem]
    summary: str  # the last line of the report
    written: Path | None = None


def failed(problems: list[Problem]) -> Result:
    """Nothing was written: the summary says how many errors and warnings."""
    errors = sum(p.severity == ERROR for p in problems)
    return Result(problems, msg.IMPORT_FAILED.format(errors=errors, warnings=len(problems) - errors))
