"""Web links in text the app shows: opened only on a click, only http(s), in the browser."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFocusEvent
from PySide6.QtWidgets import QLabel, QWidget

from viewer.ui.html_text import escape

_URL = re.compile(r"https?://[^\s<>\"'()]+[^\s<>\"'().,;:!?]", re.IGNORECASE)


def open_web_link(url: QUrl) -> bool:
    """Open an http or https address in the desktop's browser; anything else is ignored."""
    if url.scheme().lower() not in ("http", "https"):
        return False
    return QDesktopServices.openUrl(url)


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
