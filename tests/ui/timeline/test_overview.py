"""The overview strip under the timeline: the whole timeline's histogram and the part in view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPixmap
from pytestqt.qtbot import QtBot

from tests.ui.conftest import settle
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.overview import OverviewStrip


def _rendered(strip: OverviewStrip) -> QImage:
    pixmap = QPixmap(strip.size())
    strip.render(pixmap)
    return pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_a_larger_text_redraws_its_label_at_the_same_size(window: MainWindow, qtbot: QtBot) -> None:
    """The strip kept its picture (label, column, histogram) while its size held: a
    larger text left "Overview" small and the column narrow until the window was
    resized. It now looks as a strip made with that text."""
    view = window.timeline

    def strip(font: QFont) -> OverviewStrip:
        made = OverviewStrip()
        qtbot.addWidget(made)
        made.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a focus frame would differ
        made.setFont(font)
        made.set_data(view.data, view.limits)
        made.set_view(view.view)
        made.resize(900, 30)
        made.show()
        qtbot.waitExposed(made)
        settle()
        return made

    usual = QFont(window.font())
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * 1.6)
    grown = strip(usual)
    before = _rendered(grown)
    grown.setFont(larger)
    settle()
    after = _rendered(grown)
    assert after != before
    assert after == _rendered(strip(larger))
