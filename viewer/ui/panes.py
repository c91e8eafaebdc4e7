"""Moving between the window's panes by keyboard: F6 and Shift+F6 go to the next and
previous pane (the toolbar, the search, the timeline, the details, the notes), the way
browsers and file managers do, so that no pane, however many links it holds, traps
the keyboard; Escape in the details goes back to the timeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from viewer.core.frozen import frozen


@frozen(slots=False)
class Pane:
    name: str
    area: Callable[[], QWidget | None]  # what the pane is (None: not there yet)
    first: Callable[[], QWidget | None] | None = None  # where focus goes: the area itself

    def target(self) -> QWidget | None:
        return (self.first or self.area)()


class PaneCycle(QObject):
    def __init__(self, parent: QWidget, panes: Sequence[Pane]) -> None:
        super().__init__(parent)
        self.panes = list(panes)
        self.next_action = QAction("Next &pane", parent)
        self.next_action.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.next_action.triggered.connect(lambda _c=False: self.step(1))
        self.previous_action = QAction("Pre&vious pane", parent)
        self.previous_action.setShortcut(QKeySequence("Shift+F6"))
        self.previous_action.triggered.connect(lambda _c=False: self.step(-1))

    def _shown(self) -> list[tuple[Pane, QWidget, QWidget]]:
        out = []
        for pane in self.panes:
            area, target = pane.area(), pane.target()
            if area is None or target is None:
                continue
            if area.isVisible() and target.isVisible() and target.isEnabled():
                out.append((pane, area, target))
        return out

    def current(self) -> str | None:
        """The pane that holds the keyboard focus (None: none of them)."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        for pane, area, _target in self._shown():
            if focus is area or area.isAncestorOf(focus):
                return pane.name
        return None

    def step(self, delta: int) -> str | None:
        """Focus the next (or previous) shown pane; its name."""
        shown = self._shown()
        if not shown:
            return None
        names = [pane.name for pane, _a, _t in shown]
        here = self.current()
        index = names.index(here) + delta if here in names else (0 if delta > 0 else -1)
        pane, _area, target = shown[index % len(shown)]
        reason = Qt.FocusReason.TabFocusReason if delta > 0 else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return pane.name
