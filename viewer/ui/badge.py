"""Badges: a few words on a rounded background (the stance, Flip), or in a dashed
outline (a qualifier, such as "Editors' assessment"), readable in light and dark
palettes.

Painted, not styled with a style sheet: a widget with a style sheet is polished and
drawn through Qt's style-sheet engine, which cost the window ~4 ms before its first
paint for the header's four labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QWidget

from viewer.ui import style

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

RADIUS = 8.0  # px: with the padding, a badge is nearly a pill


class Badge(QLabel):
    """Filled with a colour (`set_colour`), its words in semibold black or white, or
    `outlined`: a dashed line in the text colour around italic words."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, outlined: bool = False):
        super().__init__(text, parent)
        self._outlined = outlined
        self._fill: QColor | None = None
        font = self.font()
        if outlined:
            font.setItalic(True)
            self.setContentsMargins(13, 2, 13, 2)  # inside the 1 px line, 1 px by 12 px of room
        else:
            font.setWeight(QFont.Weight.DemiBold)
            self.setContentsMargins(12, 2, 12, 2)
        self.setFont(font)

    def set_colour(self, colour: str) -> None:
        """Fill with `colour`; the words black or white, whichever reads better on it."""
        self._fill = QColor(colour)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(style.readable_on(colour)))
        self.setPalette(palette)
        self.update()

    def fill(self) -> QColor | None:
        return self._fill

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._outlined:
            line = QPen(self.palette().color(QPalette.ColorRole.Text), 1)
            line.setDashPattern([2.0, 2.0])  # short dashes: a qualifier, not a frame
            p.setPen(line)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        elif self._fill is not None:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._fill)
            p.drawRoundedRect(QRectF(self.rect()), RADIUS, RADIUS)
        p.end()
        super().paintEvent(event)  # the words, inside the margins
