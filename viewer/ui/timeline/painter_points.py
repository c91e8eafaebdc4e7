"""Exact-day events: markers, counted clusters, the selection ring, the reader's marks
and highlight bands, and the frames of search hits.

A part of `TimelinePainter`, which holds the fonts, colours and kept pictures
these methods use."""

from __future__ import annotations

import itertools
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
)

from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lanes import TONES
from viewer.core.timeline.timescale import (
    Viewport,
)
from viewer.ui import highlights
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.kept_picture import BadgeKey, smoothly
from viewer.ui.timeline.marks import (
    MARKER_RADIUS,
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
    HALF,
    LanePoints,
    Scene,
    cluster_width,
)

if TYPE_CHECKING:
    from viewer.core.annotations.records import Mark
    from viewer.ui.timeline.painter import TimelinePainter

#: px a search hit's frame reaches beyond its days on either side: clear of its marker.
HIT_MARGIN = HALF + 2


class PointPainting:
    def _marker_pixmap(self: TimelinePainter, tone: int, hollow: bool) -> QPixmap:
        return self._picture(
            2 * HALF, 2 * HALF, partial(self._draw_marker, tone=tone, hollow=hollow)
        )

    def _draw_marker(self: TimelinePainter, p: QPainter, tone: int, hollow: bool) -> None:
        """A tone's marker in the square (0, 0, 2 HALF, 2 HALF): kept as a picture for the
        screen, drawn as a shape for vector output."""
        colour = TONE_QCOLOURS[tone]
        p.setPen(QPen(colour.darker(150), 1.2))
        p.setBrush(QBrush(self.base) if hollow else QBrush(colour))
        p.drawPath(marker_path(TONES[tone]).translated(QPointF(HALF, HALF)))

    def _badge(self: TimelinePainter, key: BadgeKey) -> QPixmap:
        """The count badge of a cluster, kept from its first frame."""
        width, height = cluster_width(key.shown), 2 * HALF + 2
        draw = partial(self._draw_badge, x=0, y=0, count=key.shown)
        picture = self.stamps.pictures.get(key, width, height, smoothly(draw), at_once=True)
        assert picture is not None  # made at once
        return picture

    def _draw_badge(self: TimelinePainter, p: QPainter, x: float, y: float, count: int) -> None:
        """A cluster's count badge with its top left at (x, y)."""
        width, height = cluster_width(count), 2 * HALF + 2
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
        lefts = (lane.xs - badge_widths(lane.counts) / 2 + 0.5).astype(np.int64).tolist()
        top = int(y - HALF - 1 + 0.5)
        badges: dict[int, QPixmap] = {}  # by count, for this lane
        for i, x in enumerate(xs):
            count = counts[i]
            if selected[i]:
                self._ring(p, x, y, count)
            if count > 1 and not self.stamps.raster:  # SVG, PDF, 2x: drawn, not a bitmap
                self._draw_badge(p, x - cluster_width(count) / 2, top, count)
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
        text = ""
        if room > 40:
            room = min(room, 260)
            text = self.fit.elided(data.titles[row], room - 4)
        if mark is not None and mark.colour:  # the user's highlight: behind marker and title
            reach = self.fit.width(text) + HALF + 5 if text else HALF + 4
            p.fillRect(
                QRectF(x - HALF - 4, y - HALF - 3, HALF + 4 + reach, 2 * HALF + 6),
                self.band(mark.colour),
            )
        tone, hollow = int(data.tone[row]), bool(data.cancelled[row])
        if self.stamps.raster:
            p.drawPixmap(int(x - HALF + 0.5), int(y - HALF + 0.5), self._markers[(tone, hollow)])
        else:  # an SVG, a PDF or a 2x PNG: the shape itself, sharp at any size
            p.save()
            p.translate(x - HALF, y - HALF)
            self._draw_marker(p, tone, hollow)
            p.restore()
        if mark is not None and mark.own:  # the user's own event: a dashed square round it
            p.setPen(QPen(self.mark_colour, 1.5, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x - HALF - 3, y - HALF - 3, 2 * HALF + 6, 2 * HALF + 6))
        if mark is not None:
            self._mark_glyphs(p, x + HALF - 2, y - HALF - 2, mark)
        if text:
            self.stamps.draw_centred(
                p,
                QRectF(x + HALF + 3, y - HALF - 4, room, 2 * HALF + 8),
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
        10 px across: readable at 1x."""
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
            width = cluster_width(count) + 6
            p.drawRoundedRect(QRectF(x - width / 2, y - HALF - 4, width, 2 * HALF + 8), 9, 9)
        else:
            p.drawEllipse(QPointF(x, y), MARKER_RADIUS + 5, MARKER_RADIUS + 5)

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
        what was found keeps its colours, framed with its title in the highlight colour.
        Hits that touch in a lane share one frame, so a query that finds most events
        (a leader's name) frames them once, not in frames piled on one another."""
        if not geo.lanes:
            return
        left, right = geo.time_left, geo.time_left + geo.time_width
        top = min(band.top for _n, band in geo.lanes)
        bottom = max(band.bottom for _n, band in geo.lanes)
        frames = [
            QRectF(x0, band.top + 2, x1 - x0, band.height - 4)
            for band, x0, x1 in _hit_spans(
                data, view, geo, rows, self._titles_reach(scene, data, geo.gutter, rows)
            )
        ]
        wash = QColor(self.base)
        wash.setAlphaF(0.6)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # whole pixels, cheaper
        for x0, y0, x1, y1 in _around(frames, QRectF(left, top, right - left, bottom - top)):
            p.fillRect(QRectF(x0, y0, x1 - x0, y1 - y0), wash)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(self.highlight, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)  # unwashed is mark enough: the found keep their colours
        for frame in frames:
            p.drawRoundedRect(frame, 4, 4)

    def _titles_reach(
        self: TimelinePainter, scene: Scene, data: TimelineData, gutter: float, rows: np.ndarray
    ) -> dict[int, float]:
        """Where the titles drawn after the events in `rows` end (px), by event row: an
        exact-day event's beside its marker, a bar's after the bar when not inside it."""
        reach: dict[int, float] = {}
        hit = np.zeros(len(data.ids) + 1, dtype=bool)  # the last for clusters' row, -1
        hit[rows] = True
        for lane in scene.points:
            found = np.flatnonzero(hit[lane.rows])
            for x, row, room in zip(
                lane.xs[found].tolist(),
                lane.rows[found].tolist(),
                lane.room[found].tolist(),
                strict=True,
            ):
                if room > 40:  # else no title (as `_single` draws it)
                    title = self.fit.width(data.titles[row])
                    reach[row] = x + HALF + 3 + min(title, min(room, 260) - 4)
        hits = set(rows.tolist()) if scene.bars else set()
        for bar in scene.bars:
            if hits.isdisjoint(bar.rows):
                continue
            width = self.fit.width(bar.label, SMALL)
            span = label_span(bar, gutter, width)
            if span is not None and not span[2]:
                for row in bar.rows:
                    reach[row] = max(reach.get(row, 0.0), min(span[1], span[0] + width))
        return reach


def _hit_spans(
    data: TimelineData,
    view: Viewport,
    geo: g.Geometry,
    rows: np.ndarray,
    reach: dict[int, float],
) -> list[tuple[g.Band, float, float]]:
    """The frames of the hits in view, as (lane band, left, right): each event's days
    and title (`reach`) with a margin, those that touch in a lane merged, left to right."""
    found = rows[(data.end[rows] >= view.start) & (data.start[rows] <= view.end)]
    found = found[:MAX_HITS_DRAWN]
    if not len(found):
        return []
    left, right = geo.time_left, geo.time_left + geo.time_width
    x0 = np.maximum(view.x_of(data.start[found]) + left, left - 6.0)
    x1 = np.maximum(view.x_of(data.end[found]) + left, x0)
    if reach:
        order = np.argsort(found)
        titled = np.fromiter(reach, np.int64, len(reach))
        at = np.minimum(np.searchsorted(found, titled, sorter=order), len(found) - 1)
        ours = found[order[at]] == titled
        where = order[at[ours]]
        x1[where] = np.maximum(x1[where], np.fromiter(reach.values(), float, len(reach))[ours])
    x0 = x0 - HIT_MARGIN
    x1 = np.minimum(x1, right + 6.0) + HIT_MARGIN
    # Merged lane by lane: sorted by lane, then left edge, a frame starts where a hit
    # begins after every one before it in its lane has ended (lanes kept apart by an
    # offset far wider than any view).
    lanes = data.lane[found].astype(np.float64)
    by = np.lexsort((x0, lanes))
    apart = lanes[by] * 1e9
    starts, ends = x0[by] + apart, x1[by] + apart
    reached = np.maximum.accumulate(ends)
    new = np.ones(len(by), dtype=bool)
    new[1:] = starts[1:] > reached[:-1]
    first = np.flatnonzero(new)
    spans = []
    for lane, a, b in zip(
        lanes[by][first].tolist(),
        x0[by][first].tolist(),
        (np.maximum.reduceat(ends, first) - apart[first]).tolist(),
        strict=True,
    ):
        band = geo.band_of(int(lane))
        if band is not None:  # else a lane the reader has hidden
            spans.append((band, a, b))
    return spans


def _around(frames: list[QRectF], area: QRectF) -> list[tuple[float, float, float, float]]:
    """`area` less `frames` (which do not overlap), as rectangles (x0, y0, x1, y1): the
    rows of `area` between the frames' tops and bottoms, each cut where frames cross it."""
    edges = sorted({area.top(), area.bottom()} | {y for f in frames for y in (f.top(), f.bottom())})
    out = []
    for y0, y1 in itertools.pairwise(edges):
        if y0 < area.top() or y1 > area.bottom():
            continue
        x = area.left()
        for f in sorted((f for f in frames if f.top() <= y0 and f.bottom() >= y1), key=QRectF.left):
            if f.left() > x:
                out.append((x, y0, f.left(), y1))
            x = max(x, f.right())
        if x < area.right():
            out.append((x, y0, area.right(), y1))
    return out
