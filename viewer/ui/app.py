"""Start the desktop app: QApplication, error reporting, catalog, main window."""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from viewer import __version__
from viewer.core import logs
from viewer.core.catalog import Catalog
from viewer.core.errors import CatalogError
from viewer.core.paths import UserPaths, bundled_catalog, resource
from viewer.ui.annotations.loader import AnnotationLoader
from viewer.ui.errors import ErrorReporter
from viewer.ui.main_window import MainWindow
from viewer.ui.qt_log import route_qt_messages

if TYPE_CHECKING:
    from viewer.core.annotations.loading import OpenedAnnotations
    from viewer.core.annotations.store import AnnotationStore

APP_TITLE = "Timeline Viewer"


class _AfterFirstPaint(QObject):
    """Calls `then` once, as soon as the window has painted for the first time."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            QTimer.singleShot(0, then)
        return False


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    _AfterFirstPaint(window, then)


class _QuitAfterPaint(QObject):
    """Quits the app once the window has painted (start-up benchmarks, end-to-end test)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def run(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("timeline-viewer")
    icon = resource("icon.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    reporter = ErrorReporter(windows=not args.no_err_windows)
    temporary = (
        tempfile.TemporaryDirectory(prefix="timeline-viewer-") if args.temp_basedir else None
    )
    base = Path(temporary.name) if temporary else args.data_dir
    paths = (UserPaths(base) if base else UserPaths.default()).ensure()
    logs.setup(paths.log_dir, verbose=args.verbose)
    route_qt_messages()
    pending: list[Callable[[], None]] = []  # saves what is being typed, once there is a window

    def save_pending() -> None:
        for save in pending:
            save()

    reporter.install_excepthook(before=save_pending)
    try:
        catalog = Catalog(args.db or bundled_catalog())
    except CatalogError as exc:
        reporter.report("Cannot open the catalog", str(exc))
        return 2
    settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    window = MainWindow(catalog, settings, reporter, log_dir=paths.log_dir)
    pending.append(window.save_pending)
    if args.quit_after_paint:
        watcher = _QuitAfterPaint(window)
        window.installEventFilter(watcher)
    window.show()
    stores: list[AnnotationStore] = []
    loader = AnnotationLoader()

    def attach(opened: OpenedAnnotations) -> None:
        store = opened.store
        for message in store.report.messages:
            reporter.report("Your annotations", message, window)
        if store.report.moved_aside:
            restored = offer_backup(store, paths, reporter, window)
            if restored is not store:
                from viewer.core.annotations.loading import load  # noqa: PLC0415

                opened = load(restored, catalog.path)
        stores.append(opened.store)
        window.attach_store(opened)
        settle()
        QTimer.singleShot(3000, opened.store.take_daily_backup)

    loader.ready.connect(attach)
    loader.failed.connect(
        lambda details: reporter.report(
            "Your annotations could not be opened", details.strip().splitlines()[-1], window
        )
    )
    threads: list[threading.Thread] = []

    if not args.quit_after_paint:  # start-up benchmarks measure up to the first paint
        after_first_paint(window, lambda: threads.append(loader.start(paths, catalog.path)))
    code = app.exec()
    for thread in threads:
        thread.join()  # an upgrade of the annotations file in progress is finished
    for store in stores:
        store.close()
    catalog.close()
    if temporary is not None:
        temporary.cleanup()
    return code


def settle() -> None:
    """Once start-up is done: leave what it made (catalog records, widgets, the index of
    annotations) out of later garbage collections, which otherwise walk it all again and
    again, costing several milliseconds a frame with 100,000 annotations."""
    gc.freeze()


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
