import datetime as dt

import pytest

from viewer.core.dates import Precision
from viewer.core.edtf_dates import DateError, parse


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
    ],
)
def test_parse_keeps_precision(
    text: str, precision: Precision, start: str, end: str, label: str
) -> None:
    date = parse(text)
    assert date.precision is precision
    assert date.start == dt.date.fromisoformat(start)
    assert date.end == dt.date.fromisoformat(end)
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
