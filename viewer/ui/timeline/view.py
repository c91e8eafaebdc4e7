"""The timeline widget: zoom, pan, select, hover. Painting is done by `painter`.

Input:
- Ctrl+wheel, pinch, `+`/`-`: zoom around the cursor (keys: around the selection)
- wheel, drag, the scroll bar, Ctrl+Left/Right, PageUp/PageDown: pan
- Left/Right: previous/next event; Home/End: first/last event
- click: select; click a cluster: zoom in until it splits; double-click: zoom in
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QToolTip, QWidget

from viewer.core.annotations.records import Mark
from viewer.core.dates.fuzzy import Precision, day_label
from viewer.core.plurals import plural
from viewer.core.records import Era
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lanes import LANES, TONES
from viewer.core.timeline.stance import StancePoint, StanceTrack
from viewer.core.timeline.timescale import Limits, Viewport
from viewer.ui.timeline import accessible
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.painter import TimelinePainter
from viewer.ui.timeline.scene import BinWidths, build_scene
from viewer.ui.timeline.scene_items import Item, ItemKind, Scene
from viewer.ui.timeline.scroll_bar import TimelineScrollBar

_STEPS_MAX = 2**30  # the most steps a scroll bar is given (its range is a 32-bit int)

ZOOM_STEP = 1.25
DRAG_THRESHOLD = 4
MENU_LIMIT = 30


_SOME_TIME = frozenset({Precision.MONTH, Precision.SEASON, Precision.YEAR})


class TimelineView(QAbstractScrollArea):
    """Shows a `TimelineData`; emits the ids of the selected events."""

    selection_changed = Signal(list)  # [event id, ...]; the last is the primary one
    viewport_changed = Signal(object)  # Viewport
    details_requested = Signal()  # Enter on a selected event: read its details
    # A lane the view showed again by itself (to reveal an event selected in it).
    hidden_lanes_changed = Signal(frozenset)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.marks: Mapping[str, Mark] = {}  # event id -> the user's mark on it
        # Rows of the events a search found (None: no search), marked over a dimmed rest.
        self.hit_rows: np.ndarray | None = None
        self.period: tuple[float, float, str] | None = None  # Go to date's, marked
        self.setAccessibleName("Timeline")
        accessible.install()  # its events, as a list a screen reader can walk
        self.setAccessibleDescription(
            "Events in lanes over time. Left and Right step through events, Up and Down "
            "change lane, Enter reads the details, plus and minus zoom, Control with Left "
            "or Right pans, F6 goes to the next pane."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Shown only when the lanes hold more than the height shows (a small window).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._lane_scroll = 0.0
        self.verticalScrollBar().valueChanged.connect(self._on_lane_scroll)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBar(TimelineScrollBar())
        self._px_per_step = 1.0  # pixels of time per step of the scroll bar
        self.horizontalScrollBar().valueChanged.connect(self._on_scrollbar)
        self.viewport().setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.data = TimelineData.empty()
        self._bin_widths: BinWidths = {}  # per lane, for the current data
        self.eras: list[Era] = []
        self.stance = StanceTrack.of([])  # the statements shown, as columns
        self.all_stance = self.stance
        self.stance_label = "Stance"
        self.hidden_lanes: set[int] = set()
        self.selected: list[int] = []  # rows; the last is the primary selection
        self.limits = Limits(*self.data.bounds())
        self.view = self.limits.fit(self._time_width())
        self._scene = Scene()
        self._geo = g.layout(1, 1, [])
        self._needs: dict[int, g.LaneNeed] = {}
        self.lane_titles: tuple[str, ...] = tuple(lane.label for lane in LANES)
        self._stale = True  # the scene is built when next needed (a paint, a click)
        self.scene_builds = 0  # how many times it was (for tests and benchmarks)
        self._painter: TimelinePainter | None = None
        self._order = np.zeros(0, dtype=np.int64)
        self._order_pos = np.zeros(0, dtype=np.int64)
        self._press: QPoint | None = None
        self._press_view: Viewport | None = None
        self._dragging = False
        self._syncing_scrollbar = False
        # Fitted to the whole timeline, and not moved since: a resize fits it again (the
        # first fit happens before the window has its real size).
        self._fitted = True
        self._relayout()

    # -- data ------------------------------------------------------------------------

    def set_data(
        self,
        data: TimelineData,
        eras: list[Era],
        stance: StanceTrack | Sequence[StancePoint],
        stance_label: str,
        *,
        keep_view: bool = False,
    ) -> None:
        self.data = data
        self._bin_widths = {}
        self._needs = {
            lane: g.LaneNeed(points, min(g.BAR_ROWS, rows))
            for lane, (points, rows) in data.lane_contents().items()
        }
        self.eras = eras
        track = stance if isinstance(stance, StanceTrack) else StanceTrack.of(stance)
        self.stance = track  # the statements shown
        self.all_stance = track  # the whole track, while a search shows only its part
        self.stance_label = stance_label
        self.selected = []
        self.hit_rows = None  # another profile or catalog: the search marks it anew
        self.limits = Limits(*data.bounds())
        self._rebuild_order()
        if keep_view:
            self.set_viewport(self.view)
        else:
            self.fit_all()

    def set_hits(self, event_ids: Iterable[str] | None) -> None:
        """Mark the events a search found and dim the others, and keep to their statements
        on the stance track (None: no search, the whole track back)."""
        if event_ids is None:
            self.hit_rows = None
            self.stance = self.all_stance
        else:
            found = set(event_ids)
            rows = (self.data.row_of(i) for i in found)
            self.hit_rows = np.array(sorted({r for r in rows if r is not None}), dtype=np.int64)
            # The stance track shows only the statements the search found.
            self.stance = self.all_stance.only(found)
        self._relayout()

    def mark_period(self, period: tuple[float, float, str] | None) -> None:
        """Mark the days from `start` to `end` (Go to date's period), named; None: no mark.
        Escape takes it away."""
        self.period = period
        self.viewport().update()

    def set_marks(self, marks: Mapping[str, Mark]) -> None:
        """Show which events carry the user's star, note or colour (by event id).

        The mapping is kept, not copied: a live view the caller keeps up to date,
        telling the view with `marks_changed()`; only drawn events are looked up.
        """
        self.marks = marks
        self.viewport().update()

    def marks_changed(self) -> None:
        self.viewport().update()

    def set_lane_visible(self, lane: int, visible: bool) -> None:
        self.set_hidden_lanes(
            frozenset(self.hidden_lanes - {lane} if visible else self.hidden_lanes | {lane})
        )

    def set_hidden_lanes(self, lanes: frozenset[int]) -> None:
        if lanes == self.hidden_lanes:
            return
        self.hidden_lanes = set(lanes)
        self._rebuild_order()
        self._relayout()

    def wanted_height(self) -> int:
        """The widget's height that shows every shown lane whole (with its scroll bar)."""
        lanes = g.wanted_height(
            self.visible_lanes(), self._needs, eras=bool(self.eras), stance=bool(self.all_stance)
        )
        return int(lanes) + self.horizontalScrollBar().sizeHint().height() + 2 * self.frameWidth()

    def set_lane_titles(self, titles: tuple[str, ...]) -> None:
        """The catalog's lanes, top to bottom (their number is their place here)."""
        self.lane_titles = titles
        self._rebuild_order()
        self._relayout()

    def visible_lanes(self) -> list[int]:
        """The lanes drawn: not hidden, and holding something (an empty lane is left out)."""
        return [
            n
            for n in range(len(self.data.lanes))
            if n not in self.hidden_lanes and self._needs.get(n, g.LaneNeed()).holds
        ]

    def _rebuild_order(self) -> None:
        self._order = self.data.order(frozenset(self.visible_lanes()))
        self._order_pos = np.full(len(self.data), -1, dtype=np.int64)
        self._order_pos[self._order] = np.arange(len(self._order))

    # -- viewport ----------------------------------------------------------------------

    def _time_width(self) -> int:
        width = self.viewport().width()
        return max(1, width - g.gutter_for(width))

    def set_viewport(self, view: Viewport) -> None:
        self._fitted = False
        self.view = self.limits.clamp(view.resized(self._time_width(), self.limits))
        self._sync_scrollbar()
        self._relayout()
        self.viewport_changed.emit(self.view)

    def fit_all(self) -> None:
        self.set_viewport(self.limits.fit(self._time_width()))
        self._fitted = True

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by `factor` around a time-area x (default: the selection, else the centre)."""
        if anchor_x is None:
            anchor_x = self.view.width / 2
            if self.selected:
                x = self.view.x_of(self.data.centre(self.selected[-1]))
                if 0 <= x <= self.view.width:
                    anchor_x = x
        self.set_viewport(self.view.zoomed(factor, anchor_x, self.limits))

    def pan(self, dx_px: float) -> None:
        self.set_viewport(self.view.panned(dx_px, self.limits))

    def show_range(self, start: float, end: float) -> None:
        """Zoom so that the days from `start` to `end` fill most of the view."""
        width = self._time_width()
        span = max(end - start, 3.0)
        days_per_px = self.limits.clamp_scale(span / (width * 0.8), width)
        centre = (start + end) / 2
        self.set_viewport(Viewport(centre - width * days_per_px / 2, days_per_px, width))

    def centre_on(self, day: float) -> None:
        self.set_viewport(self.view.centred_on(day, self.limits))

    def _sync_scrollbar(self) -> None:
        lo, hi = self.limits.outer
        bar = self.horizontalScrollBar()
        self._syncing_scrollbar = True
        total = (hi - lo) / self.view.days_per_px
        # A scroll bar counts in 32-bit integers: where the whole stretch is wider than
        # that in pixels (a few days across the screen on a timeline of billions of
        # years), one of its steps is several pixels.
        self._px_per_step = max(1.0, math.ceil(total / _STEPS_MAX))
        steps = self._px_per_step
        bar.setRange(0, max(0, int((total - self.view.width) / steps)))
        bar.setPageStep(max(1, int(self.view.width / steps)))
        bar.setSingleStep(max(1, int(self.view.width / 20 / steps)))
        bar.setValue(int((self.view.start - lo) / self.view.days_per_px / steps))
        self._syncing_scrollbar = False

    def _on_scrollbar(self, value: int) -> None:
        if self._syncing_scrollbar:
            return
        lo, _ = self.limits.outer
        start = lo + value * self._px_per_step * self.view.days_per_px
        self.view = self.limits.clamp(Viewport(start, self.view.days_per_px, self.view.width))
        self._fitted = False
        self._relayout()
        self.viewport_changed.emit(self.view)

    # -- selection ---------------------------------------------------------------------

    def select_ids(self, event_ids: list[str], *, reveal: bool = True) -> None:
        rows = [r for r in (self.data.row_of(i) for i in event_ids) if r is not None]
        self._select_rows(rows, reveal=reveal)

    def selected_ids(self) -> list[str]:
        return [self.data.ids[r] for r in self.selected]

    def show_selection(self, event_ids: tuple[str, ...] | list[str]) -> None:
        """Draw these events as selected (those on this timeline), telling no one: the
        selection was made elsewhere."""
        rows = [r for r in (self.data.row_of(i) for i in event_ids) if r is not None]
        if rows != self.selected:
            self._select_rows(rows, reveal=False, emit=False)

    def reveal_event(self, event_id: str) -> None:
        """Bring an event chosen elsewhere (a search result, a link) into view, zoomed in
        until it stands alone: its own marker, not one of a counted cluster, or a bar
        wide enough to see and name."""
        row = self.data.row_of(event_id)
        if row is None:
            return
        self._reveal(row)
        self._relayout()
        for _ in range(24):  # each step halves the days a pixel: ample for any timeline
            if self._stands_alone(row):
                return
            closer = self.view.zoomed(2.0, self.view.x_of(self.data.centre(row)), self.limits)
            if closer.days_per_px >= self.view.days_per_px:
                return  # as close as the timeline goes
            self.set_viewport(closer)

    def _stands_alone(self, row: int) -> bool:
        if not self.data.is_point(row):
            return (self.data.end[row] - self.data.start[row]) / self.view.days_per_px >= 24
        lane = int(self.data.lane[row])
        return any(
            points.lane == lane and bool((points.rows == row).any()) for points in self.scene.points
        )

    def _select_rows(self, rows: list[int], *, reveal: bool = True, emit: bool = True) -> None:
        self.selected = rows
        if rows and reveal:
            self._reveal(rows[-1])
        self._relayout()
        if rows and QAccessible.isActive():  # a screen reader: focus on the event chosen
            interface = QAccessible.queryAccessibleInterface(self)
            if isinstance(interface, accessible.TimelineAccessible):
                interface.announce_selection()
        if emit:
            self.selection_changed.emit(self.selected_ids())

    def _reveal(self, row: int) -> None:
        """Keep the selected event in view (and big enough to see, if it is a point)."""
        start, end = float(self.data.start[row]), float(self.data.end[row])
        margin = self.view.span * 0.05
        if start < self.view.start + margin or end > self.view.end - margin:
            self.view = self.view.centred_on((start + end) / 2, self.limits)
            self._fitted = False
            self._sync_scrollbar()
            self.viewport_changed.emit(self.view)
        lane = int(self.data.lane[row])
        if lane in self.hidden_lanes:
            self.set_lane_visible(lane, True)
            self.hidden_lanes_changed.emit(frozenset(self.hidden_lanes))
        band = self._geo.band_of(lane)
        if band is not None:  # a lane scrolled out of view comes into it
            below = band.bottom - self._geo.height
            above = self._geo.lanes_top - band.top
            if above > 0:
                self.scroll_lanes(-above)
            elif below > 0:
                self.scroll_lanes(below)

    def step(self, delta: int) -> None:
        if not len(self._order):
            return
        if not self.selected or self._order_pos[self.selected[-1]] < 0:
            centre = (self.view.start + self.view.end) / 2
            starts = self.data.start[self._order]
            pos = int(np.searchsorted(starts, centre)) - (1 if delta < 0 else 0)
        else:
            pos = int(self._order_pos[self.selected[-1]]) + delta
        pos = min(max(pos, 0), len(self._order) - 1)
        self._select_rows([int(self._order[pos])])

    def step_lane(self, delta: int) -> None:
        """Select the event nearest in time in the next shown lane above (-1) or below
        (+1) that has one; with nothing selected, start from the view's centre."""
        if not len(self._order):
            return
        lanes = self.visible_lanes()
        if self.selected and self._order_pos[self.selected[-1]] >= 0:
            row = self.selected[-1]
            here = self.data.centre(row)
            at = lanes.index(int(self.data.lane[row]))
            ahead = lanes[at + 1 :] if delta > 0 else lanes[:at][::-1]
        else:
            here = (self.view.start + self.view.end) / 2
            ahead = lanes if delta > 0 else lanes[::-1]
        lane_of = self.data.lane[self._order]
        for lane in ahead:
            rows = self._order[lane_of == lane]
            if len(rows):
                centres = (self.data.start[rows] + self.data.end[rows]) / 2
                self._select_rows([int(rows[int(np.argmin(np.abs(centres - here)))])])
                return

    def step_to_end(self, last: bool) -> None:
        if len(self._order):
            self._select_rows([int(self._order[-1 if last else 0])])

    # -- painting ----------------------------------------------------------------------

    def _relayout(self) -> None:
        """What is drawn changed: the bands are placed now (they are few, and the lane
        scroll bar follows them); the scene is built once, when it is next needed,
        however many setters ran before that."""
        size = self.viewport().size()
        self._geo = g.layout(
            size.width(),
            size.height(),
            self.visible_lanes(),
            needs=self._needs,
            scroll=self._lane_scroll,
            labels=self.lane_titles,
            eras=bool(self.eras),
            stance=bool(self.all_stance),
        )
        bar = self.verticalScrollBar()
        bar.blockSignals(True)
        bar.setRange(0, math.ceil(self._geo.overflow))
        bar.setPageStep(max(1, int(size.height() - self._geo.lanes_top)))
        bar.setSingleStep(20)
        bar.setValue(round(self._geo.scroll))
        bar.blockSignals(False)
        self._stale = True
        self.viewport().update()

    def _on_lane_scroll(self, value: int) -> None:
        self._lane_scroll = float(value)
        self._relayout()

    def scroll_lanes(self, dy: float) -> None:
        """Scroll the lane area down by `dy` px (up if negative), where it overflows."""
        self.verticalScrollBar().setValue(round(self._lane_scroll + dy))

    @property
    def scene(self) -> Scene:
        if self._stale:
            self._build_scene()
        return self._scene

    @property
    def geo(self) -> g.Geometry:
        return self._geo

    def item_at(self, x: float, y: float) -> Item | None:
        """The item under a point of the viewport (none of a lane scrolled out of view)."""
        item = self.scene.at(x, y)
        lane_item = item is not None and item.kind not in (ItemKind.STANCE, ItemKind.FLIP)
        return None if lane_item and not self._geo.in_lanes(y) else item

    def _build_scene(self) -> None:
        self._scene = build_scene(
            self.data,
            self.view,
            self._geo,
            frozenset(self.selected),
            self.stance,
            self._bin_widths,
        )
        self._stale = False
        self.scene_builds += 1

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._painter is None:
            self._painter = TimelinePainter(
                self.palette(), self.font(), self.viewport().devicePixelRatioF()
            )
        painter = QPainter(self.viewport())
        try:
            self._painter.paint(
                painter,
                self.data,
                self.scene,
                self.view,
                self.geo,
                self.eras,
                self.stance_label,
                self.hasFocus(),
                self.marks,
                self.hit_rows,
                self.period,
            )
        finally:
            painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._painter = None
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self._time_width()
        fitted = self._fitted
        self.view = self.limits.fit(width) if fitted else self.view.resized(width, self.limits)
        self._fitted = fitted
        self._sync_scrollbar()
        self._relayout()
        self.viewport_changed.emit(self.view)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    # -- input ---------------------------------------------------------------------------

    def _time_x(self, pos: QPointF | QPoint) -> float:
        return float(pos.x()) - self.geo.gutter

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        over_names = event.position().x() < self._geo.gutter
        if over_names and self._geo.overflow and self._geo.in_lanes(event.position().y()):
            self.scroll_lanes(-delta.y() / 120 * 40)  # the wheel over lane names scrolls them
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

    def viewportEvent(self, event: QEvent) -> bool:
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

    def describe(self, item: Item) -> str:
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

    def _cluster_rows(self, item: Item, limit: int) -> list[int]:
        rows = self.data.lanes[item.lane].point_rows[
            item.first : item.first + min(item.count, limit)
        ]
        return [int(r) for r in rows]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._press_view = self.view
            self._dragging = False
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and self._press_view is not None:
            dx = event.position().x() - self._press.x()
            if abs(dx) > DRAG_THRESHOLD or self._dragging:
                if not self._dragging:
                    self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                self._dragging = True
                self.set_viewport(self._press_view.panned(-dx, self.limits))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                self.click_at(event.position())
            self.viewport().unsetCursor()
        self._press = None
        self._dragging = False
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.item_at(event.position().x(), event.position().y()) is None:
            self.zoom(2.0, self._time_x(event.position()))

    def click_at(self, pos: QPointF) -> None:
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

    def _choose_from(self, item: Item, pos: QPointF) -> None:
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

    def keyPressEvent(self, event: QKeyEvent) -> None:
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
