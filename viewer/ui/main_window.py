"""The main window: profile header, timeline with overview, and the detail pane.

It wires widgets together by signals; the widgets know nothing of each other or
of the database, and receive plain records from the catalog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
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

from viewer.core.annotations.index import AnnotationIndex
from viewer.core.annotations.records import Annotation, UserEvent
from viewer.core.annotations.scope import Scope, scopes
from viewer.core.annotations.user_dates import parse_user_date
from viewer.core.catalog import Catalog
from viewer.core.dates import FuzzyDate
from viewer.core.lanes import LANES, lane_of
from viewer.core.records import Profile
from viewer.core.timeline_data import TimelineData
from viewer.core.timescale import Viewport
from viewer.core.typed_dates import parse_typed_date
from viewer.ui.annotations.commands import save_user_event
from viewer.ui.annotations.editor import AnnotationEditor
from viewer.ui.annotations.file_actions import AnnotationFiles
from viewer.ui.annotations.orphans import OrphansDialog
from viewer.ui.annotations.user_event_dialog import UserEventDialog
from viewer.ui.detail_pane import DetailPane
from viewer.ui.errors import ErrorReporter
from viewer.ui.profile_header import ProfileHeader
from viewer.ui.search.panel import SearchPanel
from viewer.ui.timeline.legend import Legend
from viewer.ui.timeline.overview import OverviewStrip
from viewer.ui.timeline.view import TimelineView

if TYPE_CHECKING:
    from viewer.core.annotations.loading import OpenedAnnotations
    from viewer.core.annotations.store import AnnotationStore


class MainWindow(QMainWindow):
    def __init__(
        self,
        catalog: Catalog,
        settings: QSettings,
        reporter: ErrorReporter,
        parent: QWidget | None = None,
        *,
        store: AnnotationStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.settings = settings
        self.reporter = reporter
        self.setWindowTitle("Timeline Viewer")
        self.profiles: list[Profile] = _primary_first(catalog)
        self.eras = catalog.eras()

        self.header = ProfileHeader()
        self.timeline = TimelineView()
        self.overview = OverviewStrip()
        self.detail = DetailPane()
        self.legend = Legend()
        self.undo_stack = QUndoStack(self)
        # The user's annotations arrive after the first paint (attach_store): opening
        # them imports SQLAlchemy, which would otherwise delay the window.
        self.annotations: AnnotationEditor | None = None
        self.annotation_files: AnnotationFiles | None = None
        self.scope = Scope()
        self.scope_picker: QComboBox | None = None
        self.own_event_actions: list[QAction] = []
        self._index = AnnotationIndex()  # the store's annotations, kept in step per save
        self._own: dict[str, UserEvent] = {}  # the user's own events, by id, kept likewise
        self._with_own: TimelineData | None = None  # the profile's events and the user's
        self.search = SearchPanel(catalog, self.profiles)
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

        self.timeline.selection_changed.connect(self._on_selection)
        self.timeline.viewport_changed.connect(self.overview.set_view)
        self.overview.centre_requested.connect(self.timeline.centre_on)
        self.detail.event_activated.connect(self.select_event)
        self.detail.source_activated.connect(self._show_source)
        self.detail.entity_activated.connect(self.highlight_entity)
        self.search.event_chosen.connect(self.select_event)
        self.search.scope_cleared.connect(lambda: self.set_scope(Scope()))
        self.statusBar().showMessage(_counts_text(catalog))
        self._restore()
        if store is not None:
            from viewer.core.annotations.loading import load  # noqa: PLC0415 - SQLAlchemy

            self.attach_store(load(store, catalog.path))

    def attach_store(self, opened: OpenedAnnotations) -> None:
        """Add the user's annotations: editor, marks, scopes, own events, file actions."""
        store = opened.store
        self.annotations = AnnotationEditor(store, self.undo_stack)
        self.annotation_files = AnnotationFiles(store, self.catalog, self.reporter, self)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rightSplitter")
        sizes = self.body.sizes()
        self.body.replaceWidget(1, self.right)
        self.right.addWidget(self.detail)
        self.right.addWidget(self.annotations)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.body.setSizes(sizes)
        state = self.settings.value("window/rightSplitter")
        if isinstance(state, QByteArray):
            self.right.restoreState(state)
        else:
            self.right.setSizes([500, 300])
        self._attach_scope_picker()
        self._attach_menus()
        self._own = {e.id: e for e in store.user_events()}
        self._index = opened.index
        self._with_own = None
        self.search.set_notes_db(store.path)
        self.annotations.annotation_changed.connect(self._on_annotation_saved)
        if self._own:  # the user's events join the timeline
            self._show_data(keep_view=True)
        else:
            self.refresh_marks()
        self._on_selection(self.timeline.selected_ids())
        self._tell_orphans(opened.orphans)

    def _tell_orphans(self, missing: int) -> None:
        if missing:
            self.statusBar().showMessage(
                f"{missing} of your notes belong to events this catalog no longer has: "
                "File > Notes on missing events"
            )

    def show_orphans(self) -> OrphansDialog | None:
        if self.annotations is None:
            return None
        events = {eid: label[2] for eid, label in self.catalog.event_labels().items()}
        dialog = OrphansDialog(self.annotations.store, events, self)
        dialog.finished.connect(lambda _r: self._on_annotation_changed())
        dialog.open()
        return dialog

    def undo(self) -> None:
        """Undo the last edit, first saving a note still being typed (so it is undone)."""
        if self.annotations is not None:
            self.annotations.flush()
        self.undo_stack.undo()

    def redo(self) -> None:
        if self.annotations is not None:
            self.annotations.flush()
        self.undo_stack.redo()

    def _attach_scope_picker(self) -> None:
        picker = QComboBox()
        picker.setAccessibleName("Show events")
        picker.setToolTip("Show all events, or only those you starred, noted or tagged")
        self.scope_picker = picker
        self._refresh_scopes()
        picker.currentIndexChanged.connect(lambda _i: self.set_scope(picker.currentData()))
        show = QLabel(" Show: ")
        show.setBuddy(picker)
        self.toolbar.insertWidget(self._scope_slot, show)
        self.toolbar.insertWidget(self._scope_slot, picker)

    def _attach_menus(self) -> None:
        files = self.annotation_files
        assert files is not None
        for label, slot in (
            ("Export annotations…", files.export),
            ("Import annotations…", self._import_annotations),
            ("Export notes as Markdown…", files.export_notes),
        ):
            action = QAction(label, self)
            action.triggered.connect(lambda _c=False, f=slot: f())
            self.file_menu.insertAction(self.quit_action, action)
        self.file_menu.insertSeparator(self.quit_action)
        orphans = QAction("Notes on missing events…", self)
        orphans.triggered.connect(lambda _c=False: self.show_orphans())
        self.file_menu.insertAction(self.quit_action, orphans)
        self.file_menu.insertSeparator(self.quit_action)
        edit = self.edit_menu
        edit.addSeparator()
        add = edit.addAction("Add my event…")
        add.setShortcut(QKeySequence("Ctrl+Shift+N"))
        add.triggered.connect(lambda _c=False: self.add_user_event())
        for label, own_slot in (
            ("Edit my event…", lambda _c=False: self.edit_user_event()),
            ("Delete my event", lambda _c=False: self.delete_user_event()),
        ):
            action = edit.addAction(label)
            action.setEnabled(False)
            action.triggered.connect(own_slot)
            self.own_event_actions.append(action)

    # -- chrome -----------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.profile_picker = QComboBox()
        self.profile_picker.setAccessibleName("Profile")
        self.profile_picker.setToolTip("Whose stance toward whom")
        for profile in self.profiles:
            self.profile_picker.addItem(profile.title, profile.id)
        self.profile_picker.currentIndexChanged.connect(self._on_profile_index)

        self.fit_action = QAction("Fit all", self)
        self.fit_action.setShortcut(QKeySequence("Ctrl+0"))
        self.fit_action.setToolTip("Show the whole timeline (Ctrl+0)")
        self.fit_action.triggered.connect(self.timeline.fit_all)
        self.zoom_in_action = QAction("Zoom in", self)
        self.zoom_in_action.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_action.triggered.connect(lambda: self.timeline.zoom(2.0))
        self.zoom_out_action = QAction("Zoom out", self)
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_action.triggered.connect(lambda: self.timeline.zoom(0.5))
        self.goto_action = QAction("Go to date…", self)
        self.goto_action.setShortcut(QKeySequence("Ctrl+G"))
        self.goto_action.setToolTip("Jump to a date such as 2018-07 or 2018-07-16 (Ctrl+G)")
        self.goto_action.triggered.connect(self.ask_go_to_date)
        self.find_action = QAction("Find…", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        native = QKeySequence.SequenceFormat.NativeText
        self.find_action.setToolTip(
            f"Search quotes and events ({self.find_action.shortcut().toString(native)})"
        )
        self.find_action.triggered.connect(self.show_search)

        self.lanes_menu = QMenu("Lanes", self)
        self.lane_actions: list[QAction] = []
        for number, lane in enumerate(LANES):
            action = QAction(lane.label, self)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, n=number: self.timeline.set_lane_visible(n, on))
            self.lanes_menu.addAction(action)
            self.lane_actions.append(action)
        lanes_button = QToolButton()
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
        view.addAction(self.search_dock.toggleViewAction())
        focus = QAction("Focus the timeline", self)
        focus.setShortcut(QKeySequence("Ctrl+T"))
        focus.triggered.connect(self.timeline.setFocus)
        view.addAction(focus)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)
        self.quit_action = quit_action

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
        self._with_own = None
        subject = detail.profile.subject.name.split()[-1]
        self._stance_label = f"Stance\n({subject}'s words)"
        self._show_data(keep_view=False)
        if view is not None:
            self.timeline.set_viewport(view)
        self.overview.set_view(self.timeline.view)
        self.detail.show_placeholder()

    def _show_data(self, *, keep_view: bool) -> None:
        """The profile's events on the timeline, narrowed to the chosen scope."""
        if self._with_own is None:
            self._with_own = self._profile_data.with_events(self._own_events())
        data = self._with_own
        ids = self._scope_ids()
        if ids is not None:
            data = data.subset(data.mask_of(ids))
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
        self.refresh_marks()

    def _own_events(self) -> list[tuple[str, str, FuzzyDate, int]]:
        """The user's own events, as the timeline takes them (unreadable dates left out)."""
        if self.annotations is None:
            return []
        own = []
        for event in self._own.values():
            date = parse_user_date(event.date)
            if date is not None:
                lane = lane_of(event.kind)
                own.append((event.id, event.title, date, lane))
        return own

    def _user_event(self, event_id: str) -> UserEvent | None:
        if self.annotations is None:
            return None
        return self._own.get(event_id)

    def _show_user_event(self, event: UserEvent) -> None:
        date = parse_user_date(event.date)
        kinds = [lane.label for lane in LANES if event.kind in {k.value for k in lane.kinds}]
        self.detail.show_user_event(
            event, date.label() if date else event.date, kinds[0] if kinds else event.kind
        )

    def add_user_event(self, event: UserEvent | None = None) -> UserEvent | None:
        """Add an event of the user's own (from the dialog unless one is given)."""
        if self.annotations is None:
            return None
        if event is None:
            dialog = UserEventDialog(parent=self)
            if dialog.exec() != UserEventDialog.DialogCode.Accepted:
                return None
            event = dialog.user_event()
        self.annotations.flush()
        self.undo_stack.push(
            save_user_event(self.annotations.store, None, event, "Add my event", self._own_changed)
        )
        self.timeline.select_ids([event.id])
        return event

    def edit_user_event(self, changed: UserEvent | None = None) -> None:
        current = self._selected_user_event()
        if current is None or self.annotations is None:
            return
        if changed is None:
            dialog = UserEventDialog(current, self)
            if dialog.exec() != UserEventDialog.DialogCode.Accepted:
                return
            changed = dialog.user_event()
        self.undo_stack.push(
            save_user_event(
                self.annotations.store, current, changed, "Edit my event", self._own_changed
            )
        )
        self.timeline.select_ids([current.id])

    def delete_user_event(self) -> None:
        current = self._selected_user_event()
        if current is None or self.annotations is None:
            return
        self.undo_stack.push(
            save_user_event(
                self.annotations.store, current, None, "Delete my event", self._own_changed
            )
        )

    def _selected_user_event(self) -> UserEvent | None:
        selected = self.timeline.selected_ids()
        return self._user_event(selected[-1]) if selected else None

    def _own_changed(self) -> None:
        if self.annotations is not None:
            self._own = {e.id: e for e in self.annotations.store.user_events()}
            self._index.set_own(self._own)
            self._with_own = None
        self._show_data(keep_view=True)
        selected = self.timeline.selected_ids()
        if selected:
            self._on_selection(selected)
        else:
            self.detail.show_placeholder()

    def _scope_ids(self) -> frozenset[str] | None:
        if self.annotations is None or self.scope.kind == "all":
            return None
        return self._index.in_scope(self.scope)

    def set_scope(self, scope: Scope) -> None:
        """Show only the starred events, those with a note, a colour or a tag (or all)."""
        self.scope = scope
        if self.scope_picker is not None:
            index = self.scope_picker.findText(scope.label)
            if index >= 0 and index != self.scope_picker.currentIndex():
                self.scope_picker.blockSignals(True)
                self.scope_picker.setCurrentIndex(index)
                self.scope_picker.blockSignals(False)
        self._show_data(keep_view=True)
        ids = self._scope_ids()
        self.search.set_scope(scope.label if ids is not None else "", ids)
        shown = len(self.timeline.data)
        self.statusBar().showMessage(f"Showing {scope.label.lower()}: {shown} events")

    def _refresh_scopes(self) -> None:
        if self.scope_picker is None or self.annotations is None:
            return
        tags = [name for name, _n in self.annotations.store.tags_in_use()]
        self.scope_picker.blockSignals(True)
        self.scope_picker.clear()
        for scope in scopes(tags):
            self.scope_picker.addItem(scope.label, scope)
        index = self.scope_picker.findText(self.scope.label)
        self.scope_picker.setCurrentIndex(max(0, index))
        self.scope_picker.blockSignals(False)

    def _on_annotation_saved(self, saved: Annotation) -> None:
        """One annotation changed: update only what shows it (fast at any count)."""
        if self._index.put(saved):  # its tags changed: the tags in use may have
            self._refresh_scopes()
        if self.scope.kind != "all":
            self.set_scope(self.scope)
        else:
            self.timeline.marks_changed()

    def _on_annotation_changed(self) -> None:
        """Many annotations may have changed (an import, orphans): reload them."""
        self._reload_annotations()
        self._refresh_scopes()
        self.set_scope(self.scope)  # own events may have come or gone too

    def _reload_annotations(self) -> None:
        """Read every mark, tag and own event again (after an import, orphans re-attached)."""
        if self.annotations is not None:
            store = self.annotations.store
            self._own = {e.id: e for e in store.user_events()}
            self._index = store.index()
            self._with_own = None

    def refresh_marks(self) -> None:
        """Show on the timeline which events carry a star, a note or a colour."""
        if self.annotations is not None:
            self.timeline.set_marks(self._index.marks())

    def _import_annotations(self) -> None:
        assert self.annotation_files is not None and self.annotations is not None
        if self.annotation_files.import_():
            current = self.annotations.current
            self.annotations.show_event(current.event_id if current else None)
            self._on_annotation_changed()

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.focus_box()

    def select_event(self, event_id: str) -> None:
        if self.timeline.data.row_of(event_id) is not None:
            self.timeline.select_ids([event_id])
        elif (own := self._user_event(event_id)) is not None:  # hidden by the scope
            self._show_user_event(own)
        else:  # an event of another profile: show it anyway
            self.detail.show_event(self.catalog.event_detail(event_id))
            if self.annotations is not None:
                self.annotations.show_event(event_id)

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
        self.statusBar().showMessage(f"{len(ids)} events with {name} outlined on the timeline")

    def _on_selection(self, event_ids: list[str]) -> None:
        own = self._user_event(event_ids[-1]) if event_ids else None
        for action in self.own_event_actions:
            action.setEnabled(own is not None)
        if own is not None:
            self._show_user_event(own)
        elif event_ids:
            self.detail.show_event(self.catalog.event_detail(event_ids[-1]))
        if self.annotations is not None:
            self.annotations.show_event(event_ids[-1] if event_ids else None)

    def _show_source(self, source_id: str) -> None:
        source = self.catalog.sources.get(source_id)
        if source is not None:
            self.detail.show_source(source, self.catalog.events_citing(source_id))

    def ask_go_to_date(self) -> None:
        text, ok = QInputDialog.getText(
            self, "Go to date", "Date (for example 2018, 2018-07 or 2018-07-16):"
        )
        if ok:
            self.go_to_date(text)

    def go_to_date(self, text: str) -> bool:
        parsed = parse_typed_date(text)
        if parsed is None:
            self.statusBar().showMessage(f"Not a date I can read: {text!r}. Try 2018-07-16.")
            return False
        start, end = parsed
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
            self.set_profile(saved)
        view = None
        try:
            start, span = float(str(s.value("view/start"))), float(str(s.value("view/span")))
            width = self.timeline.view.width
            view = Viewport(start, span / width, width)
        except (TypeError, ValueError):
            view = None  # first run: fit all
        self._load_profile(view)
        selected = s.value("view/selected_event")
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
        if self.annotations is not None:
            self.annotations.flush()
        self.save_state()
        self.search.shutdown()
        super().closeEvent(event)


def _primary_first(catalog: Catalog) -> list[Profile]:
    """Profiles, the one with the most events first (the catalog's main subject)."""
    profiles = catalog.profiles()
    sizes = {p.id: len(catalog.timeline(p.id)) for p in profiles}
    return sorted(profiles, key=lambda p: (-sizes[p.id], p.id))


def _counts_text(catalog: Catalog) -> str:
    counts = catalog.counts()
    return (
        f"{counts['event']} events · {counts['quote']} quotes · {counts['source']} sources · "
        f"catalog {catalog.path.name} (read-only)"
    )
