"""Long work (importing a large timeline) run in a thread behind a progress dialog.

The window keeps repainting, the dialog says what is happening and can stop it; the
caller gets the result, or the exception, as if it had made the call itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from viewer.core.errors import ShouldStop

T = TypeVar("T")

SHOW_AFTER_MS = 400  # quick work finishes without a dialog flashing up


def run_busy(parent: QWidget | None, label: str, work: Callable[[ShouldStop], T]) -> T:
    """`work(should_stop)` in a thread; meanwhile a modal progress dialog after a moment,
    whose Stop button makes `should_stop()` true (the work then raises `StoppedError`,
    which reaches the caller like any other exception)."""
    results: list[T] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def run() -> None:
        try:
            results.append(work(stop.is_set))
        except BaseException as exc:  # handed back to the caller's thread below
            errors.append(exc)

    dialog = QProgressDialog(label, "Stop", 0, 0, parent)
    dialog.setWindowTitle("Please wait")
    dialog.setMinimumWidth(380)  # room for a file name
    dialog.canceled.connect(stop.set)
    dialog.canceled.connect(lambda: dialog.setLabelText("Stopping…"))
    dialog.canceled.connect(dialog.show)  # it closes itself on Stop; stay till stopped
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.hide()  # shown by `later` below, only if the work is still going
    dialog.setAccessibleName(label)
    loop = QEventLoop()
    thread = threading.Thread(target=run, name="busy", daemon=False)
    poll = QTimer()
    poll.setInterval(30)
    poll.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    later = QTimer()
    later.setSingleShot(True)
    later.timeout.connect(lambda: dialog.show() if thread.is_alive() else None)
    thread.start()
    later.start(SHOW_AFTER_MS)
    poll.start()
    loop.exec()
    poll.stop()
    later.stop()
    if thread.is_alive():  # the loop ended early: the app is quitting, so stop the work
        stop.set()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if errors:
        raise errors[0]
    return results[0]
