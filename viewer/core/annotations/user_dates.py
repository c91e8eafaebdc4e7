"""Dates of the user's own events: the everyday part of EDTF, read without the edtf package.

Accepted: `2019`, `2019-03`, `2019-03-14`, each optionally followed by `~`
(approximate) or `?` (uncertain, shown as approximate too).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from viewer.core.dates import FuzzyDate, Precision

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$")


def parse_user_date(text: str) -> FuzzyDate | None:
    """The FuzzyDate of what the user typed, or None if it is not one of the forms above."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    year_text, month_text, day_text, mark = match.groups()
    year = int(year_text)
    try:
        if day_text:
            start = end = dt.date(year, int(month_text), int(day_text))
            precision = Precision.DAY
        elif month_text:
            month = int(month_text)
            start = dt.date(year, month, 1)
            end = dt.date(year, month, calendar.monthrange(year, month)[1])
            precision = Precision.MONTH
        else:
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            precision = Precision.YEAR
    except ValueError:
        return None
    return FuzzyDate(text.strip(), start, end, precision, approximate=bool(mark))
