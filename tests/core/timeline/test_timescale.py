import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.dates.days import FIRST_ORDINAL, MIN_YEAR, Day
from viewer.core.timeline import timescale
from viewer.core.timeline.timescale import (
    MIN_SPAN_DAYS,
    UNIT_DAYS,
    Limits,
    Unit,
    Viewport,
    band_labels,
    choose_unit,
    context_unit,
    label_step,
    ticks,
)

D = dt.date
LIMITS = Limits(D(2015, 1, 1).toordinal(), D(2025, 12, 31).toordinal())
MIN_PX = dict.fromkeys(Unit, 40.0)


def test_fit_shows_everything_with_a_margin() -> None:
    view = LIMITS.fit(1000)
    assert view.start < LIMITS.first
    assert view.end > LIMITS.last
    assert view.width == 1000


def test_zoom_keeps_the_day_under_the_cursor() -> None:
    view = LIMITS.fit(1000)
    anchor = view.day_at(300)
    zoomed = view.zoomed(4.0, 300, LIMITS)
    assert zoomed.days_per_px == pytest.approx(view.days_per_px / 4)
    assert zoomed.day_at(300) == pytest.approx(anchor)


def test_zoom_limits_never_freeze_or_show_a_void() -> None:
    view = LIMITS.fit(1000)
    for _ in range(200):
        view = view.zoomed(10.0, 500, LIMITS)
    assert view.span == pytest.approx(MIN_SPAN_DAYS)
    for _ in range(200):
        view = view.zoomed(0.1, 500, LIMITS)
    lo, hi = LIMITS.outer
    assert view.span <= hi - lo + 1e-6
    assert lo <= view.start and view.end <= hi + 1e-6


def test_pan_is_clamped() -> None:
    view = LIMITS.fit(1000).zoomed(20, 500, LIMITS)
    far = view.panned(10**9, LIMITS)
    assert far.end == pytest.approx(LIMITS.outer[1])
    back = view.panned(-(10**9), LIMITS)
    assert back.start == pytest.approx(LIMITS.outer[0])


@pytest.mark.parametrize(
    ("days_per_px", "unit"),
    [(30.0, Unit.DECADE), (5.0, Unit.YEAR), (0.5, Unit.MONTH), (0.1, Unit.WEEK), (0.01, Unit.DAY)],
)
def test_unit_adapts_to_zoom(days_per_px: float, unit: Unit) -> None:
    assert choose_unit(days_per_px, MIN_PX) is unit


def test_ticks_and_labels() -> None:
    start, end = D(2018, 6, 20).toordinal(), D(2018, 9, 5).toordinal()
    months = ticks(start, end, Unit.MONTH)
    assert [t.label for t in months] == ["Jun", "Jul", "Aug", "Sep"]
    assert months[1].day == D(2018, 7, 1).toordinal()
    assert [t.label for t in ticks(start, end, Unit.MONTH, context=True)][:2] == [
        "June 2018",
        "July 2018",
    ]
    assert [
        t.label for t in ticks(D(2014, 5, 1).toordinal(), D(2016, 1, 1).toordinal(), Unit.YEAR)
    ] == ["2014", "2015", "2016"]
    assert ticks(D(2018, 7, 14).toordinal(), D(2018, 7, 16).toordinal(), Unit.DAY)[0].label == "14"
    assert context_unit(Unit.DAY) is Unit.MONTH
    assert context_unit(Unit.MONTH) is Unit.YEAR


def test_ticks_before_the_common_era_fall_on_round_numbers() -> None:
    start, end = Day(-119, 1, 1).toordinal(), Day(30, 1, 1).toordinal()  # 120 BCE to 30
    labels = [t.label for t in ticks(start, end, Unit.DECADE)]
    assert labels[:3] == ["120 BCE", "110 BCE", "100 BCE"]
    assert labels[-5:] == ["10 BCE", "1 CE", "10s", "20s", "30s"]
    centuries = ticks(Day(-999, 1, 1).toordinal(), Day(2000, 1, 1).toordinal(), Unit.CENTURY)
    assert [t.label for t in centuries][9:13] == ["100 BCE", "1 CE", "100", "200"]
    assert ticks(Day(-43, 3, 14).toordinal(), Day(-43, 3, 16).toordinal(), Unit.DAY)[0].label == (
        "14"
    )
    years = ticks(Day(-2, 1, 1).toordinal(), Day(2, 1, 1).toordinal(), Unit.YEAR)
    assert [t.label for t in years] == ["3 BCE", "2 BCE", "1 BCE", "1", "2"]


def test_long_spans_get_long_units() -> None:
    """Ten thousand years across 1600 px are ticked by millennia, not 1000 decades."""
    days_per_px = 10_000 * 365.25 / 1600
    assert choose_unit(days_per_px, MIN_PX) is Unit.MILLENNIUM
    view = Viewport(Day(-8000, 1, 1).toordinal(), days_per_px, 1600)
    marks = ticks(view.start, view.end, Unit.MILLENNIUM)
    # 8001 BCE floors to the millennium before it; five digits get a separator
    assert [t.label for t in marks][:2] == ["9000 BCE", "8000 BCE"]
    assert len(marks) <= 12
    assert (
        ticks(Day(-20_000, 1, 1).toordinal(), Day(-19_000, 1, 1).toordinal(), Unit.TEN_MILLENNIA)[
            0
        ].label
        == "30,000 BCE"
    )
    far = ticks(Day(-999_999, 1, 1).toordinal(), Day(-999_999, 1, 20).toordinal(), Unit.WEEK)
    assert far and far[0].day >= Day(-999_999, 1, 1).toordinal()


def test_labels_never_overlap() -> None:
    """Chosen ticks are always at least the minimum label spacing apart."""
    for days_per_px in (40.0, 9.0, 3.0, 1.2, 0.4, 0.2, 0.08, 0.03):
        view = Viewport(D(2016, 1, 1).toordinal(), days_per_px, 1600)
        unit = choose_unit(days_per_px, MIN_PX)
        xs = [view.x_of(t.day) for t in ticks(view.start, view.end, unit)]
        gaps = [b - a for a, b in itertools.pairwise(xs)]
        assert min(gaps) >= 40 * 0.9  # months vary from 28 to 31 days


@given(
    st.sampled_from(list(Unit)),
    st.floats(-365_000_000, 3_600_000),
    st.floats(1, 300),
)
def test_kept_ticks_are_the_ticks_made_afresh(unit: Unit, start: float, units: float) -> None:
    """Ticks are cached by blocks for panning; they must be exactly those of the range."""
    end = start + UNIT_DAYS[unit] * units
    assert ticks(start, end, unit) == timescale._make_ticks(start, end, unit, False)
    assert ticks(start, end, unit, context=True) == timescale._make_ticks(start, end, unit, True)


def test_deep_time_is_ticked_in_billions_of_years_evenly() -> None:
    """From twenty billion years ago to now, one tick a billion years, none doubled
    where BCE turns to CE (a doubled tick once hid every label of the axis)."""
    start, end = Day(MIN_YEAR, 1, 1).toordinal(), Day(2000, 1, 1).toordinal()
    assert start == FIRST_ORDINAL
    marks = ticks(start, end, Unit.BILLION_YEARS)
    labels = [t.label for t in marks]
    assert labels[:2] == ["20 billion years ago", "19 billion years ago"]
    assert labels[-2:] == ["1 billion years ago", "1 CE"]
    gaps = [b.day - a.day for a, b in itertools.pairwise(marks)]
    assert min(gaps) > 0.99 * UNIT_DAYS[Unit.BILLION_YEARS]
    days_per_px = (end - start) / 800
    assert choose_unit(days_per_px, MIN_PX) is Unit.BILLION_YEARS
    millions = ticks(Day(1 - 66_000_000, 1, 1).toordinal(), Day(-60_000_000, 1, 1).toordinal(),
                     Unit.MILLION_YEARS)  # fmt: skip
    assert [t.label for t in millions][:2] == ["66 million years ago", "65 million years ago"]


@pytest.mark.parametrize(
    ("unit", "needed", "step"),
    [
        (Unit.BILLION_YEARS, 6.8, 10),
        (Unit.BILLION_YEARS, 1.6, 2),
        (Unit.DECADE, 3.2, 5),
        (Unit.YEAR, 0.4, 1),
        (Unit.MONTH, 3.2, 4),  # not years: the smallest that fits
        (Unit.DAY, 6.5, 7),
    ],
)
def test_labels_skip_to_round_counts_of_years(unit: Unit, needed: float, step: int) -> None:
    assert label_step(unit, needed) == step


def test_a_band_has_shorter_names_for_less_room_and_never_a_cut_one() -> None:
    def names(start: float, end: float, unit: Unit) -> list[tuple[str, ...]]:
        return [band_labels(tick, unit) for tick in ticks(start, end, unit, context=True)]

    day = Day(2018, 3, 10).toordinal()
    assert names(day, day + 40, Unit.MONTH)[:2] == [
        ("March 2018", "Mar 2018", "Mar"),
        ("April 2018", "Apr 2018", "Apr"),
    ]
    assert names(day, day + 400, Unit.YEAR)[:2] == [("2018", "’18"), ("2019", "’19")]
    assert names(day, day + 4000, Unit.DECADE)[:2] == [("2010s", "’10s"), ("2020s", "’20s")]
    # Where a short name could be another century's or era's, the band keeps its name.
    assert names(Day(950, 1, 1).toordinal(), Day(950, 6, 1).toordinal(), Unit.YEAR) == [("950",)]
    bce = Day(-43, 3, 1).toordinal()
    assert names(bce, bce + 10, Unit.MONTH)[0] == ("March 44 BCE", "Mar 44 BCE", "Mar")
    assert names(bce, bce + 400, Unit.YEAR)[0] == ("44 BCE",)
