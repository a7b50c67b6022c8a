"""The legality checklist of a review, generated from what the pull request changed.

The five general questions of the legal office's review (CONTRIBUTING.md 8.2) are always
asked when content changed; each change then adds the questions it raises — a new legal
basis, a removed item, a new typical case — naming the items concerned, and the automatic
check's results add theirs (errors block the merge; personal data must be purged).
"""

from __future__ import annotations

from ..findings import Finding
from ..messages import current as msg
from ..history import diff
from ..history.diff import ADDED, CHANGED, REMOVED, ChangeSet

PERSONAL_CODES = ("E601", "E602", "E603", "E604", "E605", "E606", "E607", "E608", "E609")


def build(changes: ChangeSet, findings: list[Finding], earlier: list[Finding], listed_names: int = 0) -> list[str]:
    """Checklist lines, most pressing first: check results, then general, then specific."""
    lines: list[str] = []
    text = msg.REVIEW_CHECKLIST
    errors = [f for f in findings if f.severity == "error"]
    personal = [f for f in findings if f.code in PERSONAL_CODES]
    coercion = [f for f in findings if f.code == "W501"]
    warnings = [f for f in findings if f.severity == "warning"]
    if errors:
        lines.append(text["errors"].format(count=len(errors)))
    if personal:
        lines.append(text["personal"].format(count=len(personal)))
    if earlier:
        lines.append(text["personal_history"].format(count=len(earlier)))
    if coercion:
        lines.append(text["coercion"].format(count=len(coercion)))
    if warnings:
        lines.append(text["warnings"].format(count=len(warnings)))
    if listed_names:
        lines.append(text["public_names"].format(count=listed_names))
    if not changes:
        return lines
    lines += msg.REVIEW_CHECKLIST_BASE

    def ask(key: str, found: list[diff.Change]) -> None:
        if found:
            lines.append(text[key].format(ids="、".join(dict.fromkeys(c.id for c in found))))

    items = changes.of(diff.ITEM)
    ask("basis", changes.changed_field(diff.ITEM, "basis") + _added_public(items))
    ask("mode", changes.changed_field(diff.ITEM, "mode"))
    ask("rights", changes.changed_field(diff.ITEM, "rights"))
    became_exempt = [c for c in items if c.withheld and (c.action == ADDED or c.field("disclosure"))]
    ask("to_exempt", became_exempt)
    ask("exempt_changed", [c for c in items if c.withheld and c.action == CHANGED and c not in became_exempt])
    ask("to_public", [c for c in items if c.now_public])
    ask("removed", [c for c in items if c.action == REMOVED])
    ask("status", changes.changed_field(diff.ITEM, "status"))
    ask("added", [c for c in items if c.action == ADDED])
    ask("review", [c for c in changes.of(diff.ITEM, CHANGED)
                   if any(c.field(f) for f in ("review.unit", "review.date", "review.filing_no", "effective_date"))])
    ask("procedure", changes.changed_field(diff.ITEM, "procedure"))
    ask("content", [c for c in changes.of(diff.ITEM, CHANGED)
                    if any(c.field(f) for f in ("content", "subjects", "situations"))])
    ask("entries", [c for c in changes.of(diff.ENTRY) if c.action != REMOVED])
    ask("entries_removed", changes.of(diff.ENTRY, REMOVED))
    ask("cases", [c for c in changes.of(diff.CASE) if c.action != REMOVED])
    ask("departments", changes.of(diff.DEPARTMENT))
    if changes.of(diff.SETTINGS):
        lines.append(text["settings"])
    return lines


def _added_public(items: list[diff.Change]) -> list[diff.Change]:
    return [c for c in items if c.action == ADDED and not c.withheld]
