"""Where each band of the timeline sits, for a given size and set of visible lanes."""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

from viewer.core.frozen import frozen
from viewer.ui import style

GUTTER = 150  # lane labels, left of the time area (a wide view; see gutter_for)
AXIS_CONTEXT = 20  # years (or months) band
AXIS_TICKS = 20  # tick labels
ERA_ROW = 15  # one row of era bars; there are two
STANCE = 46  # the stance track, where its name fits (see stance_height)
LABEL_LEFT, LABEL_RIGHT = 8, 5  # px of the lane names' column left free of their text
MIN_LANE = 34  # two lines of a lane's name
MAX_LANE = 110
MARKER = 11  # marker size in px
BIN_PX = 14  # points closer than this share a cluster
BAR = 12  # height of a vague-date bar
BAR_ROWS = 3  # stacked rows of bars per lane
BOTTOM_MARGIN = 2  # px below the last lane, given up rather than scroll a pixel or two
MARK_REACH = 12  # px a user's marks (star, note) reach above a marker


@frozen
class Rows:
    """The sizes that hold the timeline's text, in px: the heights of its rows (axis,
    eras, markers, bars, the least lane), its count badges' height and digits, and the
    markers beside the titles. The sizes above for the text they were chosen for, grown
    with a larger one (see `rows_for`)."""

    axis_context: int = AXIS_CONTEXT
    axis_ticks: int = AXIS_TICKS
    era_row: int = ERA_ROW
    bar: int = BAR
    point_row: int = MARKER + 8  # a row of markers, with their titles beside them
    min_lane: int = MIN_LANE
    badge: int = MARKER + 4  # a count badge (of a cluster of markers): its height,
    digit: int = 7  # and the width each digit of its count takes,
    badge_pad: int = 8  # and its ends'
    marker: int = MARKER
    bin_px: int = BIN_PX  # markers closer than this share a cluster
    mark_reach: int = MARK_REACH  # a user's marks above a marker (they grow with it)

    @property
    def axis(self) -> int:
        return self.axis_context + self.axis_ticks

    @property
    def grown(self) -> float:
        """How many times the usual size the markers are (1 at the usual text)."""
        return self.marker / MARKER

    @property
    def radius(self) -> float:
        """A marker's shape's reach from its centre."""
        return self.marker / 2

    @property
    def half(self) -> float:
        """Half a marker's box: its shape and outline, a pixel round it."""
        return self.marker / 2 + 1

    @property
    def ring(self) -> float:
        """From a selected marker's centre to its selection ring's outer edge."""
        return self.radius + 6


NORMAL_ROWS = Rows()


@functools.lru_cache(maxsize=8)
def badge_widths(rows: Rows) -> tuple[float, ...]:
    """A count badge's width (px) by its number of digits (the index, up to 11): its
    count and its ends, and never narrower than it is high and a little."""
    return tuple(
        float(max(rows.badge + 2, rows.badge_pad + rows.digit * digits)) for digits in range(12)
    )


def rows_for(font: QFont) -> Rows:
    """The rows for text in `font`: each fixed size times `style.text_scale` (1 for the
    text they were chosen for, so nothing moves there). With the desktop's text 1.6
    times larger, a bar's title was taller than its bar and the eras' names than their
    rows."""
    return _rows_at(style.text_scale(font))


@functools.lru_cache(maxsize=8)
def _rows_at(scale: float) -> Rows:
    if scale == 1:
        return NORMAL_ROWS
    return Rows(*(round(size * scale) for size in dataclasses.astuple(NORMAL_ROWS)))


@frozen
class Band:
    key: str
    top: float
    height: float
    points: bool = True  # a row of exact-day markers above the bars
    label: str = ""  # a lane's name, in the gutter

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


@frozen
class LaneNeed:
    """What a lane holds, whatever the zoom: markers, and how many rows of bars."""

    points: bool = True
    bar_rows: int = BAR_ROWS

    @property
    def holds(self) -> bool:
        return self.points or self.bar_rows > 0

    def height(self, rows: Rows = NORMAL_ROWS) -> float:
        """The lane's height with its markers and bars in rows of these heights."""
        points = rows.point_row if self.points else 0
        return max(rows.min_lane, 4 + points + self.bar_rows * (rows.bar + 3) + 4)


_STANCE_NAMES: dict[tuple[str, str, int], tuple[float, float]] = {}


def stance_height(font: QFont, label: str, gutter: int) -> float:
    """The stance track's height: STANCE, or more where its name, wrapped in the lane
    names' column and drawn in bold, needs more (a larger desktop font: it was cut off
    above and below)."""
    return _stance_name(font, label, gutter)[1]


def stance_name_width(font: QFont, label: str, gutter: int) -> float:
    """The width the stance track's name wraps in: the lane names' column, less the
    track's scale ("warm" at its top right, "cold" at its bottom right) where the
    name's first or last line would run into it (a larger text: the scale was drawn
    over the name)."""
    return _stance_name(font, label, gutter)[0]


def _stance_name(font: QFont, label: str, gutter: int) -> tuple[float, float]:
    """The stance track name's width and the track's height, worked out once for each
    font, name and column (the track's layout and the lane names' picture ask)."""
    key = (font.toString(), label, gutter)
    if key not in _STANCE_NAMES:
        bold = QFont(font)
        bold.setBold(True)
        whole = gutter - LABEL_LEFT - LABEL_RIGHT
        lines = _wrapped(bold, label, whole)
        words = QFontMetricsF(style.small_font(font))
        warm, cold = words.horizontalAdvance("warm") + 4, words.horizontalAdvance("cold") + 4
        clear = bool(lines) and lines[0] <= whole - warm and lines[-1] <= whole - cold
        width = whole if clear else whole - max(warm, cold)
        room = QRectF(0, 0, width, 1000)
        needed = QFontMetricsF(bold).boundingRect(room, Qt.TextFlag.TextWordWrap, label)
        _STANCE_NAMES[key] = (width, max(STANCE, math.ceil(needed.height())))
    return _STANCE_NAMES[key]


def _wrapped(font: QFont, text: str, width: float) -> list[float]:
    """The widths of the lines `text` wraps into at `width`, as drawText wraps it."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    widths = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            widths.append(line.naturalTextWidth())
        layout.endLayout()
    return widths


def gutter_for(width: float, font: QFont | None = None) -> int:
    """The lane names' column for a view `width` px wide: narrower in a narrow window,
    so time keeps most of the width (lane names wrap onto two lines); wider for a
    larger `font` than the columns were sized for ("Statements" was cut at 1.4 times
    the desktop's text)."""
    preset = GUTTER if width >= 1100 else 118 if width >= 760 else 96
    return preset if font is None else round(preset * style.text_scale(font))


@frozen
class Geometry:
    width: float
    height: float
    axis: Band
    eras: Band
    stance: Band
    lanes: tuple[tuple[int, Band], ...]  # (lane number, band) for visible lanes
    gutter: int = GUTTER  # the lane names' column, left of the time area
    # Where lanes have more to show than the height allows, the lane area scrolls: the
    # bands are placed `scroll` px up and drawn only below `lanes_top`.
    lanes_top: float = 0.0
    overflow: float = 0.0  # how far the lane area can scroll (0: everything shows)
    scroll: float = 0.0
    rows: Rows = NORMAL_ROWS  # the sizes that hold its text
    #: Short of room for a lane under them, the eras and the stance track scroll with
    #: the lanes, and only the axis stays (`lanes_top` is the axis's bottom).
    rolling: bool = False

    def lanes_rect(self) -> QRectF:
        """The time area's lane part: lane content is clipped to it. Unscrolled, the
        first lane's marks (a star, a note above a marker) may reach a little above."""
        reach = self.rows.mark_reach if self.scroll == 0 and not self.rolling else 0
        top = self.lanes_top - reach
        return QRectF(self.gutter, top, self.time_width, self.height - top)

    def under_axis(self) -> QRectF:
        """The time area below the axis: what may scroll (eras, stance track, lanes) is
        clipped to it, so that nothing scrolls over the axis."""
        top = self.axis.bottom
        return QRectF(self.gutter, top, self.time_width, self.height - top)

    def in_lanes(self, y: float) -> bool:
        return y >= self.lanes_top

    def shown_from(self, in_lane: bool) -> float:
        """Where an item starts to be in sight, top down: a lane's below the lanes'
        top, the eras' and stance track's below the axis (in a short view they scroll
        up behind it)."""
        return self.lanes_top if in_lane else self.axis.bottom

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
        return band.top + 4 + self.rows.point_row / 2 - 2  # a little above the row's middle

    def bar_row_y(self, band: Band, row: int) -> float:
        """Top of stacked bar row `row` (events known to a month, year...)."""
        points = self.rows.point_row if band.points else 0
        return band.top + 4 + points + row * (self.rows.bar + 3)

    def bar_rows(self, band: Band) -> int:
        room = band.bottom - 3 - self.bar_row_y(band, 0)
        return max(1, min(BAR_ROWS, int((room + 3) // (self.rows.bar + 3))))

    def time_rect(self) -> QRectF:
        return QRectF(self.gutter, 0, self.time_width, self.height)


def wanted_height(
    lanes: list[int],
    needs: Mapping[int, LaneNeed],
    *,
    eras: bool = True,
    stance: bool = True,
    stance_px: float = STANCE,
    rows: Rows = NORMAL_ROWS,
) -> float:
    """The height that shows every lane with all it holds (the axis, eras and stance
    track above)."""
    top = rows.axis + (2 * rows.era_row + 4 if eras else 0) + (stance_px if stance else 0) + 4
    lanes_height = sum(needs.get(lane, LaneNeed()).height(rows) for lane in lanes)
    return top + lanes_height + BOTTOM_MARGIN


def layout(
    width: float,
    height: float,
    lanes: list[int],
    gutter: int | None = None,
    needs: Mapping[int, LaneNeed] | None = None,
    scroll: float = 0.0,
    labels: Sequence[str] = (),
    *,
    eras: bool = True,
    stance: bool = True,
    stance_px: float = STANCE,
    rows: Rows = NORMAL_ROWS,
) -> Geometry:
    """Bands for the axis, eras, stance track and each shown lane. A lane gets the height
    its content needs (`needs`; without, room for markers and every bar row) and an
    equal share of what is left, up to MAX_LANE. Short of room, no lane gives up its
    rows (their bars would be drawn over each other): the lane area scrolls (`scroll`
    px down, clamped). Short of room for even the least lane under the eras and the
    stance track (a short window, a large text), they scroll with the lanes."""
    axis = Band("axis", 0, rows.axis)
    era_height = 2 * rows.era_row + 2 if eras else 0
    era_gap = 2 if eras else 0
    stance_height = stance_px if stance else 0
    heads = era_height + era_gap + stance_height + 4  # from the axis to the first lane
    wants = [(needs or {}).get(lane, LaneNeed()) for lane in lanes]
    wanted = sum(w.height(rows) for w in wants)
    available = max(0.0, height - axis.bottom - heads - BOTTOM_MARGIN)
    rolling = (
        bool(lanes)
        and era_height + stance_height > 0
        and available < min(rows.min_lane, wanted - BOTTOM_MARGIN)
    )
    if rolling:  # the heads are scrolled content too
        available, wanted = max(0.0, height - axis.bottom - BOTTOM_MARGIN), wanted + heads
    if wanted - available <= BOTTOM_MARGIN:  # the margin is given up before a scroll bar
        available = max(available, wanted)
    extra = max(0.0, available - wanted) / max(1, len(lanes))
    heights = [min(max(MAX_LANE, w.height(rows)), w.height(rows) + extra) for w in wants]
    overflow = max(0.0, wanted - available)
    scroll = min(max(0.0, scroll), overflow)
    era_band = Band("eras", axis.bottom - (scroll if rolling else 0), era_height)
    stance_band = Band("stance", era_band.bottom + era_gap, stance_height)
    top = stance_band.bottom + 4
    lanes_top = axis.bottom if rolling else top
    bands = []
    if not rolling:
        top -= scroll
    for number, want, each in zip(lanes, wants, heights, strict=True):
        label = labels[number] if number < len(labels) else ""
        bands.append((number, Band(f"lane{number}", top, each, want.points, label)))
        top += each
    gutter = gutter_for(width) if gutter is None else gutter
    return Geometry(
        width,
        height,
        axis,
        era_band,
        stance_band,
        tuple(bands),
        gutter,
        lanes_top,
        overflow,
        scroll,
        rows,
        rolling,
    )
