"""What a scene is made of: the items on screen (points, clusters, bars, the stance
track's statements and flips) as the painter draws them and hit-testing finds them.

`viewer.ui.timeline.scene` builds a `Scene` for a view; `stance_scene` adds the stance
track's items to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from itertools import repeat
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from PySide6.QtCore import QRectF

from viewer.core.dates.fuzzy import Precision
from viewer.core.frozen import frozen
from viewer.core.timeline.codes import PRECISION_CODE
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lane_index import LaneIndex
from viewer.core.timeline.stance import Flip, StancePoint
from viewer.ui.timeline import geometry as g

if TYPE_CHECKING:
    import numpy.typing as npt

    #: Runs of touching plain bars, per tone: (tone, lefts, tops, widths).
    Runs = tuple[
        tuple[int, npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]],
        ...,
    ]


class ItemKind(Enum):
    POINT = "point"  # one event known to the day
    CLUSTER = "cluster"  # several exact-day events within a few pixels
    BAR = "bar"  # events known to a month, season, year or interval
    STANCE = "stance"  # one point of the stance track
    FLIP = "flip"  # a flip marker on the stance track


@dataclass(slots=True, unsafe_hash=True)
class Item:
    """One thing on screen, as hit-testing and tooltips see it. Never changed once made
    (not `frozen`: that makes each one four times dearer to create, 3.3 µs against
    0.8, and a frame makes hundreds)."""

    kind: ItemKind
    rect: QRectF
    lane: int = -1
    rows: tuple[int, ...] = ()  # event rows (empty for clusters: see first/count)
    first: int = 0  # clusters: index of the first point in the lane's arrays
    count: int = 1
    tone: int = 0
    start: float = 0.0  # days covered (clusters and bars)
    end: float = 0.0
    label: str = ""
    selected: bool = False
    hollow: bool = False
    approximate: bool = False
    flip: Flip | None = None
    stance: StancePoint | None = None

    @property
    def in_lane(self) -> bool:
        """A lane's (which scrolls under the stance track), not the stance track's."""
        return self.kind not in (ItemKind.STANCE, ItemKind.FLIP)


@frozen(slots=False)
class LanePoints:
    """A lane's exact-day events in view: one entry per occupied pixel bin."""

    lane: int
    y: float
    xs: npt.NDArray[np.float64]
    counts: npt.NDArray[np.int64]
    first: npt.NDArray[np.int64]
    rows: npt.NDArray[np.int64]  # the event row of single events, -1 for clusters
    room: npt.NDArray[np.float64]  # px free right of each entry, for its label
    selected: npt.NDArray[np.bool_]
    start: npt.NDArray[np.float64]  # first and last day in each entry
    end: npt.NDArray[np.float64]


class Bar(NamedTuple):
    x0: float
    x1: float
    y: float
    lane: int
    tone: int
    rows: tuple[int, ...]
    start: float
    end: float
    approximate: bool
    hollow: bool
    selected: bool
    label: str
    # px free to the right of the bar in its row (to the next bar, or the view's edge):
    # a label too long for the bar goes there.
    room: float = 0.0


@frozen(slots=False)
class PlainBars:
    """A lane's narrow bars, drawn without labels (as the scene's `runs`)."""

    lane: int
    extents: npt.NDArray[np.int64]  # index into the lane's extents, for hit-testing
    x0: npt.NDArray[np.float64]
    x1: npt.NDArray[np.float64]
    y: npt.NDArray[np.float64]
    tones: npt.NDArray[np.int64]
    rows: npt.NDArray[np.int64]  # bar row within the lane


@frozen(slots=False)
class StanceBins:
    """The stance track summed per pixel bin (where statements are too dense to show
    one by one), as columns: one entry per bin. An `Item` is made for a bin only when
    asked (hit-testing, tooltips, a screen reader), not for each frame."""

    xs: npt.NDArray[np.float64]  # each bin's centre
    tops: npt.NDArray[np.float64]  # the height of its warmest statement
    bottoms: npt.NDArray[np.float64]  # and of its coldest
    counts: npt.NDArray[np.int64]
    tones: npt.NDArray[np.int64]  # the prevailing tone's number
    starts: npt.NDArray[np.float64]  # the days its statements cover
    ends: npt.NDArray[np.float64]

    def __len__(self) -> int:
        return len(self.xs)

    def item(self, i: int) -> Item:
        x, top, bottom = float(self.xs[i]), float(self.tops[i]), float(self.bottoms[i])
        n = int(self.counts[i])
        return Item(
            ItemKind.STANCE,
            QRectF(x - 3, top - 3, 6, bottom - top + 6),
            count=n,
            tone=int(self.tones[i]),
            start=float(self.starts[i]),
            end=float(self.ends[i]),
            label=f"{n} statements" if n > 1 else "1 statement",
        )

    def at(self, x: float, y: float) -> list[Item]:
        """The bins under a point (as `_hit` finds an item: 2 px around its rect)."""
        near = (np.abs(self.xs - x) <= 5) & (self.tops - 5 <= y) & (y <= self.bottoms + 5)
        return [self.item(int(i)) for i in np.flatnonzero(near)]


class Scene:
    """What a frame shows, filled in by `build_scene` (a plain class: made once per
    module load as a dataclass, it cost ~0.4 ms of every start)."""

    __slots__ = ("bars", "data", "marks", "plain", "points", "rows", "runs", "stance_bins")

    def __init__(self, data: TimelineData | None = None, rows: g.Rows = g.NORMAL_ROWS) -> None:
        self.points: list[LanePoints] = []
        self.bars: list[Bar] = []  # wide, selected or cancelled ones
        self.plain: list[PlainBars] = []
        self.runs: Runs = ()  # the plain bars of every lane, as the painter fills them
        self.marks: list[Item] = []  # stance points and flips
        self.stance_bins: StanceBins | None = None  # where the statements are summed per bin
        self.data = data
        self.rows = rows  # the geometry's sizes (they grow with the text)

    def items(self) -> Iterator[Item]:
        """Everything on screen as `Item`s (for tests, tooltips and accessibility)."""
        for lane in self.points:
            for i in range(len(lane.xs)):
                yield _point_item(lane, i, self.rows)
        for bar in self.bars:
            yield _bar_item(bar, self.rows.bar)
        for plain in self.plain:
            for i in range(len(plain.extents)):
                yield _bar_item(self._plain_bar(plain, i), self.rows.bar)
        if self.stance_bins is not None:
            yield from (self.stance_bins.item(i) for i in range(len(self.stance_bins)))
        yield from self.marks

    def _plain_bar(self, plain: PlainBars, i: int) -> Bar:
        assert self.data is not None
        one = slice(i, i + 1)
        (bar,) = make_bars(
            self.data,
            self.data.lanes[plain.lane],
            plain.extents[one],
            plain.x0[one],
            plain.x1[one],
            plain.y[one],
            plain.lane,
            frozenset(),
            np.zeros(1),  # a plain bar has no room for a label: it has none
        )
        return bar

    def vertical_span(self, row: int) -> tuple[float, float] | None:
        """From the top to the bottom of event `row` as drawn (a marker with the marks
        above it, a bar), or None where it is not drawn on its own."""
        for lane in self.points:
            if bool((lane.rows == row).any()):
                half = self.rows.half
                return lane.y - half - self.rows.mark_reach, lane.y + half + 2
        for bar in self.bars:
            if row in bar.rows:
                return bar.y - 2, bar.y + self.rows.bar + 2
        return None

    def at(self, x: float, y: float) -> Item | None:
        """The item under a point; the smallest wins (a marker over a bar behind it)."""
        candidates: list[Item] = [m for m in self.marks if _hit(m.rect, x, y)]
        if self.stance_bins is not None:
            candidates += self.stance_bins.at(x, y)
        for lane in self.points:
            if abs(y - lane.y) <= max(self.rows.half, self.rows.badge / 2 - 1) + 2 and len(lane.xs):
                i = int(np.argmin(np.abs(lane.xs - x)))
                item = _point_item(lane, i, self.rows)
                if _hit(item.rect, x, y):
                    candidates.append(item)
        height = self.rows.bar
        candidates += [_bar_item(b, height) for b in self.bars if _hit(_bar_rect(b, height), x, y)]
        for plain in self.plain:
            inside = (plain.x0 - 2 <= x) & (x <= plain.x1 + 2)
            inside &= (plain.y - 2 <= y) & (y <= plain.y + height + 2)
            candidates += [
                _bar_item(self._plain_bar(plain, int(i)), height) for i in np.flatnonzero(inside)
            ]
        if not candidates:
            return None
        return min(candidates, key=lambda c: c.rect.width() * c.rect.height())


def _hit(rect: QRectF, x: float, y: float) -> bool:
    return rect.adjusted(-2, -2, 2, 2).contains(x, y)


def cluster_width(count: int, rows: g.Rows) -> float:
    """The width of the count badge of a cluster of `count` events."""
    widths = g.badge_widths(rows)
    return widths[min(len(str(count)), len(widths) - 1)]


def _point_item(lane: LanePoints, i: int, rows: g.Rows) -> Item:
    x = float(lane.xs[i])
    count = int(lane.counts[i])
    if count == 1:
        half = rows.half
        return Item(
            ItemKind.POINT,
            QRectF(x - half, lane.y - half, 2 * half, 2 * half),
            lane.lane,
            (int(lane.rows[i]),),
            int(lane.first[i]),
            1,
            selected=bool(lane.selected[i]),
        )
    width = cluster_width(count, rows)
    return Item(
        ItemKind.CLUSTER,
        QRectF(x - width / 2, lane.y - rows.badge / 2, width, rows.badge),
        lane.lane,
        (),
        int(lane.first[i]),
        count,
        start=float(lane.start[i]),
        end=float(lane.end[i]),
        label=str(count),
        selected=bool(lane.selected[i]),
    )


def _bar_rect(bar: Bar, height: float) -> QRectF:
    return QRectF(bar.x0, bar.y, bar.x1 - bar.x0, height)


def _bar_item(bar: Bar, height: float) -> Item:
    return Item(
        ItemKind.BAR,
        _bar_rect(bar, height),
        bar.lane,
        bar.rows,
        0,
        len(bar.rows),
        bar.tone,
        bar.start,
        bar.end,
        bar.label,
        bar.selected,
        bar.hollow,
        bar.approximate,
    )


def make_bars(
    data: TimelineData,
    index: LaneIndex,
    extents: npt.NDArray[np.int64],
    x0: npt.NDArray[np.float64],
    x1: npt.NDArray[np.float64],
    y: npt.NDArray[np.float64],
    lane: int,
    selected: frozenset[int],
    room: npt.NDArray[np.float64],
) -> list[Bar]:
    """The bars of some of a lane's extents, made from its columns all at once (a frame
    zoomed to a year shows a couple of hundred)."""
    counts = index.extent_counts[extents].tolist()
    firsts = index.member_rows[index.member_starts[extents]].tolist()
    records = index.extents  # kept records: a group's member rows are made once, not per frame
    members = [
        (first,) if count == 1 else records[extent].rows
        for first, count, extent in zip(firsts, counts, extents.tolist(), strict=True)
    ]
    labels = [
        f"{count} events" if count > 1 else _title(data, first)
        for first, count in zip(firsts, counts, strict=True)
    ]
    chosen = [not selected.isdisjoint(m) for m in members] if selected else repeat(False)
    return list(
        map(
            Bar,
            x0.tolist(),
            x1.tolist(),
            y.tolist(),
            repeat(lane),
            index.extent_tones[extents].tolist(),
            members,
            index.extent_starts[extents].tolist(),
            index.extent_ends[extents].tolist(),
            index.extent_approximate[extents].tolist(),
            index.extent_hollow[extents].tolist(),
            chosen,
            labels,
            room.tolist(),
        )
    )


_SOME_TIME_IN = frozenset(
    PRECISION_CODE[p] for p in (Precision.MONTH, Precision.SEASON, Precision.YEAR)
)


def _title(data: TimelineData, row: int) -> str:
    """A bar's words. An event known only to its month, season or year is some time in
    that period, not lasting all of it: its bar says when ("Jul 2017 · First meeting"),
    over its soft band."""
    title = data.titles[row]
    if int(data.precision[row]) in _SOME_TIME_IN:
        return f"{data.date_of(row).label()} · {title}"
    return title
