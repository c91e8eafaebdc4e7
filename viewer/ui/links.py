"""Web links in text the app shows: opened only on a click, only http(s), in the browser;
and the app's folders, opened in the file manager. The one place that hands the desktop
something to open (QUrl and QDesktopServices are looked up then: PySide6 makes QUrl's
Python enums when a module first names it, ~1 ms at start-up)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QWidget

from viewer.ui.html_text import escape

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QUrl

_URL = re.compile(r"https?://[^\s<>\"'()]+[^\s<>\"'().,;:!?]", re.IGNORECASE)


def open_web_link(url: QUrl | str) -> bool:
    """Open an http or https address in the desktop's browser; anything else is ignored."""
    from PySide6.QtCore import QUrl  # noqa: PLC0415
    from PySide6.QtGui import QDesktopServices  # noqa: PLC0415

    address = QUrl(url) if isinstance(url, str) else url
    if address.scheme().lower() not in ("http", "https"):
        return False
    return QDesktopServices.openUrl(address)


def open_folder(folder: Path) -> bool:
    """Show a folder of the app's (the log, the notes' backups) in the file manager."""
    from PySide6.QtCore import QUrl  # noqa: PLC0415
    from PySide6.QtGui import QDesktopServices  # noqa: PLC0415

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def linked(text: str) -> str:
    """`text` escaped for rich text, with its web addresses made into links."""
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(escape(text[last : match.start()]))
        address = escape(match.group(0))
        out.append(f"<a href='{address}'>{address}</a>")
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


class LinkLabel(QLabel):
    """A label whose links the keyboard reaches: Tab into it lands on its first link,
    Shift+Tab on its last (a plain QLabel takes the focus and chooses none, so Enter
    did nothing), and Enter follows the one chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.focusNextPrevChild(reason == Qt.FocusReason.TabFocusReason)
