"""Opens the user's annotations off the UI thread, after the window is up."""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from viewer.core.paths import UserPaths
from viewer.ui.jobs import JobRunner


class AnnotationLoader(QObject):
    """`start()` from the UI thread; `ready` (or `failed`) arrives back on it.

    Importing the annotations' code, checking and upgrading the file and reading
    every mark run on a worker thread (a `JobRunner`), so the window answers clicks meanwhile.
    `wait()` (on quitting) lets a file being upgraded finish rather than cut it short.
    """

    ready = Signal(object)  # OpenedAnnotations
    failed = Signal(str)  # the traceback

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = JobRunner("annotations", 1, self)

    def start(self, paths: UserPaths, catalog_path: Path, read_only: str | None = None) -> None:
        self._jobs.submit(
            lambda: _open(paths, catalog_path, read_only), self.ready.emit, self._on_error
        )

    def _on_error(self, error: BaseException) -> None:
        details = "".join(traceback.format_exception(error))
        self.failed.emit(details)

    def wait(self) -> None:
        """Until every opening in hand has ended (its result is then in the queue)."""
        self._jobs.wait()

    def shutdown(self) -> None:
        self._jobs.shutdown()


def _open(paths: UserPaths, catalog_path: Path, read_only: str | None) -> object:
    """On the worker thread: the annotations opened and read (their store closed again
    when reading them fails)."""
    from viewer.core.annotations.loading import load, open_annotations  # noqa: PLC0415

    store = open_annotations(paths, read_only)
    try:
        return load(store, catalog_path)
    except Exception:
        store.close()
        raise
