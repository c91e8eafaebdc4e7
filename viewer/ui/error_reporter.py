"""The one place that tells the user something went wrong.

`report()` shows a dialog, or writes to stderr when dialogs are switched off
(`--no-err-windows`, and always in tests), like qutebrowser's msgbox module; every
report is logged too. `install_excepthook()` routes uncaught exceptions, from the
UI thread (Qt slots included) and from worker threads, through it: pending work is
saved first, the traceback goes to the log, and a dialog offers to copy a report.
The app keeps running.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from viewer import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)


def message_box() -> type[QMessageBox]:
    """QMessageBox, looked up when a dialog is shown: PySide6 makes a Qt class's Python
    enums when a module first names it (~1 ms here), and most runs show none."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    return QMessageBox


class ErrorReporter:
    """Shows problems to the user; constructed once by the app and passed along."""

    def __init__(self, *, windows: bool = True, answer: bool = False) -> None:
        self.windows = windows
        self.answer = answer  # what ask() answers when there are no dialogs
        self.reported: list[tuple[str, str]] = []
        self.informed: list[tuple[str, str]] = []
        self.asked: list[tuple[str, str]] = []

    def report(
        self, title: str, text: str, parent: QWidget | None = None, *, details: str | None = None
    ) -> None:
        self.reported.append((title, text))
        log.error("%s: %s", title, text)
        if not self.windows:
            print(f"timeline-viewer: {title}: {text}", file=sys.stderr)
            if details:
                print(details, file=sys.stderr)
            return
        boxes = message_box()
        box = boxes(boxes.Icon.Warning, title, text, boxes.StandardButton.Ok, parent)
        copy = None
        if details:
            box.setDetailedText(details)
            copy = box.addButton("Copy report", boxes.ButtonRole.ActionRole)
        box.exec()
        if copy is not None and box.clickedButton() is copy:
            QApplication.clipboard().setText(crash_report(title, text, details or ""))

    def cannot_write(
        self,
        path: Path,
        exc: Exception,
        parent: QWidget | None = None,
        *,
        title: str = "Export failed",
    ) -> None:
        """A file the user asked for could not be written (permissions, full disk, a name)."""
        reason = getattr(exc, "strerror", None) or str(exc)
        self.report(title, f"Could not write {path}: {reason}.", parent)

    def inform(self, title: str, text: str, parent: QWidget | None = None) -> None:
        """Tell the user something went as asked (an import's report), not an error."""
        self.informed.append((title, text))
        log.info("%s: %s", title, text)
        if not self.windows:
            print(f"timeline-viewer: {title}: {text}", file=sys.stderr)
            return
        message_box().information(parent, title, text)

    def ask(self, title: str, text: str, parent: QWidget | None = None) -> bool:
        """A yes/no question; without dialogs it gets `answer` (no, unless told)."""
        self.asked.append((title, text))
        if not self.windows:
            said = "yes" if self.answer else "no"
            print(
                f"timeline-viewer: {title}: {text} [not asked: answering {said}]", file=sys.stderr
            )
            return self.answer
        boxes = message_box()
        return boxes.question(parent, title, text) == boxes.StandardButton.Yes

    def install_excepthook(self, before: Callable[[], bool] | None = None) -> None:
        """Report uncaught exceptions instead of dying; `before` saves pending work first
        (and says whether all of it is saved). An error while one is being reported is
        only logged: one failure never sets off a storm of dialogs."""
        bridge = _Bridge(self._show_crash)  # in the UI thread: worker threads report via it
        self._bridge = bridge
        handling = threading.local()

        def crash(
            kind: type[BaseException], value: BaseException, tb: TracebackType | None
        ) -> None:
            details = "".join(traceback.format_exception(kind, value, tb))
            log.error("Uncaught exception\n%s", details)
            if getattr(handling, "busy", False):
                return  # raised while the last one is being reported: logged above
            handling.busy = True
            try:
                saved = True
                if before is not None:
                    try:
                        saved = before()
                    except Exception:
                        saved = False
                        log.exception("Saving pending work after an error failed")
                text = f"Something went wrong: {value or kind.__name__}."
                text += (
                    " The app goes on; your notes were saved."
                    if saved
                    else " The app goes on; a change to your notes is not saved yet: it is "
                    "kept and saved as soon as it can be."
                )
                if threading.current_thread() is threading.main_thread():
                    self._show_crash(text, details)
                else:
                    bridge.crashed.emit(text, details)
            finally:
                handling.busy = False

        def thread_hook(args: threading.ExceptHookArgs) -> None:
            if args.exc_value is not None:
                crash(args.exc_type, args.exc_value, args.exc_traceback)

        sys.excepthook = crash
        threading.excepthook = thread_hook

    def _show_crash(self, text: str, details: str) -> None:
        self.report(
            "Unexpected error",
            f"{text} Details and a report to copy are below; the log has them too.",
            details=details,
        )


class _Bridge(QObject):
    """Carries a crash in a worker thread to the UI thread (a queued signal). Made in
    the UI thread (`install_excepthook` is called there, at start-up), it lives there."""

    crashed = Signal(str, str)

    def __init__(self, show: Callable[[str, str], None]) -> None:
        super().__init__()
        self._show = show
        self.crashed.connect(self._deliver)

    @Slot(str, str)
    def _deliver(self, text: str, details: str) -> None:
        self._show(text, details)


def crash_report(title: str, text: str, details: str) -> str:
    """What "Copy report" puts on the clipboard: enough for a bug report, nothing private."""
    return (
        f"Timeline Viewer {__version__} on {platform.platform()}, Python "
        f"{platform.python_version()}\n{title}: {text}\n\n{details}"
    )
