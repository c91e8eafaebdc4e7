"""A title and its buttons on one line, or the title above them where the line is short.

The notes' "My notes" and its Star, Colour and Edit buttons share a line in a column
as narrow as the details' (284 px). With a larger desktop text, or the search open
beside a window arranged narrow, that line is too short: Qt cut the buttons' words
("★ S…red") and ran the title into them. Here the title moves to a line of its own
instead, and moves back when the line is long enough again; the buttons are never
given less than their words need (`SteadyButton`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionToolButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class SteadyButton(QToolButton):
    """A tool button as wide whichever of its `words` it shows, so that the row does not
    shift under the pointer when it is pressed ("☆ Star", "★ Starred"; with no words
    given, as wide as what it shows). At its least its words are whole: Qt pads a tool
    button's words with a space each side and the style's margins, which a short line
    may take back (Qt cut the words themselves)."""

    def __init__(self, words: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = tuple(words)
        # Shrinks to its least where the line is short (a tool button's is fixed).
        self.setSizePolicy(QSizePolicy.Policy.Maximum, self.sizePolicy().verticalPolicy())
        if self.words:
            self.setText(self.words[0])

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()

        def width(words: str) -> int:  # as Qt measures a tool button's words
            return metrics.size(Qt.TextFlag.TextShowMnemonic, words).width()

        widest = max(width(words) for words in (*self.words, self.text()))
        return QSize(hint.width() + widest - width(self.text()), hint.height())

    def minimumSizeHint(self) -> QSize:
        """Its size hint less what may go and leave its words whole: the space Qt adds
        each side of them, and the style's margins (all but the frame, which the words
        are drawn inside, and two pixels each side)."""
        hint = self.sizeHint()
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        style = self.style()
        margins = style.sizeFromContents(
            QStyle.ContentsType.CT_ToolButton, option, QSize(0, 0), self
        ).width()
        frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, self)
        spare = 2 * self.fontMetrics().horizontalAdvance(" ") + margins - 2 * frame - 4
        return QSize(hint.width() - max(spare, 0), hint.height())


class TitledRow(QWidget):
    """`title` and its `buttons`, right-aligned, on one line where they fit."""

    def __init__(
        self, title: QLabel, buttons: Sequence[SteadyButton], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = title
        self._buttons = tuple(buttons)
        self._row = QHBoxLayout()
        self._row.addWidget(title)
        self._row.addStretch(1)
        for button in self._buttons:
            self._row.addWidget(button)
        self._lines = QVBoxLayout(self)
        self._lines.setContentsMargins(0, 0, 0, 0)
        self._lines.addLayout(self._row)

    @property
    def wrapped(self) -> bool:
        """Whether the title is on a line of its own, above the buttons."""
        return self._row.indexOf(self.title) < 0

    def _spacing(self) -> int:
        return max(self._row.spacing(), 0)

    def _one_line_width(self) -> int:
        """Title and buttons on one line, the buttons as narrow as their words allow."""
        buttons = sum(b.minimumSizeHint().width() for b in self._buttons)
        spaces = self._spacing() * len(self._buttons)
        return self.title.sizeHint().width() + buttons + spaces

    def _height(self) -> int:
        """The buttons' line, and the title's above it when it is there."""
        height = max((b.sizeHint().height() for b in self._buttons), default=0)
        if self.wrapped:
            height += self.title.sizeHint().height() + self._lines.spacing()
        return height

    def sizeHint(self) -> QSize:
        """Wide enough for one line: the title beside its buttons."""
        return QSize(self._one_line_width(), self._height())

    def minimumSizeHint(self) -> QSize:
        """The buttons alone, the title on a line above them."""
        buttons = sum(b.minimumSizeHint().width() for b in self._buttons)
        spaces = self._spacing() * max(len(self._buttons) - 1, 0)
        return QSize(max(buttons + spaces, self.title.sizeHint().width()), self._height())

    def fit(self) -> None:
        """Put the title beside the buttons or above them, for the width there is."""
        above = self.width() < self._one_line_width()
        if above == self.wrapped:
            return
        if above:
            self._row.removeWidget(self.title)
            self._lines.insertWidget(0, self.title)
        else:
            self._lines.removeWidget(self.title)
            self._row.insertWidget(0, self.title)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def event(self, event: QEvent) -> bool:
        # A button's words or the text's size changed: the line may now fit, or not.
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange):
            self.fit()
        return super().event(event)
