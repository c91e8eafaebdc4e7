"""Dates known to a precision: what the sources give, never more.

A `FuzzyDate` is the run-time form of an EDTF string: a first and last day, the
precision of the statement and whether it is approximate. The EDTF parser itself
is only needed when `data/` is compiled (see `viewer.core.dates.edtf`).
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from viewer.core.dates.days import Day, days_in_month, year_label
from viewer.core.frozen import frozen


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    INTERVAL = "interval"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}


@frozen
class FuzzyDate:
    """A date as the sources state it.

    `start` and `end` are the first and last day the statement allows (equal for a
    day-precise date), so sorting and drawing never need the parser.
    """

    edtf: str
    start: Day
    end: Day
    precision: Precision
    approximate: bool = False

    @property
    def is_point(self) -> bool:
        return self.precision is Precision.DAY and not self.approximate

    @property
    def start_ordinal(self) -> int:
        return self.start.toordinal()

    @property
    def end_ordinal(self) -> int:
        return self.end.toordinal()

    def label(self) -> str:
        """The date as a reader should see it: "16 Jul 2018", "Nov 2018", "c. May 2025"."""
        text = _label(self.start, self.end, self.precision)
        return f"c. {text}" if self.approximate else text

    def __str__(self) -> str:
        return self.label()


def _label(start: Day, end: Day, precision: Precision) -> str:
    year = year_label(start.year)
    if precision is Precision.DAY:
        return f"{start.day} {_MONTHS[start.month - 1]} {year}"
    if precision is Precision.MONTH:
        return f"{_MONTHS[start.month - 1]} {year}"
    if precision is Precision.SEASON:
        return f"{_SEASONS.get(start.month, 'Season')} {year}"
    if precision is Precision.YEAR:
        return year
    return _interval_label(start, end)


def whole_years(start: Day, end: Day) -> bool:
    """From a 1 January to a 31 December."""
    return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)


def whole_months(start: Day, end: Day) -> bool:
    """From the first of a month to the last day of a month."""
    return start.day == 1 and end.day == days_in_month(end.year, end.month)


def _interval_label(start: Day, end: Day) -> str:
    # An interval from BCE into CE says so at its end: "27 BCE–14 CE".
    end_year = year_label(end.year) + (" CE" if start.year <= 0 < end.year else "")
    if whole_years(start, end):
        return f"{year_label(start.year)}–{end_year}"
    if whole_months(start, end):
        left = _MONTHS[start.month - 1]
        if start.year != end.year:
            left = f"{left} {year_label(start.year)}"
        return f"{left} – {_MONTHS[end.month - 1]} {end_year}"
    first = _label(start, start, Precision.DAY)
    return f"{first} – {end.day} {_MONTHS[end.month - 1]} {end_year}"


def day_label(ordinal: int) -> str:
    """One day as a reader sees it: "16 Jul 2018", "15 Mar 44 BCE"."""
    day = Day.fromordinal(ordinal)
    return _label(day, day, Precision.DAY)


def month_label(ordinal: int) -> str:
    """The month a day falls in, as a reader names it: "Jul 2018", "Mar 44 BCE".

    Raises `DayError` for days outside the calendar's years (deep time)."""
    day = Day.fromordinal(ordinal)
    return _label(day, day, Precision.MONTH)


def span_label(first: int, last: int) -> str:
    """The days a view shows, as a reader names them: whole months when it shows more
    than two months ("Mar 2016 – Nov 2025"), days otherwise ("3 – 19 Jul 2018").

    Raises `DayError` for days outside the calendar's years (deep time)."""
    start, end = Day.fromordinal(first), Day.fromordinal(max(first, last))
    if last - first > 62:
        start = Day(start.year, start.month, 1)
        end = Day(end.year, end.month, days_in_month(end.year, end.month))
    if start == end:
        return _label(start, start, Precision.DAY)
    return _interval_label(start, end)


def known_span(
    year: int, month: int | None = None, day: int | None = None
) -> tuple[Day, Day, Precision]:
    """First and last day of a year, of a month of it, or one day, and that precision.

    Raises `DayError` (a ValueError) when there is no such day.
    """
    if month is None:
        return Day(year, 1, 1), Day(year, 12, 31), Precision.YEAR
    if day is None:
        first = Day(year, month, 1)
        return first, Day(year, month, days_in_month(year, month)), Precision.MONTH
    only = Day(year, month, day)
    return only, only, Precision.DAY


def edtf_of(first: Day, last: Day, precision: Precision) -> str:
    """The EDTF text of a date known to `precision`: 2018-07-16, 2017-11, -0043, a/b."""
    if precision is Precision.DAY:
        return first.isoformat()
    year, month, _ = first.isoformat().rsplit("-", 2)
    if len(year.lstrip("-")) > 4:
        year = f"Y{year}"  # EDTF writes years of more than four digits with a Y
    if precision is Precision.MONTH:
        return f"{year}-{month}"
    if precision is Precision.YEAR:
        return year
    return f"{first.isoformat()}/{last.isoformat()}"


@lru_cache(maxsize=8192)  # many records share a date; FuzzyDate is frozen
def from_stored(edtf: str, start: str, end: str, precision: str, approximate: bool) -> FuzzyDate:
    """Rebuild a `FuzzyDate` from the columns the catalog stores."""
    return FuzzyDate(
        edtf=edtf,
        start=Day.fromisoformat(start),
        end=Day.fromisoformat(end),
        precision=Precision(precision),
        approximate=approximate,
    )
