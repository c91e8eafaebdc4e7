"""Long work runs in a thread behind a progress dialog; the window keeps working."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from viewer.ui.busy import SHOW_AFTER_MS, run_busy


def test_slow_work_gives_its_result_while_the_window_keeps_answering(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    seen: list[bool] = []

    def look() -> None:
        dialogs = parent.findChildren(QProgressDialog)
        seen.append(any(d.isVisible() for d in dialogs))

    QTimer.singleShot(SHOW_AFTER_MS + 300, look)
    assert run_busy(parent, "Importing…", lambda: time.sleep(1.2) or 42) == 42
    timer.stop()
    assert len(ticks) > 15  # the event loop ran all along (a 20 ms timer, 1.2 s of work)
    assert seen == [True]  # and said what it was doing
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))


def test_quick_work_shows_no_dialog_and_errors_reach_the_caller(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert run_busy(parent, "Quick", lambda: "done") == "done"

    def fail() -> None:
        raise ValueError("not a timeline")

    with pytest.raises(ValueError, match="not a timeline"):
        run_busy(parent, "Failing", fail)
