"""Start the desktop app: QApplication, error reporting, catalog, main window."""

from __future__ import annotations

import argparse
import gc
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from viewer import __version__
from viewer.core import logs
from viewer.core.errors import UsageError
from viewer.core.frozen import frozen
from viewer.core.paths import UserPaths, bundled_catalog, resource
from viewer.ui.error_reporter import ErrorReporter, message_box
from viewer.ui.main_window import MainWindow
from viewer.ui.qt_log import route_qt_messages
from viewer.ui.session import AppSession

APP_TITLE = "Timeline Viewer"
FIRST_PAINT = "first paint at"  # with --quit-after-paint: on stderr, then a monotonic time


class _AfterFirstPaint(QObject):
    """Calls `then` once, as soon as the window has painted for the first time, or
    after `at_latest_ms` if it has not (a window started minimised or on a hidden
    desktop may paint much later: the notes and garbage collection do not wait)."""

    def __init__(self, window: QWidget, then: Callable[[], None], at_latest_ms: int) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        # A timer of its own, gone with the window (`singleShot` with a context object
        # would make QMetaMethod's Python enums, ~0.5 ms of every start-up).
        latest = QTimer(self)
        latest.setSingleShot(True)
        latest.timeout.connect(self._call)
        latest.start(at_latest_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # Seen once is enough: no Python call for every later event of the window.
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._call)
        return False

    def _call(self) -> None:
        if self._then is not None:
            then, self._then = self._then, None
            then()


def after_first_paint(window: QWidget, then: Callable[[], None], at_latest_ms: int = 5000) -> None:
    _AfterFirstPaint(window, then, at_latest_ms)


def _painted_so_quit() -> None:
    """After the window's first painting (start-up benchmarks, end-to-end test): says
    when, on the system's monotonic clock (which the benchmark that started the process
    reads too), and quits."""
    print(f"{FIRST_PAINT} {time.monotonic()}", file=sys.stderr, flush=True)
    QApplication.quit()


def reported_first_paint(stderr: bytes) -> float:
    """When a process said (as above, on its stderr) it had painted its first window."""
    said = stderr.decode(errors="replace")
    for line in said.splitlines():
        if line.startswith(f"{FIRST_PAINT} "):
            return float(line.rsplit(" ", 1)[1])
    raise RuntimeError(f"no first paint reported:\n{said}")


@frozen
class Running:
    """A started app: its session (folders, annotations) and window on the catalog."""

    app: QApplication
    session: AppSession
    window: MainWindow
    temporary: tempfile.TemporaryDirectory[str] | None = None

    def finish(self) -> None:
        """After the event loop: annotations closed whole, a --temp-basedir folder removed."""
        self.session.close()
        if self.temporary is not None:
            self.temporary.cleanup()


def start(args: argparse.Namespace) -> Running | None:
    """The app up to its window shown; None (and the reason told) when it cannot start."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("timeline-viewer")
    reporter = ErrorReporter(windows=not args.no_err_windows)
    temporary = (
        tempfile.TemporaryDirectory(prefix="timeline-viewer-") if args.temp_basedir else None
    )
    base = Path(temporary.name) if temporary else args.data_dir
    try:
        paths = UserPaths.at(base).ensure()
    except UsageError as exc:  # --data-dir names a file, or a folder that cannot be written
        # Said before any log exists: on stderr, and in a dialog unless told not to.
        print(f"timeline-viewer: {exc}", file=sys.stderr)
        if reporter.windows:
            message_box().warning(None, "Timeline Viewer cannot start", str(exc))
        return None
    logs.setup(paths.log_dir, verbose=args.verbose)
    route_qt_messages()
    session = AppSession(paths, reporter)
    reporter.install_excepthook(before=session.save_pending)  # a note being typed is kept
    session.on_attached = settle
    opened: Path | None = args.open
    timeline = opened is not None and opened.suffix.lower() in _importable()
    catalog = opened if opened is not None and not timeline else args.db
    window = session.open_catalog(catalog or bundled_catalog())
    if window is not None and opened is not None and timeline:
        # A TimelineJS file or sheet given on the command line (or double-clicked):
        # imported into the user's catalogs and opened; refused in words, the bundled
        # catalog stays.
        window = session.import_timeline(opened) or window
    if window is None:
        if temporary is not None:
            temporary.cleanup()
        return None
    return Running(app, session, window, temporary)


def _importable() -> tuple[str, ...]:
    """What `timeline-viewer FILE` imports rather than opens as a catalog (the TimelineJS
    reader is loaded only when a file is given: not at every start)."""
    from viewer.core.interchange.timelinejs import IMPORTABLE_SUFFIXES  # noqa: PLC0415

    return IMPORTABLE_SUFFIXES


def run(args: argparse.Namespace) -> int:
    """The app, from start to quit. The garbage collector, which the command line turns
    off for start-up, collects again once the window has painted; what start-up made
    is frozen first (kept out of every later collection, as `settle` does again once
    the notes are in), so the first collection has no backlog to walk (~15 ms)."""
    running = start(args)
    if running is None:
        gc.enable()
        return 2
    # The notes are read once the window has painted (start-up measures up to then).
    load = _painted_so_quit if args.quit_after_paint else running.session.load_annotations

    def then() -> None:
        gc.freeze()
        gc.enable()
        load()
        show_app_icon(running.app)

    after_first_paint(running.window, then)
    quit_on_signals(running.app)
    code = running.app.exec()
    running.finish()
    return code


def show_app_icon(app: QApplication) -> None:
    """The icon of the app's windows (title bar, task switcher). Set once the window has
    painted: reading the SVG loads Qt's SVG plugin and library (~1.5 ms), and the desktop
    draws the icon outside the window, whenever it is set."""
    icon = resource("icon.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def quit_on_signals(app: QApplication) -> None:
    """Ctrl+C in the terminal and `kill` (SIGTERM) quit as File > Quit does: the note
    being typed is saved, the annotations closed whole, a --temp-basedir folder removed.
    Python sees a signal only when it runs, so a timer wakes it up now and then."""

    def quit_now(_signal: int, _frame: object) -> None:
        QTimer.singleShot(0, app.closeAllWindows)
        QTimer.singleShot(0, app.quit)

    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), quit_now)
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(250)


def settle() -> None:
    """Once start-up is done: leave what it made (catalog records, widgets, the index of
    annotations) out of later garbage collections, which otherwise walk it all again and
    again, costing several milliseconds a frame with 100,000 annotations."""
    gc.freeze()
