"""The timeline as a picture for a slide or an article: PNG (1x or 2x), SVG, PDF, print.

The picture is the timeline as drawn on screen (the visible range, or the whole
profile when asked), with a title above, the tone legend below and a line naming
where the data comes from, so that it stands on its own when pasted elsewhere.
Lines and text stay vector in SVG and PDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from viewer.ui.timeline.caption import Caption
from viewer.ui.timeline.view import TimelineView

SCREEN_DPI = 96  # what a browser takes one CSS inch to be
#: Families every browser and SVG viewer knows, after the one drawn with.
FALLBACK_FONTS = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"
TITLE_H = 44
SOURCE_H = 26
FORMATS = {".png": "PNG", ".svg": "SVG", ".pdf": "PDF"}


class ImageExporter:
    def __init__(self, view: TimelineView, legend: QWidget | None, caption: Caption) -> None:
        self.view = view
        self.legend = legend
        self.caption = caption

    # -- sizes ------------------------------------------------------------------------

    def size(self) -> QSize:
        body = self.view.viewport().size()
        legend = self.legend.sizeHint().height() if self.legend is not None else 0
        return QSize(body.width(), TITLE_H + body.height() + legend + SOURCE_H)

    # -- formats ----------------------------------------------------------------------

    def export(self, path: Path, *, whole: bool = False, scale: int = 1) -> None:
        """Write `path` in the format its suffix names (.png, .svg, .pdf)."""
        kind = FORMATS.get(path.suffix.lower())
        if kind is None:
            raise ValueError(f"{path.name}: choose a .png, .svg or .pdf file name")
        with self._range(whole):
            if kind == "PNG":
                self._png(path, scale)
            elif kind == "SVG":
                self._svg(path)
            else:
                self._pdf(path)

    def _png(self, path: Path, scale: int) -> None:
        size = self.size()
        image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(scale)
        image.fill(self.view.palette().base().color())
        painter = QPainter(image)
        try:
            self.paint(painter)
        finally:
            painter.end()
        if not image.save(str(path)):
            raise OSError(f"could not write {path}")

    def _svg(self, path: Path) -> None:
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setResolution(SCREEN_DPI)  # text as large as on screen, opened at its size
        size = self.size()
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(self.caption.title)
        generator.setDescription(self.caption.source)
        painter = QPainter(generator)
        try:
            self.paint(painter)
        finally:
            painter.end()
        if not path.exists():
            raise OSError(f"could not write {path}")
        with_fallback_fonts(path)

    def _pdf(self, path: Path) -> None:
        size = self.size()
        writer = QPdfWriter(str(path))
        writer.setTitle(self.caption.title)
        writer.setCreator("Timeline Viewer")
        writer.setResolution(96)
        page = QPageSize(
            size,  # in points
            name="timeline",
            matchPolicy=QPageSize.SizeMatchPolicy.ExactMatch,
        )
        writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF()))
        painter = QPainter(writer)
        try:
            scale = writer.width() / size.width()
            painter.scale(scale, scale)
            self.paint(painter)
        finally:
            painter.end()

    def print_to(self, painter: QPainter, page: QRectF) -> None:
        """Fit the picture to a printer page (the caller owns the painter)."""
        size = self.size()
        scale = min(page.width() / size.width(), page.height() / size.height())
        painter.translate(page.topLeft())
        painter.scale(scale, scale)
        self.paint(painter)

    # -- drawing ----------------------------------------------------------------------

    def paint(self, p: QPainter) -> None:
        """Title, timeline, legend and source line, from the top left of `p`."""
        size = self.size()
        palette = self.view.palette()
        p.fillRect(QRectF(0, 0, size.width(), size.height()), palette.base())
        title_font = QFont(self.view.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(palette.text().color())
        p.drawText(
            QRectF(12, 0, size.width() - 24, TITLE_H),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            self.caption.title,
        )
        body = self.view.viewport()
        body.render(p, QPoint(0, TITLE_H))
        y = TITLE_H + body.height()
        if self.legend is not None:
            self.legend.resize(self.legend.sizeHint())
            self.legend.render(p, QPoint(8, y))
            y += self.legend.sizeHint().height()
        small = QFont(self.view.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        p.setFont(small)
        p.setPen(QColor(palette.text().color()).lighter(160))
        p.drawText(
            QRectF(12, y, size.width() - 24, SOURCE_H),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            self.caption.source,
        )

    @contextmanager
    def _range(self, whole: bool) -> Iterator[None]:
        """The whole profile for the picture if asked; the user's view restored after."""
        if not whole:
            yield
            return
        kept = self.view.view
        self.view.fit_all()
        try:
            yield
        finally:
            self.view.set_viewport(kept)


def with_fallback_fonts(path: Path) -> None:
    """Give each font the SVG names the families a browser knows after it: Qt writes the
    family it drew with, often a fontconfig alias ("Sans Serif") that no browser has,
    which then falls back to a serif face."""
    text = path.read_text(encoding="utf-8")
    fixed = re.sub(
        r'font-family="([^"]*)"',
        lambda m: f'font-family="{_family_list(m.group(1))}"',
        text,
    )
    path.write_text(fixed, encoding="utf-8")


def _family_list(family: str) -> str:
    first = family.strip().strip("'")
    generic = first.lower() in ("sans serif", "sans-serif", "sans", "")
    return FALLBACK_FONTS if generic else f"'{first}', {FALLBACK_FONTS}"
