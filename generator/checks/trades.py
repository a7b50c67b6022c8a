"""一业一册: every trade an item names must be one of ``extra.trades`` in mkdocs.yml.

A trade code is the address of a trade page and the key that gathers every department's items
into one booklet: a misspelt code would silently leave the item out of its trade's booklet.
Editors type the label (餐饮) or a near spelling where the code belongs, so the finding names
the trade they most likely meant (the matcher of ``load.choices``, as E212 does for modes).
"""

from __future__ import annotations

from typing import Iterator

from .. import privacy
from ..findings import Finding, finding
from ..load import Loaded, choices
from ..messages import current as msg
from ..settings import Settings


def check(loaded: Loaded, settings: Settings) -> Iterator[Finding]:
    known = {t.code for t in settings.trades}
    offered = [choices.Choice(t.code, t.label) for t in settings.trades]
    allowed = "、".join(f"{t.code}（{t.label}）" for t in settings.trades) or msg.TRADES_NONE
    for item in loaded.content.items():
        path = item.origin.path
        for n, code in enumerate(item.trades):
            if code in known:
                continue
            match = choices.closest(code, offered)
            suggestion = "" if match is None else msg.TRADE_DID_YOU_MEAN.format(
                label=match.choice.label, code=match.choice.value)
            yield finding(path, *loaded.locate(path, item.origin.pointer + ("trades", n)), "E954",
                          value=privacy.redact(code), suggestion=suggestion, allowed=allowed)
