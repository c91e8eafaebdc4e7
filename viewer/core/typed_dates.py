"""Dates a person types into "Go to date": 2018, 2018-07, 2018-07-16, 16/07/2018."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


def parse_typed_date(text: str) -> tuple[float, float] | None:
    """First and last day + 1 (ordinals) of what was typed, or None if unreadable."""
    match = _ISO.match(text)
    try:
        if match:
            year, month, day = (int(v) if v else None for v in match.groups())
            assert year is not None
            if month is None:
                return _span(dt.date(year, 1, 1), dt.date(year, 12, 31))
            if day is None:
                last = calendar.monthrange(year, month)[1]
                return _span(dt.date(year, month, 1), dt.date(year, month, last))
            return _span(dt.date(year, month, day), dt.date(year, month, day))
        match = _DMY.match(text)
        if match:
            day, month, year = (int(v) for v in match.groups())
            return _span(dt.date(year, month, day), dt.date(year, month, day))
    except ValueError:
        return None
    return None


def _span(first: dt.date, last: dt.date) -> tuple[float, float]:
    return float(first.toordinal()), float(last.toordinal() + 1)


def typed_days(text: str) -> tuple[str, str] | None:
    """First and last day (ISO) of what was typed, for date filters; None if unreadable."""
    parsed = parse_typed_date(text)
    if parsed is None:
        return None
    first, after = parsed
    return dt.date.fromordinal(int(first)).isoformat(), dt.date.fromordinal(
        int(after) - 1
    ).isoformat()
