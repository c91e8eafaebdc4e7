"""The timeline's selection: choosing events by id, revealing one chosen elsewhere, and
stepping through events with the keyboard (by first day, by lane, to either end).

A part of `TimelineView` (its mixin), which holds the data, view and scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from viewer.ui.timeline import screen_reader

if TYPE_CHECKING:
    from viewer.ui.timeline.view import TimelineView


class TimelineSelection:
    def select_ids(self: TimelineView, event_ids: list[str], *, reveal: bool = True) -> None:
        rows = [r for r in (self.data.row_of(i) for i in event_ids) if r is not None]
        self._select_rows(rows, reveal=reveal)

    def selected_ids(self: TimelineView) -> list[str]:
        return [self.data.ids[r] for r in self.selected]

    def show_selection(self: TimelineView, event_ids: tuple[str, ...] | list[str]) -> None:
        """Draw these events as selected (those on this timeline), telling no one: the
        selection was made elsewhere."""
        rows = [r for r in (self.data.row_of(i) for i in event_ids) if r is not None]
        if rows != self.selected:
            self._select_rows(rows, reveal=False, emit=False)

    def reveal_event(self: TimelineView, event_id: str) -> None:
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
                break
            closer = self.view.zoomed(2.0, self.view.x_of(self.data.centre(row)), self.limits)
            if closer.days_per_px >= self.view.days_per_px:
                break  # as close as the timeline goes
            self.set_viewport(closer)
        self._keep_in_lanes(row)

    def _stands_alone(self: TimelineView, row: int) -> bool:
        if not self.data.is_point(row):
            return (self.data.end[row] - self.data.start[row]) / self.view.days_per_px >= 24
        lane = int(self.data.lane[row])
        return any(
            points.lane == lane and bool((points.rows == row).any()) for points in self.scene.points
        )

    def _select_rows(
        self: TimelineView, rows: list[int], *, reveal: bool = True, emit: bool = True
    ) -> None:
        self.selected = rows
        if rows and reveal:
            self._reveal(rows[-1])
        self._relayout()
        if rows and reveal:
            self._keep_in_lanes(rows[-1])
        if rows:
            screen_reader.announce_selection(self)
        if emit:
            self.selection_changed.emit(self.selected_ids())

    def _reveal(self: TimelineView, row: int) -> None:
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

    def _keep_in_lanes(self: TimelineView, row: int) -> None:
        """The event's lane scrolled into the lane area, whole where it fits. Where it is
        taller than the area (a short timeline, a larger text) the event itself is: the
        lane's bottom brought in scrolled the marker of an event at its top away."""
        band = self._geo.band_of(int(self.data.lane[row]))
        if band is None:
            return
        top, bottom = band.top, band.bottom
        if bottom - top > self._geo.height - self._geo.lanes_top:
            top, bottom = self.scene.vertical_span(row) or (top, bottom)  # (not in a cluster)
        above = self._geo.lanes_top - top
        below = bottom - self._geo.height
        if above > 0:
            self.scroll_lanes(-above)
        elif below > 0:
            self.scroll_lanes(min(below, -above))  # its top kept in view first

    def step(self: TimelineView, delta: int) -> None:
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

    def step_lane(self: TimelineView, delta: int) -> None:
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

    def step_to_end(self: TimelineView, last: bool) -> None:
        if len(self._order):
            self._select_rows([int(self._order[-1 if last else 0])])
