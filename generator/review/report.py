"""Write a review as Markdown (a pull-request comment, a CI job summary) or as JSON.

The Markdown is read by lawyers in a forge's web page: sections in plain Chinese, each change
as the changed fields with old → new values, and long text as a word-level diff with
<del>deleted</del> and <ins>inserted</ins> runs (both GitHub and GitLab render these tags).
Everything quoted from the content is masked for personal data first and escaped, so nothing
in it can turn into markup, a link or an @-mention in the comment.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

import jinja2
from markupsafe import Markup

from .. import layout, privacy
from ..findings import Finding
from ..report import SEVERITY_WORDS
from ..messages import current as msg
from . import Review
from .basis import BasisRow, Cited
from .elements import Element
from ..history import diff, textdiff
from ..laws import impact
from ..laws.citation import labels
from ..history.diff import ADDED, CHANGED, REMOVED, Change, FieldChange

TEMPLATE = Path(__file__).with_name("report.md.j2")
MARKER = "<!-- xzzd-review -->"  # lets CI find and update its own earlier comment
# Fields shown inline as "a、b → c" (short codes and words) and as line-by-line blocks.
INLINE_LISTS = ("stages", "power_codes", "no_penalty", "trades", "items", "tags", "reviewers")
BLOCK_LISTS = ("basis", "procedure", "rights", "conditions", "body", "modes")
SHORT = 40  # characters: longer single values are shown as a word-level diff
# The preview page of each kind of change (items and cases have their own pages).
PAGES = {diff.ITEM: lambda c: layout.item(c.id), diff.CASE: lambda c: layout.case(c.id),
         diff.ENTRY: lambda c: layout.department(c.department), diff.DEPARTMENT: lambda c: layout.department(c.id)}


def render(review: Review, fmt: str, max_chars: int = 0) -> str:
    if fmt == "json":
        return json.dumps(to_json(review), ensure_ascii=False, indent=2) + "\n"
    changes = list(review.changes.changes)
    text = _markdown(review, changes, 0)
    if max_chars and len(text) > max_chars:
        low, high = 0, len(changes)  # the most changes that still fit
        while low < high:
            mid = (low + high + 1) // 2
            if len(_markdown(review, changes[:mid], len(changes) - mid)) <= max_chars:
                low = mid
            else:
                high = mid - 1
        text = _markdown(review, changes[:low], len(changes) - low)
    return text


# --- Markdown ---------------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~!])")
_MENTION = re.compile(r"(^|[^\w])@(?=\w)")


def escape(text: str) -> str:
    """Plain text for Markdown: no markup, HTML, links or @-mentions can come out of it."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = _MENTION.sub("\\1@\u200b", text)
    return text.replace("\r", "").replace("\n", " ")


def quote(text: str) -> str:
    """Content text for the report: personal data masked, then escaped."""
    return escape(privacy.redact(text))


def segments(parts: list[textdiff.Segment]) -> str:
    out = []
    for op, text in parts:
        if op == textdiff.EQUAL:
            out.append(escape(_shorten(text)))
        elif op == textdiff.DELETE:
            out.append(f"<del>{escape(text)}</del>")
        else:
            out.append(f"<ins>{escape(text)}</ins>")
    return "".join(out)


def _shorten(text: str, keep: int = 60) -> str:
    """A long unchanged run keeps only its ends: the reviewer needs the changed words in context."""
    if len(text) <= 3 * keep:
        return text
    return text[:keep] + "……" + text[-keep:]


def _field_lines(fc: FieldChange, change: Change) -> list[str]:
    label = f"**{escape(fc.label)}**" + (msg.REVIEW_KEY_MARK if fc.key and change.action == CHANGED else "")
    old = [privacy.redact(v) for v in fc.old]
    new = [privacy.redact(v) for v in fc.new]
    shown_new_only = change.action == ADDED or (change.now_public and fc.field not in diff.WITHHELD_FIELDS)
    if shown_new_only:
        return _value_lines(label, fc.field, new)
    if old == new:
        return [f"- {label}：{msg.REVIEW_CHANGE_MASKED}"]
    if fc.field in BLOCK_LISTS or len(old) > 1 or len(new) > 1:
        lines = [f"- {label}："]
        for line in textdiff.lines(old, new):
            if line.op == textdiff.EQUAL:
                lines.append(f"  - {escape(_shorten(line.text))}")
            elif line.op == textdiff.DELETE:
                lines.append(f"  - {msg.REVIEW_LINE_REMOVED}<del>{escape(line.text)}</del>")
            elif line.op == textdiff.INSERT:
                lines.append(f"  - {msg.REVIEW_LINE_ADDED}<ins>{escape(line.text)}</ins>")
            else:
                lines.append(f"  - {segments(list(line.segments))}")
        return lines
    before = "、".join(old) if fc.field in INLINE_LISTS else (old[0] if old else "")
    after = "、".join(new) if fc.field in INLINE_LISTS else (new[0] if new else "")
    if len(before) <= SHORT and len(after) <= SHORT:
        return [f"- {label}：{escape(before) or msg.REVIEW_EMPTY_VALUE} → {escape(after) or msg.REVIEW_EMPTY_VALUE}"]
    return [f"- {label}：", f"  > {segments(textdiff.words(before, after))}"]


def _value_lines(label: str, field: str, values: list[str]) -> list[str]:
    if field in INLINE_LISTS:
        return [f"- {label}：{escape('、'.join(values))}"]
    if field in BLOCK_LISTS or len(values) > 1:
        return [f"- {label}："] + [f"  - {escape(v)}" for v in values]
    return [f"- {label}：{escape(values[0]) if values else msg.REVIEW_EMPTY_VALUE}"]


def change_markdown(change: Change, review: Review) -> str:
    department = review.departments.get(change.department)
    title = escape(change.title) if change.title else ""
    head = f"#### {msg.REVIEW_ACTIONS[change.action]}　{escape(change.id)}"
    if change.withheld:
        head += f"　{msg.REVIEW_WITHHELD_TITLE}"
    elif title and change.kind != diff.DEPARTMENT:
        head += f"　{title}"
    if department is not None and change.kind != diff.DEPARTMENT:
        head += f"（{escape(department.name)}）"
    lines = [head, ""]
    if change.now_public:
        lines += [msg.REVIEW_NOW_PUBLIC, ""]
    links = preview_links(change, review)
    if links:
        lines += [msg.REVIEW_PREVIEW.format(hans=links["zh-Hans"], hant=links["zh-Hant"]), ""]
    if change.action == diff.UNREADABLE:
        lines.append(msg.REVIEW_UNREADABLE_NOTE.format(path=change.path))
        return "\n".join(lines)
    if change.action == REMOVED:
        lines.append(msg.REVIEW_REMOVED_NOTE.format(path=change.path) if change.kind == diff.ITEM
                     else msg.REVIEW_REMOVED_OTHER.format(path=change.path))
        return "\n".join(lines)
    hidden = [f.label for f in change.fields if f.hidden]
    for fc in change.fields:
        if not fc.hidden:
            lines += _field_lines(fc, change)
    if change.withheld:
        if hidden:
            lines.append(f"- {msg.REVIEW_HIDDEN_FIELDS.format(labels='、'.join(hidden))}")
        lines += ["", msg.REVIEW_WITHHELD_NOTE.format(path=change.path)]
        return "\n".join(lines)
    if change.id in review.bases:
        lines += ["", *basis_table(review.bases[change.id], review)]
    if change.id in review.elements:
        lines += ["", *elements_table(review.elements[change.id])]
    return "\n".join(lines)


def _cell(text: str) -> str:
    """Content text for one table cell: masked, escaped, paragraphs as line breaks."""
    return "<br>".join(quote(part) for part in text.split("\n") if part.strip())


def _cited_cell(c: Cited | None) -> str:
    if c is None:
        return msg.REVIEW_BASIS_NONE
    version = msg.REVIEW_BASIS_VERSION.format(version=c.version) if c.version and c.text else ""
    return f"**{quote(c.label)}**{escape(version)}<br>" + (_cell(c.text) if c.text else escape(c.note))


def basis_table(rows: list[BasisRow], review: Review) -> list[str]:
    """The cited provisions before and after, side by side, each from its revision's library."""
    old, new = msg.REVIEW_BASIS_COLUMNS
    lines = [msg.REVIEW_BASIS_HEADING, "",
             msg.REVIEW_BASIS_INTRO.format(old=review.compared_from[:8], new=review.head.short), "",
             f"| {old} | {new} |", "|---|---|"]
    return lines + [f"| {_cited_cell(r.old)} | {_cited_cell(r.new)} |" for r in rows]


def law_changes_markdown(review: Review) -> str:
    """The library's changes and the items citing what changed (``laws impact`` in the review)."""
    if not review.law_changes:
        return ""
    lines = [msg.REVIEW_LAWS_HEADING, "", msg.REVIEW_LAWS_INTRO]
    for change in review.law_changes:
        law = escape(change.law.title)
        lines.append("")
        if change.new is None:
            lines.append("#### " + msg.REVIEW_LAW_REMOVED.format(law=law))
            continue
        if change.old is None or change.comparison is None:
            lines.append("#### " + msg.REVIEW_LAW_NEW.format(law=law, version=change.new.date, status=change.new.status))
            continue
        old, new, comparison = change.old, change.new, change.comparison
        lines += ["#### " + msg.REVIEW_LAW_CHANGED.format(law=law, old=old.date, new=new.date), "",
                  escape(msg.LAWS_IMPACT_SUMMARY.format(
                      old=old.date, new=new.date, old_count=len(old.statute.articles),
                      new_count=len(new.statute.articles), changed=comparison.count(impact.CHANGED),
                      moved=comparison.count(impact.MOVED) + comparison.count(impact.MOVED_CHANGED),
                      removed=comparison.count(impact.REMOVED), added=len(comparison.added))), ""]
        if not change.citing and not change.withheld:
            lines.append(msg.LAWS_IMPACT_NONE)
            continue
        if change.citing:
            lines += [msg.LAWS_IMPACT_CITING.format(count=len(change.citing)), ""]
        for row in change.citing:
            lines.append(f"- {code(f'{row.path}:{row.line}')} " + escape(msg.REVIEW_LAW_ROW.format(
                id=row.id, kind=msg.LAWS_IMPACT_KINDS[row.kind], label=labels(row.provisions),
                change="；".join(impact.describe(c) for c in row.changes))))
        if change.withheld:
            lines += ["", msg.REVIEW_LAW_WITHHELD.format(ids="、".join(escape(i) for i in change.withheld))]
        shown = dict.fromkeys(c for row in change.citing for c in row.changes)
        if shown:
            title, before, after = msg.REVIEW_LAW_ARTICLES
            lines += ["", f"| {title} | {before.format(version=old.date)} | {after.format(version=new.date)} |",
                      "|---|---|---|"]
            for c in sorted(shown, key=lambda c: (c.old.number, c.old.sub)):
                lines.append(f"| {escape(impact.describe(c))} | {_cell(c.old.text)} | "
                             f"{_cell(c.new.text) if c.new else msg.REVIEW_BASIS_NONE} |")
    return "\n".join(lines)


def elements_table(found: tuple[Element, ...]) -> list[str]:
    """主体 / 权限 / 依据 / 程序 / 内容: what the machine verified, what the reviewer judges."""
    name, verified, judge = msg.REVIEW_ELEMENTS_COLUMNS
    lines = [msg.REVIEW_ELEMENTS_HEADING, "", f"| {name} | {verified} | {judge} |", "|---|---|---|"]
    for e in found:
        said = [msg.REVIEW_ELEMENT_PROBLEM + quote(p) for p in e.problems]
        said += [msg.REVIEW_ELEMENT_OK + quote(v) for v in e.verified]
        lines.append(f"| {msg.REVIEW_ELEMENTS[e.name]} | {'<br>'.join(said)} | {escape(e.judge)} |")
    return lines


def preview_links(change: Change, review: Review) -> dict[str, str]:
    if not review.preview_url or change.action in (REMOVED, diff.UNREADABLE) or change.withheld or change.kind not in PAGES:
        return {}
    page = layout.url(PAGES[change.kind](change))
    return {layout.HANS: link_target(f"{review.preview_url}/{page}"),
            layout.HANT: link_target(f"{review.preview_url}/{layout.HANT_DIR}/{page}")}


def link_target(url: str) -> str:
    """A URL safe inside a Markdown link's parentheses and an HTML attribute: everything outside
    the URL characters that cannot end the link or the attribute is percent-encoded."""
    return url_quote(url, safe=":/?#@!$&*+,;=%~")


def code(text: str) -> Markup:
    """A Markdown code span: its text shows as typed, HTML included (no escaping inside)."""
    text = text.replace("\r", "").replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def _markdown(review: Review, changes: list[Change], omitted: int) -> str:
    """Every value is escaped for HTML unless a filter below made it into safe Markdown."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE.parent), undefined=jinja2.StrictUndefined,
                             autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["esc"] = lambda text: Markup(escape(text))
    env.filters["quote"] = lambda text: Markup(quote(text))  # finding messages: masked again, whatever made them
    env.filters["code"] = code
    env.filters["change_md"] = lambda change: Markup(change_markdown(change, review))
    sections = [(kind, msg.REVIEW_KINDS[kind], [c for c in changes if c.kind == kind]) for kind in diff.KINDS]
    summary = [(msg.REVIEW_KINDS[kind], *(len(review.changes.of(kind, a)) for a in (ADDED, CHANGED, REMOVED)))
               for kind in diff.KINDS if review.changes.of(kind)]
    reviewers = [(review.departments[code], review.departments[code].reviewers)
                 for code in review.changes.departments() if code in review.departments]
    text = env.get_template(TEMPLATE.name).render(
        review=review, marker=Markup(MARKER), sections=[s for s in sections if s[2]], summary=summary,
        reviewers=reviewers, omitted=omitted, truncated=msg.REVIEW_TRUNCATED.format(count=omitted),
        severity=SEVERITY_WORDS, head_unreadable=msg.REVIEW_HEAD_UNREADABLE,
        law_changes=Markup(law_changes_markdown(review)),
    )
    return re.sub(r"\n{3,}", "\n\n", text)


def _finding_json(f: Finding) -> dict[str, Any]:
    return {**f.to_json(), "message": privacy.redact(f.message)}


# --- JSON -------------------------------------------------------------------------------------

def to_json(review: Review) -> dict[str, Any]:
    def field_json(fc: FieldChange) -> dict[str, Any]:
        return {"field": fc.field, "label": fc.label, "key": fc.key, "hidden": fc.hidden,
                "old": [privacy.redact(v) for v in fc.old], "new": [privacy.redact(v) for v in fc.new]}

    return {
        "base": {"revision": review.base.name, "commit": review.base.commit, "compared_from": review.compared_from},
        "head": {"revision": review.head.name, "commit": review.head.commit},
        "summary": {
            kind: {a: len(review.changes.of(kind, a)) for a in (ADDED, CHANGED, REMOVED)} for kind in diff.KINDS
        } | {"errors": len(review.errors), "warnings": len(review.warnings), "files": review.files_checked},
        "changes": [
            {"kind": c.kind, "kind_label": msg.REVIEW_KINDS[c.kind], "action": c.action,
             "action_label": msg.REVIEW_ACTIONS[c.action], "id": c.id, "department": c.department,
             "title": privacy.redact(c.title), "path": c.path, "withheld": c.withheld, "now_public": c.now_public,
             "fields": [field_json(f) for f in c.fields], "preview": preview_links(c, review)}
            for c in review.changes.changes
        ],
        "findings": [_finding_json(f) for f in review.findings],
        "earlier_commits": [{"commit": commit, **_finding_json(f)} for commit, f in review.earlier],
        "public_names": [{"path": p.path, "line": p.line, "name": p.name, "reason": p.reason}
                         for p in review.public_names],
        "blocked": review.blocked,
        "checklist": review.checklist,
        "legality": _legality_json(review),
    }


def _legality_json(review: Review) -> dict[str, Any]:
    def cited(c: Cited | None) -> dict[str, str] | None:
        return None if c is None else {"label": c.label, "version": c.version, "text": privacy.redact(c.text),
                                       "note": c.note}

    return {
        "elements": {ident: [{"element": e.name, "label": msg.REVIEW_ELEMENTS[e.name],
                              "verified": [privacy.redact(v) for v in e.verified],
                              "problems": [privacy.redact(p) for p in e.problems], "judge": e.judge}
                             for e in found] for ident, found in review.elements.items()},
        "bases": {ident: [{"old": cited(r.old), "new": cited(r.new)} for r in rows]
                  for ident, rows in review.bases.items()},
        "law_changes": [{"law": c.law.title, "old": c.old.date if c.old else None, "new": c.new.date if c.new else None,
                         "citing": [{"path": r.path, "line": r.line, "id": r.id, "kind": r.kind,
                                     "provisions": labels(r.provisions),
                                     "changes": [impact.describe(x) for x in r.changes]} for r in c.citing],
                         "withheld": list(c.withheld)} for c in review.law_changes],
    }
