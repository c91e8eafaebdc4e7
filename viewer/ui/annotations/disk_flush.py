"""Saves reach the disk off the UI thread.

A save returns once it is in the annotations file's write-ahead log (it then survives
the app being killed); the flush that makes it survive a power cut is a checkpoint,
which waits for the disk. `DiskFlush` runs it on a worker thread a moment after the
last write, so typing a note or starring events never waits for the disk.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from viewer.core.annotations.store import AnnotationStore
from viewer.core.errors import StorageError
from viewer.ui.jobs import JobRunner

log = logging.getLogger(__name__)

#: After the last write, this long (ms) before the flush: a burst of saves is one flush.
DELAY_MS = 300


class DiskFlush(QObject):
    """Flushes `store`'s writes to the disk on a worker thread, `DELAY_MS` after the last
    one (whichever thread wrote)."""

    written = Signal()  # a write was committed (emitted on the writing thread)
    flushed = Signal(bool)  # on the UI thread: the log was folded in (False: partly)

    def __init__(self, store: AnnotationStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._jobs = JobRunner("annotation-flush", 1, self)
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.now)
        self.written.connect(self._timer.start)  # queued from a worker, direct from UI
        store.after_write = self.written.emit

    def now(self) -> None:
        """Flush on the worker now (the timer's work; tests call it directly)."""
        self._timer.stop()
        self._jobs.submit(self.store.write_to_disk, self.flushed.emit, self._failed)

    @property
    def pending(self) -> bool:
        """A flush is due or running."""
        return self._timer.isActive() or self._jobs.busy

    def _failed(self, exc: BaseException) -> None:
        # The saves are in the file; closing folds them in. Nothing to tell the user.
        if not isinstance(exc, StorageError):
            raise exc
        log.warning("annotations not flushed to the disk yet: %s", exc)

    def close(self) -> None:
        """Stop listening and wait for a flush in hand (before the store closes)."""
        self.store.after_write = None
        self._timer.stop()
        self._jobs.shutdown()
