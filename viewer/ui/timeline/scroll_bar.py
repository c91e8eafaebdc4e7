"""The timeline's scroll bar, cheap to repaint while the view pans.

The bar counts in pixels of the view, so every pan changes its value and Qt repaints
it; in the Fusion style a 1,600-pixel bar costs ~0.8 ms to draw (its groove and its
handle are gradients), a sixth of a timeline frame. So:
- a change of value that leaves the handle where it was on screen (zoomed in, a pixel
  of the handle is hundreds of pixels of view) is not repainted at all;
- otherwise the style draws the groove and the handle once each into pictures, and a
  repaint copies the groove and the handle at its new place, with the arrows (cheap)
  drawn by the style on top, in the style's own order;
- a handle of a new length (zooming) is the kept one stretched, where that has been
  checked to be what the style draws (stretched_handle.py).
While the pointer is on the bar (hover and pressed looks, known only to Qt's own
paint) the style draws it directly, as any scroll bar.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractSlider, QScrollBar, QStyle, QStyleOptionSlider

from viewer.ui.timeline.kept_picture import KeptPicture
from viewer.ui.timeline.stretched_handle import StretchedHandle

_BAR = QStyle.ComplexControl.CC_ScrollBar
_SC = QStyle.SubControl
_PAGES = _SC.SC_ScrollBarAddPage | _SC.SC_ScrollBarSubPage
_ARROWS = _SC.SC_ScrollBarAddLine | _SC.SC_ScrollBarSubLine  # drawn over the handle's ends
_MARGIN = 3  # px kept each side of the handle


class TimelineScrollBar(QScrollBar):
    """A horizontal scroll bar painted from kept pictures of its groove and handle."""

    def __init__(self, *, cached: bool = True) -> None:
        """`cached=False`: groove and handle drawn afresh at every paint (for tests)."""
        super().__init__()
        self._painted_handle = QRect()  # where the handle was when last painted
        self._groove = KeptPicture(kept=cached)
        self._handle = KeptPicture(kept=cached)
        self._arrows = KeptPicture(kept=cached)
        # Handles of new lengths (zooming): made from a kept one (stretched_handle.py).
        self._new_length = StretchedHandle() if cached else None
        self._pressed = False
        self._painted_once = False
        self.skipped = 0  # repaints left out (for tests and benchmarks)

    def _option(self) -> QStyleOptionSlider:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return option

    def handle_rect(self, option: QStyleOptionSlider | None = None) -> QRect:
        option = option or self._option()
        return self.style().subControlRect(_BAR, option, _SC.SC_ScrollBarSlider, self)

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        if (
            change == QAbstractSlider.SliderChange.SliderValueChange
            and self.handle_rect() == self._painted_handle
        ):
            self.skipped += 1
            return
        super().sliderChange(change)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = True
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._pressed = False
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        option = self._option()
        handle = self.handle_rect(option)
        # A handle of a new length (while zooming, every frame) is drawn directly: a
        # picture is kept once the same length is painted twice running.
        keep_handle = handle.size() == self._painted_handle.size()
        self._painted_handle = handle
        first = not self._painted_once  # the window's first paint: no picture pays yet
        self._painted_once = True
        if first or self.underMouse() or self._pressed or self.isSliderDown():
            super().paintEvent(event)
            return
        style = self.style()
        ratio = self.devicePixelRatioF()
        # Everything the style's drawing depends on but the handle's place.
        look = (style.name(), self.palette().cacheKey(), option.state, self.isEnabled())

        def draw(painter: QPainter, parts: QStyle.SubControl, origin: QPoint | None = None) -> None:
            """The style's drawing of `parts`; a picture whose corner is at `origin`."""
            option.subControls = parts
            if origin is not None:  # only a picture's own painter is moved
                painter.translate(-origin)
            style.drawComplexControl(_BAR, option, painter, self)

        groove = self._groove.get(
            look,
            self.width(),
            self.height(),
            ratio,
            lambda painter: draw(painter, _SC.SC_ScrollBarGroove),
            transparent=True,
        )
        painter = QPainter(self)
        try:
            painter.drawPixmap(0, 0, groove)
            draw(painter, _PAGES)
            # with a margin: the style's outline of the handle reaches past its rect
            corner = handle.topLeft() - QPoint(_MARGIN, 0)
            if handle.isValid():
                size = (handle.width() + 2 * _MARGIN, self.height(), ratio)
                slider = partial(draw, parts=_SC.SC_ScrollBarSlider, origin=corner)
                if keep_handle:
                    picture = self._handle.get(look, *size, slider, transparent=True)
                    painter.drawPixmap(corner, picture)
                elif self._new_length is not None:  # zooming: stretched where it can be
                    painter.drawPixmap(corner, self._new_length.picture(look, *size, slider))
                else:
                    draw(painter, _SC.SC_ScrollBarSlider)
            # The arrows change only with the look and whether the bar is at an end.
            ends = (option.sliderValue == option.minimum, option.sliderValue == option.maximum)
            arrows = self._arrows.get(
                (look, ends),
                self.width(),
                self.height(),
                ratio,
                lambda painter: draw(painter, _ARROWS),
                transparent=True,
            )
            painter.drawPixmap(0, 0, arrows)
        finally:
            painter.end()
