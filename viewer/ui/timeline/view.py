"""The timeline widget: zoom, pan, select, hover. Painting is done by `painter`.

Input:
- Ctrl+wheel, pinch, `+`/`-`: zoom around the cursor (keys: around the selection)
- wheel, drag, the scroll bar, Ctrl+Left/Right, PageUp/PageDown: pan
- Left/Right: previous/next event; Home/End: first/last event
- click: select; click a cluster: zoom in until it splits; double-click: zoom in

Its parts: `view_selection` (choosing, revealing and stepping through events) and
`view_input` (wheel, mouse, keys, tooltips), mixed into `TimelineView`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from viewer.core.records import Era
from viewer.core.timeline.codes import distinct
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lanes import LANES
from viewer.core.timeline.stance import StancePoint, StanceTrack
from viewer.core.timeline.timescale import Limits, Viewport
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline import screen_reader
from viewer.ui.timeline.painter import TimelinePainter
from viewer.ui.timeline.scene import BinWidths, build_scene
from viewer.ui.timeline.scene_items import Item, Scene
from viewer.ui.timeline.scroll_bar import TimelineScrollBar
from viewer.ui.timeline.view_input import TimelineInput
from viewer.ui.timeline.view_selection import TimelineSelection

if TYPE_CHECKING:
    from viewer.core.annotations.records import Mark

_STEPS_MAX = 2**30  # the most steps a scroll bar is given (its range is a 32-bit int)


class TimelineView(TimelineSelection, TimelineInput, QAbstractScrollArea):
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
        screen_reader.install()  # its events, as a list a screen reader can walk
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
        # A viewport of our own making: asked for the one Qt makes, PySide6 first works
        # out its Python type by making every widget class of QtWidgets (~80 enums,
        # 15-20 ms at start-up); one made here is already known.
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")  # as Qt's own is named
        viewport.setMouseTracking(True)
        viewport.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setViewport(viewport)
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
        self.view: Viewport = self.limits.fit(self._time_width())
        self._scene = Scene()
        self._geo: g.Geometry = g.layout(1, 1, [])
        self._needs: dict[int, g.LaneNeed] = {}
        self.lane_titles: tuple[str, ...] = tuple(lane.label for lane in LANES)
        self._stale = True  # the scene is built when next needed (a paint, a click)
        self.scene_builds = 0  # how many times it was (for tests and benchmarks)
        self._painter: TimelinePainter | None = None
        self._order = np.zeros(0, dtype=np.int64)
        self._order_pos = np.zeros(0, dtype=np.int64)
        self._press = None  # a press, and the view then (see TimelineInput)
        self._press_view = None
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
            rows = self.data.rows_of(found)
            self.hit_rows = distinct(rows[rows >= 0])
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
            self.visible_lanes(),
            self._needs,
            eras=bool(self.eras),
            stance=bool(self.all_stance),
            stance_px=self._stance_px(self.geo.gutter),
            rows=self.geo.rows,
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
        return max(1, width - g.gutter_for(width, self.font()))

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

    # -- painting ----------------------------------------------------------------------

    def _relayout(self) -> None:
        """What is drawn changed: the bands are placed now (they are few, and the lane
        scroll bar follows them); the scene is built once, when it is next needed,
        however many setters ran before that."""
        size = self.viewport().size()
        gutter = g.gutter_for(size.width(), self.font())
        self._geo = g.layout(
            size.width(),
            size.height(),
            self.visible_lanes(),
            gutter=gutter,
            needs=self._needs,
            scroll=self._lane_scroll,
            labels=self.lane_titles,
            eras=bool(self.eras),
            stance=bool(self.all_stance),
            stance_px=self._stance_px(gutter),
            rows=g.rows_for(self.font()),
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

    def _stance_px(self, gutter: int) -> float:
        return g.stance_height(self.font(), self.stance_label, gutter)

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
        return item if item is not None and y >= self._geo.shown_from(item.in_lane) else None

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
        if event.type() == QEvent.Type.FontChange:
            self._bin_widths = {}  # clusters settled for markers of the old size
            self._relayout()  # the stance track's name may need another height

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
