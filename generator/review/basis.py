"""What the statute library says about an item's legal basis, before and after a request.

When a request changes an item's 指导依据, the lawyer must read the article the item now rests
on next to the one it rested on: the old citation is read in the base revision's library and
the new one in the head's (a request may change both the item and ``laws/``). Citations that
stay the same, with the same text, are left out; everything else is paired old → new in order.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..laws.citation import labels, law_key
from ..laws.library import Library, Version, unit
from ..messages import current as msg
from ..model import Content, Item, LegalBasis


@dataclass(frozen=True)
class Cited:
    """One citation as the library reads it: the official title and label, and the text."""

    key: tuple  # (law key, version asked for, provisions): the same citation compares equal
    label: str  # 《中华人民共和国行政处罚法》第三十三条第一款
    text: str  # the official text, paragraphs joined by newlines; '' when not found
    note: str = ""  # why there is no text (not in the library, no such article, whole law)
    version: str = ""  # the version date read


@dataclass(frozen=True)
class BasisRow:
    old: Cited | None
    new: Cited | None


def cited(basis: LegalBasis, library: Library | None) -> Cited:
    """``basis`` looked up in ``library`` (the library of the revision it was written in)."""
    key = (law_key(basis.law), basis.version, basis.provisions)
    article = labels(basis.provisions) if basis.provisions else (basis.article or "")
    law = library.find(basis.law) if library is not None else None
    if law is None:
        note = msg.REVIEW_BASIS_NO_LIBRARY if library is None else msg.REVIEW_BASIS_NOT_IN_LIBRARY
        return Cited(key, f"《{basis.law}》{article}", "", note)
    label = f"《{law.title}》{article}"
    version: Version | None = law.version(basis.version) if basis.version else law.current
    if version is None:
        return Cited(key, label, "", msg.REVIEW_BASIS_NO_VERSION.format(version=basis.version))
    if not basis.provisions:
        note = msg.REVIEW_BASIS_NOT_UNDERSTOOD if basis.article else msg.REVIEW_BASIS_WHOLE_LAW
        return Cited(key, label, "", note, version.date)
    texts = [unit(version.statute, p).text for p in basis.provisions]
    if any(t is None for t in texts):
        return Cited(key, label, "", msg.REVIEW_BASIS_NO_ARTICLE.format(version=version.date), version.date)
    return Cited(key, label, "\n".join(t for t in texts if t), "", version.date)


def rows(old: Item, new: Item, old_library: Library | None, new_library: Library | None) -> list[BasisRow]:
    """The citations that changed (or whose official text changed), paired old → new."""
    before = [cited(b, old_library) for b in old.basis]
    after = [cited(b, new_library) for b in new.basis]
    same = {c.key for c in before} & {c.key for c in after}
    out: list[BasisRow] = []
    for c in after:  # the same citation, but its text changed with the library
        if c.key in same:
            previous = next(o for o in before if o.key == c.key)
            if (previous.text, previous.note) != (c.text, c.note):
                out.append(BasisRow(previous, c))
    removed = [c for c in before if c.key not in same]
    added = [c for c in after if c.key not in same]
    for k in range(max(len(removed), len(added))):
        out.append(BasisRow(removed[k] if k < len(removed) else None, added[k] if k < len(added) else None))
    return out


def changed_bases(old: Content, new: Content, ids: list[str], old_library: Library | None,
                  new_library: Library | None) -> dict[str, list[BasisRow]]:
    """item id → rows, for the items ``ids`` present in both revisions."""
    before = {i.id: i for i in old.items()}
    after = {i.id: i for i in new.items()}
    out = {}
    for ident in ids:
        if ident in before and ident in after:
            found = rows(before[ident], after[ident], old_library, new_library)
            if found:
                out[ident] = found
    return out
