"""The stance track: its band, its statements (or per-pixel bins of them) and its flips.

A part of `TimelinePainter`, which holds the fonts, colours and kept pictures
these methods use."""

from __future__ import annotations

from functools import cache
from itertools import repeat
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPen,
    QPolygonF,
)

from viewer.core.timeline.lanes import TONES
from viewer.ui.timeline import geometry as g
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

if TYPE_CHECKING:
    from PySide6.QtGui import QPainterPath

    from viewer.core.records import Tone
    from viewer.ui.timeline.painter import TimelinePainter


class StancePainting:
    def _stance_background(self: TimelinePainter, p: QPainter, geo: g.Geometry) -> None:
        band = geo.stance
        if band.height:  # a timeline without quotes has no stance track
            p.setPen(QPen(self.grid, 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(geo.time_left, band.middle), QPointF(geo.width, band.middle))

    def _stance(self: TimelinePainter, p: QPainter, scene: Scene) -> None:
        points = [i for i in scene.marks if i.kind is ItemKind.STANCE]  # one by one
        summed = scene.stance_bins  # or summed per pixel bin, as columns
        # The line through the statements in order (a bin's: through its range's middle).
        if summed is not None:
            middles = ((summed.tops + summed.bottoms) / 2).tolist()
            line = list(map(QPointF, summed.xs.tolist(), middles))
        else:
            line = [i.rect.center() for i in points if i.stance and i.stance.orderable]
        if len(line) > 1:
            p.setPen(QPen(self.stance_line, 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolyline(QPolygonF(line))
        if summed is not None:  # each bin: the range of its statements, in its tone
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # upright: crisp as is
            heights = summed.bottoms - summed.tops + 6
            for tone in dict.fromkeys(summed.tones.tolist()):  # in order of appearance
                at = summed.tones == tone
                rects = list(
                    map(
                        QRectF,
                        (summed.xs[at] - 2.5).tolist(),
                        (summed.tops[at] - 3).tolist(),
                        repeat(5.0),
                        heights[at].tolist(),
                    )
                )
                p.setPen(QPen(TONE_QCOLOURS[tone].darker(150), 1))
                p.setBrush(TONE_QCOLOURS[tone])
                p.drawRects(rects)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
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
                p.drawEllipse(centre, 8, 8)
            p.setPen(QPen(colour.darker(150), 1))
            p.setBrush(colour)
            p.drawPath(_small_marker(TONES[item.tone]).translated(centre))
        for item in scene.marks:
            if item.kind is ItemKind.FLIP:
                self._flip(p, item)

    def _flip(self: TimelinePainter, p: QPainter, item: Item) -> None:
        rect = item.rect
        x = rect.center().x()
        colour = self.flip_colour
        p.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        text_width = self.fit.width(item.label, SMALL)
        width = text_width + 12
        badge = QRectF(x - width / 2, rect.top(), width, 14)
        p.setPen(QPen(self.highlight, 2.5) if item.selected else Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(badge, 7, 7)
        # The word, stamped like every label (centred: from half its width left of x).
        text_left = x - text_width / 2
        self.stamps.draw_centred(
            p,
            QRectF(text_left, badge.top(), width, badge.height()),
            item.label,
            SMALL,
            self.on_flip,
        )


@cache
def _small_marker(tone: Tone) -> QPainterPath:
    """A statement's marker on the stance track (made once per tone, not per frame)."""
    return marker_path(tone, 4.5)
