"""What the timeline shows in the current view, and where.

`build_scene()` is the one place that decides what is drawn where; the painter
draws it and hit-testing looks things up in it, so both always agree. Points are
kept as numpy columns per lane and bars as small tuples, so the cost depends on
the width of the window, not on the number of events.
"""

from __future__ import annotations

import itertools

import numpy as np
import numpy.typing as npt

from viewer.core.timeline.codes import NEUTRAL
from viewer.core.timeline.data import Bins, TimelineData, point_bins
from viewer.core.timeline.lane_index import LaneIndex, visible_extents
from viewer.core.timeline.stance import StanceTrack
from viewer.core.timeline.timescale import Viewport
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.scene_items import (
    BADGE_WIDTHS,
    HALF,
    Bar,
    LanePoints,
    PlainBars,
    Runs,
    Scene,
    cluster_width,
    make_bars,
)
from viewer.ui.timeline.stance_scene import add_stance


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
    add_stance(scene, stance, view, geo, selected, data)
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
_WIDTH_BY_DIGITS = np.array(BADGE_WIDTHS, dtype=np.float64)
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
    widths = BADGE_WIDTHS
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
    visible, x0s, x1s, rows, crowds = _merge_crowded(visible, x0s, x1s, rows)
    ys = tops[rows]
    room = _room_after(x0s, x1s, rows, left + view.width)
    fancy = (x1s - x0s >= FANCY_BAR_PX) | index.extent_hollow[visible] | (room >= LABEL_AFTER_PX)
    if crowds:  # a counted bar says how many it holds
        fancy |= np.isin(visible, np.fromiter(crowds, dtype=np.int64))
    if selected:
        chosen = {r for r in selected if int(data.lane[r]) == lane}
        if chosen:
            fancy |= np.array(
                [not chosen.isdisjoint(index.extents[i].rows) for i in visible.tolist()]
            )
    if fancy.any():
        bars = make_bars(
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
        if crowds:
            firsts = visible[fancy].tolist()
            bars = [
                _counted(bar, index, crowds[e], selected) if e in crowds else bar
                for bar, e in zip(bars, firsts, strict=True)
            ]
        scene.bars += bars
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


#: Bars in one row that overlap by more than this (px) are one counted bar: where a
#: lane's events need more rows than it has, or bars too short to tell apart are drawn
#: at their least width, they would otherwise be drawn over each other. Bars that only
#: touch (one period ending where the next begins) stay apart.
CROWDED_PX = 1.0


def _merge_crowded(
    extents: npt.NDArray[np.int64],
    x0: npt.NDArray[np.float64],
    x1: npt.NDArray[np.float64],
    rows: npt.NDArray[np.int64],
) -> tuple[
    npt.NDArray[np.int64],
    npt.NDArray[np.float64],
    npt.NDArray[np.float64],
    npt.NDArray[np.int64],
    dict[int, npt.NDArray[np.int64]],
]:
    """Each run of bars that overlap in a row made one bar from the first's left to the
    furthest right, under the first's extent; and, for those, every extent they hold
    (by the first). Nothing changes where no two bars in a row overlap (the usual case:
    checked in numpy before anything is rebuilt)."""
    order = np.lexsort((x0, rows))
    r, a, b = rows[order], x0[order], x1[order]
    reach = np.empty_like(b)
    for row in np.unique(r).tolist():  # a lane has a few rows
        at = np.flatnonzero(r == row)
        reach[at] = np.maximum.accumulate(b[at])
    same_row = np.append(False, r[1:] == r[:-1])
    meets = same_row & np.append(False, a[1:] < reach[:-1] - CROWDED_PX)
    if not meets.any():
        return extents, x0, x1, rows, {}
    starts = np.flatnonzero(~meets)
    ends = np.append(starts[1:], len(order))
    kept = order[starts]
    right = np.maximum.reduceat(b, starts)
    crowds = {
        int(extents[order[s]]): extents[order[s:e]]
        for s, e in zip(starts.tolist(), ends.tolist(), strict=True)
        if e - s > 1
    }
    return extents[kept], x0[kept], right, rows[kept], crowds


def _counted(
    bar: Bar, index: LaneIndex, members: npt.NDArray[np.int64], selected: frozenset[int]
) -> Bar:
    """A bar standing for several extents drawn in one place: how many events, from the
    first's start to the last's end, one tone where they share it (grey otherwise)."""
    rows = tuple(r for e in members.tolist() for r in index.extents[e].rows)
    tones = index.extent_tones[members]
    return bar._replace(
        rows=rows,
        tone=int(tones[0]) if (tones == tones[0]).all() else NEUTRAL,
        start=float(index.extent_starts[members].min()),
        end=float(index.extent_ends[members].max()),
        approximate=bool(index.extent_approximate[members].any()),
        hollow=False,
        selected=not selected.isdisjoint(rows),
        label=f"{len(rows)} events",
    )


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
