"""The main window: profile picker and header, the events, and the detail pane.

It wires widgets together by signals; the widgets themselves know nothing of
each other or of the database.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListView,
    QMainWindow,
    QSplitter,
    QToolBar,
    QWidget,
)

from viewer.core.catalog import Catalog
from viewer.core.records import Profile
from viewer.ui.detail_pane import DetailPane
from viewer.ui.errors import ErrorReporter
from viewer.ui.event_list_model import EVENT_ID_ROLE, EventListModel
from viewer.ui.profile_header import ProfileHeader


class MainWindow(QMainWindow):
    def __init__(
        self,
        catalog: Catalog,
        settings: QSettings,
        reporter: ErrorReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.settings = settings
        self.reporter = reporter
        self.setWindowTitle("Timeline Viewer")
        self.profiles: list[Profile] = _primary_first(catalog)

        self.profile_picker = QComboBox()
        self.profile_picker.setAccessibleName("Profile")
        self.profile_picker.setToolTip("Whose stance toward whom")
        for profile in self.profiles:
            self.profile_picker.addItem(profile.title, profile.id)
        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        label = QLabel("Profile: ")
        label.setBuddy(self.profile_picker)
        toolbar.addWidget(label)
        toolbar.addWidget(self.profile_picker)
        self.addToolBar(toolbar)

        self.header = ProfileHeader()
        self.event_model = EventListModel(parent=self)
        self.event_list = QListView()
        self.event_list.setObjectName("eventList")
        self.event_list.setAccessibleName("Events")
        self.event_list.setModel(self.event_model)
        self.event_list.setUniformItemSizes(True)
        self.detail = DetailPane()

        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.setObjectName("bodySplitter")
        self.body.addWidget(self.event_list)
        self.body.addWidget(self.detail)
        self.body.setStretchFactor(0, 3)
        self.body.setStretchFactor(1, 2)
        self.outer = QSplitter(Qt.Orientation.Vertical)
        self.outer.setObjectName("outerSplitter")
        self.outer.addWidget(self.header)
        self.outer.addWidget(self.body)
        self.outer.setStretchFactor(1, 1)
        self.setCentralWidget(self.outer)

        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

        self.profile_picker.currentIndexChanged.connect(self._on_profile_index)
        self.event_list.selectionModel().selectionChanged.connect(self._on_selection)
        self.detail.event_activated.connect(self.select_event)
        self.detail.source_activated.connect(self._show_source)
        self.statusBar().showMessage(_counts_text(catalog))
        self._restore()

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

    def _load_profile(self) -> None:
        profile_id = self.profile_id
        if profile_id is None:
            return
        self.header.set_profile(self.catalog.profile_detail(profile_id))
        self.event_model.set_events(self.catalog.events(profile_id))
        self.detail.show_placeholder()

    def select_event(self, event_id: str) -> None:
        row = self.event_model.row_of(event_id)
        if row is None:
            self.detail.show_event(self.catalog.event_detail(event_id))
            return
        index = self.event_model.index(row)
        self.event_list.setCurrentIndex(index)
        self.event_list.scrollTo(index)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        event_id = indexes[0].data(EVENT_ID_ROLE)
        self.detail.show_event(self.catalog.event_detail(str(event_id)))

    def _show_source(self, source_id: str) -> None:
        source = self.catalog.sources.get(source_id)
        if source is not None:
            self.detail.show_source(source, self.catalog.events_citing(source_id))

    # -- remembering state ------------------------------------------------------

    def _restore(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        for splitter in (self.body, self.outer):
            state = s.value(f"window/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
            elif splitter is self.outer:
                splitter.setSizes([260, 540])
        saved = s.value("view/profile")
        if isinstance(saved, str) and self.profile_picker.findData(saved) >= 0:
            self.set_profile(saved)
        self._load_profile()
        selected = s.value("view/selected_event")
        if isinstance(selected, str) and self.event_model.row_of(selected) is not None:
            self.select_event(selected)

    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        for splitter in (self.body, self.outer):
            s.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        if self.profile_id:
            s.setValue("view/profile", self.profile_id)
        current = self.event_list.currentIndex()
        if current.isValid():
            s.setValue("view/selected_event", current.data(EVENT_ID_ROLE))
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)


def _primary_first(catalog: Catalog) -> list[Profile]:
    """Profiles, the one with the most events first (the catalog's main subject)."""
    profiles = catalog.profiles()
    sizes = {p.id: len(catalog.events(p.id)) for p in profiles}
    return sorted(profiles, key=lambda p: (-sizes[p.id], p.id))


def _counts_text(catalog: Catalog) -> str:
    counts = catalog.counts()
    return (
        f"{counts['event']} events · {counts['quote']} quotes · {counts['source']} sources · "
        f"catalog {catalog.path.name} (read-only)"
    )
