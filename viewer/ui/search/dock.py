"""The search dock, whose panel is made when it is first shown or asked for.

The search opens on Ctrl+F: at start the dock is hidden, and a hidden dock does no
work before the first paint (the panel, its search engine and worker, and their code,
come when the user first searches). Whatever the window tells the search before then
(the scope, the notes' file) is kept and given to the panel when it is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QDockWidget

from viewer.core.annotations.scope import Scope
from viewer.ui import reading_order

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QPaintEvent

    from viewer.ui.main_window import MainWindow
    from viewer.ui.search.panel import SearchPanel


class SearchDock(QDockWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__("Search", window)
        self._window = window
        self.made: SearchPanel | None = None
        self._notes_db: Path | None = None
        self._scope: tuple[str, frozenset[str] | None] = ("", None)
        self.setObjectName("searchDock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.visibilityChanged.connect(self._shown)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt's, but with the title in the title font of now: Qt keeps the one it read
        when the dock was made, so "Search" stayed small when the desktop's text grew
        while the app ran (and drew over the taller title bar's top)."""
        if self.isFloating() or self.titleBarWidget() is not None:
            super().paintEvent(event)
            return
        # Named here: the dock is hidden at start, its title is not drawn before the
        # first paint (nor are these classes made).
        from PySide6.QtGui import QFontMetrics  # noqa: PLC0415
        from PySide6.QtWidgets import QStyle, QStyleOptionDockWidget, QStylePainter  # noqa: PLC0415

        painter = QStylePainter(self)
        title = QStyleOptionDockWidget()
        self.initStyleOption(title)
        if self.font() == _class_font("QDockWidget"):  # no font of its own: Qt's rule
            font = _class_font("QDockWidgetTitle")
            title.fontMetrics = QFontMetrics(font)
            painter.setFont(font)
        painter.drawControl(QStyle.ControlElement.CE_DockWidgetTitle, title)
        painter.end()

    def _shown(self, visible: bool) -> None:
        if visible:
            self.panel()

    def panel(self) -> SearchPanel:
        """The panel, made now if it has not been."""
        if self.made is None:
            from viewer.ui.search.panel import SearchPanel  # noqa: PLC0415 - when first used

            window = self._window
            panel = SearchPanel(window.catalog, window.profiles, reporter=window.reporter)
            self.made = panel
            self.setWidget(panel)
            panel.event_chosen.connect(window.focus.select_event)
            panel.quote_chosen.connect(window.detail.scroll_to_quote)
            panel.hits_changed.connect(window.feed.show_hits)
            panel.scope_cleared.connect(lambda: window.state.set_scope(Scope()))
            if self._notes_db is not None:
                panel.set_notes_db(self._notes_db)
            panel.set_scope(*self._scope)
            reading_order.apply(window)  # it takes its place in Tab's order
        return self.made

    def set_notes_db(self, path: Path) -> None:
        self._notes_db = path
        if self.made is not None:
            self.made.set_notes_db(path)

    def set_scope(self, label: str, event_ids: frozenset[str] | None) -> None:
        """The search keeps to the events the scope shows (a chip says so)."""
        self._scope = (label, event_ids)
        if self.made is not None:
            self.made.set_scope(label, event_ids)

    def shutdown(self) -> None:
        if self.made is not None:
            self.made.shutdown()


def _class_font(class_name: str) -> QFont:
    """The application's font for widgets of that class (PySide6 takes the name as a
    str; its stubs say bytes, which it refuses)."""
    return QApplication.font(class_name)  # type: ignore[call-overload]
