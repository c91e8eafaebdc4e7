"""A scroll bar handle of a new length, made from a kept one without asking the style.

While the timeline zooms, its scroll bar's handle has a new length every frame, and
Fusion takes ~0.3 ms to draw one (gradients, rounded corners), a tenth of a zoom
step's budget. Along its length a handle is its two ends and, between them, the same
column of pixels over and over: a handle of any length is then a kept one's ends with
its middle column repeated. That is not assumed but checked, for each look (style,
palette, state): the first handles of new lengths are drawn by the style and compared,
pixel for pixel, with what stretching the kept one makes of them; only after two
matches does stretching serve. A style whose handle has a grip, or shades along its
length, fails the check and is drawn by the style as before.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter, QPixmap

from viewer.ui.timeline.kept_picture import painted

#: Columns (device pixels) kept at each end: a handle's rounded ends and outline.
_END = 10
_MATCHES = 2  # handles the style drew exactly as stretching makes them, before it serves

Draw = Callable[[QPainter], None]


class StretchedHandle:
    """Pictures of handles of new lengths, per look (see the module)."""

    def __init__(self) -> None:
        self._look: Hashable = None
        self._model: QImage | None = None  # a handle the style drew, in device pixels
        self._matches = 0
        self._failed = False
        self.stretched = 0  # handles served by stretching (for tests and benchmarks)

    def picture(self, look: Hashable, width: int, height: int, ratio: float, draw: Draw) -> QPixmap:
        """The handle's picture, `width` x `height` device-independent pixels (its margins
        included): stretched where that has been shown to be what the style draws,
        otherwise drawn by `draw` (the style drawing the handle into the picture)."""
        if look != self._look:
            self._look, self._model, self._matches, self._failed = look, None, 0, False
        size = (round(width * ratio), round(height * ratio))
        model = self._model
        usable = model is not None and model.height() == size[1] and size[0] > 2 * _END
        if usable and self._matches >= _MATCHES:
            assert model is not None
            self.stretched += 1
            return _pixmap(_stretched(model, size[0]), ratio)
        drawn = painted(*size, ratio, draw, transparent=True)
        if self._failed or size[0] <= 2 * _END:
            return drawn
        image = drawn.toImage()
        image.setDevicePixelRatio(1.0)  # compared and stretched in device pixels
        if not usable:
            self._model = image
        elif model is not None and _stretched(model, size[0]) == image:
            self._matches += 1
        else:
            self._failed = True
        return drawn


def _pixmap(image: QImage, ratio: float) -> QPixmap:
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _stretched(model: QImage, width: int) -> QImage:
    """`model` made `width` device pixels long: its ends kept, its middle column repeated."""
    height = model.height()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawImage(QRect(0, 0, _END, height), model, QRect(0, 0, _END, height))
        middle = QRect(_END, 0, width - 2 * _END, height)
        painter.drawImage(middle, model, QRect(_END, 0, 1, height))  # not smoothed: repeated
        right = QRect(model.width() - _END, 0, _END, height)
        painter.drawImage(QRect(width - _END, 0, _END, height), model, right)
    finally:
        painter.end()
    return image
