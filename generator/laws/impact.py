"""What an amendment does to the citations: ``python -m generator laws impact LAW --from V --to V``.

``compare_versions`` pairs each article of the old version with its place in the new one:
unchanged (same number, same text), changed (same number, other text), moved (the same text
under a new number), moved and changed (a similar text under a new number, clearly closer than
what now stands under the old number) or removed. Texts are compared after folding width and
whitespace (``quote.fold``), similarity by character bigrams first and ``difflib`` for the best
candidates, so a revision that renumbers everything (行政复议法 2017 → 2023: 43 → 90 articles) is
paired in well under a second.

``citing`` lists every item basis and 不罚清单 citation of an article that is not unchanged —
read with the old version's numbering — and ``main`` prints them with an article-level diff.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import TextIO

from ..exitcodes import Exit
from ..load import Loaded, load
from ..messages import current as msg
from ..history import textdiff
from .citation import Citation, Provision, labels
from .library import Law, Version, with_library
from .quote import fold
from .statute import Article, Statute

UNCHANGED, CHANGED, MOVED, MOVED_CHANGED, REMOVED = "unchanged", "changed", "moved", "moved_changed", "removed"
SIMILAR = 0.5  # a new article at least this similar to an old one continues it
KEPT = 0.3  # below this, what now stands under the old number is another provision
CANDIDATES = 3  # new articles compared in full with each old one (chosen by shared bigrams)
CONTEXT = 8  # unchanged characters kept around each change in the compact diff


@dataclass(frozen=True)
class ArticleChange:
    kind: str
    old: Article
    new: Article | None  # where it is now (for removed: None)
    similarity: float = 1.0


@dataclass(frozen=True)
class Comparison:
    changes: dict[tuple[int, int], ArticleChange]  # by the old article's (number, sub)
    added: tuple[Article, ...]  # new articles that continue none of the old ones

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes.values() if c.kind == kind)


def compare_versions(old: Statute, new: Statute) -> Comparison:
    """Pair the old articles with the new ones: exact matches first, then the most similar
    pairs over the whole law (so one close match cannot be taken by a weaker one before it)."""
    Key = tuple[int, int]
    new_text: dict[Key, str] = {(a.number, a.sub): fold(a.text) for a in new.articles}
    old_text: dict[Key, str] = {(a.number, a.sub): fold(a.text) for a in old.articles}
    olds = {(a.number, a.sub): a for a in old.articles}
    changes: dict[Key, ArticleChange] = {}
    used: set[Key] = set()
    for key, text in old_text.items():
        if new_text.get(key) == text:
            changes[key] = ArticleChange(UNCHANGED, olds[key], new.article(*key))
            used.add(key)
    by_text: dict[str, list[Key]] = {}
    for key, text in new_text.items():
        if key not in used:
            by_text.setdefault(text, []).append(key)
    for key, text in old_text.items():
        spots = [k for k in by_text.get(text, []) if k not in used]
        if key not in changes and spots:
            target = min(spots, key=lambda k: abs(k[0] - key[0]))
            changes[key] = ArticleChange(MOVED, olds[key], new.article(*target))
            used.add(target)
    grams = {key: _bigrams(text) for key, text in new_text.items() if key not in used}
    pairs: list[tuple[float, Key, Key]] = []
    for key, text in old_text.items():
        if key in changes:
            continue
        mine = _bigrams(text)
        ranked = sorted(grams, key=lambda k: -_dice(mine, grams[k]))[:CANDIDATES]
        for target in set(ranked) | ({key} & grams.keys()):
            pairs.append((_ratio(text, new_text[target]), key, target))
    for ratio, key, target in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if ratio < SIMILAR or key in changes or target in used:
            continue
        kind = CHANGED if key == target else MOVED_CHANGED
        changes[key] = ArticleChange(kind, olds[key], new.article(*target), ratio)
        used.add(target)
    for key, text in old_text.items():
        if key in changes:
            continue
        same = new.article(*key) if key not in used else None
        ratio = _ratio(text, new_text[key]) if same is not None else 0.0
        changes[key] = (ArticleChange(CHANGED, olds[key], same, ratio) if same is not None and ratio >= KEPT
                        else ArticleChange(REMOVED, olds[key], None, ratio))
        if same is not None and ratio >= KEPT:
            used.add(key)
    added = tuple(a for a in new.articles if (a.number, a.sub) not in used)
    return Comparison(dict(sorted(changes.items())), added)


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / ((len(a) + len(b)) or 1)


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


# --- who cites what changed ------------------------------------------------------------------

@dataclass(frozen=True)
class Citing:
    path: str
    line: int
    id: str
    kind: str  # "item" | "no_penalty"
    provisions: tuple[Provision, ...]  # the cited provisions whose article changed
    changes: tuple[ArticleChange, ...]


def citing(loaded: Loaded, law: Law, comparison: Comparison) -> list[Citing]:
    library = loaded.library
    assert library is not None
    out: list[Citing] = []

    def consider(citation: Citation, path: str, pointer: tuple, id: str, kind: str) -> None:
        if library.find(citation.law) is not law:
            return
        hit = [p for p in citation.provisions
               if p.article_key in comparison.changes and comparison.changes[p.article_key].kind != UNCHANGED]
        if hit:
            changes = tuple(dict.fromkeys(comparison.changes[p.article_key] for p in hit))
            out.append(Citing(path, loaded.locate(path, pointer)[0], id, kind, tuple(hit), changes))

    for department in loaded.content.departments:
        for item in department.items:
            for n, basis in enumerate(item.basis):
                pointer = item.origin.pointer + ("basis", n, "article")
                consider(basis.citation, item.origin.path, pointer, item.id, "item")
        for entry in department.no_penalty:
            for field, citations in (("violation_basis", entry.violation_citations),
                                     ("penalty_basis", entry.penalty_citations)):
                for citation in citations:
                    consider(citation, entry.origin.path, entry.origin.pointer + (field,), entry.id, "no_penalty")
    return sorted(out, key=lambda c: (c.path, c.line, c.id))


# --- the command -----------------------------------------------------------------------------

def main(root: Path, law_name: str, old_name: str, new_name: str, out: TextIO, err: TextIO) -> int:
    from .. import settings as settings_module

    settings, problems = settings_module.load(root)
    if settings is None:
        for problem in problems:
            print(f"{problem.path}:{problem.line}: {problem.message}", file=err)
        return Exit.CONTENT
    loaded = with_library(load(root, settings), root, settings)
    if loaded.library is None:
        print(msg.LAWS_NO_LIBRARY.format(root=root), file=err)
        return Exit.USAGE
    law = loaded.library.find(law_name)
    if law is None:
        print(msg.LAWS_UNKNOWN_LAW.format(law=law_name), file=err)
        return Exit.USAGE
    versions = []
    for name in (old_name, new_name):
        version = law.version(name)
        if version is None:
            print(msg.LAWS_UNKNOWN_VERSION.format(law=law.title, version=name,
                                                  versions="、".join(v.date for v in law.versions)), file=err)
            return Exit.USAGE
        versions.append(version)
    old, new = versions
    comparison = compare_versions(old.statute, new.statute)
    out.write(report(law, old, new, comparison, citing(loaded, law, comparison)))
    return Exit.OK


def report(law: Law, old: Version, new: Version, comparison: Comparison, rows: list[Citing]) -> str:
    lines = [msg.LAWS_IMPACT_TITLE.format(law=law.title, old=old.date, new=new.date), "",
             msg.LAWS_IMPACT_SUMMARY.format(
                 old=old.date, new=new.date, old_count=len(old.statute.articles),
                 new_count=len(new.statute.articles), changed=comparison.count(CHANGED),
                 moved=comparison.count(MOVED) + comparison.count(MOVED_CHANGED),
                 removed=comparison.count(REMOVED), added=len(comparison.added)), ""]
    if not rows:
        lines.append(msg.LAWS_IMPACT_NONE)
        return "\n".join(lines) + "\n"
    lines.append(msg.LAWS_IMPACT_CITING.format(count=len(rows)))
    for row in rows:
        lines.append(msg.LAWS_IMPACT_ROW.format(
            where=f"{row.path}:{row.line}", id=row.id, kind=msg.LAWS_IMPACT_KINDS[row.kind],
            label=labels(row.provisions), change="；".join(describe(c) for c in row.changes)))
    lines += ["", msg.LAWS_IMPACT_ARTICLES]
    shown = dict.fromkeys(c for row in rows for c in row.changes)
    for change in sorted(shown, key=lambda c: (c.old.number, c.old.sub)):
        lines.append(f"{change.old.label}（{describe(change)}）")
        lines.append(msg.LAWS_IMPACT_OLD.format(version=old.date, text=_one_line(change.old.text)))
        if change.new is None:
            lines += [msg.LAWS_IMPACT_REMOVED_TEXT.format(version=new.date), ""]
            continue
        lines.append(msg.LAWS_IMPACT_NEW.format(version=new.date, text=_one_line(change.new.text)))
        if change.kind != MOVED:
            lines.append(msg.LAWS_IMPACT_DIFF.format(text=compact_diff(change.old.text, change.new.text)))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def describe(change: ArticleChange) -> str:
    return msg.LAWS_IMPACT_CHANGE[change.kind].format(old=change.old.label,
                                                      new=change.new.label if change.new else "")


def _one_line(text: str) -> str:
    return " / ".join(part for part in text.split("\n") if part)


def compact_diff(old: str, new: str) -> str:
    """The changes as [旧→新] runs, long unchanged stretches shortened to their ends."""
    out: list[str] = []
    segments = textdiff.words(_one_line(old), _one_line(new))
    k = 0
    while k < len(segments):
        op, text = segments[k]
        if op == textdiff.EQUAL:
            first, last = k == 0, k == len(segments) - 1
            if len(text) > 2 * CONTEXT:
                text = ("" if first else text[:CONTEXT]) + "…" + ("" if last else text[-CONTEXT:])
            out.append(text)
            k += 1
            continue
        removed = inserted = ""
        while k < len(segments) and segments[k][0] != textdiff.EQUAL:
            if segments[k][0] == textdiff.DELETE:
                removed += segments[k][1]
            else:
                inserted += segments[k][1]
            k += 1
        out.append(f"[{removed}→{inserted}]")
    return "".join(out)
