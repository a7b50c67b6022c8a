"""Chinese numerals as statutes write them ↔ int: 第一百二十三条, 第一百零八条, 第十条之一.

Statutes use the counting form (一百零八, 二十, 十五), never the digit-by-digit form; editors may
also type Arabic digits (第33条) or full-width digits (第３３条). Both parse to the same number,
so 第33条 and 第三十三条 resolve to the same article.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
# Characters a number may be written with, for the citation and statute patterns.
NUMERAL_CHARS = "零〇一二三四五六七八九十百千两0-9０-９"
_NAMES = "零一二三四五六七八九"


@lru_cache(maxsize=4096)  # the same few hundred numerals come back in every statute
def to_int(text: str) -> int | None:
    """The value of ``text`` (Chinese counting numeral or digits); None if it is neither."""
    text = unicodedata.normalize("NFKC", text.strip())
    if not text:
        return None
    if text.isascii():
        return int(text) if text.isdigit() else None
    total, digit = 0, None
    for ch in text:
        if ch in DIGITS:
            if digit is not None and digit != 0:  # 二三 is not a number
                return None
            digit = DIGITS[ch]
        elif ch in UNITS:
            unit = UNITS[ch]
            total += (1 if digit is None else digit) * unit
            digit = None
        else:
            return None
    return total + (digit or 0)


def to_chinese(number: int) -> str:
    """The form statutes print: 1 → 一, 10 → 十, 15 → 十五, 108 → 一百零八, 1200 → 一千二百."""
    if number < 0:
        raise ValueError(number)
    if number < 10:
        return _NAMES[number]
    if number < 20:
        return "十" + (_NAMES[number - 10] if number > 10 else "")
    out = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit % 10
        if digit:
            if zero and out:
                out.append("零")
            out.append(_NAMES[digit] + name)
            zero = False
        elif out:
            zero = True
    return "".join(out)
