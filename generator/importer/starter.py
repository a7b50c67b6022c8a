"""``import --write-mapping MAP.yaml``: a starter mapping file written from the sheet's own headers.

An editor whose sheet has unusual headers should not have to learn the mapping format from a
blank page: every header of the sheet is listed, the ones recognised already mapped, the others
marked "？" with the closest standard name as a hint, and the required columns the sheet lacks
listed under ``defaults`` as comments. The file is only a start: until every "？" is replaced,
reading it reports I068 at that line.
"""

from __future__ import annotations

from pathlib import Path

from ..layout import CATALOG_DIR
from ..load import choices
from ..messages import current as msg
from ..model.columns import ITEM_COLUMNS, header_key
from . import layout, mapping, sheets
from .problems import Result, Where, failed, problem

UNKNOWN = "？"


def write(file: Path, code: str, root: Path, target: Path, shown: str) -> Result:
    try:
        grids = sheets.read(file)
    except sheets.ReadError as bad:
        return failed([problem(shown, bad.code, **bad.params)])
    grid = next((g for g in grids if g.name not in sheets.NO_PENALTY_SHEETS), grids[0])
    found, problems = layout.find(grid, ITEM_COLUMNS, "name", None, Where(shown, grid.name))
    header_row = found.header_row if found else _busiest_row(grid)
    headers = [sheets.text_of(c.value).strip() for c in grid.rows[header_row - 1]] if grid.rows else []
    known = {header_key(n): c.label for c in ITEM_COLUMNS for n in c.names}
    standard = [choices.Choice(label, "") for label in mapping.STANDARD_LABELS]
    lines = [msg.IMPORT_MAPPING_HEADER.format(labels="、".join(mapping.STANDARD_LABELS))]
    if grid.name is not None:
        lines.append(f"sheet: {_quoted(grid.name)}")
    lines += [f"header_row: {header_row}", "columns:"]
    recognised = unknown = 0
    for text in dict.fromkeys(h for h in headers if h):
        label = known.get(header_key(text)) or known.get(header_key(layout._BRACKETS.sub("", text)))
        if label:
            recognised += 1
            lines.append(f"  {_quoted(text)}: {label}")
        else:
            unknown += 1
            guess = choices.closest(text, standard)
            hint = f"  # {msg.ENUM_DID_YOU_MEAN.format(value=guess.choice.value)}" if guess else ""
            lines.append(f"  {_quoted(text)}: {UNKNOWN}{hint}")
    present = {known.get(header_key(h)) for h in headers}
    missing = [c.label for c in ITEM_COLUMNS if c.required and c.label not in present]
    if missing:
        lines.append("# defaults:  # 表中没有这些必填列；所有事项都相同时，去掉 # 并填写")
        lines += [f"#   {label}: " for label in missing]
    if not (root / CATALOG_DIR / f"{code}.yaml").exists():
        lines += ["department:  # catalogs/ 中还没有这个部门：请填写部门信息",
                  "  name: ", "  address: ", "  office_phone: ", "  legal_office: {name: , phone: }"]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = msg.IMPORT_MAPPING_WRITTEN.format(file=target, row=header_row, known=recognised, unknown=unknown,
                                                sheet=shown, code=code)
    return Result([p for p in problems if p.severity != "error"], summary, target)


def _busiest_row(grid: sheets.Grid) -> int:
    """Without a known 事项名称 column: the header is the first row with the most filled cells."""
    counts = [sum(not c.empty for c in row) for row in grid.rows[:layout.SEARCH_ROWS]]
    return counts.index(max(counts)) + 1 if counts else 1


def _quoted(text: str) -> str:
    """A header as a YAML key: quoted when YAML would read it otherwise."""
    plain = text and not any(ch in text for ch in ":#{}[],&*!|>'\"%@`") and not text[0] in "-?" and text.strip() == text
    return text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
