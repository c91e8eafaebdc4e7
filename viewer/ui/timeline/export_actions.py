"""File menu entries that save or print the timeline as a picture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QPainter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from viewer.ui.errors import ErrorReporter
from viewer.ui.timeline.caption import Caption
from viewer.ui.timeline.legend import Legend
from viewer.ui.timeline.view import TimelineView

if TYPE_CHECKING:
    from viewer.ui.timeline.image_export import ImageExporter

_FILTERS = {
    "PNG image (*.png)": (".png", 1),
    "PNG image, 2× resolution (*.png)": (".png", 2),
    "SVG drawing (*.svg)": (".svg", 1),
    "PDF document (*.pdf)": (".pdf", 1),
}


class TimelineImageActions(QObject):
    def __init__(
        self,
        parent: QWidget,
        timeline: TimelineView,
        legend: Legend,
        caption: Callable[[], Caption],
        reporter: ErrorReporter,
        shown_legend: Legend | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._timeline, self._legend, self._caption = timeline, legend, caption
        self.reporter = reporter
        self._shown_legend = shown_legend  # the window's: which tones it names
        self.visible_action = QAction("&Export timeline image (visible range)…", self)
        self.visible_action.triggered.connect(lambda _c=False: self.ask(whole=False))
        self.whole_action = QAction("Export timeline image (&whole profile)…", self)
        self.whole_action.triggered.connect(lambda _c=False: self.ask(whole=True))
        self.print_action = QAction("&Print timeline…", self)
        self.print_action.triggered.connect(lambda _c=False: self.ask_print())
        self.actions = [self.visible_action, self.whole_action, self.print_action]

    def _exporter(self) -> ImageExporter:
        # QtSvg and the PDF writer are loaded on first use, not at start-up.
        from viewer.ui.timeline.image_export import ImageExporter  # noqa: PLC0415

        if self._shown_legend is not None:
            self._legend.show_tones(self._shown_legend.shows_tones)
        return ImageExporter(self._timeline, self._legend, self._caption())

    def ask(self, *, whole: bool) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self._parent, "Export timeline image", "timeline.png", ";;".join(_FILTERS)
        )
        if not path:
            return
        suffix, scale = _FILTERS.get(chosen, (".png", 1))
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg", ".pdf"):
            target = target.with_suffix(suffix)
        self.export(target, whole=whole, scale=scale)

    def export(self, path: Path, *, whole: bool = False, scale: int = 1) -> bool:
        try:
            self._exporter().export(path, whole=whole, scale=scale)
        except (OSError, ValueError) as exc:
            self.reporter.cannot_write(path, exc, self._parent)
            return False
        self.reporter.inform("Timeline exported", f"Written to {path}.", self._parent)
        return True

    def ask_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415 - on use

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("Timeline")
        dialog = QPrintDialog(printer, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            page = printer.pageRect(QPrinter.Unit.DevicePixel)
            self._exporter().print_to(painter, page, whole=False)
        finally:
            painter.end()
