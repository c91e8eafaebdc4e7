"""Bars in the current view: where each lane's spans go, their labels, and bars that
would overlap on screen merged into one counted bar.

Part of `build_scene()` (scene.py); the painter and hit-testing read what it settles.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import numpy as np

from viewer.core.timeline.codes import NEUTRAL
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lane_index import LaneIndex, visible_extents
from viewer.core.timeline.timescale import Viewport
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.scene_items import Bar, PlainBars, Scene, make_bars

if TYPE_CHECKING:
    import numpy.typing as npt

    from viewer.ui.timeline.scene_items import Runs

FANCY_BAR_PX = 40  # bars at least this wide get soft edges and a label
LABEL_AFTER_PX = 48  # a narrower bar with this much free row after it is labelled there


def add_bars(
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
    merged = _merge_crowded(visible, x0s, x1s, rows)
    if merged[4]:  # bars overlap in their rows on screen: another row may be free there
        merged = _merge_crowded(visible, x0s, x1s, _restacked(x0s, x1s, rows, n_rows))
    visible, x0s, x1s, rows, crowds = merged
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
    reach = _running_max_by_row(b, r)
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


def _restacked(
    x0: npt.NDArray[np.float64],
    x1: npt.NDArray[np.float64],
    rows: npt.NDArray[np.int64],
    n_rows: int,
) -> npt.NDArray[np.int64]:
    """Rows for this frame, stacked in pixels as vis-timeline stacks its items: from the
    left, each bar keeps its own row where that is free at its place and otherwise takes
    the first free one; only where every row is taken does it stay in its own (and is
    then counted with the bars it overlaps). Asked only where bars overlap on screen,
    so the usual frame keeps the rows the data gave, and panning moves nothing."""
    reach = [-np.inf] * n_rows  # each row's furthest right so far
    stacked = rows.copy()
    lefts, rights, own = x0.tolist(), x1.tolist(), rows.tolist()
    for i in np.argsort(x0, kind="stable").tolist():
        left = lefts[i] + CROWDED_PX  # touching is free (as _merge_crowded says)
        row = own[i]
        if reach[row] > left:
            row = next((r for r in range(n_rows) if reach[r] <= left), row)
        stacked[i] = row
        reach[row] = max(reach[row], rights[i])
    return stacked


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
    if not len(x0):
        return room
    at = np.lexsort((x0, rows))  # by row, then from the left (ties as they came)
    r, ends = rows[at], x1[at]
    same_row = np.append(r[1:] == r[:-1], False)  # the next bar is in this one's row
    free = np.minimum(np.where(same_row, np.append(x0[at][1:], np.inf), np.inf), right) - ends
    # A bar that began earlier in the row and reaches past this one's end (rows ran
    # out) leaves no room after it.
    reach = _running_max_by_row(ends, r)
    covered = np.append(False, same_row[:-1] & (reach[:-1] > ends[1:]))
    room[at] = np.where(covered, np.minimum(free, 0.0), free)
    return room


def _running_max_by_row(
    values: npt.NDArray[np.float64], rows: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """The running maximum of `values` within each row (`rows` sorted): in one pass for
    all rows, exactly, on ranks (row * n + the value's rank only grows within a row, and
    every key of a row is above those of the rows before)."""
    n = len(values)
    order = np.argsort(values, kind="stable")
    ranks = np.empty(n, dtype=np.int64)
    ranks[order] = np.arange(n)
    keys = np.maximum.accumulate(rows.astype(np.int64) * n + ranks)
    return values[order[keys - rows * n]]


def all_runs(plain: list[PlainBars]) -> Runs:
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
    tones_of = tone.tolist()
    return tuple(
        (tones_of[a], left[a:b], top[a:b], width[a:b]) for a, b in itertools.pairwise(bounds)
    )
