"""A picture drawn once and copied until what it shows changes (lane names, overview,
the scroll bar's parts)."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap


class KeptPicture:
    """`get()` draws the picture for a key the first time and returns the kept one after."""

    def __init__(self) -> None:
        self._key: Hashable = None
        self._pixmap = QPixmap()

    def forget(self) -> None:
        """Draw again next time (what it shows changed without the key changing)."""
        self._key = None

    def get(
        self,
        key: Hashable,
        width: float,
        height: float,
        ratio: float,
        draw: Callable[[QPainter], None],
        *,
        transparent: bool = False,
    ) -> QPixmap:
        """A `width` x `height` picture (device-independent pixels) for `key`. An opaque
        one starts undefined, so `draw` must cover all of it (copying it is a plain copy);
        a `transparent` one starts clear (copying it blends)."""
        key = (key, width, height, ratio)
        if key != self._key:
            size = (round(width * ratio), round(height * ratio))
            self._pixmap = painted(*size, ratio, draw, transparent=transparent)
            self._key = key
        return self._pixmap


def painted(
    width: int, height: int, ratio: float, draw: Callable[[QPainter], None], *, transparent: bool
) -> QPixmap:
    """A new picture `width` x `height` device pixels at `ratio`, painted by `draw`
    (cleared first if `transparent`)."""
    pixmap = QPixmap(width, height)
    pixmap.setDevicePixelRatio(ratio)
    if transparent:
        pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        draw(painter)
    finally:
        painter.end()
    return pixmap
