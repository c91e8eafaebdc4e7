"""The overview strip: the whole span at a glance, with the visible window marked.

Click or drag to move the timeline there; Left/Right pan when it has focus, Home/End
go to either end.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from viewer.core.dates.days import DayError
from viewer.core.dates.fuzzy import month_label
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.timescale import Limits, Viewport
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.kept_picture import KeptPicture

BINS = 400
_ABOUT = (
    "The whole timeline, with the number of events over time; the box marks what the "
    "view shows. Click or drag to move the view; Left and Right move it too, Home and "
    "End to either end."
)


class OverviewStrip(QWidget):
    """Emits `centre_requested(day)` when the user clicks or drags."""

    centre_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None, *, cached: bool = True) -> None:
        """`cached=False`: the histogram drawn afresh at every paint (for tests)."""
        super().__init__(parent)
        self.hit_days: list[float] | None = None
        self.setObjectName("overview")
        self.setAccessibleName("Overview of the whole timeline")
        self.setAccessibleDescription(_ABOUT)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.limits = Limits(0, 1)
        self.counts = np.zeros(BINS, dtype=np.int64)
        self.view: Viewport | None = None
        self._kept = KeptPicture(kept=cached)  # see _strip

    def sizeHint(self) -> QSize:
        return QSize(400, 30)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # its label and the lane names' column
            self._kept.forget()
            self.update()

    def set_data(self, data: TimelineData, limits: Limits) -> None:
        self.limits = limits
        lo, hi = limits.outer
        centres = (data.start + data.end) / 2
        self.counts, _ = np.histogram(centres, bins=BINS, range=(lo, hi))
        self._kept.forget()
        self.update()

    def set_view(self, view: Viewport) -> None:
        self.view = view
        self.update()

    def set_hits(self, days: list[float] | None) -> None:
        """Where a search's hits fall over the whole span, drawn as ticks (None: none)."""
        self.hit_days = days
        self.update()

    def _x_of(self, day: float) -> float:
        lo, hi = self.limits.outer
        return self._gutter() + (day - lo) / (hi - lo) * (self.width() - self._gutter() - 4)

    def _day_at(self, x: float) -> float:
        lo, hi = self.limits.outer
        return lo + (x - self._gutter()) / max(1.0, self.width() - self._gutter() - 4) * (hi - lo)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            palette = self.palette()
            p.drawPixmap(0, 0, self._strip())
            if self.hit_days:  # a search: a tick where each hit falls
                p.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
                for day in self.hit_days:
                    x = self._x_of(day)
                    p.drawLine(QPointF(x, 2), QPointF(x, 9))
            if self.view is not None:
                x0 = self._x_of(self.view.start)
                x1 = max(self._x_of(self.view.end), x0 + 4)
                window = QRectF(x0, 1, x1 - x0, self.height() - 2)
                highlight = palette.color(QPalette.ColorRole.Highlight)
                fill = QColor(highlight)
                fill.setAlphaF(0.18)
                p.fillRect(window, fill)
                p.setPen(QPen(highlight, 2))
                p.drawRect(window)
            if self.hasFocus():
                p.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine))
                p.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        finally:
            p.end()

    def _strip(self) -> QPixmap:
        """Background, label and histogram: the same until the data, size or palette
        change, so panning (which moves only the window marker) copies them."""
        return self._kept.get(
            self.palette().cacheKey(),
            self.width(),
            self.height(),
            self.devicePixelRatioF(),
            self._draw_strip,
        )

    def _draw_strip(self, p: QPainter) -> None:
        palette = self.palette()
        whole = QRectF(0, 0, self.width(), self.height())
        p.fillRect(whole, palette.color(QPalette.ColorRole.Window))
        area = QRectF(self._gutter(), 3, self.width() - self._gutter() - 4, self.height() - 6)
        p.fillRect(area, palette.color(QPalette.ColorRole.Base))
        p.setPen(palette.color(QPalette.ColorRole.Text))
        p.drawText(
            QRectF(10, 0, self._gutter() - 16, self.height()),
            Qt.AlignmentFlag.AlignVCenter,
            "Overview",
        )
        peak = max(1, int(self.counts.max()))
        bar = QColor(palette.color(QPalette.ColorRole.Text))
        bar.setAlphaF(0.45)
        width = area.width() / BINS
        for i in np.flatnonzero(self.counts).tolist():
            h = max(2.0, (area.height() - 2) * (self.counts[i] / peak) ** 0.5)
            p.fillRect(QRectF(area.left() + i * width, area.bottom() - h, max(width, 1), h), bar)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self.hint_at(event.pos().x()), self)
            return True
        return super().event(event)

    def hint_at(self, x: float) -> str:
        """The tooltip at `x`: the month under the pointer (the strip names no dates)
        and what a click does there."""
        if x < self._gutter():
            return _ABOUT
        try:
            when = month_label(math.floor(self._day_at(x)))
        except DayError:  # deep time: the calendar has no months there
            return "Click or drag to move the view here"
        return f"{when}: click or drag to move the view here"

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._request(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._request(event.position())

    def _request(self, pos: QPointF) -> None:
        if pos.x() >= self._gutter():
            self.centre_requested.emit(self._day_at(pos.x()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.view is not None and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = self.view.span * (0.25 if event.key() == Qt.Key.Key_Right else -0.25)
            self.centre_requested.emit((self.view.start + self.view.end) / 2 + step)
            return
        if self.view is not None and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End):
            half = self.view.span / 2  # the view from the first event, or to the last
            home = event.key() == Qt.Key.Key_Home
            self.centre_requested.emit(
                self.limits.first + half if home else self.limits.last - half
            )
            return
        super().keyPressEvent(event)

    def _gutter(self) -> int:
        return g.gutter_for(self.width(), self.font())  # the timeline's above: the same
