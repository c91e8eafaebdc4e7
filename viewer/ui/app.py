"""Start the desktop app: QApplication, error reporting, catalog, main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from viewer import __version__
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog import Catalog
from viewer.core.errors import CatalogError
from viewer.core.paths import UserPaths, bundled_catalog, resource
from viewer.ui.errors import ErrorReporter
from viewer.ui.main_window import MainWindow

APP_TITLE = "Timeline Viewer"


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
    reporter.install_excepthook()
    paths = (UserPaths(args.data_dir) if args.data_dir else UserPaths.default()).ensure()
    try:
        catalog = Catalog(args.db or bundled_catalog())
    except CatalogError as exc:
        reporter.report("Cannot open the catalog", str(exc))
        return 2
    settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    store = open_annotations(paths)
    window = MainWindow(catalog, settings, reporter, store=store)
    if args.quit_after_paint:
        watcher = _QuitAfterPaint(window)
        window.installEventFilter(watcher)
    window.show()
    for message in store.report.messages:
        QTimer.singleShot(0, lambda m=message: reporter.report("Your annotations", m, window))
    QTimer.singleShot(3000, store.take_daily_backup)
    code = app.exec()
    store.close()
    catalog.close()
    return code


def open_annotations(paths: UserPaths) -> AnnotationStore:
    """The user's annotations; whatever is wrong with the file, the app still opens."""
    return AnnotationStore(paths.annotations_db, paths.backups_dir)
