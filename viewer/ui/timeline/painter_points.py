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
    STAR,
    TONE_QCOLOURS,
    marker_path,
)
from viewer.ui.timeline.scene import badge_widths
from viewer.ui.timeline.scene_items import (
    HALF,
    LanePoints,
    cluster_width,
)

if TYPE_CHECKING:
    from viewer.core.annotations.records import Mark
    from viewer.ui.timeline.painter import TimelinePainter


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
    ) -> None:
        """While a search is active: the lanes are washed pale, nothing hidden, and each
        event found is framed in the highlight colour where it lies."""
        if not geo.lanes:
            return
        wash = QColor(self.base)
        wash.setAlphaF(0.6)
        top = min(band.top for _n, band in geo.lanes)
        bottom = max(band.bottom for _n, band in geo.lanes)
        p.fillRect(QRectF(geo.time_left, top, geo.time_width, bottom - top), wash)
        if not len(rows):
            return
        fill = QColor(self.highlight)
        fill.setAlphaF(0.22)
        p.setPen(QPen(self.highlight, 2))
        p.setBrush(fill)
        visible = rows[(data.end[rows] >= view.start) & (data.start[rows] <= view.end)]
        for row in visible[:MAX_HITS_DRAWN].tolist():
            band = geo.band_of(int(data.lane[row]))
            if band is None:
                continue
            left = geo.time_left
            x0 = max(view.x_of(float(data.start[row])) + left, left - 6.0)
            x1 = min(max(view.x_of(float(data.end[row])) + left, x0), left + geo.time_width + 6)
            p.drawRoundedRect(QRectF(x0 - 6, band.top + 2, x1 - x0 + 12, band.height - 4), 4, 4)
