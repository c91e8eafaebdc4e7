"""Calendar days for any year a timeline may hold, BCE included.

`datetime.date` stops at year 1, and timelines of antiquity (a TimelineJS file of
Rome, say) go further back. A `Day` is a day of the proleptic Gregorian calendar
with an astronomical year: year 0 is 1 BCE, year -43 is 44 BCE, as in ISO 8601 and
EDTF. Its ordinal is the same as `datetime.date.toordinal()` for years 1–9999
(0001-01-01 is day 1), so catalogs, settings and the timeline's day floats mean
what they meant before; earlier days are zero and below.
"""

from __future__ import annotations

import datetime as dt
import re

from viewer.core.errors import ViewerError
from viewer.core.frozen import frozen

#: The years a date may have: from twenty billion years ago (before the Big Bang, so
#: TimelineJS's cosmological timelines fit; days stay exact in 64-bit floats and
#: integers) to the end of ISO's 9999.
MIN_YEAR = 1 - 20_000_000_000  # 20 billion BCE: on the grid of every tick unit
MAX_YEAR = 9999
#: Beyond this many years BCE a year reads "… million years ago", "… billion years ago".
DEEP_TIME = 1_000_000

_ISO = re.compile(r"^([+-]?\d{4,12})-(\d{2})-(\d{2})$")
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# Days from 0000-03-01 (the start of the 400-year cycle the arithmetic counts in)
# to 0001-01-01, which is ordinal 1.
_ORDINAL_SHIFT = 306


class DayError(ViewerError, ValueError):
    """Not a day of the calendar, or a year outside MIN_YEAR..MAX_YEAR."""


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    return 29 if month == 2 and is_leap(year) else _DAYS_IN_MONTH[month - 1]


def year_label(year: int) -> str:
    """An astronomical year as people write it: 2018, 44 BCE (for -43), 1 BCE (for 0),
    with thousands separators from five digits on (10,000 BCE); deep time in millions
    and billions of years ago (4.6 billion years ago, 13.79793 billion years ago, in
    whole thousands of years; 4,599,999,999 BCE for a year finer than that)."""
    number = year if year > 0 else 1 - year
    if year <= 0 and number >= DEEP_TIME:
        unit, name = (
            (1_000_000_000, "billion") if number >= 1_000_000_000 else (1_000_000, "million")
        )
        if number % 1000 == 0:  # whole thousands: 4.6, 13.79793 billion years ago
            return f"{number / unit:.9g} {name} years ago"
        # Finer (a year zoomed into): every digit, BCE, so two neighbouring years never
        # read the same.
        return f"{number:,} BCE"
    text = f"{number:,}" if number >= 10_000 else str(number)
    return text if year > 0 else f"{text} BCE"


@frozen(order=True)
class Day:
    """One calendar day; ordered by date (the fields compare year, month, day)."""

    year: int
    month: int
    day: int

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise DayError(f"year {self.year} is outside {year_label(MIN_YEAR)} to {MAX_YEAR}")
        if not 1 <= self.month <= 12:
            raise DayError(f"month {self.month} is not 1 to 12")
        if not 1 <= self.day <= days_in_month(self.year, self.month):
            raise DayError(f"{self.year}-{self.month:02d} has no day {self.day}")

    @classmethod
    def of(cls, date: dt.date) -> Day:
        return cls(date.year, date.month, date.day)

    @classmethod
    def today(cls) -> Day:
        return cls.of(dt.date.today())

    @classmethod
    def fromordinal(cls, ordinal: int) -> Day:
        # Howard Hinnant's civil_from_days, counted from 0000-03-01; floor division
        # makes it right for days before year 1 as well.
        z = ordinal - 1 + _ORDINAL_SHIFT
        era = z // 146097
        doe = z - era * 146097
        yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
        doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
        mp = (5 * doy + 2) // 153
        day = doy - (153 * mp + 2) // 5 + 1
        month = mp + 3 if mp < 10 else mp - 9
        year = yoe + era * 400 + (month <= 2)
        return cls(year, month, day)

    @classmethod
    def fromisoformat(cls, text: str) -> Day:
        """Read YYYY-MM-DD, with a sign and more digits for other years (-0043-03-15)."""
        match = _ISO.match(text)
        if match is None:
            raise DayError(f"{text!r} is not a date written YYYY-MM-DD")
        year, month, day = (int(part) for part in match.groups())
        return cls(year, month, day)

    def toordinal(self) -> int:
        # Howard Hinnant's days_from_civil, shifted so that 0001-01-01 is 1.
        year = self.year - (self.month <= 2)
        era = year // 400
        yoe = year - era * 400
        doy = (153 * (self.month + (-3 if self.month > 2 else 9)) + 2) // 5 + self.day - 1
        doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
        return era * 146097 + doe - _ORDINAL_SHIFT + 1

    def isoformat(self) -> str:
        """ISO 8601: 2018-07-16; years before 1 CE with a sign (-0043-03-15)."""
        sign = "-" if self.year < 0 else ""
        return f"{sign}{abs(self.year):04d}-{self.month:02d}-{self.day:02d}"

    def weekday(self) -> int:
        """Monday is 0, as in `datetime.date.weekday()`."""
        return (self.toordinal() + 6) % 7

    def plus(self, days: int) -> Day:
        return Day.fromordinal(self.toordinal() + days)

    def __str__(self) -> str:
        return self.isoformat()


#: The first and last ordinals a `Day` can have.
FIRST_ORDINAL = Day(MIN_YEAR, 1, 1).toordinal()
LAST_ORDINAL = Day(MAX_YEAR, 12, 31).toordinal()
