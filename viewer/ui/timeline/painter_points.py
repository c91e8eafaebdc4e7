"""Exact-day events: markers, counted clusters, the selection ring, the reader's marks
and highlight bands, and the frames of search hits.

A part of `TimelinePainter`, which holds the fonts, colours and kept pictures
these methods use."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPen,
    QPixmap,
    QRegion,
)

from viewer.core.timeline.codes import distinct, located
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lanes import TONES
from viewer.core.timeline.timescale import (
    Viewport,
)
from viewer.ui import highlights
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.kept_picture import BadgeKey, smoothly
from viewer.ui.timeline.marks import (
    MAX_HITS_DRAWN,
    NORMAL,
    SMALL,
    STAR,
    TONE_QCOLOURS,
    marker_path,
)
from viewer.ui.timeline.scene import badge_widths
from viewer.ui.timeline.scene_bars import label_span
from viewer.ui.timeline.scene_items import (
    LanePoints,
    Scene,
    cluster_width,
)

if TYPE_CHECKING:
    from viewer.core.annotations.records import Mark
    from viewer.ui.timeline.painter import TimelinePainter

#: px a search hit's frame keeps left and right of what is drawn of it.
HIT_MARGIN = 3.0


class PointPainting:
    def _marker_pixmap(self: TimelinePainter, tone: int, hollow: bool) -> QPixmap:
        side = 2 * self.rows.half
        return self._picture(side, side, partial(self._draw_marker, tone=tone, hollow=hollow))

    def _draw_marker(self: TimelinePainter, p: QPainter, tone: int, hollow: bool) -> None:
        """A tone's marker in its box (0, 0, 2 half, 2 half): kept as a picture for the
        screen, drawn as a shape for vector output."""
        colour = TONE_QCOLOURS[tone]
        half = self.rows.half
        p.setPen(QPen(colour.darker(150), 1.2))
        p.setBrush(QBrush(self.base) if hollow else QBrush(colour))
        p.drawPath(marker_path(TONES[tone], self.rows.radius).translated(QPointF(half, half)))

    def _badge(self: TimelinePainter, key: BadgeKey) -> QPixmap:
        """The count badge of a cluster, kept from its first frame."""
        width, height = cluster_width(key.shown, self.rows), self.rows.badge
        draw = partial(self._draw_badge, x=0, y=0, count=key.shown)
        picture = self.stamps.pictures.get(key, width, height, smoothly(draw), at_once=True)
        assert picture is not None  # made at once
        return picture

    def _draw_badge(self: TimelinePainter, p: QPainter, x: float, y: float, count: int) -> None:
        """A cluster's count badge with its top left at (x, y)."""
        width, height = cluster_width(count, self.rows), self.rows.badge
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.badge_fill)
        rect = QRectF(x, y, width, height)
        p.drawRoundedRect(rect, height / 2, height / 2)
        p.setPen(self.base)
        p.setFont(self.small)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count))

    def _points(self: TimelinePainter, p: QPainter, lane: LanePoints, data: TimelineData) -> None:
        y = lane.y
        xs = lane.xs.tolist()
        counts = lane.counts.tolist()
        rows = lane.rows.tolist()
        selected = lane.selected.tolist()
        rooms = lane.room.tolist()
        kept = self.stamps.pictures.kept
        # Pixmaps go to whole pixels as the raster engine rounds them (half up): given
        # as integers, the call is twice as quick as with a QPointF. Each badge's left
        # edge, for the whole lane at once (a year's view has hundreds of clusters).
        lefts = (lane.xs - badge_widths(lane.counts, self.rows) / 2 + 0.5).astype(np.int64)
        lefts = lefts.tolist()
        top = int(y - self.rows.badge / 2 + 0.5)
        badges: dict[int, QPixmap] = {}  # by count, for this lane
        for i, x in enumerate(xs):
            count = counts[i]
            if selected[i]:
                self._ring(p, x, y, count)
            if count > 1 and not self.stamps.raster:  # SVG, PDF, 2x: drawn, not a bitmap
                self._draw_badge(p, x - cluster_width(count, self.rows) / 2, top, count)
            elif count > 1:  # the hot path: a kept badge, a third of a cluster's cost
                badge = badges.get(count)
                if badge is None:
                    key = BadgeKey(count)
                    badge = badges[count] = kept(key) or self._badge(key)
                p.drawPixmap(lefts[i], top, badge)
            else:
                self._single(p, x, y, rows[i], rooms[i], data)

    def _single(
        self: TimelinePainter,
        p: QPainter,
        x: float,
        y: float,
        row: int,
        room: float,
        data: TimelineData,
    ) -> None:
        mark = self._marks.get(self._ids[row])
        half = self.rows.half
        text = ""
        if room > 40:
            room = min(room, 260)
            text = self.fit.elided(data.titles[row], room - 4)
        if mark is not None and mark.colour:  # the user's highlight: behind marker and title
            reach = self.fit.width(text) + half + 5 if text else half + 4
            p.fillRect(
                QRectF(x - half - 4, y - half - 3, half + 4 + reach, 2 * half + 6),
                self.band(mark.colour),
            )
        tone, hollow = int(data.tone[row]), bool(data.cancelled[row])
        if self.stamps.raster:
            p.drawPixmap(int(x - half + 0.5), int(y - half + 0.5), self._markers[(tone, hollow)])
        else:  # an SVG, a PDF or a 2x PNG: the shape itself, sharp at any size
            p.save()
            p.translate(x - half, y - half)
            self._draw_marker(p, tone, hollow)
            p.restore()
        if mark is not None and mark.own:  # the user's own event: a dashed square round it
            p.setPen(QPen(self.mark_colour, 1.5, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x - half - 3, y - half - 3, 2 * half + 6, 2 * half + 6))
        if mark is not None:
            self._mark_glyphs(p, x + half - 2, y - half - 2, mark)
        if text:
            self.stamps.draw_centred(
                p,
                QRectF(x + half + 3, y - half - 4, room, 2 * half + 8),
                text,
                NORMAL,
                self.text,
            )

    def band(self: TimelinePainter, saved: str) -> QColor:
        """A highlight's band behind a title: the words on it stay legible."""
        colour = self._bands.get(saved)
        if colour is None:
            named = highlights.band(saved, self.base.name(), self.text.name())
            colour = self._bands[saved] = QColor(named)
        return colour

    def _mark_glyphs(self: TimelinePainter, p: QPainter, x: float, y: float, mark: Mark) -> None:
        """A star and a small page (a note) at the top right of what they mark, each
        10 px across: readable at 1x. They grow as the marker does (a larger text)."""
        grown = self.rows.grown
        if grown != 1:
            p.save()
            p.translate(x, y)
            p.scale(grown, grown)
            self._draw_mark_glyphs(p, 0.0, 0.0, mark)
            p.restore()
        else:
            self._draw_mark_glyphs(p, x, y, mark)

    def _draw_mark_glyphs(
        self: TimelinePainter, p: QPainter, x: float, y: float, mark: Mark
    ) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if mark.starred:
            p.setPen(QPen(self.mark_colour.darker(130), 1))
            p.setBrush(self.mark_colour)
            p.drawPolygon(STAR.translated(x + 5, y - 3))
            x += 11
        if mark.has_note:
            p.setBrush(self.base)
            p.setPen(QPen(self.mark_colour, 1.2))
            p.drawRect(QRectF(x, y - 8, 8, 10))
            for line_y in (y - 5, y - 2.5, y):
                p.drawLine(QLineF(x + 2, line_y, x + 6, line_y))

    def _ring(self: TimelinePainter, p: QPainter, x: float, y: float, count: int) -> None:
        p.setPen(QPen(self.highlight, 3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        if count > 1:
            width, height = cluster_width(count, self.rows) + 6, self.rows.badge + 6
            p.drawRoundedRect(QRectF(x - width / 2, y - height / 2, width, height), 9, 9)
        else:
            radius = self.rows.radius + 5
            p.drawEllipse(QPointF(x, y), radius, radius)

    def _search_hits(
        self: TimelinePainter,
        p: QPainter,
        data: TimelineData,
        view: Viewport,
        geo: g.Geometry,
        rows: np.ndarray,
        scene: Scene,
    ) -> None:
        """While a search is active: what was not found is washed pale, nothing hidden;
        what was found keeps its colours, framed where it is drawn (with its title) in
        the highlight colour. Hits that touch in a row of markers or bars share one
        frame, so a query that finds most events (a leader's name) frames them once,
        not in frames piled on one another."""
        if not geo.lanes:
            return
        left, right = geo.time_left, geo.time_left + geo.time_width
        top = min(band.top for _n, band in geo.lanes)
        bottom = max(band.bottom for _n, band in geo.lanes)
        drawn = self._drawn_hits(scene, data, geo.gutter, rows)
        frames = _hit_frames(geo, drawn)
        wash = QColor(self.base)
        wash.setAlphaF(0.6)
        area = QRectF(left, top, right - left, bottom - top).toAlignedRect()
        found = QRegion()
        for frame in frames:
            found += frame.toAlignedRect()
        p.save()
        p.setClipRegion(QRegion(area).subtracted(found), Qt.ClipOperation.IntersectClip)
        p.fillRect(area, wash)  # a path with the frames as holes costs ~4x more
        p.restore()
        p.setPen(QPen(self.highlight, 1.5))  # clear of the frames of the rows beside
        p.setBrush(Qt.BrushStyle.NoBrush)  # unwashed is mark enough: the found keep their colours
        for frame in frames:
            p.drawRoundedRect(frame, 4, 4)

    def _drawn_hits(
        self: TimelinePainter, scene: Scene, data: TimelineData, gutter: float, rows: np.ndarray
    ) -> Boxes:
        """Where the events in `rows` are drawn: an exact-day event's marker with its
        title beside it, or the counted cluster it is in; a bar with its title after it,
        or the narrow bar it is one of. One box per event (or per event drawn twice).
        Worked out from the hits (a few thousand at most), whatever the timeline holds."""
        boxes = Boxes()
        found = np.sort(rows[:MAX_HITS_DRAWN])  # distinct already (the view's hit rows)
        if not len(found):  # a search that found nothing: all of it washed
            return boxes
        # Each lane's hits, in the order of their first days.
        by_start = found[np.lexsort((data.start[found], data.lane[found]))]
        lanes = data.lane[by_start]
        cuts = np.flatnonzero(np.diff(lanes)) + 1
        per_lane = {
            int(part_lanes[0]): (part, data.start[part])
            for part, part_lanes in zip(
                np.split(by_start, cuts), np.split(lanes, cuts), strict=True
            )
            if len(part)
        }
        none = (np.zeros(0, dtype=np.int64), np.zeros(0))
        for lane in scene.points:
            self._hit_points(boxes, lane, data, found, per_lane.get(lane.lane, none)[0])
        for bar in scene.bars:
            # Only a bar over the days of a hit of its lane is looked through (a crowded
            # one holds thousands of events).
            in_lane, starts = per_lane.get(bar.lane, none)
            low = np.searchsorted(starts, bar.start, side="left")
            high = np.searchsorted(starts, bar.end, side="right")
            near = in_lane[low:high]
            if not len(near) or set(near.tolist()).isdisjoint(bar.rows):
                continue
            width = self.fit.width(bar.label, SMALL)
            span = label_span(bar, gutter, width)
            reach = bar.x1
            if span is not None and not span[2]:
                reach = max(reach, min(span[1], span[0] + width))
            boxes.add(bar.x0, reach, bar.y - 1, bar.y + self.rows.bar + 1)
        for plain in scene.plain:
            in_lane = np.sort(per_lane.get(plain.lane, none)[0])
            held = data.lanes[plain.lane].extents_of(in_lane)
            if not len(held):
                continue
            shown = np.flatnonzero(located(held, plain.extents)[1])  # their narrow bars
            y = plain.y[shown]
            boxes.add(plain.x0[shown], plain.x1[shown], y - 1, y + self.rows.bar + 1)
        return boxes

    def _hit_points(
        self: TimelinePainter,
        boxes: Boxes,
        lane: LanePoints,
        data: TimelineData,
        found: np.ndarray,
        in_lane: np.ndarray,
    ) -> None:
        """The hits of a lane's row of markers: each found marker, with its title, and
        each counted cluster holding one (`found`: every hit's row, sorted; `in_lane`:
        this lane's)."""
        half = self.rows.half
        top, bottom = lane.y - half - 1.5, lane.y + half + 1.5
        for i in np.flatnonzero(located(found, lane.rows)[1]).tolist():
            row, x, room = int(lane.rows[i]), float(lane.xs[i]), float(lane.room[i])
            reach = x + half
            if room > 40:  # else no title (as `_single` draws it)
                reach += 3 + min(self.fit.width(data.titles[row]), min(room, 260) - 4)
            mark = self._marks.get(data.ids[row])
            marked = mark is not None and (mark.starred or mark.has_note)  # drawn above
            ring = self.rows.ring if lane.selected[i] else half  # the selection's ring around it
            high = min(top, lane.y - ring) - (self.rows.mark_reach if marked else 0)
            boxes.add(x - ring, reach, high, max(bottom, lane.y + ring))
        clusters = np.flatnonzero(lane.counts > 1)
        local = data.point_pos[in_lane]
        local = np.sort(local[local >= 0])  # where each found marker is in its lane
        if not len(clusters) or not len(local):
            return
        first = lane.first[clusters]  # clusters run left to right, as their points do
        at = np.searchsorted(first, local, side="right") - 1
        at_or_first = np.maximum(at, 0)
        inside = (at >= 0) & (local < first[at_or_first] + lane.counts[clusters][at_or_first])
        chosen = clusters[distinct(at[inside])]
        counts = lane.counts[chosen].tolist()
        halves = np.array([cluster_width(int(n), self.rows) for n in counts]) / 2
        xs = lane.xs[chosen]
        boxes.add(xs - halves, xs + halves, np.full(len(xs), top), np.full(len(xs), bottom))


class Boxes:
    """Boxes (left, right, top, bottom), gathered a few or many at a time."""

    def __init__(self) -> None:
        self._parts: list[tuple[np.ndarray, ...]] = []

    def add(self, x0: object, x1: object, top: object, bottom: object) -> None:
        self._parts.append(
            tuple(np.atleast_1d(np.asarray(v, dtype=np.float64)) for v in (x0, x1, top, bottom))
        )

    def columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        if not self._parts:
            empty = np.zeros(0)
            return empty, empty, empty, empty
        x0, x1, top, bottom = (np.concatenate(c) for c in zip(*self._parts, strict=True))
        return x0, x1, top, bottom


def _hit_frames(geo: g.Geometry, drawn: Boxes) -> list[QRectF]:
    """The frames of the hits: each box drawn (`drawn`), with a margin either side;
    hits that touch in a row of markers or of bars share one frame."""
    x0, x1, tops, bottoms = drawn.columns()
    if not len(x0):
        return []
    left, right = geo.time_left, geo.time_left + geo.time_width
    x0 = np.maximum(x0, left - 6.0) - HIT_MARGIN
    x1 = np.minimum(np.maximum(x1, x0), right + 6.0) + HIT_MARGIN
    # Merged row by row: sorted by row, then left edge, a frame starts where a hit
    # begins after every one before it in its row has ended (rows kept apart by an
    # offset far wider than any view).
    # Each row of markers or bars has a top and a bottom of its own.
    rowwise = np.lexsort((bottoms, tops))
    starts_row = np.ones(len(rowwise), dtype=bool)
    starts_row[1:] = (np.diff(tops[rowwise]) != 0) | (np.diff(bottoms[rowwise]) != 0)
    group = np.empty(len(rowwise), dtype=np.int64)
    group[rowwise] = np.cumsum(starts_row)
    by = np.lexsort((x0, group))
    apart = group[by] * 1e9
    starts, ends = x0[by] + apart, x1[by] + apart
    reached = np.maximum.accumulate(ends)
    new = np.ones(len(by), dtype=bool)
    new[1:] = starts[1:] > reached[:-1]
    first = np.flatnonzero(new)
    return [
        QRectF(a, t, b - a, u - t)
        for a, b, t, u in zip(
            x0[by][first].tolist(),
            (np.maximum.reduceat(ends, first) - apart[first]).tolist(),
            tops[by][first].tolist(),
            bottoms[by][first].tolist(),
            strict=True,
        )
    ]
