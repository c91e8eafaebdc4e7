"""The stance track's part of a scene: each statement where there is room for it, else
per pixel bin the range and prevailing tone of the statements in it; and the flips,
neighbouring ones counted in one marker."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF

from viewer.core.records import Tone
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lanes import TONE_CODE
from viewer.core.timeline.stance import Flip, StanceTrack
from viewer.core.timeline.timescale import Viewport
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.scene_items import Item, ItemKind, Scene, StanceBins

if TYPE_CHECKING:
    import numpy.typing as npt

    FlipEnds = tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]]

WARM, COLD, MIXED, NEUTRAL = (
    TONE_CODE[t] for t in (Tone.WARM, Tone.COLD, Tone.MIXED, Tone.NEUTRAL)
)
STANCE_BIN_PX = 6  # denser than one statement per this many px: summed per bin
FLIP_MERGE_PX = 34  # flips closer than this share one counted marker
#: Flips as arrays: their days, the indexes of the statements before and after each.


def add_stance(
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
        return
    if len(shown) * STANCE_BIN_PX <= view.width:
        _stance_points(scene, track, shown, view, geo, selected, data)
        flips = track.flip_ends_in(view.start, view.end)
    else:
        flips = _stance_bins(scene, track, shown, view, geo)
    _flip_markers(scene, track, flips, view, geo, data, selected)


def _stance_ys(
    band: g.Band, values: npt.NDArray[np.int64], rows: g.Rows
) -> npt.NDArray[np.float64]:
    """The heights of a column of stance values, +1 warm to -1 cold (a point's room
    kept at the band's edges)."""
    return (band.middle - values * (band.height / 2 - 8 * rows.grown)).astype(np.float64)


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
    shown_rows = data.rows_of([track.event_ids[i] for i in shown.tolist()]).tolist()
    ys = _stance_ys(geo.stance, track.value[shown], geo.rows).tolist()
    half = 4 * geo.rows.grown  # a point's, grown as the lanes' markers are
    for i, row, y in zip(shown.tolist(), shown_rows, ys, strict=True):
        point = track.point(i)
        x = (point.day - view.start) / view.days_per_px + left
        rect = QRectF(x - half, y - half, 2 * half, 2 * half)
        if not point.orderable:  # dated to a year or more: its whole extent
            x0 = (point.start - view.start) / view.days_per_px + left
            x1 = (point.end - view.start) / view.days_per_px + left
            rect = QRectF(x0, y - half, max(2 * half, x1 - x0), 2 * half)
        scene.marks.append(
            Item(
                ItemKind.STANCE,
                rect,
                rows=(row,) if row >= 0 else (),
                tone=int(track.tone[i]),
                start=point.start,
                end=point.end,
                stance=point,
                selected=row >= 0 and row in selected,
            )
        )


def _stance_bins(
    scene: Scene,
    track: StanceTrack,
    shown: npt.NDArray[np.int64],
    view: Viewport,
    geo: g.Geometry,
) -> FlipEnds:
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
    scene.stance_bins = StanceBins(
        xs.astype(np.float64),
        _stance_ys(band, high, geo.rows),
        _stance_ys(band, low, geo.rows),
        counts.astype(np.int64),
        tone.astype(np.int64),
        first_day.astype(np.float64),
        last_day.astype(np.float64),
    )
    signs = np.sign(total)
    signed = np.flatnonzero(signs)
    turns = np.flatnonzero(signs[signed][1:] != signs[signed][:-1])
    ends = np.append(starts[1:], len(shown)) - 1
    before = shown[ends[signed[turns]]].astype(np.int64)  # the last point of the bin before
    after = shown[starts[signed[turns + 1]]].astype(np.int64)  # the first of the bin after
    return (track.day[before] + track.day[after]) / 2, before, after


def _flip_markers(
    scene: Scene,
    track: StanceTrack,
    flips: FlipEnds,
    view: Viewport,
    geo: g.Geometry,
    data: TimelineData,
    selected: frozenset[int],
) -> None:
    """A marker per flip; flips closer than FLIP_MERGE_PX share one, counted."""
    left, band = geo.time_left, geo.stance
    days, befores, afters = flips
    xs = (days - view.start) / view.days_per_px + left
    near = (xs >= left - 10) & (xs <= left + view.width + 10)
    xs, befores, afters = xs[near].tolist(), befores[near].tolist(), afters[near].tolist()
    groups: list[list[int]] = []  # flips by their index in xs
    last_x = -np.inf
    for k, x in enumerate(xs):
        if groups and x - last_x < FLIP_MERGE_PX:
            groups[-1].append(k)
        else:
            groups.append([k])
        last_x = x
    # Only the statements at each marker's ends become objects.
    ends = [(befores[group[0]], afters[group[-1]]) for group in groups]
    found = data.rows_of(track.event_ids[i] for pair in ends for i in pair).tolist()
    for n, (group, (before, after)) in enumerate(zip(groups, ends, strict=True)):
        x = sum(xs[k] for k in group) / len(group)
        rows = tuple(r for r in found[2 * n : 2 * n + 2] if r >= 0)
        single = len(group) == 1
        scene.marks.append(
            Item(
                ItemKind.FLIP,
                QRectF(x - 8, band.top + 1, 16, band.height - 2),
                rows=rows,
                count=len(group),
                start=float(track.start[before]),
                end=float(track.end[after]),
                flip=Flip(track.point(before), track.point(after)) if single else None,
                label="Flip" if single else f"{len(group)} flips",
                selected=bool(rows) and set(rows) <= selected,
            )
        )
