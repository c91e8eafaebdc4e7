import pytest

from viewer.core.dates.days import Day
from viewer.core.dates.fuzzy import Precision
from viewer.core.dates.user import parse_user_date


def test_forms() -> None:
    day = parse_user_date("2019-03-14")
    assert day is not None and day.precision is Precision.DAY and day.label() == "14 Mar 2019"
    month = parse_user_date("2019-02~")
    assert month is not None and month.approximate and month.end == Day(2019, 2, 28)
    year = parse_user_date(" 2020 ")
    assert year is not None and year.precision is Precision.YEAR


@pytest.mark.parametrize("typed", ["", "19", "2019-13", "2019-02-30", "March 2019", "2019/03"])
def test_unreadable(typed: str) -> None:
    assert parse_user_date(typed) is None
