"""The timeline as a picture for a slide or an article: PNG (1x or 2x), SVG, PDF, print.

The picture is the same whatever the window: drawn afresh, PICTURE_WIDTH px wide and
as tall as its lanes need, in a light palette (a dark desktop gives no dark image),
without the reader's selection or their private stars and notes. It shows the
visible range, or the whole profile when asked, with a title above, the legend below
and a line naming the sources, so that it stands on its own when pasted elsewhere.
A PDF is an A4 page (Letter where the locale uses it), landscape. Lines and text stay
vector in SVG and PDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFrame

from viewer.core.timeline.timescale import Viewport
from viewer.ui import style
from viewer.ui.timeline.caption import Caption
from viewer.ui.timeline.legend import Legend
from viewer.ui.timeline.view import TimelineView

SCREEN_DPI = 96  # what a browser takes one CSS inch to be
PICTURE_WIDTH = 1600  # px (CSS px at 1x): a slide's or an article's full width
#: Families every browser and SVG viewer knows, after the one drawn with.
FALLBACK_FONTS = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"
TITLE_H = 44
SOURCE_H = 26
FORMATS = {".png": "PNG", ".svg": "SVG", ".pdf": "PDF"}


class ImageExporter:
    def __init__(
        self,
        view: TimelineView,
        legend: Legend | None,
        caption: Caption,
        width: int = PICTURE_WIDTH,
    ) -> None:
        self.view = view  # the window's: what it shows, not how big it is
        self.legend = legend
        self.caption = caption
        self.width = width
        self.picture: TimelineView | None = None  # drawn while exporting

    # -- sizes ------------------------------------------------------------------------

    def size(self) -> QSize:
        body = (self.picture or self.view).viewport().size()
        legend = self.legend.sizeHint().height() if self.legend is not None else 0
        return QSize(body.width(), TITLE_H + body.height() + legend + SOURCE_H)

    # -- formats ----------------------------------------------------------------------

    def export(self, path: Path, *, whole: bool = False, scale: int = 1) -> None:
        """Write `path` in the format its suffix names (.png, .svg, .pdf)."""
        kind = FORMATS.get(path.suffix.lower())
        if kind is None:
            raise ValueError(f"{path.name}: choose a .png, .svg or .pdf file name")
        with self._drawn(whole):
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
        image.fill(QColor("white"))
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
        writer = QPdfWriter(str(path))
        writer.setTitle(self.caption.title)
        writer.setCreator("Timeline Viewer")
        writer.setResolution(SCREEN_DPI)
        letter = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        page = QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)
        margins = QMarginsF(10, 10, 10, 10)  # mm
        writer.setPageLayout(
            QPageLayout(
                page, QPageLayout.Orientation.Landscape, margins, QPageLayout.Unit.Millimeter
            )
        )
        painter = QPainter(writer)
        try:
            self.print_to(painter, QRectF(0, 0, writer.width(), writer.height()))
        finally:
            painter.end()

    def print_to(self, painter: QPainter, page: QRectF, *, whole: bool | None = None) -> None:
        """Fit the picture to a page (the caller owns the painter); `whole` given: drawn
        for this page alone (printing), else within an export already drawing."""
        if whole is not None:
            with self._drawn(whole):
                self.print_to(painter, page)
            return
        size = self.size()
        scale = min(page.width() / size.width(), page.height() / size.height())
        painter.translate(page.topLeft())
        painter.scale(scale, scale)
        self.paint(painter)

    # -- drawing ----------------------------------------------------------------------

    def paint(self, p: QPainter) -> None:
        """Title, timeline, legend and source line, from the top left of `p`."""
        size = self.size()
        picture = self.picture or self.view
        palette = picture.palette()
        p.fillRect(QRectF(0, 0, size.width(), size.height()), palette.base())
        title_font = QFont(picture.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(palette.text().color())
        room = size.width() - 24
        title = QFontMetricsF(title_font).elidedText(
            self.caption.title, Qt.TextElideMode.ElideRight, room
        )
        p.drawText(
            QRectF(12, 0, room, TITLE_H),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            title,
        )
        body = picture.viewport()
        body.render(p, QPoint(0, TITLE_H))
        y = TITLE_H + body.height()
        if self.legend is not None:
            on_white = QPalette(palette)
            on_white.setColor(QPalette.ColorRole.Window, palette.base().color())
            self.legend.setPalette(on_white)
            self.legend.resize(self.legend.sizeHint())
            self.legend.render(p, QPoint(8, y))
            y += self.legend.sizeHint().height()
        small = QFont(picture.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        p.setFont(small)
        p.setPen(QColor(palette.text().color()).lighter(160))
        source = QFontMetricsF(small).elidedText(
            self.caption.source, Qt.TextElideMode.ElideRight, room
        )
        p.drawText(
            QRectF(12, y, room, SOURCE_H),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            source,
        )

    @contextmanager
    def _drawn(self, whole: bool) -> Iterator[None]:
        """A timeline of its own for the picture, as wide as the picture and as tall as
        its lanes need, showing what the window's shows (the visible range, or the
        whole profile), in a light palette, with no selection and no private marks."""
        source = self.view
        picture = TimelineView()
        picture.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        picture.setFrameShape(QFrame.Shape.NoFrame)  # the picture exactly `width` wide
        picture.setPalette(light_palette())
        picture.setFont(source.font())
        picture.set_lane_titles(source.lane_titles)
        picture.set_data(source.data, source.eras, source.stance, source.stance_label)
        picture.set_hidden_lanes(frozenset(source.hidden_lanes))
        picture.resize(self.width, 600)
        picture.show()  # off screen: laid out and drawn, never seen
        picture.resize(self.width, picture.wanted_height())
        if whole:
            picture.fit_all()
        else:
            width = picture.view.width
            picture.set_viewport(Viewport(source.view.start, source.view.span / width, width))
        self.picture = picture
        try:
            yield
        finally:
            self.picture = None
            picture.close()
            picture.deleteLater()


def light_palette() -> QPalette:
    """The colours of a picture, whatever the desktop's: dark text on white."""
    role = QPalette.ColorRole
    return style.palette_from(
        {
            role.Window: "#EFEFEF",
            role.WindowText: "#000000",
            role.Base: "#FFFFFF",
            role.AlternateBase: "#F5F5F5",
            role.Text: "#000000",
            role.Button: "#EFEFEF",
            role.ButtonText: "#000000",
            role.Highlight: "#2A6FB8",
            role.HighlightedText: "#FFFFFF",
            role.PlaceholderText: "#6E6E6E",
        }
    )


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
