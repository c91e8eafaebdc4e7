import datetime as dt

import pytest

from viewer.core.dates.days import MIN_YEAR, Day, DayError
from viewer.core.dates.edtf import DateError, parse
from viewer.core.dates.fuzzy import Precision, month_label


@pytest.mark.parametrize(
    ("text", "precision", "start", "end", "label"),
    [
        ("2018-07-16", Precision.DAY, "2018-07-16", "2018-07-16", "16 Jul 2018"),
        ("2017-11", Precision.MONTH, "2017-11-01", "2017-11-30", "Nov 2017"),
        ("2015", Precision.YEAR, "2015-01-01", "2015-12-31", "2015"),
        ("2025-05~", Precision.MONTH, "2025-05-01", "2025-05-31", "c. May 2025"),
        ("2025-21", Precision.SEASON, "2025-03-01", "2025-05-31", "Spring 2025"),
        ("2025-02/2025-06", Precision.INTERVAL, "2025-02-01", "2025-06-30", "Feb – Jun 2025"),
        ("2015/2016", Precision.INTERVAL, "2015-01-01", "2016-12-31", "2015–2016"),
        ("2014~", Precision.YEAR, "2014-01-01", "2014-12-31", "c. 2014"),
        # Before 1 CE, EDTF counts years as astronomers do: -0043 is 44 BCE, 0000 is 1 BCE.
        ("-0043-03-15", Precision.DAY, "-0043-03-15", "-0043-03-15", "15 Mar 44 BCE"),
        ("-0043-03", Precision.MONTH, "-0043-03-01", "-0043-03-31", "Mar 44 BCE"),
        ("0000~", Precision.YEAR, "0000-01-01", "0000-12-31", "c. 1 BCE"),
        ("-0026/0014", Precision.INTERVAL, "-0026-01-01", "0014-12-31", "27 BCE–14 CE"),
        (
            "-0049-01/-0048-08",
            Precision.INTERVAL,
            "-0049-01-01",
            "-0048-08-31",
            "Jan 50 BCE – Aug 49 BCE",
        ),
    ],
)
def test_parse_keeps_precision(
    text: str, precision: Precision, start: str, end: str, label: str
) -> None:
    date = parse(text)
    assert date.precision is precision
    assert date.start == Day.fromisoformat(start)
    assert date.end == Day.fromisoformat(end)
    assert date.label() == label
    assert date.edtf == text


def test_only_exact_days_are_points() -> None:
    assert parse("2018-07-16").is_point
    assert not parse("2018-07").is_point
    assert not parse("2018-07-16~").is_point


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2018-13-01", "malformed"),
        ("2017-11-31", "malformed"),
        ("July 2018", "malformed"),
        ("", "empty"),
        ("2025/2024", "ends before it starts"),
        ("2025/..", "open-ended"),
    ],
)
def test_bad_dates_say_why(text: str, words: str) -> None:
    with pytest.raises(DateError, match=words):
        parse(text)


def test_a_month_is_named_as_a_reader_names_it() -> None:
    assert month_label(dt.date(2018, 7, 16).toordinal()) == "Jul 2018"
    assert month_label(Day(-43, 3, 15).toordinal()) == "Mar 44 BCE"
    with pytest.raises(DayError):  # deep time: no calendar, no months
        month_label(Day(MIN_YEAR, 1, 1).toordinal() - 400)
