"""Events known to a month, season, year or interval: bars with soft ends, their
patterns, edges, labels and marks.

A part of `TimelinePainter`, which holds the fonts, colours and kept pictures
these methods use."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGradient,
    QLinearGradient,
    QPainter,
    QPen,
)

from viewer.ui import highlights
from viewer.ui.timeline.kept_picture import BarKey
from viewer.ui.timeline.marks import (
    PAD,
    PATTERNS,
    SMALL,
    STAMPED_BAR,
    TONE_QCOLOURS,
    blend,
)
from viewer.ui.timeline.packed_shapes import draw_lines, draw_rects
from viewer.ui.timeline.scene_bars import label_span
from viewer.ui.timeline.scene_items import (
    Bar,
    Scene,
)

if TYPE_CHECKING:
    from viewer.core.annotations.records import Mark
    from viewer.ui.timeline.painter import TimelinePainter


class BarPainting:
    def _bars(self: TimelinePainter, p: QPainter, scene: Scene, gutter: float) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(Qt.PenStyle.NoPen)
        for tone, lefts, tops, widths in scene.runs:  # one call per colour, from the columns
            n = len(lefts)
            p.setBrush(self._bar_colours[tone])
            draw_rects(p, lefts, tops, widths, self.rows.bar, n)
            p.setPen(QPen(self.bar_edges[tone], 1))  # the lower edge, 3:1 (as _bar_fills)
            edge = tops + self.rows.bar - 0.5
            draw_lines(p, lefts, edge, lefts + widths, edge, n)
            p.setPen(Qt.PenStyle.NoPen)
            if (lines := PATTERNS[tone]) is not None:
                p.setBrush(lines)
                draw_rects(p, lefts, tops, widths, self.rows.bar, n)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # On screen a bar whose label is not held at the left edge is stamped: its fill
        # and label in one picture, kept per width and label (see `Stamps`); not a
        # wide one (zoomed in, a year is thousands of pixels).
        pictures = self.stamps.pictures
        text_width = partial(self.fit.width, font=SMALL)
        spans = [label_span(bar, gutter, text_width(bar.label)) for bar in scene.bars]
        drawn = []
        for bar, span in zip(scene.bars, spans, strict=True):
            inside = span is not None and span[2]
            stampable = bar.x1 - bar.x0 <= STAMPED_BAR and bar.room >= 0  # not overlapped
            if self._steady and self.stamps.raster and bar.x0 >= gutter and stampable:
                width = round(bar.x1 - bar.x0)
                key = BarKey(bar.tone, bar.hollow, width, bar.label, inside)
                stamp = pictures.kept(key) or pictures.get(
                    key,
                    width,
                    self.rows.bar + 2 * PAD,
                    partial(self._bar_picture, bar=bar, width=width, inside=inside),
                )
                if stamp is not None:
                    p.drawPixmap(int(bar.x0 + 0.5), int(bar.y - PAD + 0.5), stamp)
                    continue
            drawn.append((bar, span if inside else None))
        # The others in passes (fills, then labels), so the pen, brush and font change
        # a few times per frame, not a few per bar.
        self._bar_fills(p, [(b.x0, b.y, b.x1 - b.x0, b) for b, _span in drawn])
        for bar, span in drawn:
            if span is not None:
                self._label(p, bar, span)
        for bar, span in zip(scene.bars, spans, strict=True):
            if span is not None and not span[2]:  # too long for its bar: after it
                self._label(p, bar, span)
        dashes: list[QLineF] = []
        for bar in scene.bars:  # the rare marks and outlines, over every bar
            if bar.approximate and bar.x1 - bar.x0 > 10:
                dashes.append(
                    QLineF(bar.x0 + 4, bar.y + self.rows.bar, bar.x1 - 4, bar.y + self.rows.bar)
                )
            mark = self._marks.get(self._ids[bar.rows[0]]) if len(bar.rows) == 1 else None
            if mark is not None or bar.selected:
                rect = QRectF(bar.x0, bar.y, bar.x1 - bar.x0, self.rows.bar)
                if mark is not None:
                    self._bar_mark(p, rect, mark)
                if bar.selected:
                    p.setPen(QPen(self.highlight, 2.5))
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 4, 4)
        if dashes:
            p.setPen(QPen(self.text, 1, Qt.PenStyle.DashLine))
            p.drawLines(dashes)

    def _bar_fills(
        self: TimelinePainter, p: QPainter, bars: list[tuple[float, float, float, Bar]]
    ) -> None:
        """Bars' fills, each (left, top, width) in its `bar`'s tone, a tone at a time:
        the brush and pen are set a few times a frame rather than a few times a bar
        (while zooming, a year's view draws some 150 bars). Bars in a row never
        overlap, so the order they are drawn in does not show."""
        groups: dict[tuple[int, bool], list[tuple[float, float, float]]] = {}
        for left, top, width, bar in bars:
            groups.setdefault((bar.tone, bar.hollow), []).append((left, top, width))
        p.setPen(Qt.PenStyle.NoPen)
        for (tone, hollow), boxes in groups.items():
            lefts, tops, widths = np.array(boxes, dtype=np.float64).T
            n = len(boxes)
            p.setBrush(self._soft_brush(tone, hollow))
            # In one call: the soft ends (square: the gradient shows the vague edges) are
            # still each rectangle's own (the gradient is relative to each one drawn).
            draw_rects(p, lefts, tops, widths, self.rows.bar, n)
            # The tone's pattern (colour is never the only cue), in a strip along the
            # bottom clear of the label's letters; then the lower edge, within the ends.
            if (lines := PATTERNS[tone]) is not None:
                p.setBrush(lines)
                draw_rects(p, lefts, tops + self.rows.bar - 4, widths, 4.0, n)
            inset, bottom = np.minimum(widths * 0.08, 6.0), tops + self.rows.bar - 0.6
            p.setPen(QPen(self.bar_edges[tone], 1.2))
            draw_lines(p, lefts + inset, bottom, lefts + widths - inset, bottom, n)
            p.setPen(Qt.PenStyle.NoPen)

    def _label(
        self: TimelinePainter,
        p: QPainter,
        bar: Bar,
        span: tuple[float, float, bool],
        *,
        stamped: bool = True,
    ) -> None:
        """A bar's label in its span (see `label_span`); real text when not `stamped`
        (inside a stamp: a stamp is not drawn into a stamp)."""
        left, right, _inside = span
        baseline = bar.y + self._bar_baseline
        text = self.fit.elided(bar.label, right - left, SMALL)
        if stamped:
            self.stamps.draw(p, left, baseline, text, SMALL, self.text)
        else:
            p.setFont(self.small)
            p.setPen(self.text)
            p.drawText(QPointF(left, baseline), text)

    def _bar_picture(
        self: TimelinePainter, p: QPainter, bar: Bar, width: int, inside: bool
    ) -> None:
        """A stamped bar: fill and label, `PAD` px below the picture's top."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._bar_fills(p, [(0.0, float(PAD), float(width), bar)])
        local = bar._replace(x0=0.0, x1=float(width), y=float(PAD), room=0.0)
        span = label_span(local, 0.0, 0.0)  # where inside, as the drawn bar would have it
        if inside and span is not None and span[2]:
            self._label(p, local, span, stamped=False)

    def _bar_mark(self: TimelinePainter, p: QPainter, rect: QRectF, mark: Mark) -> None:
        """The user's mark on a bar: dashed outline (own event), colour frame, glyphs."""
        if mark.own:
            p.setPen(QPen(self.mark_colour, 1.5, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(-3, -3, 3, 3))
        if mark.colour:  # the user's highlight: a band along its top, inside the ring
            band = QRectF(rect.left(), rect.top(), rect.width(), 4)
            p.fillRect(band, QColor(highlights.shown(mark.colour)))
            p.setPen(QPen(self.text, 1))
            p.drawLine(band.bottomLeft(), band.bottomRight())
        self._mark_glyphs(p, rect.right() - 4, rect.top() - 3, mark)

    def _soft_brush(self: TimelinePainter, tone: int, hollow: bool) -> QBrush:
        """A bar fill that fades at both ends (the date is vague), cached per tone.

        On screen the fade is to transparent; in SVG, PDF and print, whose engines drop
        a gradient's transparency (the bars came out solid and darker), it is the same
        fade made of opaque colours, over the background."""
        opaque = self.stamps.vector
        key = (tone, hollow, opaque)
        brush = self._soft_brushes.get(key)
        if brush is None:
            strength = 0.25 if hollow else 0.6
            if opaque:
                soft, solid = QColor(self.base), blend(TONE_QCOLOURS[tone], self.base, strength)
            else:
                soft = QColor(TONE_QCOLOURS[tone])
                soft.setAlphaF(0.0)
                solid = QColor(TONE_QCOLOURS[tone])
                solid.setAlphaF(strength)
            gradient = QLinearGradient(0, 0, 1, 0)
            gradient.setCoordinateMode(QGradient.CoordinateMode.ObjectMode)
            gradient.setColorAt(0, soft)
            gradient.setColorAt(0.08, solid)
            gradient.setColorAt(0.92, solid)
            gradient.setColorAt(1, soft)
            brush = QBrush(gradient)
            self._soft_brushes[key] = brush
        return brush
