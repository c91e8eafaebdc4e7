"""The window's arrangement for its size, so that time keeps most of the screen.

Below `NARROW_WIDTH` the details (and the notes beside them) go under the timeline
instead of taking a column beside it; below `SHORT_HEIGHT`, or when narrow, the profile
header folds to its title line and summary. Both grow with a larger desktop text (see
`style.text_scale`). The arrangement follows every resize and change of text size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QSplitter

from viewer.ui import style

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

NARROW_WIDTH = 1280
SHORT_HEIGHT = 900
MIN_DETAILS = 124  # px of details under the timeline: the title and a few lines
#: px of the details' column beside the timeline: the notes editor's least width. As
#: the window grows, time takes the room.
DETAILS_WIDTH = 284
#: px of the profile header unfolded (its tabs open): a few lines of the tab shown
#: (more with a larger font: `header_height`).
HEADER_HEIGHT = 170
#: The most of the row the notes take beside the details (a window arranged narrow).
NOTES_SHARE = 0.42
LEGEND_MARGIN = 24  # px of the status bar that are not the legend's (its grip, margins)


class AdaptiveLayout(QObject):
    def __init__(self, window: MainWindow, notes_width: int | None = None) -> None:
        """`notes_width`: the notes' width beside the details the reader chose in an
        earlier run (`Settings.notes_width`), kept while the window stays narrow."""
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)
        window.header.resized.connect(self.fit_header)
        # The search opened or closed: the row beside it is shared again (unless the
        # reader has moved the notes' edge since the row was arranged).
        window.search_dock.visibilityChanged.connect(self._search_shown)
        #: The notes' width beside the details where the reader dragged their edge, in
        #: px (this run or one before); None: the window shares the row itself.
        self.notes_width = notes_width
        if window.right is not None:
            window.right.splitterMoved.connect(self._on_notes_moved)  # the reader's drag
        self._wide = 0  # the toolbar's width with its words, last measured
        self._arranged: tuple[int, int] | None = None  # the size last arranged for

    @property
    def narrow(self) -> bool:
        """Narrow for the text it shows: with twice the desktop's text a window is as
        narrow as one half as wide with the usual text."""
        return self.window.width() < NARROW_WIDTH * style.text_scale(self.window.font())

    @property
    def short(self) -> bool:
        return self.window.height() < SHORT_HEIGHT * style.text_scale(self.window.font())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The resize a window gets when first shown is usually to the size it was
        # arranged for while built: it takes its shape once, not again at show.
        if event.type() == QEvent.Type.Resize and self._arranged != self.window.size().toTuple():
            self.adapt()
        elif event.type() == QEvent.Type.FontChange:
            self.adapt()  # a larger text makes the window narrower for it
            self._open_header()  # and the header's height follows the text's size
        return False

    def adapt(self) -> None:
        """Arrange the window for its size (again: the toolbar's buttons may have changed)."""
        window, narrow = self.window, self.narrow
        self._arranged = window.size().toTuple()
        folded = window.header.compact
        window.header.set_compact(narrow or self.short)
        if folded:
            # Unfolded, the tabs get their room back (kept, the folded height squeezes
            # them to a line).
            self._open_header()
        window.legend.fit(window.width() - LEGEND_MARGIN, short=narrow)
        self.fit_toolbar()
        across, down = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        # Details over notes, or beside them when below: turned first, since how narrow
        # the details' column may be (below) depends on it.
        if window.right is not None:
            turned = _orient(
                window.right,
                across if narrow else down,
                first_share=1 - NOTES_SHARE if narrow else 0.62,
            )
            if turned:
                self.notes_width = None  # a new arrangement: shared anew
            if narrow:  # at every size: the row beside the details is shared anew
                QTimer.singleShot(0, self.fit_notes)  # once the splitter has its new size
        if narrow and _orient(window.body, down, first_share=0.74):
            QTimer.singleShot(0, self.fit_timeline)  # once the splitter has its new size
        elif not narrow:
            _orient(window.body, across, second_px=DETAILS_WIDTH)
        self.fit_header()
        QTimer.singleShot(0, self.fit_header)  # again once the window has its size

    def _open_header(self) -> None:
        """The unfolded header at its height for the window's font."""
        window = self.window
        if not window.header.compact and window.header.has_parts:
            total, header = sum(window.outer.sizes()), header_height(window)
            window.outer.setSizes([header, max(total - header, 0)])

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
        if window.body.orientation() != Qt.Orientation.Vertical:
            return  # widened again before this ran: the details are beside time now
        sizes = window.body.sizes()
        total = sum(sizes)
        wanted = window.timeline.wanted_height() + window.overview.sizeHint().height()
        least = round(MIN_DETAILS * style.text_scale(window.font()))  # a few lines of text
        first = max(min(wanted, total - least), total // 2)
        window.body.setSizes([first, total - first])

    def _search_shown(self, _visible: bool) -> None:
        QTimer.singleShot(0, self.fit_notes)  # once the window has laid the dock out

    def _on_notes_moved(self, _pos: int, _index: int) -> None:
        right = self.window.right
        if right is not None and right.orientation() == Qt.Orientation.Horizontal:
            self.notes_width = right.sizes()[1]

    def fit_notes(self) -> None:
        """Notes beside the details: as wide as their title and buttons on one line,
        where that leaves the details most of the room (else the notes' share, their
        title above the buttons). The share alone gave the notes whatever the splitter's
        history left: their least width, or less than the details could spare. Where
        the reader has dragged their edge (in this run or, the window narrow then too,
        an earlier one), they keep the width the reader gave them."""
        right = self.window.right
        if right is None or right.orientation() != Qt.Orientation.Horizontal:
            return
        notes = right.widget(1)
        total = sum(right.sizes())
        if notes is None or total <= 0:
            return
        if self.notes_width is not None:
            wanted = min(self.notes_width, total)  # the splitter keeps the details' least
        else:
            wanted = min(notes.sizeHint().width(), round(total * NOTES_SHARE))
        wanted = max(wanted, notes.minimumSizeHint().width())
        if right.sizes()[1] != wanted:
            right.setSizes([total - wanted, wanted])

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


def header_height(window: MainWindow) -> int:
    """The unfolded header's height for the window's font."""
    return round(HEADER_HEIGHT * style.text_scale(window.font()))


def _orient(
    splitter: QSplitter,
    orientation: Qt.Orientation,
    *,
    first_share: float = 0.5,
    second_px: int | None = None,
) -> bool:
    """Turn the splitter (True) if it is not that way yet, sharing its room anew: the
    first pane's share of it, or all of it but the second pane's `second_px`."""
    if splitter.orientation() == orientation:
        return False
    splitter.setOrientation(orientation)
    total = sum(splitter.sizes()) or 1000
    first = total - second_px if second_px is not None else int(total * first_share)
    splitter.setSizes([first, total - first])
    return True
