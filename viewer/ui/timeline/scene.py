"""What the timeline shows in the current view: items with their rectangles.

`build_scene()` is the one place that decides what is drawn where; the painter
draws its items and hit-testing looks them up, so both always agree. Its cost
depends on the window's width, not on the number of events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import numpy as np
from PySide6.QtCore import QRectF

from viewer.core.lanes import TONE_CODE
from viewer.core.stance import Flip, StancePoint
from viewer.core.timeline_data import LaneIndex, TimelineData, point_bins, visible_extents
from viewer.core.timescale import Viewport
from viewer.ui.timeline import geometry as g


class ItemKind(Enum):
    POINT = "point"  # one event known to the day
    CLUSTER = "cluster"  # several exact-day events within a few pixels
    BAR = "bar"  # events known to a month, season, year or interval
    STANCE = "stance"  # one point of the stance track
    FLIP = "flip"  # a flip marker on the stance track


@dataclass(frozen=True, slots=True)
class Item:
    kind: ItemKind
    rect: QRectF
    lane: int = -1
    rows: tuple[int, ...] = ()  # event rows (empty for big clusters: see first/count)
    first: int = 0  # clusters: index of the first point in the lane's arrays
    count: int = 1
    tone: int = 0
    start: float = 0.0  # days covered (clusters and bars)
    end: float = 0.0
    label: str = ""
    label_room: float = 0.0  # px available right of a point for its label
    selected: bool = False
    hollow: bool = False
    approximate: bool = False
    flip: Flip | None = None
    stance: StancePoint | None = None


@dataclass
class Scene:
    items: list[Item] = field(default_factory=list)

    def at(self, x: float, y: float) -> Item | None:
        """The item under a point; the smallest wins (a marker over the bar behind it)."""
        best: Item | None = None
        best_area = float("inf")
        for item in self.items:
            if item.rect.adjusted(-2, -2, 2, 2).contains(x, y):
                area = item.rect.width() * item.rect.height()
                if area < best_area:
                    best, best_area = item, area
        return best


def build_scene(
    data: TimelineData,
    view: Viewport,
    geo: g.Geometry,
    selected: frozenset[int],
    stance: list[StancePoint],
    flips: list[Flip],
) -> Scene:
    scene = Scene()
    left = geo.time_left
    for lane, band in geo.lanes:
        index = data.lanes[lane]
        _points(scene, data, index, lane, view, geo.point_row_y(band), left, selected)
        _bars(scene, data, index, lane, view, geo, band, left, selected)
    _stance(scene, stance, flips, view, geo, left, selected, data)
    return scene


def _points(
    scene: Scene,
    data: TimelineData,
    index: LaneIndex,
    lane: int,
    view: Viewport,
    y: float,
    left: float,
    selected: frozenset[int],
) -> None:
    if not len(index.point_days):
        return
    bins = point_bins(index, view, g.BIN_PX)
    xs = (bins.centre_days - view.start) / view.days_per_px + left
    half = g.MARKER / 2 + 1
    chosen = _selected_positions(index.point_rows, selected)
    n = len(xs)
    for i in range(n):
        x = float(xs[i])
        count = int(bins.counts[i])
        first = int(bins.first[i])
        right = min(float(xs[i + 1]) if i + 1 < n else float("inf"), view.width + left)
        room = right - x - half * 2
        is_selected = any(first <= pos < first + count for pos in chosen)
        if count == 1:
            row = int(index.point_rows[first])
            scene.items.append(
                Item(
                    ItemKind.POINT,
                    QRectF(x - half, y - half, 2 * half, 2 * half),
                    lane,
                    (row,),
                    first,
                    1,
                    int(data.tone[row]),
                    label=data.titles[row],
                    label_room=room,
                    selected=is_selected,
                    hollow=bool(data.cancelled[row]),
                )
            )
        else:
            width = max(2 * half + 4, 8 + 7 * len(str(count)))
            days = index.point_days
            scene.items.append(
                Item(
                    ItemKind.CLUSTER,
                    QRectF(x - width / 2, y - half - 1, width, 2 * half + 2),
                    lane,
                    (),
                    first,
                    count,
                    start=float(days[first]) - 0.5,
                    end=float(days[first + count - 1]) + 0.5,
                    label=str(count),
                    selected=is_selected,
                )
            )


def _selected_positions(point_rows: np.ndarray, selected: frozenset[int]) -> list[int]:
    if not selected:
        return []
    positions = np.flatnonzero(np.isin(point_rows, list(selected)))
    return [int(p) for p in positions]


def _bars(
    scene: Scene,
    data: TimelineData,
    index: LaneIndex,
    lane: int,
    view: Viewport,
    geo: g.Geometry,
    band: g.Band,
    left: float,
    selected: frozenset[int],
) -> None:
    rows_free = [float("-inf")] * geo.bar_rows(band)
    for extent in visible_extents(index, view):
        x0 = (extent.start - view.start) / view.days_per_px + left
        x1 = (extent.end - view.start) / view.days_per_px + left
        x1 = max(x1, x0 + 3)
        row = next((r for r, free in enumerate(rows_free) if free <= x0), len(rows_free) - 1)
        rows_free[row] = x1 + 2
        y = geo.bar_row_y(band, row)
        count = len(extent.rows)
        first_row = extent.rows[0]
        label = data.titles[first_row] if count == 1 else f"{count} events"
        scene.items.append(
            Item(
                ItemKind.BAR,
                QRectF(x0, y, x1 - x0, g.BAR),
                lane,
                extent.rows,
                0,
                count,
                _common_tone(data, extent.rows),
                extent.start,
                extent.end,
                label,
                selected=any(r in selected for r in extent.rows),
                hollow=count == 1 and bool(data.cancelled[first_row]),
                approximate=extent.approximate,
            )
        )


def _common_tone(data: TimelineData, rows: tuple[int, ...]) -> int:
    tones = {int(data.tone[r]) for r in rows[:200]}
    return tones.pop() if len(tones) == 1 else 3  # several tones: neutral grey


def _stance(
    scene: Scene,
    points: list[StancePoint],
    flips: list[Flip],
    view: Viewport,
    geo: g.Geometry,
    left: float,
    selected: frozenset[int],
    data: TimelineData,
) -> None:
    band = geo.stance
    mid = band.middle
    amplitude = band.height / 2 - 8
    for point in points:
        if point.end < view.start or point.start > view.end:
            continue
        x = (point.day - view.start) / view.days_per_px + left
        y = mid - point.value * amplitude
        row = data.row_of(point.event_id)
        rect = QRectF(x - 4, y - 4, 8, 8)
        if not point.orderable:  # dated to a year or more: its whole extent
            x0 = (point.start - view.start) / view.days_per_px + left
            x1 = (point.end - view.start) / view.days_per_px + left
            rect = QRectF(x0, y - 4, max(8.0, x1 - x0), 8)
        scene.items.append(
            Item(
                ItemKind.STANCE,
                rect,
                rows=(row,) if row is not None else (),
                tone=_tone_code(point),
                start=point.start,
                end=point.end,
                stance=point,
                selected=row is not None and row in selected,
            )
        )
    for flip in flips:
        x = (flip.day - view.start) / view.days_per_px + left
        if not left - 10 <= x <= left + view.width + 10:
            continue
        rows = tuple(
            r
            for r in (data.row_of(flip.before.event_id), data.row_of(flip.after.event_id))
            if r is not None
        )
        scene.items.append(
            Item(
                ItemKind.FLIP,
                QRectF(x - 8, band.top + 1, 16, band.height - 2),
                rows=rows,
                flip=flip,
                label="Flip",
                selected=bool(rows) and set(rows) <= selected,
            )
        )


def _tone_code(point: StancePoint) -> int:
    return TONE_CODE[point.tone]
