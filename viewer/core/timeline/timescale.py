"""The time axis: days <-> pixels, zoom limits, and ticks that adapt to the zoom.

Time is measured in days as floats: `Day.toordinal()` is the start of that day.
Nothing here knows about Qt; the timeline widget asks this module where things go.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import replace
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from viewer.core.dates.days import FIRST_ORDINAL, LAST_ORDINAL, MAX_YEAR, MIN_YEAR, Day, year_label
from viewer.core.frozen import frozen

MIN_SPAN_DAYS = 3.0  # the closest zoom: three days across the view
MAX_SPAN_PADDING = 0.25  # the farthest: the data's span plus a quarter on each side
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LONG_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@frozen
class Viewport:
    """The visible stretch of time: `start` day at x = 0, `days_per_px` to the right."""

    start: float
    days_per_px: float
    width: int

    @property
    def end(self) -> float:
        return self.start + self.days_per_px * self.width

    @property
    def span(self) -> float:
        return self.days_per_px * self.width

    def x_of(self, day: float) -> float:
        return (day - self.start) / self.days_per_px

    def day_at(self, x: float) -> float:
        return self.start + x * self.days_per_px

    def zoomed(self, factor: float, anchor_x: float, limits: Limits) -> Viewport:
        """Zoom by `factor` (>1 zooms in) keeping the day under `anchor_x` in place."""
        anchor = self.day_at(anchor_x)
        days_per_px = limits.clamp_scale(self.days_per_px / factor, self.width)
        return limits.clamp(Viewport(anchor - anchor_x * days_per_px, days_per_px, self.width))

    def panned(self, dx_px: float, limits: Limits) -> Viewport:
        return limits.clamp(replace(self, start=self.start + dx_px * self.days_per_px))

    def resized(self, width: int, limits: Limits) -> Viewport:
        """Keep the same span of time across a new width."""
        width = max(1, width)
        days_per_px = limits.clamp_scale(self.span / width, width)
        return limits.clamp(Viewport(self.start, days_per_px, width))

    def centred_on(self, day: float, limits: Limits) -> Viewport:
        return limits.clamp(replace(self, start=day - self.span / 2))


@frozen
class Limits:
    """How far the view may zoom and pan, so it never shows an empty void."""

    first: float  # first day of the data
    last: float  # last day of the data (exclusive)

    @property
    def data_span(self) -> float:
        return max(self.last - self.first, MIN_SPAN_DAYS)

    @property
    def outer(self) -> tuple[float, float]:
        pad = self.data_span * MAX_SPAN_PADDING + 15
        return self.first - pad, self.last + pad

    def clamp_scale(self, days_per_px: float, width: int) -> float:
        lo, hi = self.outer
        return min(max(days_per_px, MIN_SPAN_DAYS / width), (hi - lo) / width)

    def clamp(self, view: Viewport) -> Viewport:
        lo, hi = self.outer
        if not (math.isfinite(view.start) and math.isfinite(view.days_per_px)):
            return self.fit(view.width)  # nonsense in: the whole span out
        start = min(max(view.start, lo), hi - view.span)
        return replace(view, start=start)

    def fit(self, width: int, margin_px: float = 40) -> Viewport:
        """Everything in view, with a small margin on both sides."""
        width = max(1, width)
        usable = max(width - 2 * margin_px, width / 2)
        days_per_px = self.clamp_scale(self.data_span / usable, width)
        start = self.first - (width * days_per_px - self.data_span) / 2
        return self.clamp(Viewport(start, days_per_px, width))


class Unit(Enum):
    BILLION_YEARS = "1,000,000,000 years"
    HUNDRED_MILLION_YEARS = "100,000,000 years"
    TEN_MILLION_YEARS = "10,000,000 years"
    MILLION_YEARS = "1,000,000 years"
    HUNDRED_MILLENNIA = "100,000 years"
    TEN_MILLENNIA = "10,000 years"
    MILLENNIUM = "millennium"
    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"


#: Units counted in whole years, and how many.
YEAR_STEPS = {
    Unit.BILLION_YEARS: 1_000_000_000,
    Unit.HUNDRED_MILLION_YEARS: 100_000_000,
    Unit.TEN_MILLION_YEARS: 10_000_000,
    Unit.MILLION_YEARS: 1_000_000,
    Unit.HUNDRED_MILLENNIA: 100_000,
    Unit.TEN_MILLENNIA: 10_000,
    Unit.MILLENNIUM: 1000,
    Unit.CENTURY: 100,
    Unit.DECADE: 10,
    Unit.YEAR: 1,
}

#: Rough length of each unit in days, to choose the finest that fits.
UNIT_DAYS = {
    **{unit: 365.2425 * years for unit, years in YEAR_STEPS.items()},
    Unit.QUARTER: 365.2425 / 4,
    Unit.MONTH: 365.2425 / 12,  # exact means: tick serials (day / length) never drift
    Unit.WEEK: 7.0,
    Unit.DAY: 1.0,
}


class Tick(NamedTuple):
    """A tick of the axis: its day (a boundary of its unit) and its label. A named
    tuple: a frame's axis may make a few hundred (cheaper than a dataclass to make)."""

    day: float
    label: str


def choose_unit(days_per_px: float, min_px: dict[Unit, float]) -> Unit:
    """The finest unit whose ticks are at least `min_px[unit]` apart."""
    chosen = next(iter(Unit))  # the coarsest
    for unit in Unit:
        if UNIT_DAYS[unit] / days_per_px >= min_px[unit]:
            chosen = unit
    return chosen


def context_unit(unit: Unit) -> Unit | None:
    """The unit of the band above the ticks, which keeps the year readable."""
    return {
        Unit.YEAR: Unit.DECADE,
        Unit.QUARTER: Unit.YEAR,
        Unit.MONTH: Unit.YEAR,
        Unit.WEEK: Unit.MONTH,
        Unit.DAY: Unit.MONTH,
    }.get(unit)


def label_step(unit: Unit, needed: float) -> int:
    """Every how many ticks a label goes where only one in `needed` has room: a round
    count for years (every 2nd, 5th, 10th: 10, 20, 30 billion years ago, never 7, 14),
    the smallest that fits otherwise."""
    least = max(1, math.ceil(needed))
    if unit not in YEAR_STEPS or least == 1:
        return least
    scale = 1
    while True:
        for nice in (1, 2, 5):
            if nice * scale >= least:
                return nice * scale
        scale *= 10


#: Units per block of kept ticks: a screen holds at most ~50 units (labels need room),
#: so a block of 16 keeps the first frame from making several screens' worth of ticks
#: (64 made ~300 at the bundled catalog's first paint: 4 ms), and panning reuses them.
_BLOCK_UNITS = 16


def ticks(start: float, end: float, unit: Unit, *, context: bool = False) -> list[Tick]:
    """Tick positions and labels from `start` to `end` (days), one per unit boundary,
    starting with the last boundary at or before `start`.

    Panning asks for nearly the same ticks every frame, so they are made in blocks of
    `_BLOCK_UNITS` units around the range and kept; a frame only looks them up (the
    first frame makes a block's worth more than it shows).
    """
    block = UNIT_DAYS[unit] * _BLOCK_UNITS
    first_block = math.floor(start / block)
    last_block = math.floor(end / block)
    if (last_block - first_block) * _BLOCK_UNITS > 512:  # far more than a screen: not kept
        return _make_ticks(start, end, unit, context)
    made, days = _blocks(first_block - 1, last_block, unit, context)  # before: the tick at start
    i = max(bisect_right(days, start) - 1, 0)
    j = bisect_right(days, _to_day(end).toordinal())
    return list(made[i:j])


@lru_cache(maxsize=32)
def _blocks(
    first: int, last: int, unit: Unit, context: bool
) -> tuple[tuple[Tick, ...], tuple[float, ...]]:
    """The ticks of blocks `first` to `last` together, and their days (for bisecting)."""
    made = tuple(t for number in range(first, last + 1) for t in _block(number, unit, context))
    return made, tuple(t.day for t in made)


@lru_cache(maxsize=256)
def _block(number: int, unit: Unit, context: bool) -> tuple[Tick, ...]:
    """The ticks whose day falls in block `number` (blocks of `_BLOCK_UNITS` units)."""
    block = UNIT_DAYS[unit] * _BLOCK_UNITS
    start, end = number * block, (number + 1) * block
    made = _make_ticks(start, end, unit, context)
    return tuple(t for t in made if start <= t.day < end)


def _make_ticks(start: float, end: float, unit: Unit, context: bool) -> list[Tick]:
    first = _floor(_to_day(start), unit)
    out: list[Tick] = []
    day: Day | None = first
    limit = _to_day(end)
    while day is not None and day <= limit and len(out) < 2000:
        out.append(Tick(float(day.toordinal()), _label(day, unit, context)))
        day = _next(day, unit)
    return out


def _to_day(day: float) -> Day:
    return Day.fromordinal(min(max(FIRST_ORDINAL, math.floor(day)), LAST_ORDINAL))


# Years on a grid of `step`: in CE the multiples of step (1990, 2000), before it the
# years whose BCE number is a multiple (10 BCE, 20 BCE), so labels are round numbers;
# and 1 CE, where the count turns, so no gap there is longer than a step.
def _grid_floor(year: int, step: int) -> int:
    if year >= step:
        return year - year % step
    if year >= 1:
        return 1
    return 1 - math.ceil((1 - year) / step) * step


def _grid_next(year: int, step: int) -> int:
    if year > 0:
        return year + step - year % step
    return min(year + step, 1)


def _floor(day: Day, unit: Unit) -> Day:
    if unit in YEAR_STEPS:
        return Day(max(MIN_YEAR, _grid_floor(day.year, YEAR_STEPS[unit])), 1, 1)
    if unit is Unit.QUARTER:
        return Day(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if unit is Unit.MONTH:
        return Day(day.year, day.month, 1)
    if unit is Unit.WEEK:
        return Day.fromordinal(max(FIRST_ORDINAL, day.toordinal() - day.weekday()))
    return day


def _next(day: Day, unit: Unit) -> Day | None:
    """The next boundary, or None past the last year a Day can have."""
    if unit in YEAR_STEPS:
        year = _grid_next(day.year, YEAR_STEPS[unit])
        return Day(year, 1, 1) if year <= MAX_YEAR else None
    if unit in (Unit.QUARTER, Unit.MONTH):
        step = 3 if unit is Unit.QUARTER else 1
        month = day.month - 1 + step
        year = day.year + month // 12
        return Day(year, month % 12 + 1, 1) if year <= MAX_YEAR else None
    ordinal = day.toordinal() + (7 if unit is Unit.WEEK else 1)
    return Day.fromordinal(ordinal) if ordinal <= LAST_ORDINAL else None


def _label(day: Day, unit: Unit, context: bool) -> str:
    if unit in YEAR_STEPS and day.year == 1 and unit is not Unit.YEAR:
        return "1 CE"
    if unit is Unit.DECADE and day.year > 0:
        return f"{day.year}s"
    year = year_label(day.year)
    if unit in YEAR_STEPS:
        return year
    if unit is Unit.QUARTER:
        return f"Q{(day.month - 1) // 3 + 1}"
    if unit is Unit.MONTH:
        return f"{_LONG_MONTHS[day.month - 1]} {year}" if context else _MONTHS[day.month - 1]
    if unit is Unit.WEEK:
        return f"{day.day} {_MONTHS[day.month - 1]}"
    return str(day.day)


def band_labels(tick: Tick, unit: Unit) -> tuple[str, ...]:
    """The names of the band of `unit` that a context tick (`ticks(..., context=True)`)
    starts, longest first: "March 2018", "Mar 2018", "Mar"; "2013", "’13"; "2010s",
    "’10s". An axis shows the longest its room takes and, where none fits, none: a band
    mostly off-screen is better left unnamed than named "20…"."""
    day = _to_day(tick.day)
    if unit is Unit.MONTH:
        month = _MONTHS[day.month - 1]
        return (tick.label, f"{month} {year_label(day.year)}", month)
    if unit in (Unit.YEAR, Unit.DECADE) and 1000 <= day.year <= 9999:
        return (tick.label, "’" + tick.label[2:])  # ’13, ’10s
    return (tick.label,)
