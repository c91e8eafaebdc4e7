"""Badges (the stance, Flip, "Editors' assessment"): readable words on their fill, the
room a style sheet gave them, and no style sheet anywhere in the window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from viewer.ui import style
from viewer.ui.badge import Badge
from viewer.ui.main_window import MainWindow


@pytest.mark.parametrize("colour", [*style.STANCE_COLOURS.values(), style.FLIP_COLOUR])
def test_the_words_read_on_every_badge_colour(qtbot: QtBot, colour: str) -> None:
    badge = Badge("Mixed · strong")
    qtbot.addWidget(badge)
    badge.set_colour(colour)
    words = badge.palette().color(QPalette.ColorRole.WindowText).name()
    assert style.contrast(words, colour) >= style.TEXT_CONTRAST
    assert badge.fill() is not None and badge.fill().name().lower() == colour.lower()


def test_a_badge_keeps_room_around_its_words(qtbot: QtBot) -> None:
    filled, outlined = Badge("Flip"), Badge("Editors' assessment", outlined=True)
    for badge in (filled, outlined):
        qtbot.addWidget(badge)
        words = badge.fontMetrics().horizontalAdvance(badge.text())
        assert badge.sizeHint().width() >= words + 24  # 12 px each side, as before
    assert filled.font().weight() > outlined.font().weight() and outlined.font().italic()


def test_the_filled_badge_is_painted_in_its_colour(qtbot: QtBot) -> None:
    badge = Badge("Flip")
    qtbot.addWidget(badge)
    badge.set_colour(style.FLIP_COLOUR)
    badge.resize(badge.sizeHint())
    picture = badge.grab().toImage()
    inside = picture.pixelColor(picture.width() // 2, 1)  # above the words, inside the curve
    assert inside.name().lower() == style.FLIP_COLOUR.lower()


def test_no_part_of_the_window_uses_a_style_sheet(window: MainWindow) -> None:
    """Widgets with style sheets are polished and drawn through Qt's style-sheet engine
    (~4 ms before the first paint for the header's four labels): none is set."""
    styled = [
        w.objectName() or type(w).__name__ for w in window.findChildren(QWidget) if w.styleSheet()
    ]
    assert styled == []
