"""The stance track: its band, its statements (or per-pixel bins of them) and its flips.

A part of `TimelinePainter`, which holds the fonts, colours and kept pictures
these methods use."""

from __future__ import annotations

import math
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPen,
    QPolygonF,
)

from viewer.core.timeline.lanes import TONES
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline import packed_shapes
from viewer.ui.timeline.kept_picture import FlipKey, smoothly
from viewer.ui.timeline.marks import (
    SMALL,
    TONE_QCOLOURS,
    marker_path,
)
from viewer.ui.timeline.scene_items import (
    Item,
    ItemKind,
    Scene,
)

_RING = 2  # px around a flip's badge in its picture: the selection ring's width

if TYPE_CHECKING:
    from viewer.ui.timeline.painter import TimelinePainter


class StancePainting:
    def _stance_background(self: TimelinePainter, p: QPainter, geo: g.Geometry) -> None:
        band = geo.stance
        if band.height:  # a timeline without quotes has no stance track
            p.setPen(QPen(self.grid, 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(geo.time_left, band.middle), QPointF(geo.width, band.middle))

    def _stance(self: TimelinePainter, p: QPainter, scene: Scene, geo: g.Geometry) -> None:
        points = [i for i in scene.marks if i.kind is ItemKind.STANCE]  # one by one
        summed = scene.stance_bins  # or summed per pixel bin, as columns
        # The line through the statements in order (a bin's: through its range's middle).
        if summed is not None:
            middles = (summed.tops + summed.bottoms) / 2
            line = packed_shapes.points(summed.xs, middles, len(middles))
        else:
            line = QPolygonF([i.rect.center() for i in points if i.stance and i.stance.orderable])
        if line.size() > 1:
            p.setPen(QPen(self.stance_line, 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolyline(line)
        if summed is not None:  # each bin: the range of its statements, in its tone
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # upright: crisp as is
            heights = summed.bottoms - summed.tops + 6
            for tone in dict.fromkeys(summed.tones.tolist()):  # in order of appearance
                at = np.flatnonzero(summed.tones == tone)
                p.setPen(QPen(TONE_QCOLOURS[tone].darker(150), 1))
                p.setBrush(TONE_QCOLOURS[tone])
                packed_shapes.draw_rects(
                    p, summed.xs[at] - 2.5, summed.tops[at] - 3, 5.0, heights[at], len(at)
                )
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        radius, ring = 4.5 * self.rows.grown, 8 * self.rows.grown  # as the lanes' markers
        for item in points:
            if item.stance is None:
                continue
            centre = item.rect.center()
            colour = TONE_QCOLOURS[item.tone]
            if not item.stance.orderable:
                # Dated only to a year or more: a faint span behind the point.
                faint = QColor(colour)
                faint.setAlphaF(0.25)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(faint)
                p.drawRoundedRect(item.rect.adjusted(0, 2, 0, -2), 2, 2)
            if item.selected:
                p.setPen(QPen(self.highlight, 2.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(centre, ring, ring)
            p.setPen(QPen(colour.darker(150), 1))
            p.setBrush(colour)
            p.drawPath(marker_path(TONES[item.tone], radius).translated(centre))
        for item in scene.marks:
            if item.kind is ItemKind.FLIP:
                self._flip(p, item, geo)

    def _flip(self: TimelinePainter, p: QPainter, item: Item, geo: g.Geometry) -> None:
        """A flip: its dashed line, and its badge over it, moved in from the edge of the
        time area where centring it would cut its word."""
        rect = item.rect
        x = rect.center().x()
        p.setPen(QPen(self.flip_colour, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        # The badge with its word: one kept picture (a flip costs ~50 µs drawn), placed
        # on whole pixels whether stamped or drawn, so both give the same frame.
        width = self.fit.width(item.label, SMALL) + 12
        left = math.floor(x - width / 2 + 0.5)
        if geo.time_left <= x <= geo.width:  # its line in view: its word whole beside it
            least, most = math.ceil(geo.time_left) + _RING, math.floor(geo.width - width) - _RING
            left = min(max(left, least), most)
        top = math.floor(rect.top() + 0.5)
        draw = partial(self._flip_badge, label=item.label, width=width, selected=item.selected)
        stamp = None
        if self.stamps.raster:
            key = FlipKey(item.label, item.selected)
            stamp = self.stamps.pictures.kept(key) or self.stamps.pictures.get(
                key,
                width + 2 * _RING,
                self._flip_height + 2 * _RING,
                smoothly(partial(draw, x=_RING, y=_RING)),
            )
        if stamp is None:
            draw(p, x=left, y=top)
        else:
            p.drawPixmap(left - _RING, top - _RING, stamp)

    def _flip_badge(
        self: TimelinePainter,
        p: QPainter,
        x: float,
        y: float,
        label: str,
        width: float,
        selected: bool,
    ) -> None:
        """A flip's badge, `width` wide with its top left at (x, y): its word on the flip
        colour, ringed when selected."""
        tall = self._flip_height
        p.setPen(QPen(self.highlight, 2.5) if selected else Qt.PenStyle.NoPen)
        p.setBrush(self.flip_colour)
        p.drawRoundedRect(QRectF(x, y, width, tall), tall / 2, tall / 2)
        metrics = self.small_metrics
        p.setFont(self.small)
        p.setPen(self.on_flip)
        p.drawText(QPointF(x + 6, y + (tall - metrics.height()) / 2 + metrics.ascent()), label)

    @property
    def _flip_height(self: TimelinePainter) -> float:
        """A flip badge's height: 14 px, or its word's line where a larger text needs more."""
        return max(14.0, math.ceil(self.small_metrics.height()) + 2)
