"""Web links in text the app shows: opened only on a click, only http(s), in the browser."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

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
