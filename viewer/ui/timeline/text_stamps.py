"""Labels drawn once into a pixmap, then stamped onto each frame.

In Qt's raster engine `drawText` costs about six times as much as drawing a small
pixmap (text is shaped and rasterised on every call), and a frame of the timeline
draws a hundred or more labels that are mostly the same from one frame to the next:
axis years and months, event titles. On a vector device (SVG, PDF, a printer) text
stays text, so exports remain sharp and searchable.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintEngine, QPainter

from viewer.ui.timeline.kept_picture import Stamps, TextKey

_LIMIT = 3000  # widths and elisions kept; the caches start again beyond this


class TextStamps:
    """Draws single-line labels, from stamps where the device is a raster one; holds the
    frame's `Stamps` (shared with the painter's other stamped pictures). Fonts are given
    by number, as the painter's `fit` numbers them (0 normal, 1 small, 2 bold)."""

    def __init__(
        self, ratio: float, faces: Sequence[tuple[QFont, QFontMetricsF]], *, cached: bool = True
    ) -> None:
        self.pictures = Stamps(ratio)
        self.faces = tuple(faces)
        # Each face's whole-pixel ascent, asked for by every label drawn (a call to Qt).
        self._ascents = tuple(math.ceil(metrics.ascent()) for _font, metrics in self.faces)
        self.cached = cached  # False: every kept picture off (tests compare the two)
        self.raster = True  # kept pictures serve this frame
        self.vector = False  # SVG, PDF, print: what needs opaque colours

    def begin(self, p: QPainter) -> None:
        """Call once per frame: decides between stamps and real text for this device. Kept
        pictures serve only a raster device of their own pixel ratio: an SVG, a PDF or a
        2x PNG gets real text and shapes (a 1x picture there would be a blurred bitmap)."""
        engine = p.paintEngine()
        device = p.device()
        same_ratio = device is not None and device.devicePixelRatioF() == self.pictures.ratio
        self.vector = engine is None or engine.type() != QPaintEngine.Type.Raster
        self.raster = self.cached and not self.vector and same_ratio
        self.pictures.begin()

    def draw(
        self, p: QPainter, x: float, baseline: float, text: str, face: int, colour: QColor
    ) -> None:
        """`text` in font number `face` with its baseline starting at (x, baseline), as
        `drawText` would."""
        font, metrics = self.faces[face]
        stamp = None
        if self.raster:
            key = TextKey(text, face, colour.rgba())
            stamp = self.pictures.kept(key)  # most labels are kept
            if stamp is None:
                ascent = self._ascents[face] + 1
                stamp = self.pictures.get(
                    key,
                    math.ceil(metrics.horizontalAdvance(text)) + 3,
                    ascent + math.ceil(metrics.descent()) + 2,
                    partial(_write, text=text, font=font, colour=colour, baseline=ascent),
                )
        if stamp is None:
            p.setFont(font)
            p.setPen(colour)
            p.drawText(QPointF(x, baseline), text)
        else:
            # at whole pixels as the raster engine rounds them, given as integers: quicker
            top = baseline - self._ascents[face] - 1
            p.drawPixmap(int(x - 0.5), int(top + 0.5), stamp)

    def draw_centred(self, p: QPainter, rect: QRectF, text: str, face: int, colour: QColor) -> None:
        """`text` from the left of `rect`, centred on its height (AlignVCenter)."""
        metrics = self.faces[face][1]
        baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
        self.draw(p, rect.left(), baseline, text, face, colour)


def _write(painter: QPainter, text: str, font: QFont, colour: QColor, baseline: float) -> None:
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(QPointF(1, baseline), text)


class Fitting:
    """Label widths and labels cut to fit, cached per font: the same few hundred come
    back every frame, and measuring or eliding text is dear.

    (QStaticText would be faster to draw, but it ignores the painter's offset when a
    parent widget is grabbed, which misplaces every label.)
    """

    def __init__(self, *metrics: QFontMetricsF) -> None:
        self._metrics = metrics
        self._widths: dict[tuple[int, str], float] = {}
        self._elided: dict[tuple[int, int, str], str] = {}

    def width(self, text: str, font: int = 0) -> float:
        """Width of `text` in font number `font` (the order given when made)."""
        key = (font, text)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= _LIMIT:
                self._widths.clear()
            width = self._widths[key] = self._metrics[font].horizontalAdvance(text)
        return width

    def elided(self, text: str, room: float, font: int = 0) -> str:
        """`text` cut with an ellipsis to fit `room` px (in 8 px steps) in font `font`."""
        key = (font, int(room) // 8, text)
        fitted = self._elided.get(key)
        if fitted is None:
            if len(self._elided) >= _LIMIT:
                self._elided.clear()
            metrics = self._metrics[font]
            fitted = metrics.elidedText(text, Qt.TextElideMode.ElideRight, key[1] * 8)
            self._elided[key] = fitted
        return fitted
