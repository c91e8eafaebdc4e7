"""The frame around the lanes: backdrop, eras, axis and grid, Go to date's period, the
lane names' gutter.

A part of `TimelinePainter`, which holds the fonts, colours and kept pictures
these methods use."""

from __future__ import annotations

import bisect
import itertools
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPen,
)

from viewer.core.records import Era
from viewer.core.timeline.timescale import (
    UNIT_DAYS,
    Tick,
    Unit,
    Viewport,
    band_labels,
    choose_unit,
    context_unit,
    label_step,
    ticks,
)
from viewer.ui import style
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.kept_picture import GutterKey
from viewer.ui.timeline.marks import BOLD, NORMAL, SMALL, blend
from viewer.ui.timeline.packed_shapes import draw_lines

if TYPE_CHECKING:
    import numpy.typing as npt

    from viewer.ui.timeline.painter import TimelinePainter


class FramePainting:
    def _backdrop(
        self: TimelinePainter, p: QPainter, view: Viewport, geo: g.Geometry, eras: list[Era]
    ) -> None:
        """The still part of a frame: stripes, era tints, grid; no labels. Drawn afresh
        every frame: all opaque fills and lines, it costs no more than copying a kept
        picture of it would (a whole window's pixels either way)."""
        stripes = self._lanes_background(p, geo)
        self._era_bands(p, view, geo, eras, stripes)
        self._grid(p, view, geo)

    def _lanes_background(
        self: TimelinePainter, p: QPainter, geo: g.Geometry
    ) -> list[tuple[float, float, QColor]]:
        """Stripes for the lanes, the base colour elsewhere (each pixel filled once: a
        frame drawn afresh, while zooming, fills the whole window); returns them, top to
        bottom, as (top, bottom, colour)."""
        stripes: list[tuple[float, float, QColor]] = []
        covered = 0.0
        for i, (_lane, band) in enumerate(geo.lanes):
            top = max(band.top, geo.lanes_top)  # a lane scrolled up is cut at the top
            if band.bottom <= top:
                continue
            if top > covered:
                stripes.append((covered, top, self.base))
            stripes.append((top, band.bottom, self.alt if i % 2 else self.base))
            covered = max(covered, band.bottom)
        if covered < geo.height:
            stripes.append((covered, geo.height, self.base))
        for top, bottom, colour in stripes:
            p.fillRect(QRectF(0, top, geo.width, bottom - top), colour)
        return stripes

    def _era_rects(
        self: TimelinePainter, view: Viewport, geo: g.Geometry, eras: list[Era]
    ) -> list[tuple[int, int, QRectF]]:
        """(colour number, row, bar) of each era: two rows, so overlapping eras show."""
        free = [float("-inf"), float("-inf")]
        out = []
        for number, era in enumerate(eras):
            x0 = view.x_of(era.date.start_ordinal) + geo.time_left
            x1 = view.x_of(era.date.end_ordinal + 1) + geo.time_left
            row = 0 if free[0] <= x0 + 1 else 1
            free[row] = x1
            rect = QRectF(
                x0, geo.eras.top + 1 + row * self.rows.era_row, x1 - x0, self.rows.era_row - 2
            )
            out.append((number, row, rect))
        return out

    def _era_bands(
        self: TimelinePainter,
        p: QPainter,
        view: Viewport,
        geo: g.Geometry,
        eras: list[Era],
        stripes: list[tuple[float, float, QColor]],
    ) -> None:
        """Each era's tint through the stance track and lanes, over the `stripes` drawn
        there, and its bar in the eras row. The tint is the stripes' colours blended with
        the era's ahead of time: filled opaque, not blended by the engine over most of
        the window (~2 ms a frame while zooming)."""
        lanes_top = geo.stance.top
        lanes_bottom = geo.lanes[-1][1].bottom if geo.lanes else geo.height
        strength = 0.10 if self.dark else 0.07
        for number, row, rect in self._era_rects(view, geo, eras):
            colour = QColor(style.ERA_COLOURS[number % len(style.ERA_COLOURS)])
            if row == 0:
                for stripe_top, stripe_bottom, under in stripes:
                    top, bottom = max(stripe_top, lanes_top), min(stripe_bottom, lanes_bottom)
                    if bottom > top:
                        band = QRectF(rect.left(), top, rect.width(), bottom - top)
                        p.fillRect(band, blend(colour, under, strength))
            colour.setAlphaF(0.35 if self.dark else 0.22)
            p.fillRect(rect, colour)

    def _era_labels(
        self: TimelinePainter,
        p: QPainter,
        view: Viewport,
        geo: g.Geometry,
        eras: list[Era],
        tag: QRectF | None = None,
    ) -> None:
        """Each era's name in the part of its bar on screen (so it stays readable), and
        clear of Go to date's `tag` where that lies on its row."""
        for (_number, _row, rect), era in zip(self._era_rects(view, geo, eras), eras, strict=True):
            visible = rect.intersected(QRectF(geo.time_left, rect.top(), view.width, rect.height()))
            if tag is not None and tag.intersects(visible):
                visible = self._beside_tag(visible, tag, era.title)
            if visible.width() > 24:
                text = self.fit.elided(era.title, visible.width() - 8, SMALL)
                self.stamps.draw_centred(
                    p,
                    visible.adjusted(4, 0, -4, 0),
                    text,
                    SMALL,
                    self.text,
                )

    def _beside_tag(self: TimelinePainter, visible: QRectF, tag: QRectF, title: str) -> QRectF:
        """The part of an era's bar left or right of Go to date's tag for its name: the
        left where the whole name fits there, else the right where it fits there, else
        the wider."""
        top, height = visible.top(), visible.height()
        before = QRectF(visible.left(), top, tag.left() - 2 - visible.left(), height)
        after = QRectF(tag.right() + 2, top, visible.right() - tag.right() - 2, height)
        need = self.fit.width(title, SMALL) + 8
        for part in (before, after):
            if part.width() >= need:
                return part
        return before if before.width() >= after.width() else after

    def _units(self: TimelinePainter, view: Viewport) -> tuple[Unit, Unit | None]:
        """The tick unit for this zoom, and the unit of the band above it (if any)."""
        if view.days_per_px != self._units_at[0]:  # asked twice a frame, and while panning
            unit = choose_unit(view.days_per_px, self._min_px_used)
            self._units_at = (view.days_per_px, (unit, context_unit(unit)))
        return self._units_at[1]

    def _grid(self: TimelinePainter, p: QPainter, view: Viewport, geo: g.Geometry) -> None:
        left = geo.time_left
        unit, upper = self._units(view)
        axis = geo.axis
        p.fillRect(QRectF(left, axis.top, geo.width - left, axis.height), self.window)
        lanes_bottom = geo.lanes[-1][1].bottom if geo.lanes else geo.height
        xs = _xs(ticks(view.start, view.end, unit), view, left)
        p.setPen(QPen(self.grid, 1))
        # Ticks in the axis, then grid lines through the lanes: none across the era labels.
        # (A 1 px line's last pixel is drawn: the axis's lines end on its last row.)
        last_row = axis.bottom - 1
        draw_lines(p, xs, axis.top + self.rows.axis_context, xs, last_row, len(xs))
        below = max(geo.stance.top, axis.bottom)  # the stance track may have scrolled up
        draw_lines(p, xs, below, xs, lanes_bottom, len(xs))
        if upper is not None:
            major = _xs(ticks(view.start, view.end, upper, context=True), view, left)
            p.setPen(QPen(self.dim, 1))
            draw_lines(p, major, axis.top, major, last_row, len(major))

    def _axis_labels(self: TimelinePainter, p: QPainter, view: Viewport, geo: g.Geometry) -> None:
        left = geo.time_left
        unit, upper = self._units(view)
        axis = geo.axis
        minor = ticks(view.start, view.end, unit)
        colour = self.dim if upper is not None else self.text
        rows = self.rows
        baseline = axis.top + rows.axis_context + (rows.axis_ticks + self.metrics.ascent()) / 2 - 1
        # Where labels are too many for their ticks, every `step`-th is shown, counted
        # from a fixed origin in time: the same ones stay while the view pans (counted
        # from the left edge, all of them swapped at each step of a pan).
        widths = [self.fit.width(t.label) for t in minor]
        widest = max(widths, default=0.0)
        gaps = [b.day - a.day for a, b in itertools.pairwise(minor)]  # months vary
        spacing = min(gaps, default=UNIT_DAYS[unit]) / view.days_per_px
        step = label_step(unit, (widest + 6) / spacing)
        unit_days = UNIT_DAYS[unit]
        free_from = left  # skipped rather than cut by the lane names or drawn over each other
        start, days_per_px = view.start, view.days_per_px
        major = ticks(view.start, view.end, upper, context=True) if upper is not None else []
        # The bands' edges, whose lines a label crossing them ("30 Jul" by August's,
        # "2019" by the 2020s') hides under its own ground rather than be struck through.
        edges = [(tick.day - start) / days_per_px + left for tick in major]
        under = QRectF(0, axis.top + rows.axis_context + 1, 0, rows.axis_ticks - 1)
        for tick, width in zip(minor, widths, strict=True):
            if step > 1 and round(tick.day / unit_days) % step:
                continue
            x = (tick.day - start) / days_per_px + left + 3
            if x < free_from or x + width > geo.width:  # not cut by the view's edges
                continue
            edge = bisect.bisect_right(edges, x)
            if edge < len(edges) and edges[edge] < x + width + 2:
                under.setLeft(x - 2)
                under.setWidth(width + 4)
                p.fillRect(under, self.window)
            self.stamps.draw(p, x, baseline, tick.label, NORMAL, colour)
            free_from = x + width + 6
        if upper is None:
            return
        for i, (tick, x) in enumerate(zip(major, edges, strict=True)):
            next_x = edges[i + 1] if i + 1 < len(edges) else geo.width
            # Keep the label of a band that starts off-screen pinned to the left edge.
            label_x = max(x, left) + 4
            room = next_x - label_x - 4
            if room <= 12:
                continue
            text: str | None = tick.label
            if self.fit.width(tick.label, BOLD) > room:  # a shorter name; none, not a cut one
                shorter = band_labels(tick, upper)[1:]
                text = next((name for name in shorter if self.fit.width(name, BOLD) <= room), None)
            if text is not None:
                self.stamps.draw_centred(
                    p,
                    QRectF(label_x, axis.top, room, self.rows.axis_context),
                    text,
                    BOLD,
                    self.text,
                )

    def _period_tag(
        self: TimelinePainter, view: Viewport, geo: g.Geometry, period: tuple[float, float, str]
    ) -> QRectF:
        """Where Go to date's period is named: at its top left, on the eras' first row."""
        x0 = view.x_of(period[0]) + geo.time_left
        width = self.small_metrics.horizontalAdvance(period[2]) + 10
        return QRectF(max(x0, geo.time_left) + 2, geo.axis.bottom + 1, width, self.rows.era_row - 1)

    def _period(
        self: TimelinePainter,
        p: QPainter,
        view: Viewport,
        geo: g.Geometry,
        period: tuple[float, float, str],
        tag: QRectF,
    ) -> None:
        """Go to date's period: a band in the highlight colour, edged, named at its top
        in `tag` (`_period_tag`, where the eras' names keep clear of it)."""
        start, end, name = period
        x0 = view.x_of(start) + geo.time_left
        x1 = max(view.x_of(end) + geo.time_left, x0 + 2)
        top = geo.axis.bottom
        band = QColor(self.highlight)
        band.setAlphaF(0.10)
        p.fillRect(QRectF(x0, top, x1 - x0, geo.height - top), band)
        p.setPen(QPen(self.highlight, 1.5))
        p.drawLine(QPointF(x0, top), QPointF(x0, geo.height))
        p.drawLine(QPointF(x1, top), QPointF(x1, geo.height))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.highlight)
        p.drawRoundedRect(tag, 3, 3)
        p.setPen(self.on_period)
        p.setFont(self.small)
        p.drawText(tag, Qt.AlignmentFlag.AlignCenter, name)

    def _gutter(self: TimelinePainter, p: QPainter, geo: g.Geometry, stance_label: str) -> None:
        """The lane names, which only change with the size, lanes or profile: on screen,
        drawn once into a pixmap and copied."""
        if not self.stamps.raster:
            self._draw_gutter(p, geo, stance_label)
            return
        picture = self.stamps.pictures.get(
            GutterKey(
                (geo.eras.top, geo.lanes_top, geo.lanes), stance_label, geo.gutter, geo.height
            ),
            geo.gutter,
            geo.height,
            partial(self._draw_gutter, geo=geo, stance_label=stance_label),
            at_once=True,
            opaque=True,
        )
        assert picture is not None  # made at once
        p.drawPixmap(QPointF(0, 0), picture)

    def _draw_gutter(
        self: TimelinePainter, p: QPainter, geo: g.Geometry, stance_label: str
    ) -> None:
        gutter = geo.gutter
        p.fillRect(QRectF(0, 0, gutter, geo.height), self.window)
        p.setPen(QPen(self.grid, 1))
        p.drawLine(QPointF(gutter - 0.5, 0), QPointF(gutter - 0.5, geo.height))
        p.setFont(self.bold)
        p.setPen(self.text)
        rows = [(geo.eras, "Eras"), (geo.stance, stance_label)]
        rows += [(band, band.label) for _lane, band in geo.lanes]
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        # A name near its band's top, in two lines' height (40 px at the usual size);
        # the stance track's, whose height is its name's where that is more, over all of
        # it, clear of the track's scale at its right.
        two_lines = max(40.0, 2 * self.bold_metrics.lineSpacing() + 12)
        wide = gutter - g.LABEL_LEFT - g.LABEL_RIGHT
        # In a short view the eras' and stance track's names scroll too, under the axis.
        under_axis = QRectF(0, geo.axis.bottom, gutter, geo.height - geo.axis.bottom)
        p.setClipRect(under_axis)
        for n, (band, label) in enumerate(rows):
            if n == 2:  # the lanes' names scroll with them, under the stance track's
                p.setClipRect(QRectF(0, geo.lanes_top, gutter, geo.height - geo.lanes_top))
            if not band.height:  # no eras, no stance track: no name
                continue
            if n == 1:
                box = QRectF(0, 0, g.stance_name_width(self.font, label, gutter), band.height)
            else:
                box = QRectF(0, 0, wide, min(band.height, two_lines))
            p.drawText(box.translated(g.LABEL_LEFT, band.top), flags, label)
        p.setClipRect(under_axis)
        stance = geo.stance
        if stance.height:  # the track's scale, at the right of its name
            p.setFont(self.small)
            p.setPen(self.muted)
            amplitude = stance.height / 2 - 8
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            line = max(14.0, self.small_metrics.height())
            for word, value in (("warm", 1), ("cold", -1)):
                y = stance.middle - value * amplitude
                p.drawText(QRectF(0, y - line / 2, gutter - 5, line), right, word)
        p.setClipping(False)


def _xs(ticks: list[Tick], view: Viewport, left: float) -> npt.NDArray[np.float64]:
    """Where the ticks fall in the frame (as `view.x_of`, after the gutter)."""
    days = np.fromiter((t.day for t in ticks), dtype=np.float64, count=len(ticks))
    return (days - view.start) / view.days_per_px + left
