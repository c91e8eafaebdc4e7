"""The main window's toolbar and menu bar: every action, its key and its words.

The actions act on the view state or call the window; they hold no state of their
own (the Lanes menu's ticks follow the view state's hidden lanes).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolBar,
    QToolButton,
    QWidget,
)

from viewer import __version__
from viewer.core.paths import CATALOG_SUFFIXES, beside_program
from viewer.core.records import Profile
from viewer.ui.detail_pane import StartKeys
from viewer.ui.icons import icon
from viewer.ui.links import open_folder
from viewer.ui.panes import Pane, PaneCycle
from viewer.ui.timeline.caption import Caption, source_line
from viewer.ui.timeline.export_actions import TimelineImageActions
from viewer.ui.timeline.legend import Legend

if TYPE_CHECKING:
    from viewer.ui.annotations.controller import AnnotationsController
    from viewer.ui.main_window import MainWindow


def with_mnemonic(label: str, taken: set[str]) -> str:
    """`label` as a menu entry: an & of its own doubled (shown, not a mnemonic), and an
    & before its first letter or digit that no entry before it in the menu took."""
    out = []
    marked = False
    for char in label:
        if not marked and char.isalnum() and char.lower() not in taken:
            taken.add(char.lower())
            out.append("&")
            marked = True
        out.append("&&" if char == "&" else char)
    return "".join(out)


class Menus:
    def __init__(self, window: MainWindow, profiles: list[Profile]) -> None:
        self.window = window
        self.profile_picker = QComboBox()
        self.profile_picker.setAccessibleName("Profile")
        self.profile_picker.setToolTip("Whose stance toward whom")
        for profile in profiles:
            self.profile_picker.addItem(profile.title, profile.id)
        self.fit_action = self._action("Fit &all", "Ctrl+0", "Show the whole timeline (Ctrl+0)")
        self.fit_action.triggered.connect(window.timeline.fit_all)
        self.zoom_in_action = self._action("Zoom &in", QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_action.triggered.connect(lambda: window.timeline.zoom(2.0))
        self.zoom_out_action = self._action("Zoom &out", QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_action.triggered.connect(lambda: window.timeline.zoom(0.5))
        self.goto_action = self._action(
            "&Go to date…",
            "Ctrl+G",
            "Jump to a date such as 2018-07, 2018-07-16 or 44 BCE (Ctrl+G)",
        )
        self.goto_action.triggered.connect(lambda: _ask_go_to_date(window))
        self.find_action = self._action("&Find…", QKeySequence.StandardKey.Find)
        native = QKeySequence.SequenceFormat.NativeText
        self.find_action.setToolTip(
            f"Search quotes and events ({self.find_action.shortcut().toString(native)})"
        )
        self.find_action.triggered.connect(window.show_search)
        self.find_next_action = self._action("Find &next", "F3", "The next search result (F3)")
        self.find_next_action.triggered.connect(lambda: window.find_next(1))
        self.find_previous_action = self._action(
            "Find pre&vious", "Shift+F3", "The previous search result (Shift+F3)"
        )
        self.find_previous_action.triggered.connect(lambda: window.find_next(-1))
        for action, name in (
            (self.fit_action, "fit"),
            (self.zoom_in_action, "zoom-in"),
            (self.zoom_out_action, "zoom-out"),
            (self.goto_action, "go-to-date"),
            (self.find_action, "find"),
        ):
            action.setIcon(icon(name))
        picker, state = self.profile_picker, window.state
        picker.currentIndexChanged.connect(lambda _i: state.set_profile(picker.currentData()))
        state.profile_changed.connect(
            lambda pid: picker.setCurrentIndex(max(0, picker.findData(pid)))
        )
        self.lanes_menu, self.lane_actions = self._lanes_menu()
        self.toolbar = self._toolbar()
        self._menu_bar()

    def attach(self, user: AnnotationsController) -> None:
        """The user's annotations arrived: the "Show:" picker, the file and own-event
        actions join the toolbar and menus."""
        self.scope_pair.set_picker(user.scope_picker)
        self.scope_item.setVisible(True)
        for action in user.file_actions:
            if action is None:
                self.file_menu.insertSeparator(self.quit_action)
            else:
                self.file_menu.insertAction(self.quit_action, action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(user.add_action)
        self.edit_menu.addActions(user.own_event_actions)

    def _action(
        self, text: str, key: str | QKeySequence.StandardKey, tip: str | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        if isinstance(key, QKeySequence.StandardKey):
            action.setShortcuts(key)  # every binding the platform has (Ctrl+Shift+Z too)
        else:
            action.setShortcut(QKeySequence(key))
        if tip:
            action.setToolTip(tip)
        return action

    def _lanes_menu(self) -> tuple[QMenu, list[QAction]]:
        state = self.window.state
        menu = QMenu("&Lanes", self.window)
        actions = []
        taken: set[str] = set()
        for number, lane in enumerate(self.window.catalog.lanes):
            action = QAction(with_mnemonic(lane.label, taken), self.window)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, n=number: state.set_lane_hidden(n, not on))
            menu.addAction(action)
            actions.append(action)

        def tick(hidden: frozenset[int]) -> None:
            for number, action in enumerate(actions):
                action.setChecked(number not in hidden)

        state.hidden_lanes_changed.connect(tick)
        return menu, actions

    def _toolbar(self) -> QToolBar:
        lanes_button = QToolButton()
        self.lanes_button = lanes_button
        lanes_button.setText("Lanes")
        lanes_button.setIcon(icon("lanes"))
        lanes_button.setToolTip("Show or hide lanes")
        lanes_button.setAccessibleName("Lanes")
        lanes_button.setMenu(self.lanes_menu)
        lanes_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None:  # the » of a toolbar too narrow for its buttons
            extension.setAccessibleName("More toolbar buttons")
            extension.setToolTip("More toolbar buttons")
        # Icons with their words beside them where there is room (the adaptive layout
        # keeps only the icons in a narrow window; the words stay in the tooltips).
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        lanes_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.toolButtonStyleChanged.connect(lanes_button.setToolButtonStyle)
        toolbar.addWidget(LabelledPicker("Profile: ", self.profile_picker))
        toolbar.addSeparator()
        for action in (self.fit_action, self.zoom_in_action, self.zoom_out_action):
            toolbar.addAction(action)
        toolbar.addAction(self.goto_action)
        toolbar.addWidget(lanes_button)
        # "Show:" has its place from the start (its picker comes with the notes), so that
        # a screen reader, which reads a toolbar's items in the order they were added,
        # reads it where it stands: before Find.
        self.scope_pair = LabelledPicker(" Show: ")
        self.scope_item = toolbar.addWidget(self.scope_pair)
        self.scope_item.setVisible(False)
        toolbar.addSeparator()
        toolbar.addAction(self.find_action)
        if extension is not None:
            extension.raise_()  # read last, as it stands last (it was made first)
        # The legend sits in the status bar, where no window is too narrow for it (a
        # toolbar folds what does not fit into an overflow menu).
        self.window.statusBar().addPermanentWidget(self.window.legend)
        return toolbar

    def _menu_bar(self) -> None:
        window = self.window
        bar = window.menuBar()
        self.file_menu = bar.addMenu("&File")
        open_action = self.file_menu.addAction("&Open catalog…")
        open_action.setShortcuts(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(lambda _c=False: self.ask_open_catalog())
        self.recent_menu = self.file_menu.addMenu("Open &recent")
        self.recent_menu.setEnabled(False)
        import_action = self.file_menu.addAction("&Import a TimelineJS timeline…")
        import_action.setToolTip("Make a TimelineJS JSON file into a catalog of its own")
        import_action.triggered.connect(lambda _c=False: self.ask_import_timeline())
        self.file_menu.addSeparator()
        self.edit_menu = bar.addMenu("&Edit")
        self._undo_actions()
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(
            [self.find_action, self.find_next_action, self.find_previous_action]
        )
        view = bar.addMenu("&View")
        for action in (self.fit_action, self.zoom_in_action, self.zoom_out_action):
            view.addAction(action)
        view.addAction(self.goto_action)
        view.addMenu(self.lanes_menu)
        view.addAction(self.find_action)
        search_toggle = window.search_dock.toggleViewAction()
        search_toggle.setText("&Search panel")
        view.addAction(search_toggle)
        focus = self._action("Focus the &timeline", "Ctrl+T")
        focus.triggered.connect(window.timeline.setFocus)
        view.addAction(focus)
        self.focus_action = focus
        self.panes = self._panes()
        view.addActions([self.panes.next_action, self.panes.previous_action])
        # The picture gets a legend of its own, whole: the status bar's is fitted to the
        # window (shorter words, the last entries left out in a narrow one).
        picture_legend = Legend(window)
        picture_legend.hide()
        self.image_actions = TimelineImageActions(
            window,
            window.timeline,
            picture_legend,
            self.caption,
            window.reporter,
            window.settings,
            window.legend,
        )
        for action in self.image_actions.actions:
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit)
        if not self.quit_action.shortcuts():  # a platform without a standard one
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(window.close)
        self.file_menu.addAction(self.quit_action)
        help_menu = bar.addMenu("&Help")
        self.open_logs_action = help_menu.addAction("Open &log folder")
        self.open_logs_action.setToolTip("Where the app writes what it did and any errors")
        self.open_logs_action.triggered.connect(lambda _c=False: self.open_log_folder())
        self.open_logs_action.setEnabled(window.log_dir is not None)
        keys = help_menu.addAction("&Keyboard shortcuts")
        keys.setShortcut(QKeySequence.StandardKey.HelpContents)
        keys.triggered.connect(self._show_shortcuts)
        self.shortcuts_action = keys
        about = help_menu.addAction("&About Timeline Viewer")
        about.triggered.connect(self._show_about)
        self.about_action = about

    def start_keys(self) -> StartKeys:
        """The keys a newcomer starts with, as this platform writes them."""
        native = QKeySequence.SequenceFormat.NativeText
        return StartKeys(
            focus_timeline=self.focus_action.shortcut().toString(native),
            find=self.find_action.shortcut().toString(native),
            all_keys=self.shortcuts_action.shortcut().toString(native),
        )

    def _show_about(self, _checked: bool = False) -> None:
        # The dialogs' code loads when first asked for, not before the first paint.
        from viewer.ui.about import AboutFacts, show_about  # noqa: PLC0415

        window, catalog = self.window, self.window.catalog
        sources = sorted(catalog.sources.values(), key=lambda s: (s.publisher or "", s.title))
        docs, licences = beside_program("docs"), beside_program("licences")
        facts = AboutFacts(__version__, catalog.path.name, sources, window.data_dir, docs, licences)
        show_about(window, facts)

    def _show_shortcuts(self, _checked: bool = False) -> None:
        from viewer.ui.shortcuts import show_shortcuts  # noqa: PLC0415 - see _show_about

        show_shortcuts(self.window, self.window.menuBar())

    def _panes(self) -> PaneCycle:
        window = self.window

        def notes() -> QWidget | None:
            return window.annotations.editor if window.annotations is not None else None

        def star() -> QWidget | None:
            return window.annotations.editor.star if window.annotations is not None else None

        return PaneCycle(
            window,
            [
                Pane("toolbar", lambda: self.toolbar, lambda: self.profile_picker),
                Pane("search", lambda: window.search_dock, lambda: window.search.box),
                Pane("profile", lambda: window.header, lambda: window.header.tabs),
                Pane("timeline", lambda: window.timeline),
                Pane("details", lambda: window.detail),
                Pane("notes", notes, star),
            ],
        )

    def _undo_actions(self) -> None:
        stack = self.window.undo_stack
        undo = self._action("&Undo", QKeySequence.StandardKey.Undo)
        undo.triggered.connect(self.window.undo)
        redo = self._action("&Redo", QKeySequence.StandardKey.Redo)
        redo.triggered.connect(self.window.redo)
        for action, can, text in (
            (undo, stack.canUndoChanged, stack.undoTextChanged),
            (redo, stack.canRedoChanged, stack.redoTextChanged),
        ):
            action.setEnabled(False)
            can.connect(action.setEnabled)
            verb = action.text()
            text.connect(lambda t, a=action, v=verb: a.setText(f"{v} {t}" if t else v))
            self.edit_menu.addAction(action)

    def ask_open_catalog(self) -> None:
        folder = str(self.window.catalog.path.parent)
        patterns = " ".join(f"*{suffix}" for suffix in CATALOG_SUFFIXES)
        filters = f"Timeline catalogs ({patterns});;All files (*)"
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - not for the first paint

        path, _ = QFileDialog.getOpenFileName(self.window, "Open a catalog", folder, filters)
        if path:
            self.window.catalog_requested.emit(Path(path))

    def ask_import_timeline(self) -> None:
        filters = "TimelineJS (*.json *.csv *.xlsx);;All files (*)"
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - not for the first paint

        path, _ = QFileDialog.getOpenFileName(
            self.window, "Import a TimelineJS timeline", "", filters
        )
        if path:
            self.window.timeline_import_requested.emit(Path(path))

    def set_recent_catalogs(self, recent: list[Path], bundled: Path) -> None:
        """File > Open recent: the catalogs opened before, the bundled one first."""
        menu = self.recent_menu
        menu.clear()
        here = self.window.catalog.path.resolve()
        entries = [bundled.resolve(), *(p for p in recent if p != bundled.resolve())]
        for number, path in enumerate(entries, start=1):
            label = "The bundled catalog" if path == bundled.resolve() else str(path)
            shown = label.replace("&", "&&")
            action = menu.addAction(f"&{number} {shown}" if number < 10 else shown)
            action.setEnabled(path != here)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.window.catalog_requested.emit(p))
        menu.setEnabled(any(a.isEnabled() for a in menu.actions()))
        name = "" if here == bundled.resolve() else f" — {here.name}"
        self.window.setWindowTitle(f"Timeline Viewer{name}")

    def open_log_folder(self) -> bool:
        """Show the log folder in the desktop's file manager."""
        folder = self.window.log_dir
        if folder is None:
            return False
        folder.mkdir(parents=True, exist_ok=True)
        return open_folder(folder)

    def caption(self) -> Caption:
        """The title and source line of an exported picture."""
        profile = next((p for p in self.window.profiles if p.id == self.window.state.profile), None)
        title = profile.title if profile else "Timeline"
        if self.window.state.scope.kind != "all":
            title += f" ({self.window.state.scope.label.lower()})"
        catalog = self.window.catalog
        names = sorted({s.publisher or s.title for s in catalog.sources.values()})
        return Caption(title, source_line(catalog.path.name, names))


def _ask_go_to_date(window: MainWindow) -> None:
    """Go to date's question (its date parser is loaded when first asked, not at start)."""
    from viewer.ui.go_to_date import ask_go_to_date  # noqa: PLC0415

    ask_go_to_date(window, window.timeline)


class LabelledPicker(QWidget):
    """A picker with its label before it, as one toolbar item: a toolbar too narrow for
    both folds them into its overflow together, never leaving the label alone."""

    def __init__(self, text: str, picker: QWidget | None = None) -> None:
        super().__init__()
        # Named as its label reads: a screen reader met the pair as an unnamed "filler".
        self.setAccessibleName(text.strip(" :"))
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(0)
        self.label = QLabel(text)
        self._row.addWidget(self.label)
        if picker is not None:
            self.set_picker(picker)

    def set_picker(self, picker: QWidget) -> None:
        self.label.setBuddy(picker)
        self._row.addWidget(picker)
