"""The timeline's input: wheel and pinch zoom, drag to pan, clicks and double-clicks,
tooltips, the menu of a crowded cluster, and the keys it answers to.

A part of `TimelineView` (its mixin), which holds the data, view and scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QToolTip

from viewer.core.dates.fuzzy import Precision, day_label
from viewer.core.plurals import plural
from viewer.core.timeline.lanes import TONES
from viewer.core.timeline.timescale import Viewport
from viewer.ui.timeline.scene_items import Item, ItemKind

ZOOM_STEP = 1.25
DRAG_THRESHOLD = 4
MENU_LIMIT = 30


_SOME_TIME = frozenset({Precision.MONTH, Precision.SEASON, Precision.YEAR})


if TYPE_CHECKING:
    from viewer.ui.timeline.view import TimelineView


class TimelineInput:
    # A drag in progress: where the button went down, the view then, whether it moved.
    _press: QPoint | None
    _press_view: Viewport | None
    _dragging: bool

    def _time_x(self: TimelineView, pos: QPointF | QPoint) -> float:
        return float(pos.x()) - self.geo.gutter

    def wheelEvent(self: TimelineView, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        over_names = event.position().x() < self._geo.gutter
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if self._geo.overflow and (
            shifted or (over_names and self._geo.in_lanes(event.position().y()))
        ):
            # The wheel over lane names, or with Shift anywhere, scrolls the lanes (some
            # desktops turn a Shift+wheel into a sideways one).
            self.scroll_lanes(-(delta.y() or delta.x()) / 120 * 40)
        elif event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() / 120 if delta.y() else delta.x() / 120
            self.zoom(ZOOM_STEP**steps, self._time_x(event.position()))
        else:
            pixels = event.pixelDelta()
            amount: float
            if not pixels.isNull():
                amount = -(pixels.x() or pixels.y())
            else:
                amount = -(delta.x() or delta.y()) / 120 * self.view.width / 10
            self.pan(amount)
        event.accept()

    def viewportEvent(self: TimelineView, event: QEvent) -> bool:
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom(1 + event.value(), self._time_x(event.position()))
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.item_at(event.pos().x(), event.pos().y())
            if item is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(item), self.viewport())
            return True
        return super().viewportEvent(event)

    def describe(self: TimelineView, item: Item) -> str:
        """The tooltip for an item: what and when."""
        if item.kind is ItemKind.FLIP:
            span = f"{day_label(int(item.start))} – {day_label(int(item.end) - 1)}"
            if item.flip is None:
                return f"{item.label}, {span}\nClick to zoom to them."
            return (
                f"Flip: the tone turns {item.flip.to_tone.value} here ({span}).\n"
                "Click to zoom to the statements on either side."
            )
        if item.kind is ItemKind.STANCE and item.stance is None:  # statements summed in a bin
            span = f"{day_label(int(item.start))} – {day_label(int(item.end) - 1)}"
            tone = TONES[item.tone].value
            return f"{item.label}, {span}; mostly {tone}\nClick to zoom in."
        if item.kind is ItemKind.CLUSTER:
            first = self.data.date_of(self._cluster_rows(item, 1)[0]).label()
            last_rows = self.data.lanes[item.lane].point_rows[item.first + item.count - 1]
            last = self.data.date_of(int(last_rows)).label()
            return f"{item.count} events, {first} – {last}\nClick to zoom in."
        rows = item.rows
        if not rows:
            return ""
        if len(rows) > 1:
            date = self.data.date_of(rows[0]).label()
            names = "\n".join(f"• {self.data.titles[r]}" for r in rows[:8])
            more = f"\n… and {len(rows) - 8} more" if len(rows) > 8 else ""
            return f"{plural(len(rows), 'event')} dated {date}\n{names}{more}"
        row = rows[0]
        status = " (cancelled / not held)" if self.data.cancelled[row] else ""
        known = self.data.date_of(row)
        when = known.label()
        if known.precision in _SOME_TIME:  # known to the period, not lasting all of it
            when = f"some time in {when}"
        return f"{self.data.titles[row]}{status}\n{when}"

    def _cluster_rows(self: TimelineView, item: Item, limit: int) -> list[int]:
        rows = self.data.lanes[item.lane].point_rows[
            item.first : item.first + min(item.count, limit)
        ]
        return [int(r) for r in rows]

    def mousePressEvent(self: TimelineView, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._press_view = self.view
            self._dragging = False
        event.accept()

    def mouseMoveEvent(self: TimelineView, event: QMouseEvent) -> None:
        if self._press is not None and self._press_view is not None:
            dx = event.position().x() - self._press.x()
            if abs(dx) > DRAG_THRESHOLD or self._dragging:
                if not self._dragging:
                    self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                self._dragging = True
                self.set_viewport(self._press_view.panned(-dx, self.limits))
        event.accept()

    def mouseReleaseEvent(self: TimelineView, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                self.click_at(event.position())
            self.viewport().unsetCursor()
        self._press = None
        self._dragging = False
        event.accept()

    def mouseDoubleClickEvent(self: TimelineView, event: QMouseEvent) -> None:
        if self.item_at(event.position().x(), event.position().y()) is None:
            self.zoom(2.0, self._time_x(event.position()))

    def click_at(self: TimelineView, pos: QPointF) -> None:
        item = self.item_at(pos.x(), pos.y())
        if item is None:
            return
        if item.kind is ItemKind.CLUSTER or (item.kind is ItemKind.STANCE and not item.rows):
            self.show_range(item.start, item.end)
        elif item.kind is ItemKind.FLIP:  # the statements on either side, and their events
            self.show_range(item.start, item.end)
            if item.rows:
                self._select_rows(list(item.rows), reveal=False)
        elif item.kind is ItemKind.BAR and len(item.rows) > 1:
            self._choose_from(item, pos)
        elif item.rows:
            self._select_rows(list(item.rows), reveal=False)

    def _choose_from(self: TimelineView, item: Item, pos: QPointF) -> None:
        """Events sharing one vague date never split by zooming: offer them in a menu."""
        menu = QMenu(self)
        for row in item.rows[:MENU_LIMIT]:
            action = menu.addAction(self.data.titles[row])
            action.setData(row)
        if len(item.rows) > MENU_LIMIT:
            more = menu.addAction(
                f"… and {len(item.rows) - MENU_LIMIT} more (hide lanes to narrow)"
            )
            more.setEnabled(False)
        chosen = menu.exec(self.viewport().mapToGlobal(pos.toPoint()))
        if chosen is not None and chosen.data() is not None:
            self._select_rows([int(chosen.data())], reveal=False)

    def keyPressEvent(self: TimelineView, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            direction = -1 if key == Qt.Key.Key_Left else 1
            if ctrl:
                self.pan(direction * self.view.width * 0.1)
            else:
                self.step(direction)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step_lane(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected:
            self.details_requested.emit()
        elif key == Qt.Key.Key_Escape and (self.selected or self.period):
            self.mark_period(None)
            if self.selected:
                self._select_rows([], reveal=False)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.pan((-1 if key == Qt.Key.Key_PageUp else 1) * self.view.width * 0.9)
        elif key == Qt.Key.Key_Home:
            self.step_to_end(last=False)
        elif key == Qt.Key.Key_End:
            self.step_to_end(last=True)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
