"""What start-up runs after the first paint runs once, and also for a window that is
never painted (started minimised or on a hidden desktop)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from viewer.ui.app import after_first_paint


def test_called_once_after_the_first_paint(qtbot: QtBot) -> None:
    window = QLabel("painted")
    qtbot.addWidget(window)
    called: list[bool] = []
    after_first_paint(window, lambda: called.append(window.isVisible()), at_latest_ms=300)
    window.show()
    qtbot.waitUntil(lambda: called == [True])
    window.repaint()
    past_the_latest = QTimer(singleShot=True, interval=400)
    with qtbot.waitSignal(past_the_latest.timeout, timeout=3000):
        past_the_latest.start()
    assert called == [True]  # once, though painted again and the latest time passed


def test_called_at_the_latest_time_if_never_painted(qtbot: QtBot) -> None:
    window = QLabel("never shown")
    qtbot.addWidget(window)
    called: list[bool] = []
    after_first_paint(window, lambda: called.append(window.isVisible()), at_latest_ms=50)
    qtbot.waitUntil(lambda: called == [False], timeout=2000)
