"""Opens the user's annotations in a background thread, after the window is up."""

from __future__ import annotations

import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from viewer.core.paths import UserPaths


class AnnotationLoader(QObject):
    """`start()` from the UI thread; `ready` (or `failed`) arrives back on it.

    Importing SQLAlchemy, checking and upgrading the file and reading every mark
    run in the thread, so the window answers clicks meanwhile. The thread is not a
    daemon: quitting waits for a file being upgraded rather than cutting it short.
    """

    ready = Signal(object)  # OpenedAnnotations
    failed = Signal(str)  # the traceback

    def start(
        self, paths: UserPaths, catalog_path: Path, read_only: str | None = None
    ) -> threading.Thread:
        thread = threading.Thread(
            target=self._run, args=(paths, catalog_path, read_only), name="annotations"
        )
        thread.start()
        return thread

    def _run(self, paths: UserPaths, catalog_path: Path, read_only: str | None) -> None:
        try:
            from viewer.core.annotations.loading import load, open_annotations  # noqa: PLC0415

            store = open_annotations(paths, read_only)
            try:
                opened = load(store, catalog_path)
            except Exception:
                store.close()
                raise
            self.ready.emit(opened)
        except Exception:
            self.failed.emit(traceback.format_exc())
