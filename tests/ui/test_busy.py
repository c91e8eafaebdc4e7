"""Long work runs in a thread behind a progress dialog; the window keeps working."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from viewer.core.errors import StoppedError
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
    assert run_busy(parent, "Importing…", lambda _stop: time.sleep(1.2) or 42) == 42
    timer.stop()
    assert len(ticks) > 15  # the event loop ran all along (a 20 ms timer, 1.2 s of work)
    assert seen == [True]  # and said what it was doing
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))


def test_quick_work_shows_no_dialog_and_errors_reach_the_caller(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert run_busy(parent, "Quick", lambda _stop: "done") == "done"

    def fail(_stop: object) -> None:
        raise ValueError("not a timeline")

    with pytest.raises(ValueError, match="not a timeline"):
        run_busy(parent, "Failing", fail)


def test_stop_asks_the_work_to_stop_and_the_caller_hears_of_it(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def endless(should_stop: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 10  # a test that fails, not one that hangs
        while not should_stop():
            if time.monotonic() > deadline:
                return
            time.sleep(0.01)
        raise StoppedError

    def press_stop() -> None:
        for dialog in parent.findChildren(QProgressDialog):
            if dialog.isVisible():
                (button,) = (b for b in dialog.findChildren(QPushButton) if b.text() == "Stop")
                button.click()

    QTimer.singleShot(SHOW_AFTER_MS + 300, press_stop)
    with pytest.raises(StoppedError):
        run_busy(parent, "Importing…", endless)


QUIT_WHILE_BUSY = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from viewer.core.errors import StoppedError
from viewer.ui.busy import run_busy

app = QApplication([])
window = QWidget()
window.show()

def endless(should_stop):
    deadline = time.monotonic() + 20
    while not should_stop():
        if time.monotonic() > deadline:
            return "ran to the end"
        time.sleep(0.01)
    raise StoppedError

def work():
    try:
        print(run_busy(window, "Importing...", endless))
    except StoppedError:
        print("stopped")

QTimer.singleShot(0, work)
QTimer.singleShot(300, app.quit)  # the person closes the app meanwhile
app.exec()
"""


def test_quitting_meanwhile_stops_the_work_instead_of_waiting_for_it() -> None:
    import subprocess
    import sys
    from pathlib import Path

    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", QUIT_WHILE_BUSY],
        check=False,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "stopped"
    assert time.monotonic() - started < 15  # not the 20 s the work would have taken
