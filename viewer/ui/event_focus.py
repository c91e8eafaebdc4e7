"""The event the reader looks at: the detail pane follows the view state's current
event, and what is chosen elsewhere (a search result, a link in the details, a
person's name) becomes the state's selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from viewer.core.catalog.read import Catalog
from viewer.core.plurals import plural
from viewer.ui.detail_pane import DetailPane
from viewer.ui.status_line import tell
from viewer.ui.timeline.view import TimelineView
from viewer.ui.view_state import ViewState

if TYPE_CHECKING:
    from viewer.ui.annotations.controller import AnnotationsController


class EventFocus(QObject):
    def __init__(
        self,
        catalog: Catalog,
        state: ViewState,
        detail: DetailPane,
        timeline: TimelineView,
        status: QStatusBar,
    ) -> None:
        super().__init__(detail)
        self.catalog = catalog
        self.state = state
        self.detail = detail
        self.timeline = timeline
        self.status = status
        self.annotations: AnnotationsController | None = None
        self._outlined: tuple[tuple[str, ...], str] | None = None  # (selection, what was said)
        state.selection_changed.connect(self.show_current)
        detail.event_activated.connect(self.select_event)
        detail.source_activated.connect(self.show_source)
        detail.entity_activated.connect(self.highlight_entity)

    def attach(self, annotations: AnnotationsController) -> None:
        self.annotations = annotations
        self.show_current(self.state.selection)  # the selection may be one of the user's

    def show_current(self, event_ids: tuple[str, ...]) -> None:
        """The detail pane shows the event last selected (the placeholder if none)."""
        current = event_ids[-1] if event_ids else None
        if self._outlined is not None and self._outlined[0] != event_ids:
            # The outline is gone (another selection, Escape): so is what said it.
            if self.status.currentMessage() == self._outlined[1]:
                self.status.clearMessage()
            self._outlined = None
        user = self.annotations
        own = user.user_event(current) if user is not None and current else None
        if own is not None and user is not None:
            date, kind = user.describe(own)
            self.detail.show_user_event(own, date, kind)
        elif current is not None:
            self.detail.show_event(self.catalog.event_detail(current))
        else:  # nothing selected (Escape, a click on empty time, another profile)
            self.detail.show_placeholder()

    def select_event(self, event_id: str) -> None:
        """Show an event chosen by a search result or a link, bringing it into view."""
        known = self.timeline.data.row_of(event_id) is not None or (
            self.annotations is not None and self.annotations.user_event(event_id)
        )
        if not known and not self.catalog.has_event(event_id):
            tell(  # a note on an event of another catalog
                self.status,
                f"The event “{event_id}” is not in this catalog "
                f"({self.catalog.path.name}); your notes on it are kept.",
            )
            return
        self.state.select([event_id], reveal=True)

    def highlight_entity(self, entity_id: str) -> None:
        """Outline every event the entity took part in, keeping the current one shown."""
        data = self.timeline.data
        with_entity = self.catalog.events_with(entity_id)
        ids = [i for i, row in zip(with_entity, data.rows_of(with_entity), strict=True) if row >= 0]
        current = [self.state.current] if self.state.current else []
        self.state.select([i for i in ids if i not in current] + current)
        entity = self.catalog.entities.get(entity_id)
        name = entity.name if entity else entity_id
        said = f"{plural(len(ids), 'event')} with {name} outlined on the timeline"
        self._outlined = (self.state.selection, said)
        tell(self.status, said)

    def show_source(self, source_id: str) -> None:
        source = self.catalog.sources.get(source_id)
        if source is not None:
            self.detail.show_source(source, self.catalog.events_citing(source_id))
