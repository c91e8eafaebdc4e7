"""The toolbar's icons: a small set drawn in code, in the palette's own text colour, so
they are sharp at any scale and readable in a light or a dark palette (a picture file
in one colour would vanish on one of them). The desktop's own icon theme is used
first where it has the icon.

Each glyph is drawn in a 16 x 16 square, with lines 1.6 units wide.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)

Glyph = Callable[[QPainter], None]


def _lens(p: QPainter, sign: str = "") -> None:
    p.drawEllipse(QPointF(6.5, 6.5), 4.6, 4.6)
    p.drawLine(QLineF(10, 10, 14.5, 14.5))
    if sign:
        p.drawLine(QLineF(4.3, 6.5, 8.7, 6.5))
    if sign == "+":
        p.drawLine(QLineF(6.5, 4.3, 6.5, 8.7))


def _fit(p: QPainter) -> None:
    """|<->|: everything between the two ends."""
    p.drawLine(QLineF(1.5, 3, 1.5, 13))
    p.drawLine(QLineF(14.5, 3, 14.5, 13))
    p.drawLine(QLineF(4, 8, 12, 8))
    path = QPainterPath()
    for tip, back in ((4.0, 6.8), (12.0, 9.2)):
        path.moveTo(back, 5.6)
        path.lineTo(tip, 8)
        path.lineTo(back, 10.4)
    p.drawPath(path)


def _calendar(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(2, 3.5, 12, 11), 1.5, 1.5)
    p.drawLine(QLineF(2, 7, 14, 7))
    p.drawLine(QLineF(5.5, 1.5, 5.5, 4.5))
    p.drawLine(QLineF(10.5, 1.5, 10.5, 4.5))
    p.fillRect(QRectF(9, 9.5, 3, 3), p.pen().color())


def _lanes(p: QPainter) -> None:
    for y, left, right in ((3.5, 2, 14), (8, 5, 12), (12.5, 3, 9)):
        p.drawLine(QLineF(left, y, right, y))


GLYPHS: dict[str, tuple[str, Glyph]] = {
    # name: (the desktop theme's icon name, our own drawing)
    "fit": ("zoom-fit-best", _fit),
    "zoom-in": ("zoom-in", lambda p: _lens(p, "+")),
    "zoom-out": ("zoom-out", lambda p: _lens(p, "-")),
    "go-to-date": ("x-office-calendar", _calendar),
    "lanes": ("view-list-details", _lanes),
    "find": ("edit-find", _lens),
}


class GlyphEngine(QIconEngine):
    def __init__(self, glyph: Glyph) -> None:
        super().__init__()
        self.glyph = glyph

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        palette = QGuiApplication.palette()
        group = (
            QPalette.ColorGroup.Disabled
            if mode == QIcon.Mode.Disabled
            else QPalette.ColorGroup.Active
        )
        colour = QColor(palette.color(group, QPalette.ColorRole.ButtonText))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(rect.width(), rect.height())
        painter.translate(
            rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2
        )
        painter.scale(side / 16, side / 16)
        pen = QPen(colour, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        self.glyph(painter)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        finally:
            painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphEngine(self.glyph)


def icon(name: str) -> QIcon:
    """The toolbar icon `name` (see GLYPHS): the desktop theme's, else our drawing."""
    theme_name, glyph = GLYPHS[name]
    themed = QIcon.fromTheme(theme_name)
    return themed if not themed.isNull() else QIcon(GlyphEngine(glyph))
