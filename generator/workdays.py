"""Working days by the official holiday calendar (国务院办公厅 notices: holidays and the
weekend days worked instead), for the 20-working-day publication limit of the 政府信息公开条例
(第二十六条: information made or changed is published within 20 working days).

The calendar is ``chinesecalendar`` (pinned in requirements.in; a new release adds the next
year's table when the State Council publishes it). A date outside its table gives None:
counting such a span by weekdays alone would be wrong around every holiday.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar

LIMIT = 20  # working days: 政府信息公开条例 第二十六条


def working_days(start: str, end: str) -> int | None:
    """Working days after ``start`` up to and including ``end`` (YYYY-MM-DD): 0 when ``end`` is
    not later; None when a year of the span is not in the calendar's table."""
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if last <= first:
        return 0
    try:
        return len(chinese_calendar.get_workdays(first + dt.timedelta(days=1), last))
    except NotImplementedError:
        return None
