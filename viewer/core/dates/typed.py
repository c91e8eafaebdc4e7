"""Dates a person types into "Go to date" and the search's date filters.

2018, 2018-07, 2018-07-16, 16/07/2018, and before 1 CE: 44 BCE (or BC), 10,000 BCE,
or the ISO/EDTF way with a sign (-0043 is 44 BCE); and deep time as the axis writes it:
66 million years ago, 4.6 billion years ago (or "bn", or BCE instead of "years ago").
"""

from __future__ import annotations

import re

from viewer.core.dates.fuzzy import known_span

_ISO = re.compile(r"^\s*([+-]?\d{1,6})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")
_BCE = re.compile(
    r"^\s*(\d{1,3}(?:,\d{3})+|\d{1,11})\s*(?:BCE|BC|B\.C\.(?:E\.)?)\s*$", re.IGNORECASE
)
_DEEP = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(million|billion|bn|m)\s*(?:years?\s+ago|ya|BCE|BC)\s*$",
    re.IGNORECASE,
)
_SCALE = {"million": 1_000_000, "m": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000}


def parse_typed_date(text: str) -> tuple[float, float] | None:
    """First and last day + 1 (ordinals) of what was typed, or None if unreadable."""
    days = typed_days(text)
    return None if days is None else (float(days[0]), float(days[1] + 1))


def typed_days(text: str) -> tuple[int, int] | None:
    """First and last day (ordinals) of what was typed, for date filters; None if unreadable."""
    parts: tuple[int, int | None, int | None]
    if match := _ISO.match(text):
        year, month, day = match.groups()
        parts = (int(year), int(month) if month else None, int(day) if day else None)
    elif match := _DMY.match(text):
        day, month, year = match.groups()
        parts = (int(year), int(month), int(day))
    elif match := _BCE.match(text):
        number = int(match[1].replace(",", ""))
        if number == 0:
            return None  # there is no year 0 BCE
        parts = (1 - number, None, None)
    elif match := _DEEP.match(text):
        # As the axis counts: "4.6 billion years ago" is the year whose BCE number that is.
        parts = (1 - round(float(match[1]) * _SCALE[match[2].lower()]), None, None)
    else:
        return None
    try:
        first, last, _ = known_span(*parts)
    except ValueError:
        return None
    return first.toordinal(), last.toordinal()
