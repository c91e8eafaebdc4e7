"""Events as columns (numpy arrays) for the timeline, and what is visible where.

The timeline never walks every event: points known to the day are binned by
pixel with `searchsorted` on sorted start days, so the work per paint depends on
the width of the window, not on the number of events. Events known only to a
month, season, year or interval share a few hundred distinct extents, which are
grouped once when the data is loaded (`lane_index`); the codes the columns hold are in
`codes`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import field
from functools import cached_property
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np

from viewer.core.dates.days import Day
from viewer.core.dates.fuzzy import FuzzyDate
from viewer.core.frozen import frozen
from viewer.core.records import Tone
from viewer.core.timeline.codes import (
    DAY_CODE,
    NEUTRAL,
    PRECISION_CODE,
    PRECISIONS,
    offsets,
)
from viewer.core.timeline.id_index import IdIndex
from viewer.core.timeline.lane_index import (
    LaneIndex,
    lane_index,
    lane_subset,
)
from viewer.core.timeline.lanes import LANES, TONES
from viewer.core.timeline.packed_titles import PackedTitles
from viewer.core.timeline.timescale import Viewport

if TYPE_CHECKING:
    import numpy.typing as npt

    from viewer.core.timeline.codes import FloatArray, IntArray


@frozen(slots=False)
class AllPoints:
    """Every lane's exact-day points in one array, lane after lane, by day in each, so
    the bins of all the lanes of a frame are worked out together."""

    days: FloatArray
    rows: IntArray  # row in TimelineData
    starts: IntArray  # where each lane's points begin (one more entry: the end)


@frozen(slots=False)
class Bins:
    """Occupied pixel bins of some lanes' points in a viewport, lane after lane."""

    lane: IntArray  # of each bin: its lane's place in the lanes asked for
    bounds: IntArray  # the bins of the i-th lane asked for are bounds[i]:bounds[i + 1]
    centre_days: FloatArray  # the day at the middle of each occupied bin's events
    counts: IntArray
    first: IntArray  # index into `AllPoints` of the bin's first event
    left_days: FloatArray  # where each occupied bin begins
    bin_px: FloatArray  # the width each lane was binned at (its bins' days would round)


@frozen(slots=False)
class TimelineData:
    """Everything the timeline draws, as columns. Rows are in (start, id) order."""

    ids: tuple[str, ...]
    titles: Sequence[str]  # a tuple, or PackedTitles as read from a catalog
    start: FloatArray  # first day (ordinal) as float
    end: FloatArray  # last day + 1 (exclusive)
    lane: npt.NDArray[np.int8]
    tone: npt.NDArray[np.int8]
    precision: npt.NDArray[np.int8]
    approximate: npt.NDArray[np.bool_]
    cancelled: npt.NDArray[np.bool_]  # cancelled or never held: drawn hollow
    lanes: tuple[LaneIndex, ...] = field(default=())
    point_pos: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @classmethod
    def from_columns(
        cls,
        ids: list[str],
        titles: Sequence[str],
        start: FloatArray,
        end: FloatArray,
        lane: npt.NDArray[np.int8],
        tone: npt.NDArray[np.int8],
        precision: npt.NDArray[np.int8],
        approximate: npt.NDArray[np.bool_],
        cancelled: npt.NDArray[np.bool_],
        *,
        lane_count: int = len(LANES),
    ) -> TimelineData:
        lanes = tuple(
            lane_index(number, start, end, lane, tone, precision, approximate, cancelled)
            for number in range(lane_count)
        )
        point_pos = np.full(len(ids), -1, dtype=np.int64)  # row -> index in its lane's points
        for index in lanes:
            point_pos[index.point_rows] = np.arange(len(index.point_rows))
        return cls(
            ids=tuple(ids),
            titles=titles if isinstance(titles, PackedTitles) else tuple(titles),
            start=start,
            end=end,
            lane=lane,
            tone=tone,
            precision=precision,
            approximate=approximate,
            cancelled=cancelled,
            lanes=lanes,
            point_pos=point_pos,
        )

    @classmethod
    def empty(cls, lane_count: int = len(LANES)) -> TimelineData:
        f = np.zeros(0, dtype=np.float64)
        i8 = np.zeros(0, dtype=np.int8)
        b = np.zeros(0, dtype=np.bool_)
        return cls.from_columns(
            [], [], f, f.copy(), i8, i8.copy(), i8.copy(), b, b.copy(), lane_count=lane_count
        )

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def all_points(self) -> AllPoints:
        days = [np.zeros(0), *(index.point_days for index in self.lanes)]
        rows = [np.zeros(0, dtype=np.int64), *(index.point_rows for index in self.lanes)]
        starts = np.zeros(len(self.lanes) + 1, dtype=np.int64)
        starts[1:] = np.cumsum([len(d) for d in days[1:]], dtype=np.int64)
        return AllPoints(
            days=np.concatenate(days).astype(np.float64),
            rows=np.concatenate(rows).astype(np.int64),
            starts=starts,
        )

    def subset(self, keep: npt.NDArray[np.bool_]) -> TimelineData:
        """Only the rows where `keep` is true (a filter), in the same order.

        The lanes' indexes are cut down from these ones rather than built again, so
        narrowing 100,000 events to a tag fits in a frame.
        """
        rows = np.flatnonzero(keep)
        new_row = np.full(len(self.ids), -1, dtype=np.int64)
        new_row[rows] = np.arange(len(rows))
        kept = rows.tolist()
        lanes = tuple(
            lane_subset(index, keep, new_row, self.tone, self.cancelled) for index in self.lanes
        )
        ids = _pick(self.ids, kept)
        point_pos = np.full(len(kept), -1, dtype=np.int64)
        for index in lanes:
            point_pos[index.point_rows] = np.arange(len(index.point_rows))
        return TimelineData(
            ids=tuple(ids),
            titles=_pick(self.titles, kept),
            start=self.start[rows],
            end=self.end[rows],
            lane=self.lane[rows],
            tone=self.tone[rows],
            precision=self.precision[rows],
            approximate=self.approximate[rows],
            cancelled=self.cancelled[rows],
            lanes=lanes,
            point_pos=point_pos,
        )

    def with_events(self, extra: list[tuple[str, str, FuzzyDate, int]]) -> TimelineData:
        """These events plus `extra` (id, title, date, lane), kept in (start, id) order."""
        if not extra:
            return self
        ids = [*self.ids, *(e[0] for e in extra)]
        titles = [*self.titles, *(e[1] for e in extra)]
        start = np.concatenate([self.start, [float(e[2].start_ordinal) for e in extra]])
        end = np.concatenate([self.end, [float(e[2].end_ordinal + 1) for e in extra]])
        lane = np.concatenate([self.lane, np.array([e[3] for e in extra], dtype=np.int8)])
        tone = np.concatenate([self.tone, np.full(len(extra), NEUTRAL, dtype=np.int8)])
        precision = np.concatenate(
            [
                self.precision,
                np.array([PRECISION_CODE[e[2].precision] for e in extra], dtype=np.int8),
            ]
        )
        approximate = np.concatenate(
            [self.approximate, np.array([e[2].approximate for e in extra], dtype=np.bool_)]
        )
        cancelled = np.concatenate([self.cancelled, np.zeros(len(extra), dtype=np.bool_)])
        rows = np.lexsort((np.array(ids), start)).astype(np.int64)
        order = rows.tolist()
        return TimelineData.from_columns(
            [ids[r] for r in order],
            [titles[r] for r in order],
            start[rows],
            end[rows],
            lane[rows],
            tone[rows],
            precision[rows],
            approximate[rows],
            cancelled[rows],
            lane_count=len(self.lanes),
        )

    def mask_of(self, event_ids: set[str] | frozenset[str]) -> npt.NDArray[np.bool_]:
        keep = np.zeros(len(self.ids), dtype=np.bool_)
        rows = self.rows_of(event_ids)
        keep[rows[rows >= 0]] = True
        return keep

    def row_of(self, event_id: str) -> int | None:
        return self._index.row_of(event_id)

    def rows_of(self, event_ids: Iterable[str]) -> npt.NDArray[np.int64]:
        """The row of each id, -1 where this data has none."""
        return self._index.rows_of(event_ids)

    @cached_property
    def _index(self) -> IdIndex:
        """Rows by id, made when first asked (a narrowed copy may never be asked)."""
        return IdIndex(self.ids)

    def lane_contents(self) -> dict[int, tuple[bool, int]]:
        """Per lane number: whether it has exact-day points, and how many stacking rows
        its extents use (whatever the zoom, so lane heights stay put while panning)."""
        return {
            number: (
                bool(len(index.point_days)),
                int(index.extent_rows.max()) + 1 if len(index.extent_rows) else 0,
            )
            for number, index in enumerate(self.lanes)
        }

    def is_point(self, row: int) -> bool:
        return bool(self.precision[row] == DAY_CODE and not self.approximate[row])

    def centre(self, row: int) -> float:
        return float(self.start[row] + self.end[row]) / 2

    def tone_of(self, row: int) -> Tone:
        return TONES[int(self.tone[row])]

    def date_of(self, row: int) -> FuzzyDate:
        start = Day.fromordinal(int(self.start[row]))
        end = Day.fromordinal(int(self.end[row]) - 1)
        return FuzzyDate(
            "", start, end, PRECISIONS[int(self.precision[row])], bool(self.approximate[row])
        )

    def bounds(self) -> tuple[float, float]:
        """First and last day of all events (a default decade when empty)."""
        if not len(self.ids):
            today = float(Day.today().toordinal())
            return today - 3650, today
        return float(self.start.min()), float(self.end.max())

    def order(self, visible_lanes: frozenset[int]) -> IntArray:
        """Rows of the visible lanes in the order Left/Right step through them: by first
        day, then (on one day) lane by lane from the top, then by id."""
        mask = np.isin(self.lane, list(visible_lanes))
        rows = np.flatnonzero(mask)
        keys = np.lexsort((self.lane[rows], self.start[rows]))
        return rows[keys].astype(np.int64)


def point_bins(
    data: TimelineData, view: Viewport, lanes: Sequence[int], bin_px: Sequence[float]
) -> Bins:
    """Group the points of `lanes` into bins, `bin_px[i]` wide for the i-th lane, on a
    grid fixed in time, all lanes in one pass.

    The grid is anchored to day 0, so panning does not make clusters jump; only the
    bins overlapping the view (plus one each side) are looked at.
    """
    points = data.all_points
    widths = np.asarray(bin_px, dtype=np.float64)
    numbers = np.asarray(lanes, dtype=np.int64)
    bin_days = widths * view.days_per_px
    first_bin = np.floor(view.start / bin_days) - 1
    edge_counts = (np.ceil(view.end / bin_days) + 1 - first_bin + 1).astype(np.int64)
    lane_of_edge = np.repeat(np.arange(len(numbers)), edge_counts)
    edge_starts = offsets(edge_counts)
    step = np.arange(len(lane_of_edge)) - np.repeat(edge_starts, edge_counts)
    edges = (step + first_bin[lane_of_edge]) * bin_days[lane_of_edge]
    positions = np.empty(len(edges), dtype=np.int64)
    ends = (edge_starts + edge_counts).tolist()
    # Searched lane by lane, in each lane's days as they are (one search of days shifted
    # apart by lane would round the edges: a point a hair from an edge changes bin).
    for a, b, number in zip(edge_starts.tolist(), ends, numbers.tolist(), strict=True):
        lo, hi = int(points.starts[number]), int(points.starts[number + 1])
        positions[a:b] = np.searchsorted(points.days[lo:hi], edges[a:b])
        positions[a:b] += lo
    counts = np.diff(positions)
    counts[lane_of_edge[1:] != lane_of_edge[:-1]] = 0  # from one lane's end to the next
    occupied = np.flatnonzero(counts)
    first = positions[:-1][occupied]
    counts = counts[occupied]
    lane = lane_of_edge[:-1][occupied]
    days = points.days
    centre = (days[first] + days[first + counts - 1]) / 2 if len(first) else np.zeros(0)
    bounds = np.searchsorted(lane, np.arange(len(numbers) + 1))
    return Bins(
        lane.astype(np.int64),
        bounds.astype(np.int64),
        centre,
        counts.astype(np.int64),
        first.astype(np.int64),
        edges[:-1][occupied],
        widths,
    )


def _pick(values: Sequence[str], rows: list[int]) -> tuple[str, ...]:
    """values[r] for each r, in C (itemgetter) rather than a Python loop."""
    if len(rows) < 2:
        return tuple(values[r] for r in rows)
    return itemgetter(*rows)(values)
