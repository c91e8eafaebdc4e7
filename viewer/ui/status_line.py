"""The status bar's standing text: the catalog's counts, or how many events the
scope shows ("Showing starred: 3 events"). Other messages pass over it for a while."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStatusBar

from viewer.core.catalog.read import Catalog
from viewer.core.plurals import plural
from viewer.ui.view_state import ViewState


class StatusLine:
    def __init__(
        self, bar: QStatusBar, catalog: Catalog, state: ViewState, shown: Callable[[], int]
    ) -> None:
        self.bar, self.state, self.shown = bar, state, shown
        counts = catalog.counts()
        self.counts = (
            f"{plural(counts['event'], 'event')} · {plural(counts['quote'], 'quote')} · "
            f"{plural(counts['source'], 'source')} · {catalog.path.name}"
        )  # short: the legend shares the bar; the rest is in the tooltip
        bar.setToolTip(f"The catalog {catalog.path}, opened read-only: nothing in it changes.")
        bar.showMessage(self.counts)

    def say_scope(self) -> None:
        scope = self.state.scope
        if scope.kind == "all":
            self.bar.showMessage(self.counts)
        else:
            self.bar.showMessage(f"Showing {scope.label.lower()}: {plural(self.shown(), 'event')}")
