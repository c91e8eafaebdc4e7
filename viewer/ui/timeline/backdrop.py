"""The still part of a frame, drawn once for two screens' width and copied while panning.

Lane stripes, era bands, the axis background and the grid lines depend only on the
scale (days per pixel), the size and the eras; panning only moves them sideways. So
after the second frame at one scale they are drawn into a pixmap reaching half a
screen beyond each side of the view, and each frame copies the visible part (one
blit) until the view leaves it. Zooming draws directly, as each zoom step has a new
scale, and so does a view a fraction of a pixel off the copy (after "Go to date",
say: the copy is then drawn again there); labels are drawn on top every frame, so
those pinned to the left edge stay right. Only for raster devices: an SVG or PDF
export draws everything itself.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from viewer.core.timeline.timescale import Viewport
from viewer.ui.timeline import geometry as g

Draw = Callable[[QPainter, Viewport, g.Geometry], None]


class Backdrop:
    """Draws the still part of frames, from a cached wide pixmap when it can."""

    def __init__(self, ratio: float, fill: QColor) -> None:
        self.ratio = ratio
        self.fill = fill
        self._pixmap: QPixmap | None = None
        self._key: Hashable = None
        self._start = 0.0  # the day at the pixmap's left edge
        self._last_key: Hashable = None  # the scale of the frame before
        self.copied = 0  # frames served from the pixmap (for tests and benchmarks)
        self.renders = 0  # times the pixmap was drawn

    def draw(
        self,
        p: QPainter,
        view: Viewport,
        geo: g.Geometry,
        key: Hashable,
        draw: Draw,
    ) -> None:
        """The backdrop of `view`; `key` holds everything besides the view it depends on
        (eras, lanes, palette), `draw` paints it for any view and geometry."""
        full_key = (key, view.days_per_px, view.width, geo.height, geo.lanes)
        offset = self._offset(view, full_key)
        if offset is None and full_key == self._last_key:
            self._render(view, geo, full_key, draw)
            offset = self._offset(view, full_key)
        self._last_key = full_key
        if offset is None or self._pixmap is None:
            draw(p, view, geo)
            return
        self.copied += 1
        p.drawPixmap(QPointF(geo.time_left - offset, 0), self._pixmap)

    def _offset(self, view: Viewport, key: Hashable) -> int | None:
        """Whole pixels from the pixmap's left edge to the view's, if the pixmap covers the
        view at a whole number of pixels (a copy is then exactly what drawing gives)."""
        if self._pixmap is None or key != self._key:
            return None
        exact = (view.start - self._start) / view.days_per_px
        offset = round(exact)
        wide = self._pixmap.width() / self.ratio
        if abs(exact - offset) > 0.001 or offset < 0 or offset + view.width > wide:
            return None
        return offset

    def _render(self, view: Viewport, geo: g.Geometry, key: Hashable, draw: Draw) -> None:
        width = 2 * view.width
        # A whole number of pixels before the view, so copies land on whole pixels.
        self._start = view.start - (view.width // 2) * view.days_per_px
        wide_view = Viewport(self._start, view.days_per_px, width)
        wide_geo = replace(geo, width=geo.time_left + width)  # the same bands, wider
        pixmap = QPixmap(round(width * self.ratio), round(geo.height * self.ratio))
        pixmap.setDevicePixelRatio(self.ratio)
        pixmap.fill(self.fill)
        painter = QPainter(pixmap)
        painter.translate(-geo.time_left, 0)  # the time area starts at the pixmap's edge
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setClipRect(wide_geo.time_rect(), Qt.ClipOperation.ReplaceClip)
        draw(painter, wide_view, wide_geo)
        painter.end()
        self._pixmap, self._key = pixmap, key
        self.renders += 1
