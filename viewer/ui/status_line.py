"""The status bar's standing text: the catalog's counts, or how many events the
scope shows ("Showing starred: 3 events"). Other messages pass over it for a while,
and it comes back when they are gone.

The counts say as much as fits beside the legend: in a narrow window the catalog's
name, then the sources, then the quotes give way (all of it is in the tooltip), rather
than a word cut in half under the legend.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QStatusBar, QWidget

from viewer.core.catalog.read import Catalog
from viewer.core.plurals import plural
from viewer.ui.view_state import ViewState

ROOM = 16  # px kept free between the words and the legend
#: How long a passing message stays (an import done, a date not understood, events
#: outlined), in ms; the standing text comes back after it.
PASSING_MS = 10_000


def tell(bar: QStatusBar, text: str) -> None:
    """Say `text` in `bar` for a while, over its standing text."""
    bar.showMessage(text, PASSING_MS)


class StatusLine(QObject):
    """The standing text of `bar`, whose `beside` widget (the legend) is on its right."""

    def __init__(
        self,
        bar: QStatusBar,
        beside: QWidget,
        catalog: Catalog,
        state: ViewState,
        shown: Callable[[], int],
    ) -> None:
        super().__init__(bar)
        self.bar, self.beside, self.state, self.shown = bar, beside, state, shown
        counts = catalog.counts()
        parts = [
            plural(counts["event"], "event"),
            plural(counts["quote"], "quote"),
            plural(counts["source"], "source"),
            catalog.path.name,
        ]
        #: The counts from all of them down to the events alone, longest first; where not
        #: even those fit (a window far narrower than the layout is made for), nothing.
        self.forms = [*(" · ".join(parts[:n]) for n in range(len(parts), 0, -1)), ""]
        self.counts = self.forms[0]
        self._standing = ""  # what this line last said (a passing message may cover it)
        bar.setToolTip(
            f"{self.counts}. The catalog {catalog.path}, opened read-only: nothing in it changes."
        )
        bar.installEventFilter(self)
        beside.installEventFilter(self)
        bar.messageChanged.connect(self._after_passing)
        self._say(self.fitting())

    def fitting(self) -> str:
        """The longest form of the counts that fits left of the legend (before the window
        is shown, where nothing has its place yet: all of them)."""
        if not self.bar.isVisible():
            return self.forms[0]
        right = self.beside.x() if self.beside.isVisible() else self.bar.width()
        room, metrics = right - ROOM, self.bar.fontMetrics()
        return next(f for f in self.forms if metrics.horizontalAdvance(f) <= max(room, 0))

    def say_scope(self) -> None:
        scope = self.state.scope
        if scope.kind == "all":
            self._say(self.fitting())
        else:
            self._say(f"Showing {scope.label.lower()}: {plural(self.shown(), 'event')}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A new width (or the legend moved): the counts fitted again, unless a passing
        # message covers them.
        if (
            event.type() in (QEvent.Type.Resize, QEvent.Type.Move)
            and self._standing in self.forms
            and self.bar.currentMessage() == self._standing
        ):
            self._say(self.fitting())
        return False

    def _after_passing(self, text: str) -> None:
        """A passing message gone (its time up, or cleared): the standing text again."""
        if not text and self._standing:
            self._say(self.fitting() if self._standing in self.forms else self._standing)

    def _say(self, text: str) -> None:
        self._standing = text
        self.bar.showMessage(text)
