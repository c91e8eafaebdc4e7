"""What the window shows, kept once: the profile, the scope, the selection, the hidden
lanes and the visible range.

The widgets observe it and write to it; none of them tells another what to show. A
setter that changes nothing emits nothing, so an observer may write back the value it
was just told without starting a loop.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from viewer.core.annotations.scope import Scope
from viewer.core.timeline.timescale import Viewport


class ViewState(QObject):
    profile_changed = Signal(str)  # a profile id
    scope_changed = Signal(object)  # Scope
    selection_changed = Signal(tuple)  # event ids; the last is the one shown in detail
    # An event chosen by a route that is not the timeline itself (a search result, a
    # link, a saved session): the timeline brings it into view.
    reveal_requested = Signal(str)
    hidden_lanes_changed = Signal(frozenset)  # lane numbers
    viewport_changed = Signal(object)  # Viewport

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile: str | None = None
        self._scope = Scope()
        self._selection: tuple[str, ...] = ()
        self._hidden: frozenset[int] = frozenset()
        self._viewport: Viewport | None = None

    # -- reading ---------------------------------------------------------------------

    @property
    def profile(self) -> str | None:
        return self._profile

    @property
    def scope(self) -> Scope:
        return self._scope

    @property
    def selection(self) -> tuple[str, ...]:
        return self._selection

    @property
    def current(self) -> str | None:
        """The event shown in detail: the last selected."""
        return self._selection[-1] if self._selection else None

    @property
    def hidden_lanes(self) -> frozenset[int]:
        return self._hidden

    @property
    def viewport(self) -> Viewport | None:
        return self._viewport

    # -- writing ---------------------------------------------------------------------

    def set_profile(self, profile_id: str) -> None:
        """Another profile: its own events, so nothing of the last one stays selected."""
        if profile_id == self._profile:
            return
        self._profile = profile_id
        self.select(())
        self.profile_changed.emit(profile_id)

    def set_scope(self, scope: Scope) -> None:
        if scope != self._scope:
            self._scope = scope
            self.scope_changed.emit(scope)

    def select(self, event_ids: tuple[str, ...] | list[str], *, reveal: bool = False) -> None:
        """Select events (the last is shown in detail); `reveal` brings it into view."""
        ids = tuple(event_ids)
        if ids != self._selection:
            self._selection = ids
            self.selection_changed.emit(ids)
        if reveal and ids:
            self.reveal_requested.emit(ids[-1])

    def set_lane_hidden(self, lane: int, hidden: bool) -> None:
        changed = self._hidden | {lane} if hidden else self._hidden - {lane}
        self.set_hidden_lanes(changed)

    def set_hidden_lanes(self, lanes: frozenset[int]) -> None:
        if lanes != self._hidden:
            self._hidden = frozenset(lanes)
            self.hidden_lanes_changed.emit(self._hidden)

    def set_viewport(self, view: Viewport) -> None:
        if view != self._viewport:
            self._viewport = view
            self.viewport_changed.emit(view)
