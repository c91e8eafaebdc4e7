"""What the window remembers between runs: its shape, the panes' sizes, and where the
reader was (profile, visible range, hidden lanes, the event in detail), through the
typed `Settings`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QSplitter

from viewer.core.timeline.timescale import Viewport
from viewer.ui.adaptive_layout import DETAILS_WIDTH, header_height
from viewer.ui.settings import SavedView, Settings

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

#: The window's size the first time, on a screen with room for it.
FIRST_SIZE = QSize(1400, 900)
#: What a first window leaves free of the screen's work area: its frame and title bar
#: (~30-40 px on the common desktops) and a margin.
_AROUND = QMargins(24, 48, 24, 24)


def first_geometry(available: QRect, preferred: QSize = FIRST_SIZE) -> QRect:
    """Where the window opens the first time: `preferred`, or smaller on a screen
    without room for it (a 1366 x 768 laptop), centred on the screen's work area."""
    room = available.marginsRemoved(_AROUND)
    shape = QRect(QPoint(0, 0), preferred.boundedTo(room.size()))
    shape.moveCenter(room.center())
    return shape


class WindowMemory:
    def __init__(self, window: MainWindow, settings: Settings) -> None:
        self.window = window
        self.settings = settings

    def restore(self) -> None:
        window, s, state = self.window, self.settings, self.window.state
        geometry = s.layout("geometry")
        if geometry is None or not window.restoreGeometry(geometry):
            # On the screen the pointer is on, where the desktop shows a new window.
            screen = QGuiApplication.screenAt(QCursor.pos()) or window.screen()
            window.setGeometry(first_geometry(screen.availableGeometry()))
        docks = s.layout("state")
        if docks is None or not window.restoreState(docks):
            # The search opens on Ctrl+F or Find: at first the time gets the room.
            window.resizeDocks([window.search_dock], [340], Qt.Orientation.Horizontal)
            window.search_dock.hide()
        self.restore_splitter(window.outer, [header_height(window), 730])
        # Details beside the timeline in their column; as the window grows, time takes
        # the room (the body's stretch goes to it).
        self.restore_splitter(window.body, [1000, DETAILS_WIDTH])
        if window.right is not None:
            self.restore_splitter(window.right, [500, 300])
        saved = s.view()
        keys = [lane.key for lane in window.catalog.lanes]
        state.set_hidden_lanes(frozenset(keys.index(k) for k in saved.hidden_lanes if k in keys))
        profiles = [p.id for p in window.profiles]
        if profiles:
            state.set_profile(saved.profile if saved.profile in profiles else profiles[0])
        # The view and selection saved belong to the catalog they were saved on: another
        # catalog (its events may lie in 44 BCE) opens fitted, with nothing selected.
        if saved.catalog != str(window.catalog.path.resolve()):
            return
        timeline = window.timeline
        if saved.start is not None and saved.span is not None and saved.span > 0:
            width = timeline.view.width
            timeline.set_viewport(Viewport(saved.start, saved.span / width, width))  # clamped
        if saved.selected and timeline.data.row_of(saved.selected) is not None:
            state.select([saved.selected])

    def restore_splitter(self, splitter: QSplitter, sizes: list[int]) -> bool:
        """The splitter as it was left (True), else the default `sizes`."""
        state = self.settings.layout(splitter.objectName())
        if state is None or not splitter.restoreState(state):
            splitter.setSizes(sizes)
            return False
        return True

    def save(self) -> None:
        window, s, state = self.window, self.settings, self.window.state
        s.set_layout("geometry", window.saveGeometry())
        s.set_layout("state", window.saveState())
        splitters = [window.body, window.outer, *([window.right] if window.right else [])]
        for splitter in splitters:
            s.set_layout(splitter.objectName(), splitter.saveState())
        s.set_notes_width(window.adaptive.notes_width)
        view = window.timeline.view
        lanes = window.catalog.lanes
        s.set_view(
            SavedView(
                catalog=str(window.catalog.path.resolve()),
                profile=state.profile,
                start=view.start,
                span=view.span,
                hidden_lanes=tuple(
                    lanes[n].key for n in sorted(state.hidden_lanes) if n < len(lanes)
                ),
                selected=state.current,
            )
        )
        s.sync()
