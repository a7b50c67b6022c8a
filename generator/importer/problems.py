"""Problems found while importing, located as 文件:工作表:行:列 so a department editor can open
the spreadsheet and go straight to the cell."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from .. import privacy

ERROR, WARNING = "error", "warning"
WORDS = {ERROR: "错误", WARNING: "警告"}


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
    message: str  # personal data in it is masked (``error``, ``warning``)

    def line(self) -> str:
        return privacy.redact(f"{self.where}: {WORDS[self.severity]}：{self.message}")


def error(where: Where | str, message: str) -> Problem:
    """A message may quote a cell (a number typed into the wrong column): it is masked here."""
    return Problem(where, ERROR, privacy.redact(message))


def warning(where: Where | str, message: str) -> Problem:
    return Problem(where, WARNING, privacy.redact(message))


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)
