"""Marks: text that has a given form on each site, carried through rendering and conversion.

Private-use characters never occur in content and OpenCC leaves them alone."""

from __future__ import annotations

import re

MARK = re.compile("\ue000([^\ue000-\ue002]*)\ue001([^\ue000-\ue002]*)\ue002")


def mark(hans: str, hant: str) -> str:
    """Text shown as ``hans`` on the simplified site and ``hant`` on the traditional site."""
    return f"\ue000{hans}\ue001{hant}\ue002"
