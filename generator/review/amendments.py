"""When a request changes the statute library (``laws/``): which items cite what changed.

Each law whose version in force differs between the two revisions is compared article by
article (``laws.impact``: the same pairing as ``laws impact``), and every item and 不罚清单
entry of the newer content citing an article that changed, moved or disappeared is listed.
A law taken out of the library is named: its citations are reported by the check (W905).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..laws import impact
from ..laws.citation import law_key
from ..laws.impact import Citing, Comparison
from ..laws.library import Law, Library, Version
from ..laws.quote import fold
from ..layout import LAWS_DIR
from ..load import Loaded


@dataclass(frozen=True)
class LawChange:
    law: Law  # as it is after the request; for a removed law, as it was
    old: Version | None  # the version in force before (None: the law is new)
    new: Version | None  # after (None: removed from the library)
    comparison: Comparison | None
    citing: tuple[Citing, ...]  # published items and 不罚清单 entries
    withheld: tuple[str, ...] = ()  # exempt items citing what changed: only their ids are shown


def _text(version: Version) -> tuple:
    return tuple((a.number, a.sub, fold(a.text)) for a in version.statute.articles)


def library_changed(old_files: dict[str, str], new_files: dict[str, str]) -> bool:
    def laws(files: dict[str, str]) -> dict[str, str]:
        return {p: o for p, o in files.items() if p.startswith(LAWS_DIR + "/")}
    return laws(old_files) != laws(new_files)


def changes(old: Library | None, new: Library | None, loaded: Loaded | None) -> list[LawChange]:
    before = {law_key(law.title): law for law in (old.laws if old else ())}
    after = {law_key(law.title): law for law in (new.laws if new else ())}
    out = []
    for key in sorted(before.keys() | after.keys()):
        a, b = before.get(key), after.get(key)
        if b is None:
            assert a is not None
            out.append(LawChange(a, a.current, None, None, ()))
            continue
        if a is not None and _text(a.current) == _text(b.current) and a.current.status == b.current.status:
            continue
        if a is None:
            out.append(LawChange(b, None, b.current, None, ()))
            continue
        comparison = impact.compare_versions(a.current.statute, b.current.statute)
        rows = impact.citing(loaded, b, comparison) if loaded is not None and loaded.library else []
        exempt = {i.id for i in loaded.content.items() if not i.published} if loaded is not None else set()
        out.append(LawChange(b, a.current, b.current, comparison,
                             tuple(r for r in rows if r.id not in exempt),
                             tuple(dict.fromkeys(r.id for r in rows if r.id in exempt))))
    return out
