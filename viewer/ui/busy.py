"""Long work (importing a large timeline) run on a worker thread behind a progress dialog.

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
from viewer.ui.jobs import JobRunner

T = TypeVar("T")

SHOW_AFTER_MS = 400  # quick work finishes without a dialog flashing up


def run_busy(parent: QWidget | None, label: str, work: Callable[[ShouldStop], T]) -> T:
    """`work(should_stop)` on a worker thread; meanwhile a modal progress dialog after a
    moment, whose Stop button makes `should_stop()` true (the work then raises
    `StoppedError`, which reaches the caller like any other exception)."""
    stop = threading.Event()
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
    jobs = JobRunner("busy")
    future = jobs.submit(lambda: work(stop.is_set), lambda _r: loop.quit(), lambda _e: loop.quit())
    later = QTimer()
    later.setSingleShot(True)
    later.timeout.connect(lambda: None if future.done() else dialog.show())
    later.start(SHOW_AFTER_MS)
    if not future.done():
        loop.exec()
    later.stop()
    if not future.done():  # the loop ended early: the app is quitting, so stop the work
        stop.set()
    jobs.shutdown()  # the work has ended, one way or the other
    jobs.deleteLater()
    dialog.close()
    dialog.deleteLater()
    return future.result()  # or its exception, raised here
