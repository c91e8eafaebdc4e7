"""The one place that tells the user something went wrong.

`report()` shows a dialog, or writes to stderr when dialogs are switched off
(`--no-err-windows`, and always in tests), like qutebrowser's msgbox module.
`install_excepthook()` routes uncaught exceptions through it so a bug shows a
message instead of silently killing the window.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


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
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent
        )
        if details:
            box.setDetailedText(details)
        box.exec()

    def inform(self, title: str, text: str, parent: QWidget | None = None) -> None:
        """Tell the user something went as asked (an import's report), not an error."""
        self.informed.append((title, text))
        log.info("%s: %s", title, text)
        if not self.windows:
            print(f"timeline-viewer: {title}: {text}", file=sys.stderr)
            return
        QMessageBox.information(parent, title, text)

    def ask(self, title: str, text: str, parent: QWidget | None = None) -> bool:
        """A yes/no question; without dialogs it gets `answer` (no, unless told)."""
        self.asked.append((title, text))
        if not self.windows:
            said = "yes" if self.answer else "no"
            print(
                f"timeline-viewer: {title}: {text} [not asked: answering {said}]", file=sys.stderr
            )
            return self.answer
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def install_excepthook(self) -> None:
        def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
            details = "".join(traceback.format_exception(kind, value, tb))
            self.report(
                "Unexpected error",
                f"Something went wrong: {value}. Your notes are saved as you go.",
                details=details,
            )

        sys.excepthook = hook
