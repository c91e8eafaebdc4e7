"""What the timeline and its overview show: the profile's events, with the user's own,
narrowed to the scope, and the profile's stance track. It follows the view state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from viewer.core.catalog.read import Catalog
from viewer.core.timeline.codes import NEUTRAL
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.stance import StanceTrack
from viewer.ui.profile_header import ProfileHeader
from viewer.ui.timeline.legend import Legend
from viewer.ui.timeline.overview import OverviewStrip
from viewer.ui.timeline.view import TimelineView
from viewer.ui.view_state import ViewState

if TYPE_CHECKING:
    from viewer.ui.annotations.controller import AnnotationsController


class TimelineFeed(QObject):
    refreshed = Signal()  # the scope or the user's events changed what is shown

    def __init__(
        self,
        catalog: Catalog,
        state: ViewState,
        timeline: TimelineView,
        overview: OverviewStrip,
        header: ProfileHeader,
        legend: Legend,
    ) -> None:
        super().__init__(timeline)
        self.catalog = catalog
        self.state = state
        self.timeline = timeline
        self.overview = overview
        self.header = header
        self.legend = legend
        self.annotations: AnnotationsController | None = None
        self.eras = catalog.eras()
        timeline.set_lane_titles(tuple(lane.label for lane in catalog.lanes))
        self._data = TimelineData.empty()
        self._stance = StanceTrack.of([])
        self._stance_label = "Stance"
        state.profile_changed.connect(self.load_profile)
        state.scope_changed.connect(lambda _scope: self.refresh())

    def attach(self, annotations: AnnotationsController) -> None:
        """The user's layer arrived: their own events join, their marks show."""
        self.annotations = annotations
        annotations.shown_changed.connect(self.refresh)
        if annotations.own:
            self._show(keep_view=True)
        else:
            self.timeline.set_marks(annotations.marks())

    def load_profile(self, profile_id: str) -> None:
        detail = self.catalog.profile_detail(profile_id)
        self.header.set_profile(detail)
        self._data = self.catalog.timeline(profile_id)
        self._stance = self.catalog.stance_track(profile_id)
        subject = detail.profile.subject.name.split()[-1]
        # An empty track says why (an imported timeline has no quotes).
        said = f"{subject}'s words" if self._stance else "no quotes"
        self._stance_label = f"Stance\n({said})"
        # Tones only where the timeline has some (np.unique would cost 30 ms at start).
        toned = bool((self._data.tone != NEUTRAL).any())
        self.legend.show_tones(bool(self._stance) or toned)
        self._show(keep_view=False)

    def refresh(self) -> None:
        self._show(keep_view=True)
        self.refreshed.emit()

    def _show(self, *, keep_view: bool) -> None:
        user = self.annotations
        data = user.narrow(self._data) if user else self._data
        timeline = self.timeline
        timeline.set_data(data, self.eras, self._stance, self._stance_label, keep_view=keep_view)
        self.overview.set_data(data, timeline.limits)
        self.overview.set_view(timeline.view)
        kept = [i for i in self.state.selection if data.row_of(i) is not None]
        self.state.select(kept)
        timeline.show_selection(kept)
        if user is not None:
            timeline.set_marks(user.marks())

    def show_hits(self, event_ids: tuple[str, ...] | None) -> None:
        """The events a search found, marked on the timeline over a dimmed rest, and where
        they fall over the whole span in the overview (None: the search was cleared)."""
        self.timeline.set_hits(event_ids)
        rows = self.timeline.hit_rows
        data = self.timeline.data
        days = None if rows is None else ((data.start[rows] + data.end[rows]) / 2).tolist()
        self.overview.set_hits(days)
