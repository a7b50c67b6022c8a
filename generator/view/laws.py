"""The 依据索引 of the published site: which laws the published items cite, which provisions of
each, with the official text from the statute library, and which items cite each provision.

Built from the published items only (an exempt item is never in the view), from the texts as
written (the library matches titles as editors write them, before any script conversion). An
item's basis that does not quote its article gets the library's text, so editors stop
retyping it. Laws not in the library have no page: there is no official text to show.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .. import layout
from ..laws.citation import Provision, law_key
from ..laws.levels import LEVELS
from ..laws.library import Law, Library, Version, unit
from ..model import Item


@dataclass(frozen=True)
class CitedProvision:
    provision: Provision
    version: Version
    text: str  # the official text ('' when the provision is not in that version)
    items: tuple[str, ...]  # published item ids, in the view's order

    @property
    def label(self) -> str:
        return self.provision.label


@dataclass(frozen=True)
class LawPage:
    law: Law
    path: str  # under docs/: laws/l-<hash>.md
    provisions: tuple[CitedProvision, ...]  # by article, 款, 项; then by version
    whole: tuple[str, ...]  # items citing the law without naming a provision


@dataclass(frozen=True)
class BasisShown:
    """What an item page adds to one basis: the law's page, and the text when not quoted."""

    page: str  # '' when the law is not in the library
    text: str = ""  # the library's text of the cited provisions, for a basis that quotes none
    version: str = ""


@dataclass
class LawIndex:
    pages: tuple[LawPage, ...] = ()
    basis: dict[tuple[str, int], BasisShown] = field(default_factory=dict)  # (item id, n) →

    def of(self, item: Item, n: int) -> BasisShown:
        return self.basis.get((item.id, n), BasisShown(""))


def path_of(law: Law) -> str:
    """A stable ASCII address: the title's key hashed (titles are Chinese; addresses must work
    under any sub-path and on any server)."""
    return layout.law(hashlib.sha1(law_key(law.title).encode("utf-8")).hexdigest()[:10])


def build(items: list[Item], library: Library | None) -> LawIndex:
    if library is None:
        return LawIndex()
    cited: dict[str, dict[tuple[Provision, str], list[str]]] = {}
    whole: dict[str, list[str]] = {}
    laws: dict[str, Law] = {}
    versions: dict[tuple[str, str], Version] = {}
    shown: dict[tuple[str, int], BasisShown] = {}
    for item in items:
        for n, basis in enumerate(item.basis):
            law = library.find(basis.law)
            if law is None:
                continue
            path = path_of(law)
            laws[path] = law
            version = law.version(basis.version) if basis.version else law.current
            if version is None or not basis.provisions:
                whole.setdefault(path, []).append(item.id)
                shown[(item.id, n)] = BasisShown(path)
                continue
            versions[(path, version.date)] = version
            for p in basis.provisions:
                cited.setdefault(path, {}).setdefault((p, version.date), []).append(item.id)
            texts = [unit(version.statute, p).text for p in basis.provisions]
            complete = basis.text is None and all(texts)
            shown[(item.id, n)] = BasisShown(path, "\n".join(t for t in texts if t) if complete else "",
                                             version.date if complete else "")
    pages = []
    for path, law in laws.items():
        provisions = tuple(
            CitedProvision(p, versions[(path, date)], unit(versions[(path, date)].statute, p).text or "",
                           tuple(dict.fromkeys(ids)))
            for (p, date), ids in sorted(cited.get(path, {}).items()))
        pages.append(LawPage(law, path, provisions, tuple(dict.fromkeys(whole.get(path, [])))))
    order = {level: k for k, level in enumerate(LEVELS)}
    pages.sort(key=lambda page: (order.get(page.law.level, len(order)), page.law.title))
    return LawIndex(tuple(pages), shown)
