"""Where each band of the timeline sits, for a given size and set of visible lanes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

GUTTER = 150  # lane labels, left of the time area (a wide view; see gutter_for)
AXIS_CONTEXT = 20  # years (or months) band
AXIS_TICKS = 20  # tick labels
ERA_ROW = 15  # one row of era bars; there are two
STANCE = 46
MIN_LANE = 44
MAX_LANE = 110
MARKER = 11  # marker size in px
BIN_PX = 14  # points closer than this share a cluster
BAR = 12  # height of a vague-date bar
BAR_ROWS = 3  # stacked rows of bars per lane


@dataclass(frozen=True, slots=True)
class Band:
    key: str
    top: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


def gutter_for(width: float) -> int:
    """The lane names' column for a view `width` px wide: narrower in a narrow window,
    so time keeps most of the width (lane names wrap onto two lines)."""
    return GUTTER if width >= 1100 else 118 if width >= 760 else 96


@dataclass(frozen=True, slots=True)
class Geometry:
    width: float
    height: float
    axis: Band
    eras: Band
    stance: Band
    lanes: tuple[tuple[int, Band], ...]  # (lane number, band) for visible lanes
    gutter: int = GUTTER  # the lane names' column, left of the time area

    @property
    def time_left(self) -> float:
        return self.gutter

    @property
    def time_width(self) -> int:
        return max(1, int(self.width - self.gutter))

    def lane_at(self, y: float) -> int | None:
        for number, band in self.lanes:
            if band.top <= y < band.bottom:
                return number
        return None

    def band_of(self, lane: int) -> Band | None:
        for number, band in self.lanes:
            if number == lane:
                return band
        return None

    def point_row_y(self, band: Band) -> float:
        """Vertical centre of the markers of exact-day events in a lane."""
        return band.top + 4 + MARKER / 2 + 2

    def bar_row_y(self, band: Band, row: int) -> float:
        """Top of stacked bar row `row` (events known to a month, year...)."""
        return band.top + 4 + MARKER + 8 + row * (BAR + 3)

    def bar_rows(self, band: Band) -> int:
        room = band.bottom - 3 - self.bar_row_y(band, 0)
        return max(1, min(BAR_ROWS, int((room + 3) // (BAR + 3))))

    def time_rect(self) -> QRectF:
        return QRectF(self.gutter, 0, self.time_width, self.height)


def layout(width: float, height: float, lanes: list[int], gutter: int | None = None) -> Geometry:
    axis = Band("axis", 0, AXIS_CONTEXT + AXIS_TICKS)
    eras = Band("eras", axis.bottom, 2 * ERA_ROW + 2)
    stance = Band("stance", eras.bottom + 2, STANCE)
    top = stance.bottom + 4
    available = max(0.0, height - top - 2)
    each = min(MAX_LANE, max(MIN_LANE, available / max(1, len(lanes))))
    bands = tuple(
        (number, Band(f"lane{number}", top + i * each, each)) for i, number in enumerate(lanes)
    )
    gutter = gutter_for(width) if gutter is None else gutter
    return Geometry(width, height, axis, eras, stance, bands, gutter)
