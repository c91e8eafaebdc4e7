"""The time axis: days <-> pixels, zoom limits, and ticks that adapt to the zoom.

Time is measured in days as floats: `date.toordinal()` is the start of that day.
Nothing here knows about Qt; the timeline widget asks this module where things go.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from enum import Enum

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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
    DECADE = "decade"
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"


#: Rough length of each unit in days, to choose the finest that fits.
UNIT_DAYS = {
    Unit.DECADE: 3652.4,
    Unit.YEAR: 365.24,
    Unit.QUARTER: 91.3,
    Unit.MONTH: 30.44,
    Unit.WEEK: 7.0,
    Unit.DAY: 1.0,
}


@dataclass(frozen=True, slots=True)
class Tick:
    day: float
    label: str


def choose_unit(days_per_px: float, min_px: dict[Unit, float]) -> Unit:
    """The finest unit whose ticks are at least `min_px[unit]` apart."""
    chosen = Unit.DECADE
    for unit in Unit:
        if UNIT_DAYS[unit] / days_per_px >= min_px[unit]:
            chosen = unit
    return chosen


def context_unit(unit: Unit) -> Unit | None:
    """The unit of the band above the ticks, which keeps the year readable."""
    return {
        Unit.DECADE: None,
        Unit.YEAR: Unit.DECADE,
        Unit.QUARTER: Unit.YEAR,
        Unit.MONTH: Unit.YEAR,
        Unit.WEEK: Unit.MONTH,
        Unit.DAY: Unit.MONTH,
    }[unit]


def ticks(start: float, end: float, unit: Unit, *, context: bool = False) -> list[Tick]:
    """Tick positions and labels from `start` to `end` (days), one per unit boundary."""
    first = _floor(_to_date(start), unit)
    out: list[Tick] = []
    day = first
    limit = _to_date(end)
    while day <= limit and len(out) < 2000:
        out.append(Tick(float(day.toordinal()), _label(day, unit, context)))
        day = _next(day, unit)
    return out


def _to_date(day: float) -> dt.date:
    ordinal = min(max(1, math.floor(day)), dt.date.max.toordinal())
    return dt.date.fromordinal(ordinal)


def _floor(day: dt.date, unit: Unit) -> dt.date:
    if unit is Unit.DECADE:
        return dt.date(max(1, day.year - day.year % 10), 1, 1)
    if unit is Unit.YEAR:
        return dt.date(day.year, 1, 1)
    if unit is Unit.QUARTER:
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if unit is Unit.MONTH:
        return dt.date(day.year, day.month, 1)
    if unit is Unit.WEEK:
        return day - dt.timedelta(days=day.weekday())
    return day


def _next(day: dt.date, unit: Unit) -> dt.date:
    if unit is Unit.DECADE:
        return dt.date(day.year + 10, 1, 1)
    if unit is Unit.YEAR:
        return dt.date(day.year + 1, 1, 1)
    if unit in (Unit.QUARTER, Unit.MONTH):
        step = 3 if unit is Unit.QUARTER else 1
        month = day.month - 1 + step
        return dt.date(day.year + month // 12, month % 12 + 1, 1)
    if unit is Unit.WEEK:
        return day + dt.timedelta(days=7)
    return day + dt.timedelta(days=1)


def _label(day: dt.date, unit: Unit, context: bool) -> str:
    if unit is Unit.DECADE:
        return f"{day.year}s"
    if unit is Unit.YEAR:
        return str(day.year)
    if unit is Unit.QUARTER:
        return f"Q{(day.month - 1) // 3 + 1}"
    if unit is Unit.MONTH:
        return f"{_LONG_MONTHS[day.month - 1]} {day.year}" if context else _MONTHS[day.month - 1]
    if unit is Unit.WEEK:
        return f"{day.day} {_MONTHS[day.month - 1]}"
    return str(day.day)
