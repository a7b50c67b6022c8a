"""Recognise a date the way people write it in Chinese documents, to tell the editor its ISO form.

Content files want 2025-03-01 (or 2025-03 for a month). Editors type what their documents
show: 2025年3月1日, 2025/3/1, 2025.3.1, 2025-3-1, 20250301, full-width digits, or
二〇二五年三月一日. When such a value fails a date field, the message gives the exact value to
write instead of two findings about its format. Only a reading with a four-digit year is
offered: 25/3/1 could be read several ways.
"""

from __future__ import annotations

import calendar
import re
import unicodedata

_CHINESE_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                   "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER = r"[0-9〇○零O一二两三四五六七八九十]{1,4}"
_DATE = re.compile(
    rf"^(?P<year>{_NUMBER})\s*(?:年|[-/.．_])\s*(?P<month>{_NUMBER})\s*(?:月份?)?\s*"
    rf"[-/.．_]?\s*(?:(?P<day>{_NUMBER})\s*(?:日|号)?)?$")
_COMPACT = re.compile(r"^(?P<year>[0-9]{4})(?P<month>[0-9]{2})(?P<day>[0-9]{2})?$")


def _number(text: str) -> int | None:
    """Arabic digits, or Chinese numerals: digit by digit (二〇二五) or with 十 (二十一)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        if (tens and tens not in _CHINESE_DIGITS) or (ones and ones not in _CHINESE_DIGITS):
            return None
        return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[ones] if ones else 0)
    if all(c in _CHINESE_DIGITS for c in text):
        return int("".join(str(_CHINESE_DIGITS[c]) for c in text))
    return None


def recognise(value: str) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) read from ``value``, or None when it is not a date spelling."""
    if len(value) > 40:  # no date is longer; bounds the work on a hostile value
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    match = _COMPACT.match(text) or _DATE.match(text)
    if not match:
        return None
    year, month = _number(match.group("year")), _number(match.group("month"))
    day = _number(match.group("day")) if match.group("day") else None
    if year is None or month is None or not 1000 <= year <= 2999 or not 1 <= month <= 12:
        return None
    if match.group("day") and day is None:
        return None
    return year, month, day


def iso(value: str, with_day: bool) -> str | None:
    """The ISO spelling to write instead of ``value`` (a month field drops a day), or None when
    ``value`` is not a date spelling or names a day that does not exist (2025年2月30日)."""
    found = recognise(value)
    if found is None:
        return None
    year, month, day = found
    if not with_day:
        return f"{year:04d}-{month:02d}"
    if day is None or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
