"""One lane's events, indexed for drawing: its exact-day points sorted by day, and its
vaguer events grouped by shared extent ("Nov 2018", "2017-2021") and stacked into rows
once, when the data loads."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, overload

import numpy as np

from viewer.core.frozen import frozen
from viewer.core.timeline.codes import DAY_CODE, NEUTRAL, distinct, located, offsets
from viewer.core.timeline.timescale import Viewport

if TYPE_CHECKING:
    import numpy.typing as npt

    from viewer.core.timeline.codes import FloatArray, IntArray


@frozen(slots=False)
class Extent:
    """Events of one lane that share the same vague extent (e.g. all "Nov 2018" ones).

    `row` stacks extents that overlap in time (a year over its months); it is fixed
    when the data loads, so drawing needs no packing. `tone` is the events' common
    tone, or neutral when they differ.
    """

    start: float
    end: float  # exclusive
    approximate: bool
    rows: tuple[int, ...]
    tone: int = 3
    row: int = 0


@frozen(slots=False)
class LaneIndex:
    """One lane's events: exact-day points sorted by day, and grouped vague extents.

    Extents are held as columns; `extents` makes the `Extent` records on demand (the
    painter asks for the few it draws fancy), so narrowing the data stays vectorised.
    """

    point_days: FloatArray  # sorted, the middle of each day
    point_rows: IntArray  # row in TimelineData for each point
    extent_starts: FloatArray
    extent_ends: FloatArray
    extent_approximate: npt.NDArray[np.bool_]
    extent_rows: IntArray  # stacking row of each extent
    extent_tones: IntArray
    extent_counts: IntArray
    extent_hollow: npt.NDArray[np.bool_]  # a single cancelled event
    member_rows: IntArray  # every extent's rows, one extent after another
    member_starts: IntArray  # where each extent's rows begin in member_rows

    @cached_property
    def extents(self) -> _Extents:
        return _Extents(self)

    def extents_of(self, rows: IntArray) -> IntArray:
        """The extents (their numbers, sorted) that hold any of these event rows."""
        by_row, extent = self._member_extents
        at, held = located(by_row, rows)
        return distinct(extent[at[held]])

    @cached_property
    def _member_extents(self) -> tuple[IntArray, IntArray]:
        """Every extent's rows sorted, with the extent each belongs to (made when first
        asked: by a search's frames, which look up a few rows among all of them)."""
        sizes = np.diff(np.append(self.member_starts, len(self.member_rows)))
        extent = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
        order = np.argsort(self.member_rows, kind="stable")
        return self.member_rows[order], extent[order]


class _Extents(Sequence[Extent]):
    """The lane's extents as records, each made when first asked for."""

    def __init__(self, index: LaneIndex) -> None:
        self._index = index
        self._made: dict[int, Extent] = {}

    def __len__(self) -> int:
        return len(self._index.extent_starts)

    @overload
    def __getitem__(self, i: int) -> Extent: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Extent]: ...
    def __getitem__(self, i: int | slice) -> Extent | Sequence[Extent]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        made = self._made.get(i)
        if made is None:
            x = self._index
            first = int(x.member_starts[i])
            made = Extent(
                float(x.extent_starts[i]),
                float(x.extent_ends[i]),
                bool(x.extent_approximate[i]),
                tuple(x.member_rows[first : first + int(x.extent_counts[i])].tolist()),
                int(x.extent_tones[i]),
                int(x.extent_rows[i]),
            )
            self._made[i] = made
        return made


def lane_index(
    number: int,
    start: FloatArray,
    end: FloatArray,
    lane: npt.NDArray[np.int8],
    tone: npt.NDArray[np.int8],
    precision: npt.NDArray[np.int8],
    approximate: npt.NDArray[np.bool_],
    cancelled: npt.NDArray[np.bool_],
) -> LaneIndex:
    in_lane = lane == number
    point_mask = in_lane & (precision == DAY_CODE) & ~approximate
    rows = np.flatnonzero(point_mask)
    days = start[rows] + 0.5
    order = np.argsort(days, kind="stable")
    extents: dict[tuple[float, float, bool], list[int]] = {}
    spans = np.flatnonzero(in_lane & ~point_mask)
    keys = zip(  # as Python numbers at once: indexing arrays row by row is slow
        start[spans].tolist(), end[spans].tolist(), approximate[spans].tolist(), strict=True
    )
    for row, key in zip(spans.tolist(), keys, strict=True):
        extents.setdefault(key, []).append(row)
    items = tuple(
        Extent(s, e, a, tuple(r), _common_tone(tone, r), row)
        for ((s, e, a), r), row in zip(
            sorted(extents.items()), _stack(sorted(extents)), strict=True
        )
    )
    return _lane(days[order], rows[order].astype(np.int64), items, cancelled)


def _lane(
    point_days: FloatArray,
    point_rows: IntArray,
    items: tuple[Extent, ...],
    cancelled: npt.NDArray[np.bool_],
) -> LaneIndex:
    counts = np.array([len(x.rows) for x in items], dtype=np.int64)
    return LaneIndex(
        point_days=point_days,
        point_rows=point_rows,
        extent_starts=np.array([x.start for x in items], dtype=np.float64),
        extent_ends=np.array([x.end for x in items], dtype=np.float64),
        extent_approximate=np.array([x.approximate for x in items], dtype=np.bool_),
        extent_rows=np.array([x.row for x in items], dtype=np.int64),
        extent_tones=np.array([x.tone for x in items], dtype=np.int64),
        extent_counts=counts,
        extent_hollow=np.array(
            [len(x.rows) == 1 and bool(cancelled[x.rows[0]]) for x in items], dtype=np.bool_
        ),
        member_rows=np.array([r for x in items for r in x.rows], dtype=np.int64),
        member_starts=offsets(counts),
    )


def lane_subset(
    index: LaneIndex,
    keep: npt.NDArray[np.bool_],
    new_row: IntArray,
    tone: npt.NDArray[np.int8],
    cancelled: npt.NDArray[np.bool_],
) -> LaneIndex:
    """`index` cut down to the kept rows (renumbered by `new_row`), all in numpy.

    Extents keep their stacking rows with the emptied rows taken out: no two that
    overlap share a row, and no row is left blank.
    """
    points = keep[index.point_rows]
    members = keep[index.member_rows]
    owner = np.repeat(np.arange(len(index.extent_starts)), index.extent_counts)
    counts = np.bincount(owner[members], minlength=len(index.extent_starts))
    chosen = np.flatnonzero(counts)
    old_rows = index.member_rows[members]
    counts = counts[chosen]
    starts = offsets(counts)
    common = np.zeros(0, dtype=np.int64)
    if len(old_rows):
        tones = tone[old_rows].astype(np.int64)
        low = np.minimum.reduceat(tones, starts)
        high = np.maximum.reduceat(tones, starts)
        common = np.where(low == high, low, NEUTRAL)
    used, stacking = np.unique(index.extent_rows[chosen], return_inverse=True)
    del used
    return LaneIndex(
        point_days=index.point_days[points],
        point_rows=new_row[index.point_rows[points]],
        extent_starts=index.extent_starts[chosen],
        extent_ends=index.extent_ends[chosen],
        extent_approximate=index.extent_approximate[chosen],
        extent_rows=stacking.astype(np.int64).reshape(-1),
        extent_tones=common,
        extent_counts=counts.astype(np.int64),
        extent_hollow=(counts == 1) & cancelled[old_rows[starts]]
        if len(old_rows)
        else np.zeros(0, dtype=np.bool_),
        member_rows=new_row[old_rows],
        member_starts=starts,
    )


def _common_tone(tone: npt.NDArray[np.int8], rows: list[int]) -> int:
    tones = tone[rows]
    return int(tones[0]) if (tones == tones[0]).all() else NEUTRAL


def _stack(keys: list[tuple[float, float, bool]]) -> list[int]:
    """Greedy interval partitioning in time: each extent gets the first free row."""
    free: list[float] = []  # end of the last extent in each row
    rows = []
    for start, end, _ in keys:
        row = next((r for r, last in enumerate(free) if last <= start), len(free))
        if row == len(free):
            free.append(end)
        else:
            free[row] = end
        rows.append(row)
    return rows


def visible_extents(index: LaneIndex, view: Viewport) -> IntArray:
    """Indexes of the lane's vague extents that overlap the view, in start order."""
    mask = (index.extent_ends > view.start) & (index.extent_starts < view.end)
    return np.flatnonzero(mask)
