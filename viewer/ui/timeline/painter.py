"""Draws a timeline scene: axis, eras, stance track, lanes, markers, labels.

Colours come from the widget's palette (so light and dark themes both work) and
from the tone colours in `viewer.ui.style`; every tone also has its own shape.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from viewer.core.lanes import LANES, TONES
from viewer.core.records import Era, Tone
from viewer.core.timescale import Unit, Viewport, choose_unit, context_unit, ticks
from viewer.ui import style
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.scene import Item, ItemKind, Scene

_R = g.MARKER / 2


def marker_path(tone: Tone, radius: float = _R) -> QPainterPath:
    """The shape for a tone, centred on (0, 0): warm ▲, cold ▼, mixed ◆, neutral ●."""
    path = QPainterPath()
    r = radius
    if tone is Tone.WARM:
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, r * 0.8), QPointF(-r, r * 0.8)]))
    elif tone is Tone.COLD:
        path.addPolygon(QPolygonF([QPointF(0, r), QPointF(r, -r * 0.8), QPointF(-r, -r * 0.8)]))
    elif tone is Tone.MIXED:
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)]))
    else:
        path.addEllipse(QPointF(0, 0), r * 0.85, r * 0.85)
    path.closeSubpath()
    return path


_PATHS = {tone: marker_path(tone) for tone in TONES}
_SMALL_PATHS = {tone: marker_path(tone, 4.5) for tone in TONES}
_COLOURS = [QColor(style.TONE_COLOURS[t]) for t in TONES]


class TimelinePainter:
    """Paints one frame. Holds only fonts and palette-derived colours."""

    def __init__(self, palette: QPalette, font: QFont) -> None:
        self.font = QFont(font)
        self.small = QFont(font)
        self.small.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self.small_metrics = QFontMetricsF(self.small)
        self.base = palette.color(QPalette.ColorRole.Base)
        self.alt = palette.color(QPalette.ColorRole.AlternateBase)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.dim = palette.color(QPalette.ColorRole.PlaceholderText)
        self.window = palette.color(QPalette.ColorRole.Window)
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.dark = self.base.lightnessF() < 0.5
        self.grid = QColor(self.text)
        self.grid.setAlphaF(0.12)
        self.min_px = {
            Unit.DECADE: self.metrics.horizontalAdvance("2010s") + 14,
            Unit.YEAR: self.metrics.horizontalAdvance("2018") + 14,
            Unit.QUARTER: self.metrics.horizontalAdvance("Q4") + 14,
            Unit.MONTH: self.metrics.horizontalAdvance("May") + 14,
            Unit.WEEK: self.metrics.horizontalAdvance("30 Sep") + 14,
            Unit.DAY: self.metrics.horizontalAdvance("30") + 12,
        }

    # -- frame -------------------------------------------------------------------

    def paint(
        self,
        p: QPainter,
        scene: Scene,
        view: Viewport,
        geo: g.Geometry,
        eras: list[Era],
        stance_label: str,
        has_focus: bool,
    ) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(QRectF(0, 0, geo.width, geo.height), self.base)
        p.setClipRect(geo.time_rect())
        self._lanes_background(p, geo)
        self._eras(p, view, geo, eras)
        self._grid_and_axis(p, view, geo)
        self._stance_background(p, geo)
        for item in scene.items:
            if item.kind is ItemKind.BAR:
                self._bar(p, item)
        for item in scene.items:
            if item.kind is ItemKind.POINT:
                self._point(p, item)
            elif item.kind is ItemKind.CLUSTER:
                self._cluster(p, item)
        self._stance(p, scene, geo)
        p.setClipping(False)
        self._gutter(p, geo, stance_label)
        if has_focus:
            pen = QPen(self.highlight, 2)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(1, 1, geo.width - 2, geo.height - 2))

    # -- backgrounds ---------------------------------------------------------------

    def _lanes_background(self, p: QPainter, geo: g.Geometry) -> None:
        for i, (_lane, band) in enumerate(geo.lanes):
            colour = self.alt if i % 2 else self.base
            p.fillRect(QRectF(0, band.top, geo.width, band.height), colour)

    def _eras(self, p: QPainter, view: Viewport, geo: g.Geometry, eras: list[Era]) -> None:
        free = [float("-inf"), float("-inf")]
        left = geo.time_left
        lanes_top = geo.stance.top
        lanes_bottom = geo.lanes[-1][1].bottom if geo.lanes else geo.height
        for number, era in enumerate(eras):
            x0 = view.x_of(era.date.start_ordinal) + left
            x1 = view.x_of(era.date.end_ordinal + 1) + left
            row = 0 if free[0] <= x0 + 1 else 1
            free[row] = x1
            colour = QColor(style.ERA_COLOURS[number % len(style.ERA_COLOURS)])
            colour.setAlphaF(0.10 if self.dark else 0.07)
            if row == 0:
                p.fillRect(QRectF(x0, lanes_top, x1 - x0, lanes_bottom - lanes_top), colour)
            bar = QColor(colour)
            bar.setAlphaF(0.35 if self.dark else 0.22)
            rect = QRectF(x0, geo.eras.top + 1 + row * g.ERA_ROW, x1 - x0, g.ERA_ROW - 2)
            p.fillRect(rect, bar)
            visible = rect.intersected(QRectF(left, rect.top(), view.width, rect.height()))
            if visible.width() > 24:
                p.setFont(self.small)
                p.setPen(self.text)
                text = self.small_metrics.elidedText(
                    era.title, Qt.TextElideMode.ElideRight, visible.width() - 8
                )
                p.drawText(visible.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, text)

    def _grid_and_axis(self, p: QPainter, view: Viewport, geo: g.Geometry) -> None:
        left = geo.time_left
        unit = choose_unit(view.days_per_px, self.min_px)
        upper = context_unit(unit)
        axis = geo.axis
        p.fillRect(QRectF(left, axis.top, geo.width - left, axis.height), self.window)
        lanes_bottom = geo.lanes[-1][1].bottom if geo.lanes else geo.height
        p.setFont(self.font)
        minor = ticks(view.start, view.end, unit)
        for tick in minor:
            x = view.x_of(tick.day) + left
            p.setPen(QPen(self.grid, 1))
            p.drawLine(QPointF(x, axis.top + g.AXIS_CONTEXT), QPointF(x, lanes_bottom))
            p.setPen(self.dim if upper is not None else self.text)
            p.drawText(
                QRectF(x + 3, axis.top + g.AXIS_CONTEXT, 200, g.AXIS_TICKS),
                Qt.AlignmentFlag.AlignVCenter,
                tick.label,
            )
        if upper is None:
            return
        major = ticks(view.start, view.end, upper, context=True)
        p.setFont(self.bold)
        bold_metrics = QFontMetricsF(self.bold)
        for i, tick in enumerate(major):
            x = view.x_of(tick.day) + left
            next_x = view.x_of(major[i + 1].day) + left if i + 1 < len(major) else geo.width
            p.setPen(QPen(self.dim, 1))
            p.drawLine(QPointF(x, axis.top), QPointF(x, axis.bottom))
            # Keep the label of a band that starts off-screen pinned to the left edge.
            label_x = max(x, left) + 4
            room = next_x - label_x - 4
            if room > 12:
                text = bold_metrics.elidedText(tick.label, Qt.TextElideMode.ElideRight, room)
                p.setPen(self.text)
                p.drawText(
                    QRectF(label_x, axis.top, room, g.AXIS_CONTEXT),
                    Qt.AlignmentFlag.AlignVCenter,
                    text,
                )

    def _stance_background(self, p: QPainter, geo: g.Geometry) -> None:
        band = geo.stance
        p.setPen(QPen(self.grid, 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(geo.time_left, band.middle), QPointF(geo.width, band.middle))

    # -- items -------------------------------------------------------------------------

    def _point(self, p: QPainter, item: Item) -> None:
        centre = item.rect.center()
        colour = _COLOURS[item.tone]
        if item.selected:
            p.setPen(QPen(self.highlight, 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(centre, _R + 5, _R + 5)
        path = _PATHS[TONES[item.tone]].translated(centre)
        p.setPen(QPen(colour.darker(150), 1.2))
        p.setBrush(QBrush(self.base) if item.hollow else QBrush(colour))
        p.drawPath(path)
        if item.label_room > 40:
            p.setFont(self.font)
            p.setPen(self.text)
            room = min(item.label_room, 260)
            text = self.metrics.elidedText(item.label, Qt.TextElideMode.ElideRight, room - 4)
            p.drawText(
                QRectF(item.rect.right() + 3, item.rect.top() - 4, room, item.rect.height() + 8),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )

    def _cluster(self, p: QPainter, item: Item) -> None:
        rect = item.rect
        fill = QColor(self.text)
        fill.setAlphaF(0.75)
        if item.selected:
            p.setPen(QPen(self.highlight, 3))
        else:
            p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        p.setPen(self.base)
        p.setFont(self.small)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, item.label)

    def _bar(self, p: QPainter, item: Item) -> None:
        rect = item.rect
        colour = _COLOURS[item.tone]
        soft = QColor(colour)
        soft.setAlphaF(0.0)
        solid = QColor(colour)
        solid.setAlphaF(0.25 if item.hollow else 0.6)
        gradient = QLinearGradient(rect.left(), 0, rect.right(), 0)
        edge = min(0.25, 10 / max(rect.width(), 1))  # soft edges: the date is vague
        gradient.setColorAt(0, soft)
        gradient.setColorAt(edge, solid)
        gradient.setColorAt(1 - edge, solid)
        gradient.setColorAt(1, soft)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(gradient))
        p.drawRoundedRect(rect, 3, 3)
        if item.approximate:  # approximate: a dashed rule along the bar
            p.setPen(QPen(colour.darker(160), 1, Qt.PenStyle.DashLine))
            p.drawLine(
                QPointF(rect.left() + 4, rect.bottom()), QPointF(rect.right() - 4, rect.bottom())
            )
        if item.selected:
            p.setPen(QPen(self.highlight, 2.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 4, 4)
        if rect.width() > 36:
            visible_left = max(rect.left(), g.GUTTER) + 6
            room = rect.right() - visible_left - 6
            if room > 24:
                p.setFont(self.small)
                p.setPen(self.text)
                text = self.small_metrics.elidedText(item.label, Qt.TextElideMode.ElideRight, room)
                p.drawText(
                    QRectF(visible_left, rect.top() - 1, room, rect.height() + 2),
                    Qt.AlignmentFlag.AlignVCenter,
                    text,
                )

    def _stance(self, p: QPainter, scene: Scene, geo: g.Geometry) -> None:
        points = [i for i in scene.items if i.kind is ItemKind.STANCE]
        ordered = [i for i in points if i.stance is not None and i.stance.orderable]
        if len(ordered) > 1:
            line = QColor(self.text)
            line.setAlphaF(0.35)
            p.setPen(QPen(line, 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            path = QPainterPath(ordered[0].rect.center())
            for item in ordered[1:]:
                path.lineTo(item.rect.center())
            p.drawPath(path)
        for item in points:
            centre = item.rect.center()
            colour = _COLOURS[item.tone]
            if item.stance is not None and not item.stance.orderable:
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
            p.drawPath(_SMALL_PATHS[TONES[item.tone]].translated(centre))
        for item in scene.items:
            if item.kind is ItemKind.FLIP:
                self._flip(p, item, geo)

    def _flip(self, p: QPainter, item: Item, geo: g.Geometry) -> None:
        rect = item.rect
        x = rect.center().x()
        colour = QColor(style.FLIP_COLOUR)
        p.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        badge = QRectF(x - 15, rect.top(), 30, 14)
        if item.selected:
            p.setPen(QPen(self.highlight, 2.5))
        else:
            p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(badge, 7, 7)
        p.setPen(QColor("white"))
        p.setFont(self.small)
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, "Flip")

    # -- gutter ------------------------------------------------------------------------

    def _gutter(self, p: QPainter, geo: g.Geometry, stance_label: str) -> None:
        p.fillRect(QRectF(0, 0, g.GUTTER, geo.height), self.window)
        p.setPen(QPen(self.grid, 1))
        p.drawLine(QPointF(g.GUTTER - 0.5, 0), QPointF(g.GUTTER - 0.5, geo.height))
        p.setFont(self.bold)
        p.setPen(self.text)
        rows = [(geo.eras, "Eras"), (geo.stance, stance_label)]
        rows += [(band, LANES[lane].label) for lane, band in geo.lanes]
        for band, label in rows:
            rect = QRectF(10, band.top, g.GUTTER - 16, min(band.height, 40))
            flags = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
            p.drawText(rect, flags, label)
