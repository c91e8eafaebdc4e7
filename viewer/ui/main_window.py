"""The main window: assembly of the profile header, the timeline with its overview, the
detail pane, the search dock, the menus and the status bar.

What the window shows lives in one `ViewState`; every part observes it and writes to
it, so no widget tells another what to show. The parts receive plain records from the
catalog and know nothing of each other or of the database.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from viewer.core.annotations.limits import UNDO_STEPS
from viewer.core.annotations.records import UserEvent
from viewer.core.annotations.scope import Scope
from viewer.core.catalog.read import Catalog
from viewer.core.plurals import plural
from viewer.core.records import Profile
from viewer.ui.annotations.controller import AnnotationsController
from viewer.ui.annotations.orphans import OrphansDialog
from viewer.ui.detail_pane import DetailPane
from viewer.ui.errors import ErrorReporter
from viewer.ui.go_to_date import ask_go_to_date, go_to_date
from viewer.ui.menus import Menus
from viewer.ui.profile_header import ProfileHeader
from viewer.ui.search.panel import SearchPanel
from viewer.ui.settings import Settings
from viewer.ui.timeline.caption import Caption, source_line
from viewer.ui.timeline.legend import Legend
from viewer.ui.timeline.overview import OverviewStrip
from viewer.ui.timeline.view import TimelineView
from viewer.ui.timeline_feed import TimelineFeed
from viewer.ui.view_state import ViewState
from viewer.ui.window_memory import WindowMemory

if TYPE_CHECKING:
    from viewer.core.annotations.loading import OpenedAnnotations
    from viewer.core.annotations.store import AnnotationStore


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
        self.feed = TimelineFeed(catalog, self.state, self.timeline, self.overview, self.header)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_STEPS)  # memory stays bounded, however long a session
        # The user's annotations arrive after the first paint (attach_store): opening
        # them imports SQLAlchemy, which would otherwise delay the window.
        self.annotations: AnnotationsController | None = None
        self.search = SearchPanel(catalog, self.profiles, reporter=reporter)
        self.search_dock = QDockWidget("Search", self)
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setWidget(self.search)
        self.search_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
        self.menus = Menus(self, self.profiles)
        self.addToolBar(self.menus.toolbar)
        self._lay_out()
        self._observe()
        self.statusBar().showMessage(_counts_text(catalog))
        self.memory = WindowMemory(self, self.settings)
        self.memory.restore()
        if store is not None:
            from viewer.core.annotations.loading import load  # noqa: PLC0415 - SQLAlchemy

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
        self.body.addWidget(self.detail)
        self.right: QSplitter | None = None  # details over notes, once they are open
        self.body.setStretchFactor(0, 3)
        self.body.setStretchFactor(1, 1)
        self.outer = QSplitter(Qt.Orientation.Vertical)
        self.outer.setObjectName("outerSplitter")
        self.outer.addWidget(self.header)
        self.outer.addWidget(self.body)
        self.outer.setStretchFactor(0, 0)
        self.outer.setStretchFactor(1, 1)
        self.setCentralWidget(self.outer)
        self._order_tabs()

    def _observe(self) -> None:
        """Who writes to the view state, and who follows it."""
        state, timeline, picker = self.state, self.timeline, self.menus.profile_picker
        picker.currentIndexChanged.connect(lambda _i: state.set_profile(picker.currentData()))
        state.profile_changed.connect(
            lambda pid: picker.setCurrentIndex(max(0, picker.findData(pid)))
        )
        timeline.selection_changed.connect(state.select)
        timeline.hidden_lanes_changed.connect(state.set_hidden_lanes)
        timeline.viewport_changed.connect(state.set_viewport)
        state.selection_changed.connect(timeline.show_selection)
        state.selection_changed.connect(self._show_current)
        state.reveal_requested.connect(timeline.reveal_event)
        state.hidden_lanes_changed.connect(timeline.set_hidden_lanes)
        state.viewport_changed.connect(self.overview.set_view)
        state.scope_changed.connect(self._say_scope)
        self.feed.refreshed.connect(self._say_scope)
        timeline.details_requested.connect(self.detail.setFocus)
        self.overview.centre_requested.connect(timeline.centre_on)
        self.detail.event_activated.connect(self.select_event)
        self.detail.source_activated.connect(self._show_source)
        self.detail.entity_activated.connect(self.highlight_entity)
        self.search.event_chosen.connect(self.select_event)
        self.search.hits_changed.connect(self.show_search_hits)
        self.search.scope_cleared.connect(lambda: state.set_scope(Scope()))

    def attach_store(self, opened: OpenedAnnotations) -> None:
        """Add the user's annotations: editor, marks, scopes, own events, file actions."""
        user = AnnotationsController(
            opened, self.catalog, self.state, self.undo_stack, self.reporter, self
        )
        self.annotations = user
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rightSplitter")
        sizes = self.body.sizes()
        self.body.replaceWidget(1, self.right)
        self.right.addWidget(self.detail)
        self.right.addWidget(user.editor)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.body.setSizes(sizes)
        self.memory.restore_splitter(self.right, [500, 300])
        show = QLabel(" Show: ")
        show.setBuddy(user.scope_picker)
        menus = self.menus
        menus.toolbar.insertWidget(menus.scope_slot, show)
        menus.toolbar.insertWidget(menus.scope_slot, user.scope_picker)
        for action in user.file_actions:
            if action is None:
                menus.file_menu.insertSeparator(menus.quit_action)
            else:
                menus.file_menu.insertAction(menus.quit_action, action)
        menus.edit_menu.addSeparator()
        menus.edit_menu.addAction(user.add_action)
        edit, delete = user.own_event_actions
        menus.edit_menu.addActions([edit, delete])
        user.add_action.triggered.connect(lambda _c=False: self.add_user_event())
        edit.triggered.connect(lambda _c=False: self.edit_user_event())
        delete.triggered.connect(lambda _c=False: self.delete_user_event())
        user.marks_changed.connect(self.timeline.marks_changed)
        self.search.set_notes_db(opened.store.path)
        self._order_tabs()
        self.feed.attach(user)
        self._show_current(self.state.selection)  # the selection may be one of the user's
        if opened.orphans:
            self.statusBar().showMessage(user.orphans_text(opened.orphans))

    # -- what is shown -----------------------------------------------------------------

    def _show_current(self, event_ids: tuple[str, ...]) -> None:
        """The detail pane shows the event last selected (the placeholder if none)."""
        current = event_ids[-1] if event_ids else None
        own = self.annotations.user_event(current) if self.annotations and current else None
        if own is not None and self.annotations is not None:
            date, kind = self.annotations.describe(own)
            self.detail.show_user_event(own, date, kind)
        elif current is not None:
            self.detail.show_event(self.catalog.event_detail(current))
        else:  # nothing selected (Escape, a click on empty time, another profile)
            self.detail.show_placeholder()

    def _say_scope(self) -> None:
        """The status bar says what the scope shows, or the catalog's counts for all."""
        scope = self.state.scope
        ids = self.annotations.scope_ids() if self.annotations else None
        self.search.set_scope(scope.label if ids is not None else "", ids)
        if ids is not None:
            shown = len(self.timeline.data)
            self.statusBar().showMessage(f"Showing {scope.label.lower()}: {plural(shown, 'event')}")
        else:
            self.statusBar().showMessage(_counts_text(self.catalog))

    def select_event(self, event_id: str) -> None:
        """Show an event chosen by a search result or a link, bringing it into view."""
        known = self.timeline.data.row_of(event_id) is not None or (
            self.annotations is not None and self.annotations.user_event(event_id)
        )
        if not known and not self.catalog.has_event(event_id):
            self.statusBar().showMessage(  # a note on an event of another catalog
                f"The event “{event_id}” is not in this catalog "
                f"({self.catalog.path.name}); your notes on it are kept.",
                10_000,
            )
            return
        self.state.select([event_id], reveal=True)

    def show_search_hits(self, event_ids: tuple[str, ...] | None) -> None:
        """The events a search found, marked on the timeline over a dimmed rest, and where
        they fall over the whole span in the overview (None: the search was cleared)."""
        self.timeline.set_hits(event_ids)
        rows = self.timeline.hit_rows
        data = self.timeline.data
        days = None if rows is None else ((data.start[rows] + data.end[rows]) / 2).tolist()
        self.overview.set_hits(days)

    def highlight_entity(self, entity_id: str) -> None:
        """Outline every event the entity took part in, keeping the current one shown."""
        data = self.timeline.data
        ids = [i for i in self.catalog.events_with(entity_id) if data.row_of(i) is not None]
        current = [self.state.current] if self.state.current else []
        self.state.select([i for i in ids if i not in current] + current)
        entity = self.catalog.entities.get(entity_id)
        name = entity.name if entity else entity_id
        self.statusBar().showMessage(
            f"{plural(len(ids), 'event')} with {name} outlined on the timeline"
        )

    def _show_source(self, source_id: str) -> None:
        source = self.catalog.sources.get(source_id)
        if source is not None:
            self.detail.show_source(source, self.catalog.events_citing(source_id))

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.focus_box()

    def ask_go_to_date(self) -> None:
        ask_go_to_date(self, self.timeline)

    def go_to_date(self, text: str) -> bool:
        return go_to_date(self, self.timeline, text)

    # -- the user's work -------------------------------------------------------------

    @property
    def profile_id(self) -> str | None:
        return self.state.profile

    def set_profile(self, profile_id: str) -> None:
        if any(p.id == profile_id for p in self.profiles):
            self.state.set_profile(profile_id)

    def set_scope(self, scope: Scope) -> None:
        self.state.set_scope(scope)

    def show_orphans(self) -> OrphansDialog | None:
        return self.annotations.show_orphans() if self.annotations else None

    def undo(self) -> None:
        """Undo the last edit, first saving a note still being typed (so it is undone)."""
        self.save_pending()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.save_pending()
        self.undo_stack.redo()

    def add_user_event(self, event: UserEvent | None = None) -> UserEvent | None:
        """Add an event of the user's own (from the dialog unless one is given)."""
        added = self.annotations.add_user_event(event) if self.annotations else None
        if added is not None:
            self.state.select([added.id], reveal=True)
        return added

    def edit_user_event(self, changed: UserEvent | None = None) -> None:
        current = self._selected_user_event()
        if current is not None and self.annotations is not None:
            self.annotations.edit_user_event(current, changed)
            self.state.select([current.id], reveal=True)

    def delete_user_event(self) -> None:
        current = self._selected_user_event()
        if current is not None and self.annotations is not None:
            self.annotations.delete_user_event(current)

    def _selected_user_event(self) -> UserEvent | None:
        current = self.state.current
        if current is None or self.annotations is None:
            return None
        return self.annotations.user_event(current)

    def save_pending(self) -> bool:
        """Save whatever is still being typed (before undo, on close, after an error);
        True when every change is saved."""
        return self.annotations.flush() if self.annotations is not None else True

    # -- files, help and the window itself ----------------------------------------

    def _order_tabs(self) -> None:
        """Tab goes as the eye reads: the toolbar, the search, the profile header, the
        timeline and its overview, the details, then the notes (which come last)."""
        chain: list[QWidget] = [self.menus.profile_picker, self.menus.lanes_button]
        if self.annotations is not None:
            chain.append(self.annotations.scope_picker)
        search, header = self.search, self.header
        chain += [search.box, search.filter_button, search.order, search.save_button]
        chain += [search.results, header.summary_label, header.tabs]
        chain += [header.context_view, header.actions_view, header.criticism_view]
        chain += [self.timeline, self.overview, self.detail]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def ask_open_catalog(self) -> None:
        folder = str(self.catalog.path.parent)
        filters = "Catalogs (*.sqlite);;All files (*)"
        path, _ = QFileDialog.getOpenFileName(self, "Open a catalog", folder, filters)
        if path:
            self.catalog_requested.emit(Path(path))

    def ask_import_timeline(self) -> None:
        filters = "TimelineJS (*.json *.csv *.xlsx);;All files (*)"
        path, _ = QFileDialog.getOpenFileName(self, "Import a TimelineJS timeline", "", filters)
        if path:
            self.timeline_import_requested.emit(Path(path))

    def set_recent_catalogs(self, recent: list[Path], bundled: Path) -> None:
        """File > Open recent: the catalogs opened before, the bundled one first."""
        menu = self.menus.recent_menu
        menu.clear()
        here = self.catalog.path.resolve()
        entries = [bundled.resolve(), *(p for p in recent if p != bundled.resolve())]
        for path in entries:
            label = "The bundled catalog" if path == bundled.resolve() else str(path)
            action = menu.addAction(label)
            action.setEnabled(path != here)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.catalog_requested.emit(p))
        menu.setEnabled(any(a.isEnabled() for a in menu.actions()))
        name = "" if here == bundled.resolve() else f" — {here.name}"
        self.setWindowTitle(f"Timeline Viewer{name}")

    def caption(self) -> Caption:
        """The title and source line of an exported picture."""
        profile = next((p for p in self.profiles if p.id == self.state.profile), None)
        title = profile.title if profile else "Timeline"
        if self.state.scope.kind != "all":
            title += f" ({self.state.scope.label.lower()})"
        return Caption(title, source_line(self.catalog.path.name))

    def open_log_folder(self) -> bool:
        """Show the log folder in the desktop's file manager."""
        if self.log_dir is None:
            return False
        self.log_dir.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_dir)))

    def save_state(self) -> None:
        self.memory.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_pending()
        self.memory.save()
        self.search.shutdown()
        super().closeEvent(event)


def _counts_text(catalog: Catalog) -> str:
    counts = catalog.counts()
    return (
        f"{plural(counts['event'], 'event')} · {plural(counts['quote'], 'quote')} · "
        f"{plural(counts['source'], 'source')} · catalog {catalog.path.name} (read-only)"
    )
