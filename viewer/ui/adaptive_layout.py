"""The window's arrangement for its size, so that time keeps most of the screen.

Below `NARROW_WIDTH` the details (and the notes beside them) go under the timeline
instead of taking a column beside it; below `SHORT_HEIGHT`, or when narrow, the profile
header folds to its title line and summary. The arrangement follows every resize.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QSplitter

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

NARROW_WIDTH = 1280
SHORT_HEIGHT = 900
MIN_DETAILS = 124  # px of details under the timeline: the title and a few lines
LEGEND_MARGIN = 24  # px of the status bar that are not the legend's (its grip, margins)


class AdaptiveLayout(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)
        window.header.resized.connect(self.fit_header)
        self._wide = 0  # the toolbar's width with its words, last measured
        self._arranged: tuple[int, int] | None = None  # the size last arranged for

    @property
    def narrow(self) -> bool:
        return self.window.width() < NARROW_WIDTH

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The resize a window gets when first shown is usually to the size it was
        # arranged for while built: it takes its shape once, not again at show.
        if event.type() == QEvent.Type.Resize and self._arranged != self.window.size().toTuple():
            self.adapt()
        return False

    def adapt(self) -> None:
        """Arrange the window for its size (again: the toolbar's buttons may have changed)."""
        window, narrow = self.window, self.narrow
        self._arranged = window.size().toTuple()
        window.header.set_compact(narrow or window.height() < SHORT_HEIGHT)
        window.legend.fit(window.width() - LEGEND_MARGIN, short=narrow)
        self.fit_toolbar()
        across, down = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        if _orient(window.body, down if narrow else across, 0.74) and narrow:
            QTimer.singleShot(0, self.fit_timeline)  # once the splitter has its new size

        if window.right is not None:  # details over notes, or beside them when below
            _orient(window.right, across if narrow else down, 0.58 if narrow else 0.62)
        self.fit_header()
        QTimer.singleShot(0, self.fit_header)  # again once the window has its size

    def fit_toolbar(self) -> None:
        """Icons with their words where the toolbar has room for them, else the icons
        alone (the words stay in the tooltips and the menus)."""
        bar, width = self.window.menus.toolbar, self.window.width()
        words = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        if bar.toolButtonStyle() == words:
            self._wide = bar.sizeHint().width()  # measured while the words show
        elif self._wide <= width:  # room again (or buttons changed): show them, measure
            bar.setToolButtonStyle(words)
            if (layout := bar.layout()) is not None:
                layout.invalidate()
            self._wide = bar.sizeHint().width()
        if self._wide > width:  # a resize drag no longer switches styles at every step
            bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def fit_timeline(self) -> None:
        """Details under the timeline: the timeline takes the height that shows all its
        lanes, the details the rest (at least a few lines of them)."""
        window = self.window
        sizes = window.body.sizes()
        total = sum(sizes)
        wanted = window.timeline.wanted_height() + window.overview.sizeHint().height()
        first = max(min(wanted, total - MIN_DETAILS), total // 2)
        window.body.setSizes([first, total - first])

    def fit_header(self) -> None:
        """The header folded or opened: give it the height it needs, the rest to time."""
        outer, header = self.window.outer, self.window.header
        if not header.compact and header.has_parts:
            return
        total = sum(outer.sizes())
        # A wrapped summary's height depends on the width it is given.
        wanted = header.heightForWidth(header.width()) if header.hasHeightForWidth() else -1
        wanted = wanted if wanted > 0 else header.sizeHint().height()
        if total > wanted and outer.sizes()[0] != wanted:
            outer.setSizes([wanted, total - wanted])


def _orient(splitter: QSplitter, orientation: Qt.Orientation, first_share: float) -> bool:
    """Turn the splitter (True) if it is not that way yet, sharing its room anew."""
    if splitter.orientation() == orientation:
        return False
    splitter.setOrientation(orientation)
    total = sum(splitter.sizes()) or 1000
    first = int(total * first_share)
    splitter.setSizes([first, total - first])
    return True
