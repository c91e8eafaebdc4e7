"""How large a box of text to read (About, Keyboard shortcuts) opens: its usual size,
grown with a larger desktop text (`style.text_scale`) so a line holds as many words,
and never larger than most of the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from viewer.ui import style

#: The most of the screen's free area a box of text takes, across and down.
SCREEN_SHARE = (0.9, 0.8)


def reading_size(usual: QSize, font: QFont, near: QWidget) -> QSize:
    """`usual` (px at the usual text) for `font`, within the screen `near` is on."""
    scale = style.text_scale(font)
    room = near.screen().availableGeometry().size()
    most = QSize(round(room.width() * SCREEN_SHARE[0]), round(room.height() * SCREEN_SHARE[1]))
    return QSize(round(usual.width() * scale), round(usual.height() * scale)).boundedTo(most)
