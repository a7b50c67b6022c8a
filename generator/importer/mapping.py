"""The mapping file (``--mapping MAP.yaml``): how to read a sheet whose headers are unusual.

Most sheets need none: columns are found by their usual Chinese names. A mapping file is a
few lines a department editor can write::

    sheet: 行政指导事项            # which worksheet holds the items (default: found by its headers)
    no_penalty_sheet: 免罚清单     # which worksheet holds the 不罚清单 (default: 不罚清单)
    header_row: 3                 # the row of the column names (default: found automatically)
    columns:                      # header in the sheet → standard column name (or 忽略)
      行政指导名称: 事项名称
      内部编码: 忽略
    values:                       # a value in the sheet → the value to use, per column
      指导方式:
        政策辅导: 政策指引
    defaults:                     # a value for every row when the column is missing or empty
      公开属性: 公开
    department:                   # only for a department without catalogs/<code>.yaml yet
      name: 示例区某某局
      address: …
      office_phone: 0533-0000000
      legal_office: {name: 法制科, phone: 0533-0000001}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.columns import ENTRY_COLUMNS, ITEM_COLUMNS
from ..load import yamlsource
from .problems import Problem, error

IGNORE = "忽略"
KEYS = ("sheet", "no_penalty_sheet", "header_row", "columns", "values", "defaults", "department")
STANDARD_LABELS = tuple(dict.fromkeys(c.label for c in ITEM_COLUMNS + ENTRY_COLUMNS))


@dataclass
class Mapping:
    sheet: str | None = None
    no_penalty_sheet: str | None = None
    header_row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)  # header as written → standard label or 忽略
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # label → {as written: to use}
    defaults: dict[str, str] = field(default_factory=dict)  # label → value
    department: dict[str, Any] | None = None
    source: str = ""  # the file, for messages


def read(path: Path, shown: str) -> tuple[Mapping | None, list[Problem]]:
    """Read and check a mapping file; ``shown`` is its name as the user typed it."""
    try:
        parsed = yamlsource.parse(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        return None, [error(shown, "映射文件不是 UTF-8 编码。请另存为 UTF-8 后再试。")]
    except yamlsource.YamlProblem as problem:
        return None, [error(f"{shown}:{problem.line}:{problem.col}",
                            f"映射文件的 YAML 格式错误（{problem.detail or problem.kind}）。")]
    data = parsed.data if parsed.data is not None else {}
    problems: list[Problem] = []

    def at(*pointer: str | int) -> str:
        while pointer and pointer not in parsed.positions:
            pointer = pointer[:-1]
        line, col = parsed.positions.get(pointer, (1, 1))
        return f"{shown}:{line}:{col}"

    if not isinstance(data, dict):
        return None, [error(f"{shown}:1:1", "映射文件应由“名称: 值”组成，请参照说明填写。")]
    mapping = Mapping(source=shown)
    for key, value in data.items():
        if key not in KEYS:
            problems.append(error(at(key), f"映射文件中没有“{key}”这一项。可以写：{'、'.join(KEYS)}。"))
        elif key in ("sheet", "no_penalty_sheet"):
            if not isinstance(value, str):
                problems.append(error(at(key), f"{key} 应写工作表的名称。"))
            else:
                setattr(mapping, key, value)
        elif key == "header_row":
            if not (isinstance(value, str) and value.isdigit() and int(value) > 0):
                problems.append(error(at(key), "header_row 应写表头所在的行号，如 3。"))
            else:
                mapping.header_row = int(value)
        elif key == "department":
            if not isinstance(value, dict):
                problems.append(error(at(key), "department 应写部门信息（name、address、office_phone、legal_office）。"))
            else:
                mapping.department = value
        else:
            problems += _read_section(key, value, mapping, at)
    return (None if problems else mapping), problems


def _read_section(key: str, value: Any, mapping: Mapping, at: Any) -> list[Problem]:
    problems: list[Problem] = []
    if not isinstance(value, dict):
        return [error(at(key), f"{key} 下应写“名称: 值”，每行一个。")]
    for name, target in value.items():
        if key == "columns":
            if not isinstance(target, str) or target not in STANDARD_LABELS + (IGNORE,):
                problems.append(error(at(key, name), f"“{name}”要对应到标准列名之一：{'、'.join(STANDARD_LABELS)}；"
                                                     f"不需要的列写“{IGNORE}”。"))
            else:
                mapping.columns[name] = target
        elif key == "values":
            if name not in STANDARD_LABELS or not isinstance(target, dict) or not all(
                    isinstance(v, str) for v in target.values()):
                problems.append(error(at(key, name), "values 下先写标准列名，再在下一层写“表中的值: 应当使用的值”。"))
            else:
                mapping.values[name] = dict(target)
        elif key == "defaults":
            if name not in STANDARD_LABELS or not isinstance(target, str):
                problems.append(error(at(key, name), f"defaults 下写“标准列名: 值”，标准列名是：{'、'.join(STANDARD_LABELS)}。"))
            else:
                mapping.defaults[name] = target
    return problems
