"""Days of any year: the same ordinals as datetime where it reaches, and BCE beyond it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.dates.days import (
    FIRST_ORDINAL,
    LAST_ORDINAL,
    MAX_YEAR,
    MIN_YEAR,
    Day,
    DayError,
    is_leap,
    year_label,
)


@given(st.dates())
def test_agrees_with_datetime_where_both_reach(date: dt.date) -> None:
    day = Day.of(date)
    assert day.toordinal() == date.toordinal()
    assert Day.fromordinal(date.toordinal()) == day
    assert day.isoformat() == date.isoformat()
    assert day.weekday() == date.weekday()


@given(st.integers(FIRST_ORDINAL, LAST_ORDINAL))
def test_every_ordinal_round_trips(ordinal: int) -> None:
    day = Day.fromordinal(ordinal)
    assert day.toordinal() == ordinal
    assert Day.fromisoformat(day.isoformat()) == day
    assert ordinal == LAST_ORDINAL or day.plus(1).toordinal() == ordinal + 1


def test_before_the_common_era() -> None:
    ides = Day(-43, 3, 15)  # 15 March 44 BCE
    assert ides.isoformat() == "-0043-03-15"
    assert Day.fromisoformat("-0043-03-15") == ides
    assert ides < Day(0, 1, 1) < Day(1, 1, 1)
    assert Day(1, 1, 1).toordinal() == 1 and Day(0, 12, 31).toordinal() == 0
    assert Day(0, 12, 31).plus(1) == Day(1, 1, 1)
    # Year 0 (1 BCE) and 4 BCE are leap years in the proleptic Gregorian calendar.
    assert is_leap(0) and is_leap(-4) and not is_leap(-100)
    assert Day(-4, 2, 29).plus(1) == Day(-4, 3, 1)
    assert (year_label(-43), year_label(0), year_label(1)) == ("44 BCE", "1 BCE", "1")


@pytest.mark.parametrize(
    "text", ["2019-02-29", "2019-13-01", "1-01-01", "2019/01/01", "-30000000000-01-01", ""]
)
def test_not_a_day_is_refused(text: str) -> None:
    with pytest.raises(DayError):
        Day.fromisoformat(text)


def test_years_beyond_the_range_are_refused() -> None:
    with pytest.raises(DayError, match="outside"):
        Day(MIN_YEAR - 1, 1, 1)
    with pytest.raises(DayError, match="outside"):
        Day(MAX_YEAR + 1, 1, 1)
    # Days stay exact in 64-bit floats (2**53) to twenty billion years ago.
    assert -(2**53) < FIRST_ORDINAL < -(2**31)


def test_deep_time_reads_in_millions_and_billions_of_years() -> None:
    big_bang = Day.fromisoformat("-13800000000-01-01")
    assert big_bang.year == -13_800_000_000
    assert Day.fromordinal(big_bang.toordinal()) == big_bang
    assert year_label(big_bang.year) == "13,800,000,001 BCE"  # ISO counts a year 0
    assert year_label(big_bang.year + 1) == "13.8 billion years ago"
    assert year_label(1 - 538_800_000) == "538.8 million years ago"
    assert year_label(-999_998) == "999,999 BCE"  # below a million: counted in years
    assert year_label(MIN_YEAR) == "20 billion years ago"
    # Neighbouring years zoomed into read differently: every digit where not round.
    assert year_label(-4_599_999_999) == "4.6 billion years ago"
    assert year_label(-4_599_999_998) == "4,599,999,999 BCE"
