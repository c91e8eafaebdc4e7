"""Where a screen reader gets the timeline's interface: a factory Qt asks for each widget,
installed with the first timeline, and accessibility focus following the selection.

The interface itself (`accessible`, and the Qt classes it names, whose Python enums
PySide6 makes when a module first names them: ~1.5 ms) is loaded when a screen reader
first asks for it, not at every start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAccessible

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAccessibleInterface

    from viewer.ui.timeline.view import TimelineView

_installed = False


def install() -> None:
    """Let Qt ask this module for the timeline's interface (once per process)."""
    global _installed  # noqa: PLW0603 - Qt keeps one factory list per process
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if key != "TimelineView":
        return None
    from viewer.ui.timeline.accessible import TimelineAccessible  # noqa: PLC0415 - on first ask
    from viewer.ui.timeline.view import TimelineView  # noqa: PLC0415 - no cycle at import

    return TimelineAccessible(obj) if isinstance(obj, TimelineView) else None


def announce_selection(view: TimelineView) -> None:
    """Where a screen reader listens, accessibility focus on the event just chosen."""
    if not QAccessible.isActive():
        return
    from viewer.ui.timeline.accessible import TimelineAccessible  # noqa: PLC0415 - on first ask

    interface = QAccessible.queryAccessibleInterface(view)
    if isinstance(interface, TimelineAccessible):
        interface.announce_selection()
