"""The main window: assembly of the profile header, the timeline with its overview, the
detail pane, the search dock, the menus and the status bar.

What the window shows lives in one `ViewState`; every part observes it and writes to
it, so no widget tells another what to show. The parts receive plain records from the
catalog and know nothing of each other or of the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from viewer.core.annotations.limits import UNDO_STEPS
from viewer.core.catalog.read import Catalog
from viewer.core.records import Profile
from viewer.ui import reading_order
from viewer.ui.adaptive_layout import AdaptiveLayout
from viewer.ui.detail_pane import DetailPane
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.event_focus import EventFocus
from viewer.ui.menus import Menus
from viewer.ui.profile_header import ProfileHeader
from viewer.ui.search.dock import SearchDock
from viewer.ui.settings import Settings
from viewer.ui.status_line import StatusLine, tell
from viewer.ui.timeline.legend import Legend
from viewer.ui.timeline.overview import OverviewStrip
from viewer.ui.timeline.view import TimelineView
from viewer.ui.timeline_feed import TimelineFeed
from viewer.ui.view_state import ViewState
from viewer.ui.window_memory import WindowMemory

if TYPE_CHECKING:
    from viewer.core.annotations.loading import OpenedAnnotations
    from viewer.core.annotations.store import AnnotationStore
    from viewer.ui.annotations.controller import AnnotationsController
    from viewer.ui.search.panel import SearchPanel


class MainWindow(QMainWindow):
    catalog_requested = Signal(object)  # a Path: File > Open or Open recent
    timeline_import_requested = Signal(object)  # a Path: File > Import TimelineJS

    def __init__(
        self,
        catalog: Catalog,
        settings: QSettings | Settings,
        reporter: ErrorReporter,
        parent: QWidget | None = None,
        *,
        store: AnnotationStore | None = None,
        log_dir: Path | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_dir, self.data_dir = log_dir, data_dir
        self.catalog = catalog
        self.settings = settings if isinstance(settings, Settings) else Settings(settings)
        self.reporter = reporter
        self.setWindowTitle("Timeline Viewer")
        self.profiles: list[Profile] = catalog.profiles_main_first()
        self.state = ViewState(self)
        self.header = ProfileHeader()
        self.timeline = TimelineView()
        self.overview = OverviewStrip()
        self.detail = DetailPane()
        self.legend = Legend()
        self.feed = TimelineFeed(
            catalog, self.state, self.timeline, self.overview, self.header, self.legend
        )
        self.focus = EventFocus(catalog, self.state, self.detail, self.timeline, self.statusBar())
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_STEPS)  # memory stays bounded, however long a session
        # The user's annotations arrive after the first paint (attach_store): checking,
        # upgrading and reading them, and their code, would otherwise delay the window.
        self.annotations: AnnotationsController | None = None
        self.search_dock = SearchDock(self)  # its panel comes when first shown
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
        self.menus = Menus(self, self.profiles)
        self.detail.name_keys(self.menus.start_keys())
        self.addToolBar(self.menus.toolbar)
        timeline = self.timeline
        self.status = StatusLine(
            self.statusBar(), self.legend, catalog, self.state, lambda: len(timeline.data)
        )
        self._lay_out()
        self._observe()
        self.memory = WindowMemory(self, self.settings)
        self.memory.restore()
        self.adaptive = AdaptiveLayout(self, self.settings.notes_width())
        self.adaptive.adapt()
        reading_order.apply(self)
        if store is not None:
            from viewer.core.annotations.loading import load  # noqa: PLC0415 - after paint

            self.attach_store(load(store, catalog.path))

    def _lay_out(self) -> None:
        timeline_box = QWidget()
        box = QVBoxLayout(timeline_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.timeline, 1)
        box.addWidget(self.overview)
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.setObjectName("bodySplitter")
        self.body.addWidget(timeline_box)
        # Details over the notes, whose place is kept from the start: the window has its
        # final shape before the annotations arrive (after the first paint).
        self.right: QSplitter | None = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rightSplitter")
        self.right.addWidget(self.detail)
        self.notes_slot = QLabel("Opening your notes…")
        self.notes_slot.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notes_slot.setWordWrap(True)
        self.right.addWidget(self.notes_slot)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.body.addWidget(self.right)
        self.body.setStretchFactor(0, 1)  # a wider window widens time, not the details
        self.body.setStretchFactor(1, 0)
        self.outer = QSplitter(Qt.Orientation.Vertical)
        self.outer.setObjectName("outerSplitter")
        self.outer.addWidget(self.header)
        self.outer.addWidget(self.body)
        self.outer.setStretchFactor(0, 0)
        self.outer.setStretchFactor(1, 1)
        self.setCentralWidget(self.outer)

    def _observe(self) -> None:
        """Who writes to the view state, and who follows it."""
        state, timeline = self.state, self.timeline
        timeline.selection_changed.connect(state.select)
        timeline.hidden_lanes_changed.connect(state.set_hidden_lanes)
        timeline.viewport_changed.connect(state.set_viewport)
        state.selection_changed.connect(timeline.show_selection)
        state.reveal_requested.connect(timeline.reveal_event)
        state.hidden_lanes_changed.connect(timeline.set_hidden_lanes)
        state.viewport_changed.connect(self.overview.set_view)
        for changed in (state.scope_changed, self.feed.refreshed):
            changed.connect(self._scope_to_search)
            changed.connect(self.status.say_scope)
        timeline.details_requested.connect(self.detail.setFocus)
        self.detail.left.connect(timeline.setFocus)
        self.overview.centre_requested.connect(timeline.centre_on)

    def attach_store(self, opened: OpenedAnnotations) -> None:
        """Add the user's annotations: editor, marks, scopes, own events, file actions."""
        # Imported here: they arrive after the first paint, and so does their code.
        from viewer.ui.annotations.controller import AnnotationsController  # noqa: PLC0415

        user = AnnotationsController(
            opened, self.catalog, self.state, self.undo_stack, self.reporter, self
        )
        self.annotations = user
        assert self.right is not None
        sizes = self.right.sizes()
        self.right.replaceWidget(1, user.editor)  # into the place kept for it
        self.right.setSizes(sizes)
        self.notes_slot.deleteLater()
        self.menus.attach(user)
        self.adaptive.adapt()  # and, beside the details, the width the editor's row needs
        user.marks_changed.connect(self.timeline.marks_changed)
        self.search_dock.set_notes_db(opened.store.path)
        reading_order.apply(self)
        self.feed.attach(user)
        self.focus.attach(user)
        if opened.orphans:
            tell(self.statusBar(), user.orphans_text(opened.orphans))

    # -- what is shown -----------------------------------------------------------------

    def notes_unavailable(self, reason: str) -> None:
        """The annotations could not be opened: their place says so."""
        self.notes_slot.setText(f"Your notes are not available: {reason}")

    def _scope_to_search(self) -> None:
        """The search keeps to the events the scope shows (a chip says so)."""
        ids = self.annotations.scope_ids() if self.annotations else None
        self.search_dock.set_scope(self.state.scope.label if ids is not None else "", ids)

    @property
    def search(self) -> SearchPanel:
        """The search panel (made now if the dock has not been shown yet)."""
        return self.search_dock.panel()

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.focus_box()

    def find_next(self, delta: int) -> None:
        """The next (1) or previous (-1) search result and its event (F3, Shift+F3); with
        no search yet, the search opens."""
        panel = self.search_dock.made
        if panel is None or not self.search_dock.isVisible() or not panel.box.text().strip():
            self.show_search()
            return
        if (said := panel.step_result(delta)) is not None:
            tell(self.statusBar(), said)

    def go_to_date(self, text: str) -> bool:
        from viewer.ui.go_to_date import go_to_date  # noqa: PLC0415 - its parser, on use

        return go_to_date(self, self.timeline, text)

    # -- the user's work -------------------------------------------------------------

    def undo(self) -> None:
        """Undo the last edit, first saving a note still being typed (so it is undone)."""
        self.save_pending()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.save_pending()
        self.undo_stack.redo()

    def save_pending(self) -> bool:
        """Save whatever is still being typed (before undo, on close, after an error);
        True when every change is saved."""
        return self.annotations.flush() if self.annotations is not None else True

    # -- files, help and the window itself ----------------------------------------

    def save_state(self) -> None:
        self.memory.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_pending()
        self.memory.save()
        self.search_dock.shutdown()
        super().closeEvent(event)
