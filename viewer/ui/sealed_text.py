"""Rich text that loads nothing: no file, device or address a text names is ever opened.

Qt's rich text engine fetches the images, backgrounds and style sheets a text names
(`<img src>`, `<td background>`, CSS `url()`), from local files when nothing else
answers: a note or catalog could make the app read /etc/passwd, hang on a FIFO or run
out of memory on /dev/zero. Every text document the app shows answers each request
itself, with a blank picture or nothing, so Qt never looks further.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, Qt
from PySide6.QtGui import QImage, QPalette, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from viewer.ui.style import text_css

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

_BLANK: list[QImage] = []


def sealed_resource(kind: int | QTextDocument.ResourceType, _url: QUrl | str) -> Any:
    """What every resource request gets: a 1×1 transparent picture, or no data."""
    if kind == QTextDocument.ResourceType.ImageResource:
        if not _BLANK:
            image = QImage(1, 1, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            _BLANK.append(image)
        return _BLANK[0]
    return QByteArray()


class SealedTextBrowser(QTextBrowser):
    """A QTextBrowser that opens no link by itself and loads no resource, and shows its
    text again in the colours of a new palette (the desktop turned dark, say): Qt
    writes the link colour and our classes' colours into the text as it reads it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._shown: tuple[bool, str] | None = None  # (markdown?, the text) last shown

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            markdown, text = self._shown
            scrolled = self.verticalScrollBar().value()
            if markdown:
                self.set_markdown_text(text)
            else:
                self.setHtml(text)
            self.verticalScrollBar().setValue(scrolled)

    def setHtml(self, text: str) -> None:
        """Show `text`, its `muted` and `warning` classes legible on this palette."""
        self._shown = (False, text)
        palette = self.palette()
        self.document().setDefaultStyleSheet(
            text_css(
                palette.color(QPalette.ColorRole.Text).name(),
                palette.color(QPalette.ColorRole.Base).name(),
            )
        )
        super().setHtml(text)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return sealed_resource(kind, name)

    def set_markdown_text(self, markdown: str) -> None:
        """Markdown with its raw HTML left as plain text (never read as markup)."""
        self._shown = (True, markdown)
        features = QTextDocument.MarkdownFeature(
            QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
            | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
        )
        self.document().setMarkdown(markdown, features)


class SealedTextDocument(QTextDocument):
    """A QTextDocument (for painting rich text) that loads no resource."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return sealed_resource(kind, name)
