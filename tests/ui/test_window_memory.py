"""Where the window opens: the first time sized to the screen, later as it was left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from pytestqt.qtbot import QtBot

from tests.ui.conftest import opened_window
from viewer.core.catalog.read import Catalog
from viewer.ui.window_memory import FIRST_SIZE, first_geometry

TITLE_BAR = 40  # px above the window that its frame's title bar takes on common desktops


@pytest.mark.parametrize(
    "available",
    [
        QRect(0, 0, 1366, 728),  # the common laptop, a taskbar below
        QRect(0, 0, 1280, 800),
        QRect(0, 0, 1024, 728),
        QRect(1920, 32, 1366, 736),  # a second screen, a panel above
        QRect(0, 0, 800, 800),  # offscreen's screen
    ],
)
def test_a_first_window_fits_a_small_screen_with_its_title_bar(available: QRect) -> None:
    shape = first_geometry(available)
    assert available.contains(shape)
    assert shape.top() - available.top() >= TITLE_BAR
    assert shape.width() >= available.width() - 60 or shape.width() == FIRST_SIZE.width()
    # Centred across: what is left is shared by both sides.
    assert abs((shape.left() - available.left()) - (available.right() - shape.right())) <= 1


def test_a_first_window_on_a_large_screen_has_its_size_centred() -> None:
    available = QRect(0, 0, 1920, 1040)
    shape = first_geometry(available)
    assert shape.size() == FIRST_SIZE == QSize(1400, 900)
    assert available.contains(shape)
    assert abs(shape.center().x() - available.center().x()) <= 1


def test_the_first_window_fits_its_screen_and_a_later_one_keeps_its_shape(
    qtbot: QtBot, catalog: Catalog, settings: QSettings
) -> None:
    """With no saved shape the window fits the screen it opens on (offscreen's is
    800 x 800, smaller than the window's own size); the shape it is left in is kept."""
    with opened_window(qtbot, catalog, settings, show=False) as first:
        available = first.screen().availableGeometry()
        assert available.contains(first.geometry()), (first.geometry(), available)
        first.setGeometry(QRect(60, 70, 700, 600))
        first.save_state()
    with opened_window(qtbot, catalog, settings, show=False) as again:
        assert again.geometry().size() == QSize(700, 600)
