"""The timeline as a picture people publish: PNG, SVG, PDF and print, one look in each.

The picture is the same whatever the window: drawn afresh at the size a
`PictureSpec` names (a slide, a 4K screen, an A4 or Letter page, an article's width
and as tall as its lanes need, or the reader's own), its labels laid out for that
size; light unless asked for dark, whatever the desktop; without the reader's
selection or their private stars and notes unless asked. A title, a subtitle with
the dates it shows, the legend and a line naming the sources go with it, so that it
stands on its own when pasted elsewhere. Lines and text stay vector in SVG and PDF.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRectF, QSize, QSizeF, Qt
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

from viewer.core.dates.days import DayError
from viewer.core.dates.fuzzy import span_label
from viewer.core.timeline.timescale import Viewport
from viewer.ui import style
from viewer.ui.timeline.caption import Caption
from viewer.ui.timeline.legend import Legend
from viewer.ui.timeline.picture_spec import (
    CSS_DPI,
    PAGE_MARGIN_MM,
    PictureSpec,
)
from viewer.ui.timeline.view import TimelineView

#: Families every browser and SVG viewer knows, after the one drawn with.
FALLBACK_FONTS = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"
TITLE_H = 40
SUBTITLE_H = 22
SOURCE_H = 26
LEAST_BODY_H = 120  # px of lanes a fixed-size picture keeps, however small
#: A fixed-size picture whose lanes need less than its height is drawn larger (words
#: and marks alike), up to this much, rather than leave the room under them empty.
MOST_ENLARGED = 1.5
FORMATS = {".png": "PNG", ".svg": "SVG", ".pdf": "PDF"}
PAGES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


class ImageExporter:
    def __init__(self, view: TimelineView, legend: Legend | None, caption: Caption) -> None:
        self.view = view  # the window's: what it shows, not how big it is
        self.legend = legend
        self.caption = caption
        self.picture: TimelineView | None = None  # drawn while exporting
        self.spec = PictureSpec()
        self.enlarged = 1.0  # the layout drawn this many times larger (a fixed size)

    # -- sizes ------------------------------------------------------------------------

    def _legend_h(self) -> int:
        return self.legend.sizeHint().height() if self.legend is not None else 0

    def _chrome_h(self) -> int:
        """What the title, subtitle, legend and source line take of the height."""
        title, subtitle, source = self._lines_h()
        return title + subtitle + self._legend_h() + source

    def _lines_h(self) -> tuple[int, int, int]:
        """The title's, subtitle's and source line's heights: those above for the usual
        text, grown with a larger one (at twice the text the title was cut at its top)."""
        scale = style.text_scale((self.picture or self.view).font())
        title, subtitle, source = (round(h * scale) for h in (TITLE_H, SUBTITLE_H, SOURCE_H))
        return title, subtitle, source

    def size(self) -> QSize:
        """The layout's size in CSS px, while drawing."""
        body = (self.picture or self.view).viewport().size()
        return QSize(body.width(), self._chrome_h() + body.height())

    def drawn_size(self) -> QSize:
        """The picture's size in CSS px: its layout, enlarged (the size asked for)."""
        size = self.size()
        if self.spec.size.height is not None:
            return QSize(self.spec.size.width, self.spec.size.height)
        return QSize(round(size.width() * self.enlarged), round(size.height() * self.enlarged))

    # -- formats ----------------------------------------------------------------------

    def export(self, path: Path, spec: PictureSpec | None = None) -> None:
        """Write `path` in the format its suffix names (.png, .svg, .pdf)."""
        spec = spec or PictureSpec()
        kind = FORMATS.get(path.suffix.lower())
        if kind is None:
            raise ValueError(f"{path.name}: choose a .png, .svg or .pdf file name")
        if kind == "PNG":
            if not self.image(spec).save(str(path)):
                raise OSError(f"could not write {path}")
        elif kind == "SVG":
            with self._drawn(spec):
                self._svg(path)
        else:
            self._pdf(path, spec)

    def image(self, spec: PictureSpec) -> QImage:
        """The picture as pixels: its layout size times its scale."""
        with self._drawn(spec):
            scale = spec.size.scale
            image = QImage(self.drawn_size() * scale, QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(scale * self.enlarged)  # painted in layout px
            image.fill(QColor("white"))
            painter = QPainter(image)
            try:
                self.paint(painter)
            finally:
                painter.end()
        return image

    def _svg(self, path: Path) -> None:
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setResolution(CSS_DPI)  # text as large as on screen, opened at its size
        size = self.drawn_size()
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(self.spec.title or self.caption.title)
        generator.setDescription(self.caption.source)
        painter = QPainter(generator)
        try:
            painter.scale(self.enlarged, self.enlarged)
            self.paint(painter)
        finally:
            painter.end()
        if not path.exists():
            raise OSError(f"could not write {path}")
        with_fallback_fonts(path)

    def _pdf(self, path: Path, spec: PictureSpec) -> None:
        """One page: the paper the spec names (landscape, 10 mm margins), or a page the
        picture's own size when it names none."""
        writer = QPdfWriter(str(path))
        writer.setTitle(spec.title or self.caption.title)
        writer.setCreator("Timeline Viewer")
        writer.setResolution(CSS_DPI)
        size = spec.size
        if size.page is not None:
            margin = PAGE_MARGIN_MM
            page = QPageSize(PAGES[size.page])
        else:  # as tall as its lanes need: the height is known once drawn
            margin = 0.0
            height = size.height or self._needed_height(spec)
            inches = QSizeF(size.width / CSS_DPI, height / CSS_DPI)
            page = QPageSize(
                inches, QPageSize.Unit.Inch, "Picture", QPageSize.SizeMatchPolicy.ExactMatch
            )
        orientation = (
            QPageLayout.Orientation.Landscape if size.page else QPageLayout.Orientation.Portrait
        )
        margins = QMarginsF(margin, margin, margin, margin)
        writer.setPageLayout(QPageLayout(page, orientation, margins, QPageLayout.Unit.Millimeter))
        painter = QPainter(writer)
        try:
            self.print_to(painter, QRectF(0, 0, writer.width(), writer.height()), spec, CSS_DPI)
        finally:
            painter.end()

    def _needed_height(self, spec: PictureSpec) -> int:
        with self._drawn(spec):
            return self.drawn_size().height()

    def print_to(self, painter: QPainter, page: QRectF, spec: PictureSpec, dpi: float) -> None:
        """Lay the picture out for a page of `page` device pixels at `dpi` (the caller
        owns the painter) and draw it there, the same as in a PNG of that size."""
        width = max(1, round(page.width() / dpi * CSS_DPI))
        height = max(1, round(page.height() / dpi * CSS_DPI))
        sized = replace(spec, size=replace(spec.size, width=width, height=height, scale=1))
        with self._drawn(sized):
            size = self.size()
            scale = min(page.width() / size.width(), page.height() / size.height())
            painter.save()
            painter.translate(page.topLeft())
            painter.scale(scale, scale)
            self.paint(painter)
            painter.restore()

    # -- drawing ----------------------------------------------------------------------

    def paint(self, p: QPainter) -> None:
        """Title, subtitle, timeline, legend and source line, from the top left of `p`."""
        size = self.size()
        picture = self.picture or self.view
        palette = picture.palette()
        text = palette.text().color()
        p.fillRect(QRectF(0, 0, size.width(), size.height()), palette.base())
        room = size.width() - 24
        title_h, subtitle_h, source_h = self._lines_h()
        title_font = QFont(picture.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self._line(p, title_font, text, self.spec.title or self.caption.title, 0, title_h, room)
        muted = QColor(style.muted_colour(text.name(), palette.base().color().name()))
        subtitle = self.spec.subtitle if self.spec.subtitle is not None else self.shown_span()
        self._line(p, picture.font(), muted, subtitle, title_h - 6, subtitle_h, room)
        body = picture.viewport()
        top = title_h + subtitle_h
        body.render(p, QPoint(0, top))
        y = top + body.height()
        if self.legend is not None:
            on_base = QPalette(palette)
            on_base.setColor(QPalette.ColorRole.Window, palette.base().color())
            on_base.setColor(QPalette.ColorRole.WindowText, text)
            self.legend.setPalette(on_base)
            hint = self.legend.sizeHint()
            self.legend.resize(hint)
            shrink = min(1.0, (size.width() - 16) / max(1, hint.width()))  # a narrow page
            p.save()
            p.translate(8, y + hint.height() * (1 - shrink) / 2)
            p.scale(shrink, shrink)
            self.legend.render(p, QPoint(0, 0))
            p.restore()
            y += hint.height()
        self._line(
            p, style.small_font(picture.font()), muted, self.caption.source, y, source_h, room
        )

    @staticmethod
    def _line(
        p: QPainter, font: QFont, colour: QColor, words: str, y: float, height: float, room: float
    ) -> None:
        p.setFont(font)
        p.setPen(colour)
        shown = QFontMetricsF(font).elidedText(words, Qt.TextElideMode.ElideRight, room)
        p.drawText(
            QRectF(12, y, room, height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            shown,
        )

    def shown_span(self) -> str:
        """The dates the picture shows ("Mar 2016 – Nov 2025"); "" in deep time."""
        view = (self.picture or self.view).view
        try:
            return span_label(math.floor(view.start), math.floor(view.end))
        except (DayError, OverflowError, ValueError):
            return ""

    @contextmanager
    def _drawn(self, spec: PictureSpec) -> Iterator[None]:
        """A timeline of its own for the picture, as wide as the picture and as tall as
        its lanes need or its height leaves them, showing what the window's shows (the
        visible range, or the whole profile), with the selection and the reader's marks
        only when asked."""
        if self.picture is not None:  # already drawing (a PDF measuring its page)
            yield
            return
        source = self.view
        width = spec.size.width
        picture = TimelineView()
        picture.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        picture.setFrameShape(QFrame.Shape.NoFrame)  # the picture exactly `width` wide
        picture.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        picture.setPalette(style.dark_palette() if spec.dark else style.light_palette())
        picture.setFont(source.font())
        picture.set_lane_titles(source.lane_titles)
        picture.set_data(source.data, source.eras, source.stance, source.stance_label)
        picture.set_hidden_lanes(frozenset(source.hidden_lanes))
        if spec.marks:
            picture.set_marks(source.marks)
        picture.resize(width, 600)
        picture.show()  # off screen: laid out and drawn, never seen
        enlarged = 1.0
        if spec.size.height is None:
            picture.resize(width, picture.wanted_height())
        else:
            chrome = picture.height() - picture.viewport().height()  # its scroll bar
            needed = self._chrome_h() + picture.wanted_height() - chrome
            enlarged = min(MOST_ENLARGED, max(1.0, spec.size.height / needed))
            height = spec.size.height / enlarged
            body = max(LEAST_BODY_H, round(height - self._chrome_h()))
            picture.resize(round(width / enlarged), body + chrome)
        if spec.whole:
            picture.fit_all()
        else:
            time_width = picture.view.width
            picture.set_viewport(
                Viewport(source.view.start, source.view.span / time_width, time_width)
            )
        if spec.selection:
            picture.show_selection(source.selected_ids())
        self.picture, self.spec, self.enlarged = picture, spec, enlarged
        try:
            yield
        finally:
            self.picture, self.spec, self.enlarged = None, PictureSpec(), 1.0
            picture.close()
            picture.deleteLater()


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
