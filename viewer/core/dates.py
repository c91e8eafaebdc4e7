"""Dates known to a precision: what the sources give, never more.

A `FuzzyDate` is the run-time form of an EDTF string: a first and last day, the
precision of the statement and whether it is approximate. The EDTF parser itself
is only needed when `data/` is compiled (see `viewer.core.edtf_dates`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    INTERVAL = "interval"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date as the sources state it.

    `start` and `end` are the first and last day the statement allows (equal for a
    day-precise date), so sorting and drawing never need the parser.
    """

    edtf: str
    start: dt.date
    end: dt.date
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


def _label(start: dt.date, end: dt.date, precision: Precision) -> str:
    if precision is Precision.DAY:
        return f"{start.day} {_MONTHS[start.month - 1]} {start.year}"
    if precision is Precision.MONTH:
        return f"{_MONTHS[start.month - 1]} {start.year}"
    if precision is Precision.SEASON:
        return f"{_SEASONS.get(start.month, 'Season')} {start.year}"
    if precision is Precision.YEAR:
        return str(start.year)
    return _interval_label(start, end)


def _interval_label(start: dt.date, end: dt.date) -> str:
    whole_years = start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31
    if whole_years:
        return f"{start.year}–{end.year}"
    last_day = (end + dt.timedelta(days=1)).day == 1
    if start.day == 1 and last_day:
        left = _MONTHS[start.month - 1]
        if start.year != end.year:
            left = f"{left} {start.year}"
        return f"{left} – {_MONTHS[end.month - 1]} {end.year}"
    return f"{_label(start, start, Precision.DAY)} – {_label(end, end, Precision.DAY)}"


@lru_cache(maxsize=8192)  # many records share a date; FuzzyDate is frozen
def from_stored(edtf: str, start: str, end: str, precision: str, approximate: bool) -> FuzzyDate:
    """Rebuild a `FuzzyDate` from the columns the catalog stores."""
    return FuzzyDate(
        edtf=edtf,
        start=dt.date.fromisoformat(start),
        end=dt.date.fromisoformat(end),
        precision=Precision(precision),
        approximate=approximate,
    )
