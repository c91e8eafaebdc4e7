"""The main window: profile header, timeline with overview, and the detail pane.

It wires widgets together by signals; the widgets know nothing of each other or
of the database, and receive plain records from the catalog.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer import __version__
from viewer.core.annotations.limits import UNDO_STEPS
from viewer.core.annotations.records import UserEvent
from viewer.core.annotations.scope import Scope
from viewer.core.catalog.read import Catalog
from viewer.core.dates.fuzzy import day_label
from viewer.core.dates.typed import parse_typed_date
from viewer.core.plurals import plural
from viewer.core.records import Profile
from viewer.core.timeline.lanes import LANES
from viewer.core.timeline.timescale import Viewport
from viewer.ui.about import show_about
from viewer.ui.annotations.controller import AnnotationsController
from viewer.ui.annotations.orphans import OrphansDialog
from viewer.ui.detail_pane import DetailPane
from viewer.ui.errors import ErrorReporter
from viewer.ui.profile_header import ProfileHeader
from viewer.ui.search.panel import SearchPanel
from viewer.ui.timeline.caption import Caption, source_line
from viewer.ui.timeline.export_actions import TimelineImageActions
from viewer.ui.timeline.legend import Legend
from viewer.ui.timeline.overview import OverviewStrip
from viewer.ui.timeline.view import TimelineView

if TYPE_CHECKING:
    from viewer.core.annotations.loading import OpenedAnnotations
    from viewer.core.annotations.store import AnnotationStore


class MainWindow(QMainWindow):
    catalog_requested = Signal(object)  # a Path: File > Open or Open recent
    timeline_import_requested = Signal(object)  # a Path: File > Import TimelineJS

    def __init__(
        self,
        catalog: Catalog,
        settings: QSettings,
        reporter: ErrorReporter,
        parent: QWidget | None = None,
        *,
        store: AnnotationStore | None = None,
        log_dir: Path | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_dir = log_dir
        self.data_dir = data_dir
        self.catalog = catalog
        self.settings = settings
        self.reporter = reporter
        self.setWindowTitle("Timeline Viewer")
        self.profiles: list[Profile] = catalog.profiles_main_first()
        self.eras = catalog.eras()

        self.header = ProfileHeader()
        self.timeline = TimelineView()
        self.overview = OverviewStrip()
        self.detail = DetailPane()
        self.legend = Legend()
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
        self._build_toolbar()
        self._build_menus()

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
        self.right: QSplitter | None = None
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

        self.timeline.selection_changed.connect(self._on_selection)
        self.timeline.details_requested.connect(self.detail.setFocus)
        self.timeline.viewport_changed.connect(self.overview.set_view)
        self.overview.centre_requested.connect(self.timeline.centre_on)
        self.detail.event_activated.connect(self.select_event)
        self.detail.source_activated.connect(self._show_source)
        self.detail.entity_activated.connect(self.highlight_entity)
        self.search.event_chosen.connect(self.select_event)
        self.search.hits_changed.connect(self.show_search_hits)
        self.search.scope_cleared.connect(lambda: self.set_scope(Scope()))
        self.statusBar().showMessage(_counts_text(catalog))
        self._restore()
        if store is not None:
            from viewer.core.annotations.loading import load  # noqa: PLC0415 - SQLAlchemy

            self.attach_store(load(store, catalog.path))

    def attach_store(self, opened: OpenedAnnotations) -> None:
        """Add the user's annotations: editor, marks, scopes, own events, file actions."""
        user = AnnotationsController(opened, self.catalog, self.undo_stack, self.reporter, self)
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
        state = self.settings.value("window/rightSplitter")
        if isinstance(state, QByteArray):
            self.right.restoreState(state)
        else:
            self.right.setSizes([500, 300])
        show = QLabel(" Show: ")
        show.setBuddy(user.scope_picker)
        self.toolbar.insertWidget(self._scope_slot, show)
        self.toolbar.insertWidget(self._scope_slot, user.scope_picker)
        for action in user.file_actions:
            if action is None:
                self.file_menu.insertSeparator(self.quit_action)
            else:
                self.file_menu.insertAction(self.quit_action, action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(user.add_action)
        edit, delete = user.own_event_actions
        self.edit_menu.addActions([edit, delete])
        user.add_action.triggered.connect(lambda _c=False: self.add_user_event())
        edit.triggered.connect(lambda _c=False: self.edit_user_event())
        delete.triggered.connect(lambda _c=False: self.delete_user_event())
        user.shown_changed.connect(self._on_shown_changed)
        user.marks_changed.connect(self.timeline.marks_changed)
        self.search.set_notes_db(opened.store.path)
        self._order_tabs()
        if user.own:  # the user's events join the timeline
            self._show_data(keep_view=True)
        else:
            self.timeline.set_marks(user.marks())
        self._on_selection(self.timeline.selected_ids())
        if opened.orphans:
            self.statusBar().showMessage(user.orphans_text(opened.orphans))

    def show_orphans(self) -> OrphansDialog | None:
        return self.annotations.show_orphans() if self.annotations else None

    def undo(self) -> None:
        """Undo the last edit, first saving a note still being typed (so it is undone)."""
        self.save_pending()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.save_pending()
        self.undo_stack.redo()

    def set_scope(self, scope: Scope) -> None:
        if self.annotations is not None:
            self.annotations.set_scope(scope)

    def _on_shown_changed(self) -> None:
        """The user's layer changed what is shown (scope, own events): show it again."""
        self._show_data(keep_view=True)
        user = self.annotations
        if user is None:
            return
        ids = user.scope_ids()
        self.search.set_scope(user.scope.label if ids is not None else "", ids)
        if ids is not None:
            shown = len(self.timeline.data)
            self.statusBar().showMessage(
                f"Showing {user.scope.label.lower()}: {plural(shown, 'event')}"
            )
        else:  # back to all events: the catalog's counts, not the last scope's
            self.statusBar().showMessage(_counts_text(self.catalog))
        selected = self.timeline.selected_ids()
        if selected:
            self._on_selection(selected)
        else:
            self.detail.show_placeholder()

    def add_user_event(self, event: UserEvent | None = None) -> UserEvent | None:
        """Add an event of the user's own (from the dialog unless one is given)."""
        added = self.annotations.add_user_event(event) if self.annotations else None
        if added is not None:
            self.timeline.select_ids([added.id])
        return added

    def edit_user_event(self, changed: UserEvent | None = None) -> None:
        current = self._selected_user_event()
        if current is None or self.annotations is None:
            return
        self.annotations.edit_user_event(current, changed)
        self.timeline.select_ids([current.id])

    def delete_user_event(self) -> None:
        current = self._selected_user_event()
        if current is not None and self.annotations is not None:
            self.annotations.delete_user_event(current)

    def _selected_user_event(self) -> UserEvent | None:
        selected = self.timeline.selected_ids()
        if not selected or self.annotations is None:
            return None
        return self.annotations.user_event(selected[-1])

    def _show_user_event(self, event: UserEvent) -> None:
        assert self.annotations is not None
        date, kind = self.annotations.describe(event)
        self.detail.show_user_event(event, date, kind)

    # -- chrome -----------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.profile_picker = QComboBox()
        self.profile_picker.setAccessibleName("Profile")
        self.profile_picker.setToolTip("Whose stance toward whom")
        for profile in self.profiles:
            self.profile_picker.addItem(profile.title, profile.id)
        self.profile_picker.currentIndexChanged.connect(self._on_profile_index)

        self.fit_action = QAction("Fit &all", self)
        self.fit_action.setShortcut(QKeySequence("Ctrl+0"))
        self.fit_action.setToolTip("Show the whole timeline (Ctrl+0)")
        self.fit_action.triggered.connect(self.timeline.fit_all)
        self.zoom_in_action = QAction("Zoom &in", self)
        self.zoom_in_action.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_action.triggered.connect(lambda: self.timeline.zoom(2.0))
        self.zoom_out_action = QAction("Zoom &out", self)
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_action.triggered.connect(lambda: self.timeline.zoom(0.5))
        self.goto_action = QAction("&Go to date…", self)
        self.goto_action.setShortcut(QKeySequence("Ctrl+G"))
        self.goto_action.setToolTip("Jump to a date such as 2018-07, 2018-07-16 or 44 BCE (Ctrl+G)")
        self.goto_action.triggered.connect(self.ask_go_to_date)
        self.find_action = QAction("&Find…", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        native = QKeySequence.SequenceFormat.NativeText
        self.find_action.setToolTip(
            f"Search quotes and events ({self.find_action.shortcut().toString(native)})"
        )
        self.find_action.triggered.connect(self.show_search)

        self.lanes_menu = QMenu("&Lanes", self)
        self.lane_actions: list[QAction] = []
        for number, lane in enumerate(LANES):
            action = QAction(lane.label, self)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, n=number: self.timeline.set_lane_visible(n, on))
            self.lanes_menu.addAction(action)
            self.lane_actions.append(action)
        lanes_button = QToolButton()
        self.lanes_button = lanes_button
        lanes_button.setText("Lanes")
        lanes_button.setToolTip("Show or hide lanes")
        lanes_button.setAccessibleName("Lanes")
        lanes_button.setMenu(self.lanes_menu)
        lanes_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        label = QLabel("Profile: ")
        label.setBuddy(self.profile_picker)
        toolbar.addWidget(label)
        toolbar.addWidget(self.profile_picker)
        toolbar.addSeparator()
        toolbar.addAction(self.fit_action)
        toolbar.addAction(self.zoom_in_action)
        toolbar.addAction(self.zoom_out_action)
        toolbar.addAction(self.goto_action)
        toolbar.addWidget(lanes_button)
        self._scope_slot = toolbar.addSeparator()  # the "Show:" picker goes before this
        toolbar.addAction(self.find_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.legend)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("&File")
        open_action = self.file_menu.addAction("&Open catalog…")
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(lambda _c=False: self.ask_open_catalog())
        self.recent_menu = self.file_menu.addMenu("Open &recent")
        self.recent_menu.setEnabled(False)
        import_action = self.file_menu.addAction("&Import a TimelineJS timeline…")
        import_action.setToolTip("Make a TimelineJS JSON file into a catalog of its own")
        import_action.triggered.connect(lambda _c=False: self.ask_import_timeline())
        self.file_menu.addSeparator()
        edit = self.menuBar().addMenu("&Edit")
        self.edit_menu = edit
        undo = QAction("&Undo", self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.triggered.connect(self.undo)
        redo = QAction("&Redo", self)
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.triggered.connect(self.redo)
        for action, can, text in (
            (undo, self.undo_stack.canUndoChanged, self.undo_stack.undoTextChanged),
            (redo, self.undo_stack.canRedoChanged, self.undo_stack.redoTextChanged),
        ):
            action.setEnabled(False)
            can.connect(action.setEnabled)
            verb = action.text()
            text.connect(lambda t, a=action, v=verb: a.setText(f"{v} {t}" if t else v))
            edit.addAction(action)
        edit.addSeparator()
        edit.addAction(self.find_action)
        view = self.menuBar().addMenu("&View")
        for action in (
            self.fit_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.goto_action,
        ):
            view.addAction(action)
        view.addMenu(self.lanes_menu)
        view.addAction(self.find_action)
        search_toggle = self.search_dock.toggleViewAction()
        search_toggle.setText("&Search panel")
        view.addAction(search_toggle)
        focus = QAction("Focus the &timeline", self)
        focus.setShortcut(QKeySequence("Ctrl+T"))
        focus.triggered.connect(self.timeline.setFocus)
        view.addAction(focus)
        # The picture gets a legend of its own: the toolbar's may be folded away in its
        # overflow menu, where it has no size and would draw nothing.
        picture_legend = Legend(self)
        picture_legend.hide()
        self.image_actions = TimelineImageActions(
            self, self.timeline, picture_legend, self._caption, self.reporter
        )
        for action in self.image_actions.actions:
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)
        self.quit_action = quit_action
        help_menu = self.menuBar().addMenu("&Help")
        self.open_logs_action = help_menu.addAction("Open &log folder")
        self.open_logs_action.setToolTip("Where the app writes what it did and any errors")
        self.open_logs_action.triggered.connect(lambda _c=False: self.open_log_folder())
        self.open_logs_action.setEnabled(self.log_dir is not None)
        about = help_menu.addAction("&About Timeline Viewer")
        about.triggered.connect(
            lambda _c=False: show_about(
                self,
                __version__,
                self.catalog.path.name,
                sorted(self.catalog.sources.values(), key=lambda s: (s.publisher or "", s.title)),
                self.data_dir,
            )
        )

    def _order_tabs(self) -> None:
        """Tab goes as the eye reads: the toolbar, the search, the profile header, the
        timeline and its overview, the details, then the notes (which come last)."""
        chain: list[QWidget] = [self.profile_picker, self.lanes_button]
        if self.annotations is not None:
            chain.append(self.annotations.scope_picker)
        search = self.search
        chain += [search.box, search.filter_button, search.order, search.save_button]
        chain += [search.results, self.header.summary_label, self.header.tabs]
        header = self.header
        chain += [header.context_view, header.actions_view, header.criticism_view]
        chain += [self.timeline, self.overview, self.detail]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def ask_open_catalog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            "Open a catalog",
            str(self.catalog.path.parent),
            "Catalogs (*.sqlite);;All files (*)",
        )
        if path:
            self.catalog_requested.emit(Path(path))

    def ask_import_timeline(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            "Import a TimelineJS timeline",
            "",
            "TimelineJS (*.json *.csv *.xlsx);;All files (*)",
        )
        if path:
            self.timeline_import_requested.emit(Path(path))

    def set_recent_catalogs(self, recent: list[Path], bundled: Path) -> None:
        """File > Open recent: the catalogs opened before, the bundled one first."""
        menu = self.recent_menu
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

    def _caption(self) -> Caption:
        profile = next((p for p in self.profiles if p.id == self.profile_id), None)
        title = profile.title if profile else "Timeline"
        if self.annotations is not None and self.annotations.scope.kind != "all":
            title += f" ({self.annotations.scope.label.lower()})"
        return Caption(title, source_line(self.catalog.path.name))

    def open_log_folder(self) -> bool:
        """Show the log folder in the desktop's file manager."""
        if self.log_dir is None:
            return False
        self.log_dir.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_dir)))

    def save_pending(self) -> bool:
        """Save whatever is still being typed (before undo, on close, after an error);
        True when every change is saved."""
        return self.annotations.flush() if self.annotations is not None else True

    # -- profile and selection --------------------------------------------------

    @property
    def profile_id(self) -> str | None:
        data = self.profile_picker.currentData()
        return str(data) if data is not None else None

    def set_profile(self, profile_id: str) -> None:
        index = self.profile_picker.findData(profile_id)
        if index >= 0:
            self.profile_picker.setCurrentIndex(index)

    def _on_profile_index(self, _index: int) -> None:
        self._load_profile()

    def _load_profile(self, view: Viewport | None = None) -> None:
        profile_id = self.profile_id
        if profile_id is None:
            return
        detail = self.catalog.profile_detail(profile_id)
        self.header.set_profile(detail)
        self._profile_data = self.catalog.timeline(profile_id)
        self._stance = self.catalog.stance(profile_id)
        subject = detail.profile.subject.name.split()[-1]
        # An empty track says why (an imported timeline has no quotes).
        said = f"{subject}'s words" if self._stance else "no quotes"
        self._stance_label = f"Stance\n({said})"
        self._show_data(keep_view=False)
        if view is not None:
            self.timeline.set_viewport(view)
        self.overview.set_view(self.timeline.view)
        self.detail.show_placeholder()

    def _show_data(self, *, keep_view: bool) -> None:
        """The profile's events on the timeline, narrowed to the chosen scope."""
        user = self.annotations
        data = user.narrow(self._profile_data) if user else self._profile_data
        selected = self.timeline.selected_ids() if keep_view else []
        self.timeline.set_data(
            data, self.eras, self._stance, self._stance_label,
            keep_view=keep_view,
        )  # fmt: skip
        self.overview.set_data(data, self.timeline.limits)
        self.overview.set_view(self.timeline.view)
        kept = [i for i in selected if data.row_of(i) is not None]
        if kept:
            self.timeline.select_ids(kept, reveal=False)
        if user is not None:
            self.timeline.set_marks(user.marks())

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.focus_box()

    def select_event(self, event_id: str) -> None:
        if self.timeline.data.row_of(event_id) is not None:
            self.timeline.select_ids([event_id])
        elif self.annotations and (own := self.annotations.user_event(event_id)):
            self._show_user_event(own)  # hidden by the scope
        else:  # an event of another profile: show it anyway
            try:
                detail = self.catalog.event_detail(event_id)
            except KeyError:  # a note on an event of another catalog (notes are shared)
                self.statusBar().showMessage(
                    f"The event “{event_id}” is not in this catalog "
                    f"({self.catalog.path.name}); your notes on it are kept.",
                    10_000,
                )
                return
            self.detail.show_event(detail)
            if self.annotations is not None:
                self.annotations.editor.show_event(event_id)

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
        ids = [
            i
            for i in self.catalog.events_with(entity_id)
            if self.timeline.data.row_of(i) is not None
        ]
        current = self.timeline.selected_ids()[-1:] if self.timeline.selected else []
        others = [i for i in ids if i not in current]
        self.timeline.select_ids(others + current, reveal=False)
        name = (
            self.catalog.entities[entity_id].name
            if entity_id in self.catalog.entities
            else (entity_id)
        )
        self.statusBar().showMessage(
            f"{plural(len(ids), 'event')} with {name} outlined on the timeline"
        )

    def _on_selection(self, event_ids: list[str]) -> None:
        own = self.annotations.selection_changed(event_ids) if self.annotations else None
        if own is not None:
            self._show_user_event(own)
        elif event_ids:
            self.detail.show_event(self.catalog.event_detail(event_ids[-1]))
        else:  # nothing selected (Escape, a click on empty time): no stale event shown
            self.detail.show_placeholder()

    def _show_source(self, source_id: str) -> None:
        source = self.catalog.sources.get(source_id)
        if source is not None:
            self.detail.show_source(source, self.catalog.events_citing(source_id))

    def ask_go_to_date(self) -> None:
        text, ok = QInputDialog.getText(
            self,
            "Go to date",
            "Date (for example 2018, 2018-07, 2018-07-16, 44 BCE or 66 million years ago):",
        )
        if ok:
            self.go_to_date(text)

    def go_to_date(self, text: str) -> bool:
        parsed = parse_typed_date(text)
        if parsed is None:
            self.statusBar().showMessage(f"Not a date I can read: {text!r}. Try 2018-07-16.")
            return False
        start, end = parsed
        limits = self.timeline.limits
        if end <= limits.first or start >= limits.last:  # the view would stop at the edge
            first, last = (day_label(int(d)) for d in (limits.first, limits.last - 1))
            self.statusBar().showMessage(
                f"{text.strip()} is outside this timeline, which runs from {first} to {last}; "
                "showing its nearest end.",
                10_000,
            )
        self.timeline.show_range(start - (end - start), end + (end - start))
        return True

    # -- remembering state ------------------------------------------------------

    def _restore(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        docks = s.value("window/state")
        if isinstance(docks, QByteArray):
            self.restoreState(docks)
        else:
            self.resizeDocks([self.search_dock], [380], Qt.Orientation.Horizontal)
        for splitter in self._splitters():
            state = s.value(f"window/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
            elif splitter is self.outer:
                splitter.setSizes([170, 730])
            else:
                splitter.setSizes([1000, 400])
        hidden = s.value("view/hidden_lanes", "")
        for key in str(hidden).split(","):
            for number, lane in enumerate(LANES):
                if lane.key == key:
                    self.lane_actions[number].setChecked(False)
        saved = s.value("view/profile")
        if isinstance(saved, str) and self.profile_picker.findData(saved) >= 0:
            self.profile_picker.blockSignals(True)  # loaded once, below, with the saved view
            self.set_profile(saved)
            self.profile_picker.blockSignals(False)
        view = None
        # The view and selection saved belong to the catalog they were saved on: another
        # catalog (its events may lie in 44 BCE) opens fitted, with nothing selected.
        same_catalog = s.value("view/catalog") == str(self.catalog.path.resolve())
        try:
            if not same_catalog:
                raise ValueError
            start, span = float(str(s.value("view/start"))), float(str(s.value("view/span")))
            width = self.timeline.view.width
            if math.isfinite(start) and math.isfinite(span) and span > 0:
                view = Viewport(start, span / width, width)  # out of range: clamped
        except (TypeError, ValueError):
            view = None  # first run (or nonsense saved): fit all
        self._load_profile(view)
        selected = s.value("view/selected_event") if same_catalog else None
        if isinstance(selected, str) and self.timeline.data.row_of(selected) is not None:
            self.timeline.select_ids([selected], reveal=False)

    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        for splitter in self._splitters():
            s.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        if self.profile_id:
            s.setValue("view/profile", self.profile_id)
        s.setValue("view/catalog", str(self.catalog.path.resolve()))
        s.setValue("view/start", self.timeline.view.start)
        s.setValue("view/span", self.timeline.view.span)
        hidden = [LANES[n].key for n in sorted(self.timeline.hidden_lanes)]
        s.setValue("view/hidden_lanes", ",".join(hidden))
        selected = self.timeline.selected_ids()
        if selected:
            s.setValue("view/selected_event", selected[-1])
        else:
            s.remove("view/selected_event")
        s.sync()

    def _splitters(self) -> list[QSplitter]:
        extra = [self.right] if self.right is not None else []
        return [self.body, self.outer, *extra]

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_pending()
        self.save_state()
        self.search.shutdown()
        super().closeEvent(event)


def _counts_text(catalog: Catalog) -> str:
    counts = catalog.counts()
    return (
        f"{plural(counts['event'], 'event')} · {plural(counts['quote'], 'quote')} · "
        f"{plural(counts['source'], 'source')} · catalog {catalog.path.name} (read-only)"
    )
