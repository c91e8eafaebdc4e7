"""Dates of the user's own events: the everyday part of EDTF, read without the edtf package.

Accepted: `2019`, `2019-03`, `2019-03-14`, years before 1 CE written the EDTF way
(`-0043-03-15` is 15 March 44 BCE), each optionally followed by `~` (approximate)
or `?` (uncertain, shown as approximate too).
"""

from __future__ import annotations

import re

from viewer.core.dates.fuzzy import FuzzyDate, known_span

_DATE = re.compile(r"^(-?\d{4,6})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$")


def parse_user_date(text: str) -> FuzzyDate | None:
    """The FuzzyDate of what the user typed, or None if it is not one of the forms above."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    year, month, day, mark = match.groups()
    try:
        start, end, precision = known_span(
            int(year), int(month) if month else None, int(day) if day else None
        )
    except ValueError:
        return None
    return FuzzyDate(text.strip(), start, end, precision, approximate=bool(mark))
