"""What the timeline shows in the current view, and where.

`build_scene()` is the one place that decides what is drawn where; the painter
draws it and hit-testing looks things up in it, so both always agree. Points are
kept as numpy columns per lane and bars as small tuples, so the cost depends on
the width of the window, not on the number of events.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from itertools import repeat
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QRectF

from viewer.core.dates.fuzzy import Precision
from viewer.core.records import Tone
from viewer.core.timeline.data import (
    PRECISION_CODE,
    Bins,
    LaneIndex,
    TimelineData,
    point_bins,
    visible_extents,
)
from viewer.core.timeline.lanes import TONE_CODE
from viewer.core.timeline.stance import Flip, StancePoint, StanceTrack
from viewer.core.timeline.timescale import Viewport
from viewer.ui.timeline import geometry as g

HALF = g.MARKER / 2 + 1


class ItemKind(Enum):
    POINT = "point"  # one event known to the day
    CLUSTER = "cluster"  # several exact-day events within a few pixels
    BAR = "bar"  # events known to a month, season, year or interval
    STANCE = "stance"  # one point of the stance track
    FLIP = "flip"  # a flip marker on the stance track


@dataclass(frozen=True, slots=True)
class Item:
    """One thing on screen, as hit-testing and tooltips see it."""

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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class PlainBars:
    """A lane's narrow bars, drawn without labels (as the scene's `runs`)."""

    lane: int
    extents: npt.NDArray[np.int64]  # index into the lane's extents, for hit-testing
    x0: npt.NDArray[np.float64]
    x1: npt.NDArray[np.float64]
    y: npt.NDArray[np.float64]
    tones: npt.NDArray[np.int64]
    rows: npt.NDArray[np.int64]  # bar row within the lane


#: Runs of touching plain bars, per tone: (tone, lefts, tops, widths).
Runs = tuple[tuple[int, list[float], list[float], list[float]], ...]


@dataclass
class Scene:
    points: list[LanePoints] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)  # wide, selected or cancelled ones
    plain: list[PlainBars] = field(default_factory=list)
    runs: Runs = ()  # the plain bars of every lane, as the painter fills them
    marks: list[Item] = field(default_factory=list)  # stance points and flips
    data: TimelineData | None = None

    def items(self) -> Iterator[Item]:
        """Everything on screen as `Item`s (for tests, tooltips and accessibility)."""
        for lane in self.points:
            for i in range(len(lane.xs)):
                yield _point_item(lane, i)
        for bar in self.bars:
            yield _bar_item(bar)
        for plain in self.plain:
            for i in range(len(plain.extents)):
                yield _bar_item(self._plain_bar(plain, i))
        yield from self.marks

    def _plain_bar(self, plain: PlainBars, i: int) -> Bar:
        assert self.data is not None
        one = slice(i, i + 1)
        (bar,) = _make_bars(
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

    def at(self, x: float, y: float) -> Item | None:
        """The item under a point; the smallest wins (a marker over a bar behind it)."""
        candidates: list[Item] = [m for m in self.marks if _hit(m.rect, x, y)]
        for lane in self.points:
            if abs(y - lane.y) <= HALF + 2 and len(lane.xs):
                i = int(np.argmin(np.abs(lane.xs - x)))
                item = _point_item(lane, i)
                if _hit(item.rect, x, y):
                    candidates.append(item)
        candidates += [_bar_item(b) for b in self.bars if _hit(_bar_rect(b), x, y)]
        for plain in self.plain:
            inside = (plain.x0 - 2 <= x) & (x <= plain.x1 + 2)
            inside &= (plain.y - 2 <= y) & (y <= plain.y + g.BAR + 2)
            candidates += [
                _bar_item(self._plain_bar(plain, int(i))) for i in np.flatnonzero(inside)
            ]
        if not candidates:
            return None
        return min(candidates, key=lambda c: c.rect.width() * c.rect.height())


def _hit(rect: QRectF, x: float, y: float) -> bool:
    return rect.adjusted(-2, -2, 2, 2).contains(x, y)


def cluster_width(count: int) -> float:
    return _WIDTHS[min(len(str(count)), len(_WIDTHS) - 1)]


_WIDTHS = [max(2 * HALF + 4, 8 + 7 * digits) for digits in range(12)]


def _point_item(lane: LanePoints, i: int) -> Item:
    x = float(lane.xs[i])
    count = int(lane.counts[i])
    if count == 1:
        return Item(
            ItemKind.POINT,
            QRectF(x - HALF, lane.y - HALF, 2 * HALF, 2 * HALF),
            lane.lane,
            (int(lane.rows[i]),),
            int(lane.first[i]),
            1,
            selected=bool(lane.selected[i]),
        )
    width = cluster_width(count)
    return Item(
        ItemKind.CLUSTER,
        QRectF(x - width / 2, lane.y - HALF - 1, width, 2 * HALF + 2),
        lane.lane,
        (),
        int(lane.first[i]),
        count,
        start=float(lane.start[i]),
        end=float(lane.end[i]),
        label=str(count),
        selected=bool(lane.selected[i]),
    )


def _bar_rect(bar: Bar) -> QRectF:
    return QRectF(bar.x0, bar.y, bar.x1 - bar.x0, g.BAR)


def _bar_item(bar: Bar) -> Item:
    return Item(
        ItemKind.BAR,
        _bar_rect(bar),
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


def build_scene(
    data: TimelineData,
    view: Viewport,
    geo: g.Geometry,
    selected: frozenset[int],
    stance: StanceTrack,
    bin_widths: BinWidths | None = None,
) -> Scene:
    """What to draw where. `bin_widths`, kept by the caller between frames, holds the
    cluster width each lane settled on at a scale, so panning keeps it (clusters do not
    change size under the cursor) and each frame bins each lane once."""
    scene = Scene(data=data)
    settled: BinWidths = {} if bin_widths is None else bin_widths
    scene.points = _points(data, view, geo, selected, settled)
    for lane, band in geo.lanes:
        _bars(scene, data, data.lanes[lane], lane, view, geo, band, selected)
    scene.runs = _all_runs(scene.plain)
    _stance(scene, stance, view, geo, selected, data)
    return scene


def _points(
    data: TimelineData,
    view: Viewport,
    geo: g.Geometry,
    selected: frozenset[int],
    bin_widths: BinWidths,
) -> list[LanePoints]:
    """The exact-day events of every lane in view, as markers and count badges: binned
    and laid out for all lanes at once (a lane at a time cost six times the numpy calls,
    the bulk of a frame's scene)."""
    lanes = [lane for lane, _ in geo.lanes if len(data.lanes[lane].point_days)]
    if not lanes:
        return []
    points = data.all_points
    widths = []
    for lane in lanes:
        scale, settled = bin_widths.get(lane, (0.0, g.BIN_PX))
        widths.append(settled if scale == view.days_per_px else g.BIN_PX)
    bins = point_bins(data, view, lanes, widths)
    for _ in range(3):  # dense: bins as wide as their count badges, so few need merging
        wide = _widest_badges(bins) + 2
        grow = wide > bins.bin_px
        if not grow.any():
            break
        bins = point_bins(data, view, lanes, np.where(grow, wide, bins.bin_px).tolist())
    for lane, width in zip(lanes, bins.bin_px.tolist(), strict=True):
        bin_widths[lane] = (view.days_per_px, width)
    left = geo.time_left
    xs = (bins.centre_days - view.start) / view.days_per_px + left
    counts, first, owner = bins.counts, bins.first, bins.lane
    # A count badge stays inside its own bin, moved in by a few pixels if its events sit
    # near the bin's edge (it still covers them): badges in neighbouring bins then never
    # touch, and the merge below has nothing to do in a dense lane.
    widths_px = _badge_widths(counts)
    bin_left = (bins.left_days - view.start) / view.days_per_px + left
    low = bin_left + widths_px / 2 + 1
    high = np.maximum(low, bin_left + bins.bin_px[owner] - widths_px / 2 - 1)
    xs = np.where(counts > 1, np.clip(xs, low, high), xs)
    bounds = bins.bounds.tolist()
    if _any_overlap(xs, widths_px, owner):  # singles close together, or a badge wider than its bin
        xs, counts, first, owner, bounds = _merge_lanes(xs, counts, first, owner, bounds)
    last = first + counts - 1
    rows = np.where(counts == 1, points.rows[first], -1)
    right = np.append(xs[1:], np.inf)
    right[np.flatnonzero(owner[1:] != owner[:-1])] = np.inf  # the last of a lane
    room = np.minimum(right, view.width + left) - xs - 2 * HALF
    if selected:
        chosen = np.fromiter(selected, dtype=np.int64)
        chosen = chosen[data.point_pos[chosen] >= 0]
        chosen = np.sort(points.starts[data.lane[chosen]] + data.point_pos[chosen])
        chosen_bins = np.searchsorted(chosen, last, side="right") > np.searchsorted(chosen, first)
    else:
        chosen_bins = np.zeros(len(xs), dtype=np.bool_)
    local = first - points.starts[np.asarray(lanes)[owner]]  # index in the lane's own points
    start, end = points.days[first] - 0.5, points.days[last] + 0.5
    bands = dict(geo.lanes)
    out = []
    for i, lane in enumerate(lanes):
        a, b = bounds[i], bounds[i + 1]
        if a < b:
            out.append(
                LanePoints(
                    lane,
                    geo.point_row_y(bands[lane]),
                    xs[a:b],
                    counts[a:b],
                    local[a:b],
                    rows[a:b],
                    room[a:b],
                    chosen_bins[a:b],
                    start[a:b],
                    end[a:b],
                )
            )
    return out


def _widest_badges(bins: Bins) -> npt.NDArray[np.float64]:
    """Per lane, the width of its widest count badge (0 for a lane with no points)."""
    most = np.zeros(len(bins.bin_px), dtype=np.int64)
    if len(bins.counts):
        np.maximum.at(most, bins.lane, bins.counts)
    digits = 1 + np.searchsorted(_TENS, most, side="right")
    return np.where(most > 0, _WIDTH_BY_DIGITS[np.minimum(digits, 11)], -2.0)


def _merge_lanes(
    xs: npt.NDArray[np.float64],
    counts: npt.NDArray[np.int64],
    first: npt.NDArray[np.int64],
    owner: npt.NDArray[np.int64],
    bounds: list[int],
) -> tuple[
    npt.NDArray[np.float64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    list[int],
]:
    """`_merge_overlapping` in each lane on its own."""
    parts = []
    new_bounds = [0]
    for a, b in itertools.pairwise(bounds):
        merged = _merge_overlapping(xs[a:b].tolist(), counts[a:b].tolist(), first[a:b].tolist())
        parts.append(merged)
        new_bounds.append(new_bounds[-1] + len(merged[0]))
    sizes = np.diff(new_bounds)
    return (
        np.concatenate([m[0] for m in parts]),
        np.concatenate([m[1] for m in parts]),
        np.concatenate([m[2] for m in parts]),
        np.repeat(np.arange(len(sizes)), sizes),
        new_bounds,
    )


#: Markers and badges closer than this touch. A hair under 2 px: badges centred in bins
#: exactly their width + 2 apart must not count as touching through rounding.
_GAP = 2 - 1e-6
_WIDTH_BY_DIGITS = np.array(_WIDTHS, dtype=np.float64)
_TENS = np.array([10**k for k in range(1, 11)], dtype=np.int64)  # where a digit is added


def _badge_widths(counts: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Width of each marker (a single event) or count badge, as `cluster_width` gives."""
    digits = 1 + np.searchsorted(_TENS, counts, side="right")
    return np.where(counts == 1, 2 * HALF, _WIDTH_BY_DIGITS[np.minimum(digits, 11)])


def _any_overlap(
    xs: npt.NDArray[np.float64],
    widths: npt.NDArray[np.float64],
    owner: npt.NDArray[np.int64] | None = None,
) -> bool:
    """Would any two neighbouring markers or badges of a lane touch (the merge's own
    rule)? `owner` is each one's lane, when several lanes are laid end to end."""
    if len(xs) < 2:
        return False
    touch = (xs[1:] - widths[1:] / 2) < (xs[:-1] + widths[:-1] / 2 + _GAP)
    if owner is not None:
        touch &= owner[1:] == owner[:-1]
    return bool(touch.any())


def _merge_overlapping(
    xs: list[float], counts: list[int], first: list[int]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Join neighbouring bins whose markers or count badges would overlap."""
    out_x: list[float] = []
    out_count: list[int] = []
    out_first: list[int] = []
    right = float("-inf")
    widths = _WIDTHS
    for x, count, start in zip(xs, counts, first, strict=True):
        width = 2 * HALF if count == 1 else widths[len(str(count))]
        if out_x and x - width / 2 < right + _GAP:
            total = out_count[-1] + count
            # keep the group centred on its members, weighted by how many each bin holds
            out_x[-1] = (out_x[-1] * out_count[-1] + x * count) / total
            out_count[-1] = total
            right = out_x[-1] + cluster_width(total) / 2
        else:
            out_x.append(x)
            out_count.append(count)
            out_first.append(start)
            right = x + width / 2
    return (
        np.array(out_x, dtype=np.float64),
        np.array(out_count, dtype=np.int64),
        np.array(out_first, dtype=np.int64),
    )


#: lane -> (days per pixel, bin width in px) the lane's clusters settled on at that scale.
BinWidths = dict[int, tuple[float, float]]

FANCY_BAR_PX = 40  # bars at least this wide get soft edges and a label
LABEL_AFTER_PX = 48  # a narrower bar with this much free row after it is labelled there


def _bars(
    scene: Scene,
    data: TimelineData,
    index: LaneIndex,
    lane: int,
    view: Viewport,
    geo: g.Geometry,
    band: g.Band,
    selected: frozenset[int],
) -> None:
    visible = visible_extents(index, view)
    if not len(visible):
        return
    left = geo.time_left
    x0s = (index.extent_starts[visible] - view.start) / view.days_per_px + left
    x1s = np.maximum((index.extent_ends[visible] - view.start) / view.days_per_px + left, x0s + 3)
    n_rows = geo.bar_rows(band)
    tops = np.array([geo.bar_row_y(band, r) for r in range(n_rows)])
    rows = np.minimum(index.extent_rows[visible], n_rows - 1)
    ys = tops[rows]
    room = _room_after(x0s, x1s, rows, left + view.width)
    fancy = (x1s - x0s >= FANCY_BAR_PX) | index.extent_hollow[visible] | (room >= LABEL_AFTER_PX)
    if selected:
        chosen = {r for r in selected if int(data.lane[r]) == lane}
        if chosen:
            fancy |= np.array(
                [not chosen.isdisjoint(index.extents[i].rows) for i in visible.tolist()]
            )
    if fancy.any():
        scene.bars += _make_bars(
            data,
            index,
            visible[fancy],
            x0s[fancy],
            x1s[fancy],
            ys[fancy],
            lane,
            selected,
            room[fancy],
        )
    plain = ~fancy
    if plain.any():
        extents = visible[plain]
        scene.plain.append(
            PlainBars(
                lane,
                extents,
                x0s[plain],
                x1s[plain],
                ys[plain],
                index.extent_tones[extents],
                rows[plain],
            )
        )


def label_span(
    bar: Bar, gutter: float, text_width: float | None = None
) -> tuple[float, float, bool] | None:
    """Where a bar's label goes, as (left, right, inside): inside the bar (up to the next
    bar in its row, where rows ran out and they overlap), or after it where its row is
    free when the title does not fit inside and has more room there; None when neither
    has room. `text_width`: the title's width in px (estimated when not given)."""
    need = text_width if text_width is not None else 6.5 * len(bar.label)
    left = max(bar.x0, gutter) + 6
    end = bar.x1 + min(0.0, bar.room)
    inside = round(end - left) - 6  # whole pixels, as a stamp of the bar is wide
    after = min(bar.room, 260.0) - 8
    fits_inside = end - bar.x0 > 36 and inside > 24
    fits_after = after >= 30 and bar.x1 >= gutter
    if fits_inside and (inside >= need or not fits_after or after < inside + 24):
        return left, left + inside, True
    if fits_after:
        return bar.x1 + 4, bar.x1 + 4 + after, False
    return None


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


def _room_after(
    x0: npt.NDArray[np.float64],
    x1: npt.NDArray[np.float64],
    rows: npt.NDArray[np.int64],
    right: float,
) -> npt.NDArray[np.float64]:
    """For each bar, the px free after it in its row: to the next bar's start, or to the
    view's right edge for the last (negative where bars overlap)."""
    room = np.empty(len(x0), dtype=np.float64)
    for row in range(int(rows.max()) + 1 if len(rows) else 0):  # a lane has a few rows
        at = np.flatnonzero(rows == row)
        at = at[np.argsort(x0[at], kind="stable")]
        ends = x1[at]
        free = np.minimum(np.append(x0[at][1:], np.inf), right) - ends
        # A bar that began earlier in the row and reaches past this one's end (rows ran
        # out) leaves no room after it.
        covered = np.append(False, np.maximum.accumulate(ends)[:-1] > ends[1:])
        room[at] = np.where(covered, np.minimum(free, 0.0), free)
    return room


def _make_bars(
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


def _all_runs(plain: list[PlainBars]) -> Runs:
    """The runs of every lane's plain bars, made in one pass for the whole frame."""
    if not plain:
        return ()
    return _runs(
        np.concatenate([p.x0 for p in plain]),
        np.concatenate([p.x1 for p in plain]),
        np.concatenate([p.y for p in plain]),
        np.concatenate([p.tones for p in plain]),
        # a row number for the whole frame: the lane's rows after the lanes above
        np.concatenate([p.rows + n * g.BAR_ROWS for n, p in enumerate(plain)]),
    )


def _runs(
    x0: npt.NDArray[np.float64],
    x1: npt.NDArray[np.float64],
    y: npt.NDArray[np.float64],
    tones: npt.NDArray[np.int64],
    rows: npt.NDArray[np.int64],
) -> Runs:
    """Touching bars of one row and tone, joined: one rectangle to paint instead of many;
    grouped by tone, so the painter sets each colour once.

    The bars of each row come in start order, so a stable sort by (tone, row) alone
    puts each row of a tone in x order; on small integers numpy sorts that in linear
    time (a radix sort), several times quicker than sorting by x as well."""
    if not len(x0):
        return ()
    order = np.argsort((tones * 1024 + rows).astype(np.int16), kind="stable")
    x0, x1, y, tones = x0[order], x1[order], y[order], tones[order]
    breaks = np.ones(len(x0), dtype=np.bool_)
    breaks[1:] = (y[1:] != y[:-1]) | (tones[1:] != tones[:-1]) | (x0[1:] > x1[:-1] + 1.5)
    starts = np.flatnonzero(breaks)
    left, top, tone = x0[starts], y[starts], tones[starts]
    width = np.maximum.reduceat(x1, starts) - left
    bounds = [0, *(np.flatnonzero(np.diff(tone)) + 1).tolist(), len(tone)]
    xs, ys, ws, tones_of = left.tolist(), top.tolist(), width.tolist(), tone.tolist()
    return tuple((tones_of[a], xs[a:b], ys[a:b], ws[a:b]) for a, b in itertools.pairwise(bounds))


WARM, COLD, MIXED, NEUTRAL = (
    TONE_CODE[t] for t in (Tone.WARM, Tone.COLD, Tone.MIXED, Tone.NEUTRAL)
)
STANCE_BIN_PX = 6  # denser than one statement per this many px: summed per bin
FLIP_MERGE_PX = 34  # flips closer than this share one counted marker


def _stance(
    scene: Scene,
    track: StanceTrack,
    view: Viewport,
    geo: g.Geometry,
    selected: frozenset[int],
    data: TimelineData,
) -> None:
    """The stance track in view: each statement's point where there is room, else per
    pixel bin the range and prevailing tone of the statements in it; and the flips,
    neighbouring ones counted in one marker."""
    band = geo.stance
    if not len(track) or not band.height:
        return
    shown = track.in_view(view.start, view.end)
    if not len(shown):
        flips: list[tuple[float, Flip]] = []
    elif len(shown) * STANCE_BIN_PX <= view.width:
        _stance_points(scene, track, shown, view, geo, selected, data)
        flips = [(f.day, f) for f in track.flips_in(view.start, view.end)]
    else:
        flips = _stance_bins(scene, track, shown, view, geo)
    _flip_markers(scene, flips, view, geo, data, selected)


def _stance_y(band: g.Band, value: float) -> float:
    return band.middle - value * (band.height / 2 - 8)


def _stance_points(
    scene: Scene,
    track: StanceTrack,
    shown: npt.NDArray[np.int64],
    view: Viewport,
    geo: g.Geometry,
    selected: frozenset[int],
    data: TimelineData,
) -> None:
    left = geo.time_left
    for i in shown.tolist():
        point = track.point(i)
        x = (point.day - view.start) / view.days_per_px + left
        y = _stance_y(geo.stance, point.value)
        row = data.row_of(point.event_id)
        rect = QRectF(x - 4, y - 4, 8, 8)
        if not point.orderable:  # dated to a year or more: its whole extent
            x0 = (point.start - view.start) / view.days_per_px + left
            x1 = (point.end - view.start) / view.days_per_px + left
            rect = QRectF(x0, y - 4, max(8.0, x1 - x0), 8)
        scene.marks.append(
            Item(
                ItemKind.STANCE,
                rect,
                rows=(row,) if row is not None else (),
                tone=int(track.tone[i]),
                start=point.start,
                end=point.end,
                stance=point,
                selected=row is not None and row in selected,
            )
        )


def _stance_bins(
    scene: Scene,
    track: StanceTrack,
    shown: npt.NDArray[np.int64],
    view: Viewport,
    geo: g.Geometry,
) -> list[tuple[float, Flip]]:
    """Statements summed per pixel bin: the range of their tones, the prevailing one,
    how many. The flips are where the prevailing sign turns from one bin to the next
    with a sign (so at most one per bin)."""
    left, band = geo.time_left, geo.stance
    # Usually a run of the track (nothing dated to years reaching in): read in place.
    run = int(shown[-1]) - int(shown[0]) + 1 == len(shown)
    pick: slice | npt.NDArray[np.int64] = slice(int(shown[0]), int(shown[-1]) + 1) if run else shown
    days = track.day[pick]
    bins = ((days - view.start) * (1 / (view.days_per_px * STANCE_BIN_PX))).astype(np.int64)
    starts = np.flatnonzero(np.diff(bins, prepend=bins[0] - 1))
    values = track.value[pick]
    low = np.minimum.reduceat(values, starts)
    high = np.maximum.reduceat(values, starts)
    total = np.add.reduceat(values, starts)
    counts = np.diff(np.append(starts, len(shown)))
    first_day = np.minimum.reduceat(track.start[pick], starts)
    last_day = np.maximum.reduceat(track.end[pick], starts)
    balanced = np.where(high > low, MIXED, NEUTRAL)  # warm and cold alike, or no sign at all
    tone = np.where(total > 0, WARM, np.where(total < 0, COLD, balanced))
    xs = (bins[starts] + 0.5) * STANCE_BIN_PX + left
    for x, lo, hi, n, code, a, b in zip(
        xs.tolist(),
        low.tolist(),
        high.tolist(),
        counts.tolist(),
        tone.tolist(),
        first_day.tolist(),
        last_day.tolist(),
        strict=True,
    ):
        top, bottom = _stance_y(band, hi), _stance_y(band, lo)
        scene.marks.append(
            Item(
                ItemKind.STANCE,
                QRectF(x - 3, top - 3, 6, bottom - top + 6),
                count=n,
                tone=code,
                start=a,
                end=b,
                label=f"{n} statements" if n > 1 else "1 statement",
            )
        )
    signs = np.sign(total)
    signed = np.flatnonzero(signs)
    turns = np.flatnonzero(signs[signed][1:] != signs[signed][:-1])
    flips = []
    ends = np.append(starts[1:], len(shown)) - 1
    for k in turns.tolist():
        before, after = signed[k], signed[k + 1]
        flip = Flip(track.point(int(shown[ends[before]])), track.point(int(shown[starts[after]])))
        day = (track.day[shown[ends[before]]] + track.day[shown[starts[after]]]) / 2
        flips.append((float(day), flip))
    return flips


def _flip_markers(
    scene: Scene,
    flips: list[tuple[float, Flip]],
    view: Viewport,
    geo: g.Geometry,
    data: TimelineData,
    selected: frozenset[int],
) -> None:
    """A marker per flip; flips closer than FLIP_MERGE_PX share one, counted."""
    left, band = geo.time_left, geo.stance
    groups: list[list[tuple[float, Flip]]] = []
    last_x = -np.inf
    for day, flip in flips:
        x = (day - view.start) / view.days_per_px + left
        if not left - 10 <= x <= left + view.width + 10:
            continue
        if groups and x - last_x < FLIP_MERGE_PX:
            groups[-1].append((x, flip))
        else:
            groups.append([(x, flip)])
        last_x = x
    for group in groups:
        x = sum(gx for gx, _ in group) / len(group)
        first, last = group[0][1], group[-1][1]
        ids = (first.before.event_id, last.after.event_id)
        rows = tuple(r for r in map(data.row_of, ids) if r is not None)
        scene.marks.append(
            Item(
                ItemKind.FLIP,
                QRectF(x - 8, band.top + 1, 16, band.height - 2),
                rows=rows,
                count=len(group),
                start=first.before.start,
                end=last.after.end,
                flip=first if len(group) == 1 else None,
                label="Flip" if len(group) == 1 else f"{len(group)} flips",
                selected=bool(rows) and set(rows) <= selected,
            )
        )
