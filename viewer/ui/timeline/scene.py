"""What the timeline shows in the current view, and where.

`build_scene()` is the one place that decides what is drawn where; the painter
draws it and hit-testing looks things up in it, so both always agree. Points are
kept as numpy columns per lane and bars as small tuples, so the cost depends on
the width of the window, not on the number of events.
"""

from __future__ import annotations

import functools
import itertools
from typing import TYPE_CHECKING

import numpy as np

from viewer.core.timeline.data import Bins, TimelineData, point_bins
from viewer.core.timeline.stance import StanceTrack
from viewer.core.timeline.timescale import Viewport
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.scene_bars import add_bars, all_runs
from viewer.ui.timeline.scene_items import (
    LanePoints,
    Scene,
    cluster_width,
)
from viewer.ui.timeline.stance_scene import add_stance

if TYPE_CHECKING:
    import numpy.typing as npt


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
    scene = Scene(data=data, rows=geo.rows)
    settled: BinWidths = {} if bin_widths is None else bin_widths
    scene.points = _points(data, view, geo, selected, settled)
    for lane, band in geo.lanes:
        add_bars(scene, data, data.lanes[lane], lane, view, geo, band, selected)
    scene.runs = all_runs(scene.plain)
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
        scale, settled = bin_widths.get(lane, (0.0, geo.rows.bin_px))
        widths.append(settled if scale == view.days_per_px else geo.rows.bin_px)
    bins = point_bins(data, view, lanes, widths)
    table = _width_table(geo.rows)
    for _ in range(3):  # dense: bins as wide as their count badges, so few need merging
        wide = _widest_badges(bins, table) + 2
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
    widths_px = badge_widths(counts, geo.rows)
    bin_left = (bins.left_days - view.start) / view.days_per_px + left
    low = bin_left + widths_px / 2 + 1
    high = np.maximum(low, bin_left + bins.bin_px[owner] - widths_px / 2 - 1)
    xs = np.where(counts > 1, np.clip(xs, low, high), xs)
    bounds = bins.bounds.tolist()
    if _any_overlap(xs, widths_px, owner):  # singles close together, or a badge wider than its bin
        xs, counts, first, owner, bounds = _merge_lanes(xs, counts, first, owner, bounds, geo.rows)
    last = first + counts - 1
    rows = np.where(counts == 1, points.rows[first], -1)
    if selected:
        chosen = np.fromiter(selected, dtype=np.int64)
        chosen = chosen[data.point_pos[chosen] >= 0]
        chosen = np.sort(points.starts[data.lane[chosen]] + data.point_pos[chosen])
        chosen_bins = np.searchsorted(chosen, last, side="right") > np.searchsorted(chosen, first)
    else:
        chosen_bins = np.zeros(len(xs), dtype=np.bool_)
    right = np.append(xs[1:], np.inf)
    right[np.flatnonzero(owner[1:] != owner[:-1])] = np.inf  # the last of a lane
    room = np.minimum(right, view.width + left) - xs - 2 * geo.rows.half
    if chosen_bins.any():  # a title stops short of the next marker's selection ring
        ringed = np.append(chosen_bins[1:], False) & np.isfinite(right)
        room -= np.where(ringed, geo.rows.ring - geo.rows.half + 2, 0.0)
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


def _widest_badges(bins: Bins, table: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Per lane, the width of its widest count badge (0 for a lane with no points)."""
    most = np.zeros(len(bins.bin_px), dtype=np.int64)
    if len(bins.counts):
        np.maximum.at(most, bins.lane, bins.counts)
    digits = 1 + np.searchsorted(_TENS, most, side="right")
    return np.where(most > 0, table[np.minimum(digits, 11)], -2.0)


def _merge_lanes(
    xs: npt.NDArray[np.float64],
    counts: npt.NDArray[np.int64],
    first: npt.NDArray[np.int64],
    owner: npt.NDArray[np.int64],
    bounds: list[int],
    rows: g.Rows,
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
        merged = _merge_overlapping(
            xs[a:b].tolist(), counts[a:b].tolist(), first[a:b].tolist(), rows
        )
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
_TENS = np.array([10**k for k in range(1, 11)], dtype=np.int64)  # where a digit is added


def badge_widths(counts: npt.NDArray[np.int64], rows: g.Rows) -> npt.NDArray[np.float64]:
    """Width of each marker (a single event) or count badge, as `cluster_width` gives."""
    digits = 1 + np.searchsorted(_TENS, counts, side="right")
    return np.where(counts == 1, 2 * rows.half, _width_table(rows)[np.minimum(digits, 11)])


@functools.lru_cache(maxsize=8)
def _width_table(rows: g.Rows) -> npt.NDArray[np.float64]:
    """A count badge's width by its number of digits (`g.badge_widths`), as an array
    made once for these sizes, not at every frame's binning and every lane's paint."""
    return np.array(g.badge_widths(rows), dtype=np.float64)


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
    xs: list[float], counts: list[int], first: list[int], rows: g.Rows
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Join neighbouring bins whose markers or count badges would overlap."""
    out_x: list[float] = []
    out_count: list[int] = []
    out_first: list[int] = []
    right = float("-inf")
    widths = g.badge_widths(rows)
    for x, count, start in zip(xs, counts, first, strict=True):
        width = 2 * rows.half if count == 1 else widths[len(str(count))]
        if out_x and x - width / 2 < right + _GAP:
            total = out_count[-1] + count
            # keep the group centred on its members, weighted by how many each bin holds
            out_x[-1] = (out_x[-1] * out_count[-1] + x * count) / total
            out_count[-1] = total
            right = out_x[-1] + cluster_width(total, rows) / 2
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
