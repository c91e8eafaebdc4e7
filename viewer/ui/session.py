"""One run of the app: the user's folders, settings and annotations, and the window on
the catalog being read, which File > Open replaces with a window on another.

The annotations belong to the session, not to a window: opening another catalog
keeps them (a note on an event the other catalog also has shows there too).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from viewer.core.catalog.read import Catalog
from viewer.core.errors import CatalogError, StoppedError, UsageError
from viewer.core.paths import UserPaths, bundled_catalog
from viewer.core.plurals import plural
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.main_window import MainWindow
from viewer.ui.settings import RECENT_LIMIT, Settings
from viewer.ui.status_line import tell

if TYPE_CHECKING:
    from viewer.core.annotations.loading import OpenedAnnotations
    from viewer.core.annotations.store import AnnotationStore
    from viewer.ui.annotations.disk_flush import DiskFlush
    from viewer.ui.annotations.loader import AnnotationLoader

log = logging.getLogger(__name__)


class AppSession(QObject):
    def __init__(self, paths: UserPaths, reporter: ErrorReporter) -> None:
        super().__init__()
        self.paths = paths
        self.reporter = reporter
        self.settings = Settings.at(paths.settings_file)
        self.catalog: Catalog | None = None
        self.window: MainWindow | None = None
        self.store: AnnotationStore | None = None
        self._flush: DiskFlush | None = None  # the store's writes, to the disk off-thread
        self._loader: AnnotationLoader | None = None  # made at the first loading
        self.on_attached: Callable[[], None] | None = None  # (the app's gc settling)
        # One writer per data folder: a second window shows the notes read-only, says why,
        # re-reads them when it comes to the front, and takes over once the first quits.
        self.lock = QLockFile(str(paths.base / "annotations.lock"))
        self.lock.setStaleLockTime(0)  # a lock of a process that died is taken over
        self._seen: tuple[int, ...] = ()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_state)

    # -- catalogs --------------------------------------------------------------------

    def open_catalog(self, path: Path) -> MainWindow | None:
        """A window on the catalog at `path`, replacing the current one; None (and a
        message, the current window kept) if the catalog cannot be read."""
        try:
            catalog = Catalog(path)
        except CatalogError as exc:
            self.reporter.report("Cannot open the catalog", str(exc), self.window)
            return None
        old, old_catalog = self.window, self.catalog
        if old is not None:
            old.save_pending()  # a note being typed is kept, whatever happens next
            old.save_state()
        try:  # made before the current window closes: a catalog broken inside keeps it
            window = MainWindow(
                catalog,
                self.settings,
                self.reporter,
                log_dir=self.paths.log_dir,
                data_dir=self.paths.base,
            )
        except (sqlite3.Error, KeyError, ValueError, TypeError, IndexError) as exc:
            catalog.close()
            log.exception("cannot show %s", path)
            self.reporter.report(
                "Cannot open the catalog",
                f"{path} is damaged inside and cannot be shown ({type(exc).__name__}: {exc}). "
                "Nothing was changed.",
                self.window,
            )
            return None
        if old is not None:
            old.close()
            old.deleteLater()
        if old_catalog is not None:
            old_catalog.close()
        self.catalog = catalog
        window.menus.set_recent_catalogs(self.remember(path), bundled_catalog())
        window.catalog_requested.connect(self.open_catalog)
        window.timeline_import_requested.connect(self.import_timeline)
        self.window = window
        if self.store is not None:
            from viewer.core.annotations.loading import load  # noqa: PLC0415 - after paint

            window.attach_store(load(self.store, catalog.path))
        window.show()
        return window

    def import_timeline(self, path: Path) -> MainWindow | None:
        """Make a TimelineJS file into a catalog in the user's folder, then open it."""
        from viewer.core.interchange.timelinejs import TimelineJSError  # noqa: PLC0415
        from viewer.core.interchange.timelinejs_import import default_name, import_file  # noqa: PLC0415
        from viewer.ui.busy import run_busy  # noqa: PLC0415 - its dialog, when one is shown

        name = default_name(path)
        try:
            folder = self.paths.ensure_catalogs()
        except UsageError as exc:
            self.reporter.report("Import failed", str(exc), self.window)
            return None
        out = folder / name
        number = 1
        while out.exists():
            number += 1
            out = out.with_name(f"{Path(name).stem}-{number}{Path(name).suffix}")
        try:
            written, count = run_busy(
                self.window,
                f"Importing {path.name}…",
                lambda should_stop: import_file(path, out, should_stop),
            )
        except StoppedError:
            if self.window is not None:
                tell(
                    self.window.statusBar(), f"Import of {path.name} stopped; nothing was written."
                )
            return None
        except TimelineJSError as exc:
            self.reporter.report("Import refused", str(exc), self.window)
            return None
        except OSError as exc:
            self.reporter.cannot_write(out, exc, self.window, title="Import failed")
            return None
        log.info("imported %d events from %s into %s", count, path, written)
        window = self.open_catalog(written)
        if window is not None:
            tell(
                window.statusBar(),
                f"Imported {plural(count, 'event')} from {path.name} (kept as {written})",
            )
        return window

    def remember(self, path: Path) -> list[Path]:
        """Put `path` first in the list of recent catalogs; returns the list."""
        resolved = path.resolve()
        recent = [resolved, *self.settings.recent_catalogs()]
        unique = list(dict.fromkeys(p for p in recent if p == resolved or p.is_file()))
        self.settings.set_recent_catalogs(unique)
        return unique[:RECENT_LIMIT]

    # -- annotations -----------------------------------------------------------------

    def _on_load_failed(self, details: str) -> None:
        reason = details.strip().splitlines()[-1]
        self.reporter.report("Your annotations could not be opened", reason)
        if self.window is not None:
            self.window.notes_unavailable(reason)

    def load_annotations(self) -> None:
        """Open the user's annotations in the background (after the first paint)."""
        if self.catalog is not None:
            reason = self._writer_elsewhere()
            self._annotation_loader().start(self.paths, self.catalog.path, reason)

    def _annotation_loader(self) -> AnnotationLoader:
        """The loader and its worker, made (and their code loaded) for the first loading,
        once the window has painted."""
        if self._loader is None:
            from viewer.ui.annotations.loader import AnnotationLoader  # noqa: PLC0415

            self._loader = AnnotationLoader()
            self._loader.ready.connect(self._on_loaded)
            self._loader.failed.connect(self._on_load_failed)
        return self._loader

    def _writer_elsewhere(self) -> str | None:
        """None when this window may write the notes (it holds the lock), else why not."""
        if self.lock.isLocked() or self.lock.tryLock(0):
            return None
        if self.lock.error() != QLockFile.LockError.LockFailedError:
            return None  # no lock can be made (a read-only folder): the store says why
        info = self.lock.getLockInfo()  # (pid, host, app) when it can be read
        who = f" (process {info[0]} on {info[1]})" if isinstance(info, tuple) else ""
        return (
            f"another Timeline Viewer window{who} is using them; they are shown read-only "
            "here and re-read when you come back to this window. Close the other to edit here"
        )

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        """Back to this window: a read-only one takes over the notes if the writer has
        quit, or re-reads them if the writer changed them."""
        store = self.store
        if state != Qt.ApplicationState.ApplicationActive or store is None:
            return
        if not store.read_only or store.read_only_reason is None:
            return
        if "another Timeline Viewer" not in store.read_only_reason:
            return
        if self._writer_elsewhere() is None or store.fingerprint() != self._seen:
            self.reload_annotations()

    def reload_annotations(self) -> None:
        """Open the notes again (writable if this window now holds the lock) and show them
        in a window made afresh on the same catalog (view and selection kept)."""
        if self.store is None or self.catalog is None:
            return
        from viewer.core.annotations.loading import open_annotations  # noqa: PLC0415

        self._close_store()
        self.store = open_annotations(self.paths, self._writer_elsewhere())
        self._seen = self.store.fingerprint()
        self.open_catalog(self.catalog.path)

    def _on_loaded(self, opened: OpenedAnnotations) -> None:
        store = opened.store
        for message in store.report.messages:
            self.reporter.report("Your annotations", message, self.window)
        if store.report.moved_aside and self.window is not None:
            restored = offer_backup(store, self.paths, self.reporter, self.window)
            if restored is not store and self.catalog is not None:
                from viewer.core.annotations.loading import load  # noqa: PLC0415

                opened = load(restored, self.catalog.path)
        self._attach(opened)
        QTimer.singleShot(3000, opened.store.take_daily_backup)

    def _attach(self, opened: OpenedAnnotations) -> None:
        from viewer.ui.annotations.disk_flush import DiskFlush  # noqa: PLC0415 - after paint

        self.store = opened.store
        self._flush = DiskFlush(opened.store, self)
        self._seen = opened.store.fingerprint()
        if opened.store.read_only_reason and self.window is not None:
            # Said for a while here; the notes editor keeps saying it.
            tell(
                self.window.statusBar(),
                f"Your notes are read-only: {opened.store.read_only_reason}.",
            )
        from viewer.core.annotations import recovery  # noqa: PLC0415

        if recovered := recovery.merge_pending(opened.store):
            self.reporter.inform(
                "Your notes",
                f"{plural(recovered, 'change')} to your notes that could not be saved last "
                "time are saved now.",
                self.window,
            )
            if self.catalog is not None:
                from viewer.core.annotations.loading import load  # noqa: PLC0415

                opened = load(opened.store, self.catalog.path)
        log.info(
            "annotations attached: %d annotated events, %d orphaned, from %s",
            len(opened.index),
            opened.orphans,
            opened.store.path,
        )
        if self.window is not None:
            self.window.attach_store(opened)
        if self.on_attached is not None:
            self.on_attached()

    def wait_for_annotations(self) -> None:
        """Until the opening of the annotations in hand has ended (its `ready` or
        `failed` then waits in the event queue)."""
        if self._loader is not None:
            self._loader.wait()

    def save_pending(self) -> bool:
        return self.window.save_pending() if self.window is not None else True

    def close(self) -> None:
        if self._loader is not None:  # an upgrade of the annotations file in progress ends
            self._loader.shutdown()
        self._close_store()
        if self.catalog is not None:
            self.catalog.close()
        if self.lock.isLocked():
            self.lock.unlock()

    def _close_store(self) -> None:
        """Close the annotations, after the flush in hand (closing folds in the rest)."""
        if self._flush is not None:
            self._flush.close()
            self._flush = None
        if self.store is not None:
            self.store.close()


def offer_backup(
    store: AnnotationStore, paths: UserPaths, reporter: ErrorReporter, parent: QWidget
) -> AnnotationStore:
    """After a damaged file was moved aside, offer to bring back the newest good backup."""
    from viewer.core.annotations import files  # noqa: PLC0415

    backup = files.newest_good_backup(paths.annotations_db, paths.backups_dir)
    if backup is None:
        return store
    question = (
        f"A backup of your annotations from {backup.stem.rsplit('-', 2)[-2]} is intact "
        f"({backup}). Restore it now? (The damaged file stays where it was put.)"
    )
    if not reporter.ask("Restore your annotations?", question, parent):
        return store
    store.close()
    files.restore(backup, paths.annotations_db)
    from viewer.core.annotations.loading import open_annotations  # noqa: PLC0415

    return open_annotations(paths)
