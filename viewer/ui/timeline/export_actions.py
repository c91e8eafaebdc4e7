"""File menu entries that save or print the timeline as a picture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import QWidget

from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.settings import Settings
from viewer.ui.timeline.caption import Caption
from viewer.ui.timeline.legend import Legend
from viewer.ui.timeline.view import TimelineView

if TYPE_CHECKING:
    from viewer.ui.timeline.export_dialog import PictureDialog
    from viewer.ui.timeline.image_export import ImageExporter
    from viewer.ui.timeline.picture_spec import PictureSpec

_FILTERS = {
    "PNG image (*.png)": ".png",
    "SVG drawing (*.svg)": ".svg",
    "PDF document (*.pdf)": ".pdf",
}


class TimelineImageActions(QObject):
    def __init__(
        self,
        parent: QWidget,
        timeline: TimelineView,
        legend: Legend,
        caption: Callable[[], Caption],
        reporter: ErrorReporter,
        settings: Settings,
        shown_legend: Legend | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._timeline, self._legend, self._caption = timeline, legend, caption
        self.reporter = reporter
        self.settings = settings
        self._shown_legend = shown_legend  # the window's: which tones it names
        self.export_action = QAction("&Export picture…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(
            "Save the timeline as a PNG, SVG or PDF for a slide, an article or a page"
        )
        self.export_action.triggered.connect(lambda _c=False: self.ask())
        self.print_action = QAction("&Print timeline…", self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda _c=False: self.ask_print(self._page_spec()))
        self.actions = [self.export_action, self.print_action]
        self.dialog: PictureDialog | None = None

    def _exporter(self) -> ImageExporter:
        # QtSvg and the PDF writer are loaded on first use, not at start-up.
        from viewer.ui.timeline.image_export import ImageExporter  # noqa: PLC0415

        if self._shown_legend is not None:
            self._legend.show_tones(self._shown_legend.shows_tones)
        return ImageExporter(self._timeline, self._legend, self._caption())

    @staticmethod
    def _page_spec() -> PictureSpec:
        # The picture's settings, its dialog, the file dialog and the printer are loaded
        # when first asked for, not at start-up.
        from viewer.ui.timeline.picture_spec import PictureSpec, default_page  # noqa: PLC0415

        letter = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        return PictureSpec(size=default_page(letter))

    def ask(self, *, whole: bool = False) -> PictureDialog:
        """The export dialog (size, range, words, look, preview), open beside the window."""
        from viewer.ui.timeline.export_dialog import PictureDialog  # noqa: PLC0415

        size, dark = self.settings.picture_choice()
        dialog = PictureDialog(
            self._parent,
            self._exporter,
            whole=whole,
            size_label=size,
            dark=dark,
            has_selection=bool(self._timeline.selected),
        )
        dialog.save_requested.connect(self.ask_file)
        dialog.print_requested.connect(self.ask_print)
        dialog.accepted.connect(
            lambda: self.settings.set_picture_choice(
                dialog.size_box.currentText(), dialog.spec().dark
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_file(self, spec: PictureSpec) -> None:
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

        path, chosen = QFileDialog.getSaveFileName(
            self._parent, "Export picture", "timeline.png", ";;".join(_FILTERS)
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in _FILTERS.values():
            target = target.with_suffix(_FILTERS.get(chosen, ".png"))
        self.export(target, spec)

    def export(self, path: Path, spec: PictureSpec | None = None) -> bool:
        try:
            self._exporter().export(path, spec)
        except (OSError, ValueError) as exc:
            self.reporter.cannot_write(path, exc, self._parent)
            return False
        self.reporter.inform("Picture exported", f"Written to {path}.", self._parent)
        return True

    def ask_print(self, spec: PictureSpec) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415 - on use
        from PySide6.QtWidgets import QDialog  # noqa: PLC0415

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(spec.title or self._caption().title)
        dialog = QPrintDialog(printer, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            page = printer.pageRect(QPrinter.Unit.DevicePixel)
            self._exporter().print_to(painter, page, spec, printer.resolution())
        finally:
            painter.end()
