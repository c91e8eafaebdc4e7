"""Draws a timeline scene: axis, eras, stance track, lanes, markers, labels.

Colours come from the widget's palette (so light and dark themes both work) and
from the tone colours in `viewer.ui.style`; every tone also has its own shape.
Markers and cluster badges are drawn from cached pixmaps and plain bars in one
call per tone, so a frame costs about the same with a thousand events or a
million.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping
from functools import partial
from itertools import repeat

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGradient,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)

from viewer.core.annotations.records import Mark
from viewer.core.records import Era, Tone
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lanes import TONES
from viewer.core.timeline.timescale import (
    UNIT_DAYS,
    Unit,
    Viewport,
    choose_unit,
    context_unit,
    label_step,
    ticks,
)
from viewer.ui import highlights, style
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.backdrop import Backdrop
from viewer.ui.timeline.kept_picture import KeptPicture, painted
from viewer.ui.timeline.scene import label_span
from viewer.ui.timeline.scene_items import (
    HALF,
    Bar,
    Item,
    ItemKind,
    LanePoints,
    Scene,
    cluster_width,
)
from viewer.ui.timeline.text_stamps import Fitting, TextStamps

_R = g.MARKER / 2
_SMALL, _BOLD = 1, 2  # font numbers in TimelinePainter.fit
_PAD = 2  # px above and below a stamped bar, for its label's descenders
_STAMPED_BAR = 400  # px: wider bars are few on screen, and their pictures would be big


def marker_path(tone: Tone, radius: float = _R) -> QPainterPath:
    """The shape for a tone, centred on (0, 0): warm ▲, cold ▼, mixed ◆, neutral ●."""
    path = QPainterPath()
    r = radius
    if tone is Tone.WARM:
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, r * 0.8), QPointF(-r, r * 0.8)]))
    elif tone is Tone.COLD:
        path.addPolygon(QPolygonF([QPointF(0, r), QPointF(r, -r * 0.8), QPointF(-r, -r * 0.8)]))
    elif tone is Tone.MIXED:
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)]))
    else:
        path.addEllipse(QPointF(0, 0), r * 0.85, r * 0.85)
    path.closeSubpath()
    return path


_COLOURS = [QColor(style.TONE_COLOURS[t]) for t in TONES]
#: The user's star: five points, 10 px across, centred on (0, 0).
_STAR = QPolygonF(
    [
        QPointF(math.sin(i * math.pi / 5) * r, -math.cos(i * math.pi / 5) * r)
        for i, r in zip(range(10), [5.2, 2.2] * 5, strict=True)
    ]
)
_PATTERNS = [style.pattern_brush(t) for t in TONES]


def _blend(colour: QColor, background: QColor, alpha: float) -> QColor:
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


#: Most search hits framed in one frame (a result page is 50; the rest stay washed).
MAX_HITS_DRAWN = 2000


class TimelinePainter:
    """Paints frames. Holds fonts, palette colours and cached pixmaps."""

    def __init__(
        self, palette: QPalette, font: QFont, ratio: float = 1.0, *, cached: bool = True
    ) -> None:
        """`cached`: keep pictures between frames (off: every frame drawn afresh, the
        reference the kept pictures are tested against)."""
        self.ratio = ratio
        self.font = QFont(font)
        self.small = QFont(font)
        self.small.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self.small_metrics = QFontMetricsF(self.small)
        self.bold_metrics = QFontMetricsF(self.bold)
        self.base = palette.color(QPalette.ColorRole.Base)
        self.alt = palette.color(QPalette.ColorRole.AlternateBase)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.window = palette.color(QPalette.ColorRole.Window)
        # The axis's lesser labels, on the window colour: the placeholder grey, darkened
        # (or lightened) as far as 4.5:1 needs.
        self.dim = QColor(
            style.shaded_to_contrast(
                palette.color(QPalette.ColorRole.PlaceholderText).name(), self.window.name()
            )
        )
        # Secondary words on the gutter (the stance scale), legible there (4.5:1).
        window_text = palette.color(QPalette.ColorRole.WindowText).name()
        self.muted = QColor(style.muted_colour(window_text, self.window.name()))
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.dark = self.base.lightnessF() < 0.5
        base_name = self.base.name()
        # The user's own marks: dark red on light backgrounds, light gold on dark ones.
        self.mark_colour = QColor("#FFD75E" if self.dark else "#A2001D")
        self._marks: Mapping[str, Mark] = {}  # by event id
        self._bands: dict[str, QColor] = {}  # a highlight's band, by its saved colour
        self._ids: tuple[str, ...] = ()  # event id of each row
        # Opaque colours blended ahead of time: translucent lines and fills are many
        # times slower to draw in the raster engine.
        self.grid = _blend(self.text, self.base, 0.12)
        # Marks that carry meaning reach 3:1 against the background, words 4.5:1
        # (WCAG 2.1 AA; tests/ui/test_mark_contrast.py measures each in both palettes).
        self.stance_line = QColor(
            style.shaded_to_contrast(
                _blend(self.text, self.base, 0.35).name(), base_name, style.GRAPHIC_CONTRAST
            )
        )
        self.badge_fill = _blend(self.text, self.base, 0.75)  # a cluster's count badge
        self.on_flip = QColor(style.readable_on(style.FLIP_COLOUR))
        self.on_period = QColor(style.readable_on(self.highlight.name()))
        self._bar_colours = [_blend(c, self.base, 0.6) for c in _COLOURS]
        # Each bar's lower edge, in its tone shaded to 3:1 against the background: the
        # pale fill under its label is not what tells a bar from the background.
        self.bar_edges = [
            QColor(style.shaded_to_contrast(style.TONE_COLOURS[t], base_name, 3.0)) for t in TONES
        ]
        # A unit is used once half its widest label fits between two ticks: where the
        # labels are too many, every second (or third…) one is drawn, never overlapping.
        self.min_px = {
            Unit.BILLION_YEARS: self.metrics.horizontalAdvance("13 billion years ago") + 10,
            Unit.HUNDRED_MILLION_YEARS: self.metrics.horizontalAdvance("900 million years ago")
            + 10,
            Unit.TEN_MILLION_YEARS: self.metrics.horizontalAdvance("990 million years ago") + 10,
            Unit.MILLION_YEARS: self.metrics.horizontalAdvance("999 million years ago") + 10,
            Unit.HUNDRED_MILLENNIA: self.metrics.horizontalAdvance("100,000") + 10,
            Unit.TEN_MILLENNIA: self.metrics.horizontalAdvance("10,000") + 10,
            Unit.MILLENNIUM: self.metrics.horizontalAdvance("2000") + 10,
            Unit.CENTURY: self.metrics.horizontalAdvance("1900") + 10,
            Unit.DECADE: self.metrics.horizontalAdvance("2010s") + 10,
            Unit.YEAR: self.metrics.horizontalAdvance("2018") + 10,
            Unit.QUARTER: self.metrics.horizontalAdvance("Q4") + 10,
            Unit.MONTH: self.metrics.horizontalAdvance("May") + 10,
            Unit.WEEK: self.metrics.horizontalAdvance("30 Sep") + 10,
            Unit.DAY: self.metrics.horizontalAdvance("30") + 10,
        }
        self._markers = {
            (tone, hollow): self._marker_pixmap(tone, hollow)
            for tone in range(len(TONES))
            for hollow in (False, True)
        }
        self._badges: dict[int, tuple[QPixmap, float]] = {}
        self._soft_brushes: dict[tuple[int, bool, bool], QBrush] = {}
        self.stamps = TextStamps(ratio, cached=cached)
        self.backdrop = Backdrop(ratio, self.base)
        self._gutter_picture = KeptPicture()
        self._min_px_used = {u: w * 0.55 for u, w in self.min_px.items()}
        self._units_at: tuple[float, tuple[Unit, Unit | None]] = (0.0, (Unit.YEAR, None))
        # Fonts by number for `fit`: 0 normal, 1 small, 2 bold.
        self.fit = Fitting(self.metrics, self.small_metrics, self.bold_metrics)

    # -- cached pixmaps ------------------------------------------------------------------

    def _picture(self, width: float, height: float, draw: Callable[[QPainter], None]) -> QPixmap:
        """A clear picture `width` x `height` (device-independent), antialiased, painted
        by `draw`."""

        def smooth(p: QPainter) -> None:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            draw(p)

        size = (int(width * self.ratio + 0.5), int(height * self.ratio + 0.5))
        return painted(*size, self.ratio, smooth, transparent=True)

    def _marker_pixmap(self, tone: int, hollow: bool) -> QPixmap:
        return self._picture(
            2 * HALF, 2 * HALF, partial(self._draw_marker, tone=tone, hollow=hollow)
        )

    def _draw_marker(self, p: QPainter, tone: int, hollow: bool) -> None:
        """A tone's marker in the square (0, 0, 2 HALF, 2 HALF): kept as a picture for the
        screen, drawn as a shape for vector output."""
        colour = _COLOURS[tone]
        p.setPen(QPen(colour.darker(150), 1.2))
        p.setBrush(QBrush(self.base) if hollow else QBrush(colour))
        p.drawPath(marker_path(TONES[tone]).translated(QPointF(HALF, HALF)))

    def _badge(self, count: int) -> tuple[QPixmap, float]:
        """The count badge of a cluster, and half its width, made once per count."""
        cached = self._badges.get(count)
        if cached is None:
            width, height = cluster_width(count), 2 * HALF + 2
            if len(self._badges) > 2000:
                self._badges.clear()
            picture = self._picture(width, height, partial(self._draw_badge, x=0, y=0, count=count))
            cached = self._badges[count] = (picture, width / 2)
        return cached

    def _draw_badge(self, p: QPainter, x: float, y: float, count: int) -> None:
        """A cluster's count badge with its top left at (x, y)."""
        width, height = cluster_width(count), 2 * HALF + 2
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.badge_fill)
        rect = QRectF(x, y, width, height)
        p.drawRoundedRect(rect, height / 2, height / 2)
        p.setPen(self.base)
        p.setFont(self.small)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count))

    # -- frame -------------------------------------------------------------------

    def paint(
        self,
        p: QPainter,
        data: TimelineData,
        scene: Scene,
        view: Viewport,
        geo: g.Geometry,
        eras: list[Era],
        stance_label: str,
        has_focus: bool,
        marks: Mapping[str, Mark] | None = None,
        hit_rows: np.ndarray | None = None,
        period: tuple[float, float, str] | None = None,
    ) -> None:
        self._marks = {} if marks is None else marks  # no len(): a live view may be large
        self._ids = data.ids
        self.stamps.begin(p)
        p.setClipRect(geo.time_rect())
        if self.stamps.raster:
            draw = partial(self._backdrop, eras=eras)
            self.backdrop.draw(p, view, geo, tuple(eras), draw)
        else:  # SVG, PDF, print: drawn, not copied from a picture
            self._backdrop(p, view, geo, eras)
        self._era_labels(p, view, geo, eras)
        self._axis_labels(p, view, geo)
        self._stance_background(p, geo)  # dashed: its dashes start at the edge each frame
        if period is not None:
            self._period(p, view, geo, period)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setClipRect(geo.lanes_rect())  # scrolled lanes stay below the stance track
        self._bars(p, scene, geo.gutter)
        for lane in scene.points:
            self._points(p, lane, data)
        if hit_rows is not None:
            self._search_hits(p, data, view, geo, hit_rows)
        p.setClipRect(geo.time_rect())
        self._stance(p, scene)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setClipping(False)
        self._gutter(p, geo, stance_label)
        if has_focus:
            p.setPen(QPen(self.highlight, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(1, 1, geo.width - 2, geo.height - 2))

    def _search_hits(
        self, p: QPainter, data: TimelineData, view: Viewport, geo: g.Geometry, rows: np.ndarray
    ) -> None:
        """While a search is active: the lanes are washed pale, nothing hidden, and each
        event found is framed in the highlight colour where it lies."""
        if not geo.lanes:
            return
        wash = QColor(self.base)
        wash.setAlphaF(0.6)
        top = min(band.top for _n, band in geo.lanes)
        bottom = max(band.bottom for _n, band in geo.lanes)
        p.fillRect(QRectF(geo.time_left, top, geo.time_width, bottom - top), wash)
        if not len(rows):
            return
        fill = QColor(self.highlight)
        fill.setAlphaF(0.22)
        p.setPen(QPen(self.highlight, 2))
        p.setBrush(fill)
        visible = rows[(data.end[rows] >= view.start) & (data.start[rows] <= view.end)]
        for row in visible[:MAX_HITS_DRAWN].tolist():
            band = geo.band_of(int(data.lane[row]))
            if band is None:
                continue
            left = geo.time_left
            x0 = max(view.x_of(float(data.start[row])) + left, left - 6.0)
            x1 = min(max(view.x_of(float(data.end[row])) + left, x0), left + geo.time_width + 6)
            p.drawRoundedRect(QRectF(x0 - 6, band.top + 2, x1 - x0 + 12, band.height - 4), 4, 4)

    # -- backgrounds ---------------------------------------------------------------

    def _backdrop(self, p: QPainter, view: Viewport, geo: g.Geometry, eras: list[Era]) -> None:
        """What only moves when the view pans (see `Backdrop`): no labels."""
        self._lanes_background(p, geo)
        self._era_bands(p, view, geo, eras)
        self._grid(p, view, geo)

    def _lanes_background(self, p: QPainter, geo: g.Geometry) -> None:
        """Stripes for the lanes, the base colour elsewhere (each pixel filled once: a
        frame drawn afresh, while zooming, fills the whole window)."""
        covered = 0.0
        for i, (_lane, band) in enumerate(geo.lanes):
            top = max(band.top, geo.lanes_top)  # a lane scrolled up is cut at the top
            if band.bottom <= top:
                continue
            if top > covered:
                p.fillRect(QRectF(0, covered, geo.width, top - covered), self.base)
            colour = self.alt if i % 2 else self.base
            p.fillRect(QRectF(0, top, geo.width, band.bottom - top), colour)
            covered = max(covered, band.bottom)
        if covered < geo.height:
            p.fillRect(QRectF(0, covered, geo.width, geo.height - covered), self.base)

    def _era_rects(
        self, view: Viewport, geo: g.Geometry, eras: list[Era]
    ) -> list[tuple[int, int, QRectF]]:
        """(colour number, row, bar) of each era: two rows, so overlapping eras show."""
        free = [float("-inf"), float("-inf")]
        out = []
        for number, era in enumerate(eras):
            x0 = view.x_of(era.date.start_ordinal) + geo.time_left
            x1 = view.x_of(era.date.end_ordinal + 1) + geo.time_left
            row = 0 if free[0] <= x0 + 1 else 1
            free[row] = x1
            rect = QRectF(x0, geo.eras.top + 1 + row * g.ERA_ROW, x1 - x0, g.ERA_ROW - 2)
            out.append((number, row, rect))
        return out

    def _era_bands(self, p: QPainter, view: Viewport, geo: g.Geometry, eras: list[Era]) -> None:
        lanes_top = geo.stance.top
        lanes_bottom = geo.lanes[-1][1].bottom if geo.lanes else geo.height
        for number, row, rect in self._era_rects(view, geo, eras):
            colour = QColor(style.ERA_COLOURS[number % len(style.ERA_COLOURS)])
            colour.setAlphaF(0.10 if self.dark else 0.07)
            if row == 0:
                band = QRectF(rect.left(), lanes_top, rect.width(), lanes_bottom - lanes_top)
                p.fillRect(band, colour)
            bar = QColor(colour)
            bar.setAlphaF(0.35 if self.dark else 0.22)
            p.fillRect(rect, bar)

    def _era_labels(self, p: QPainter, view: Viewport, geo: g.Geometry, eras: list[Era]) -> None:
        """Each era's name in the part of its bar on screen (so it stays readable)."""
        for (_number, _row, rect), era in zip(self._era_rects(view, geo, eras), eras, strict=True):
            visible = rect.intersected(QRectF(geo.time_left, rect.top(), view.width, rect.height()))
            if visible.width() > 24:
                text = self.fit.elided(era.title, visible.width() - 8, _SMALL)
                self.stamps.draw_centred(
                    p,
                    visible.adjusted(4, 0, -4, 0),
                    text,
                    self.small,
                    self.small_metrics,
                    self.text,
                )

    def _units(self, view: Viewport) -> tuple[Unit, Unit | None]:
        """The tick unit for this zoom, and the unit of the band above it (if any)."""
        if view.days_per_px != self._units_at[0]:  # asked twice a frame, and while panning
            unit = choose_unit(view.days_per_px, self._min_px_used)
            self._units_at = (view.days_per_px, (unit, context_unit(unit)))
        return self._units_at[1]

    def _grid(self, p: QPainter, view: Viewport, geo: g.Geometry) -> None:
        left = geo.time_left
        unit, upper = self._units(view)
        axis = geo.axis
        p.fillRect(QRectF(left, axis.top, geo.width - left, axis.height), self.window)
        lanes_bottom = geo.lanes[-1][1].bottom if geo.lanes else geo.height
        xs = [view.x_of(t.day) + left for t in ticks(view.start, view.end, unit)]
        p.setPen(QPen(self.grid, 1))
        # Ticks in the axis, then grid lines through the lanes: none across the era labels.
        p.drawLines([QLineF(x, axis.top + g.AXIS_CONTEXT, x, axis.bottom) for x in xs])
        p.drawLines([QLineF(x, geo.stance.top, x, lanes_bottom) for x in xs])
        if upper is not None:
            major = ticks(view.start, view.end, upper, context=True)
            p.setPen(QPen(self.dim, 1))
            p.drawLines(
                [QLineF(view.x_of(t.day) + left, axis.top, view.x_of(t.day) + left, axis.bottom)
                 for t in major]
            )  # fmt: skip

    def _axis_labels(self, p: QPainter, view: Viewport, geo: g.Geometry) -> None:
        left = geo.time_left
        unit, upper = self._units(view)
        axis = geo.axis
        minor = ticks(view.start, view.end, unit)
        colour = self.dim if upper is not None else self.text
        baseline = axis.top + g.AXIS_CONTEXT + (g.AXIS_TICKS + self.metrics.ascent()) / 2 - 1
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
        for tick, width in zip(minor, widths, strict=True):
            if step > 1 and round(tick.day / unit_days) % step:
                continue
            x = (tick.day - start) / days_per_px + left + 3
            if x >= free_from:
                self.stamps.draw(p, x, baseline, tick.label, self.font, self.metrics, colour)
                free_from = x + width + 6
        if upper is None:
            return
        major = ticks(view.start, view.end, upper, context=True)
        for i, tick in enumerate(major):
            x = view.x_of(tick.day) + left
            next_x = view.x_of(major[i + 1].day) + left if i + 1 < len(major) else geo.width
            # Keep the label of a band that starts off-screen pinned to the left edge.
            label_x = max(x, left) + 4
            room = next_x - label_x - 4
            if room > 12:
                text = self.fit.elided(tick.label, room, _BOLD)
                self.stamps.draw_centred(
                    p,
                    QRectF(label_x, axis.top, room, g.AXIS_CONTEXT),
                    text,
                    self.bold,
                    self.bold_metrics,
                    self.text,
                )

    def _period(
        self, p: QPainter, view: Viewport, geo: g.Geometry, period: tuple[float, float, str]
    ) -> None:
        """Go to date's period: a band in the highlight colour, edged, named at its top."""
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
        width = self.small_metrics.horizontalAdvance(name) + 10
        tag = QRectF(max(x0, geo.time_left) + 2, top + 1, width, 14)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.highlight)
        p.drawRoundedRect(tag, 3, 3)
        p.setPen(self.on_period)
        p.setFont(self.small)
        p.drawText(tag, Qt.AlignmentFlag.AlignCenter, name)

    def _stance_background(self, p: QPainter, geo: g.Geometry) -> None:
        band = geo.stance
        if band.height:  # a timeline without quotes has no stance track
            p.setPen(QPen(self.grid, 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(geo.time_left, band.middle), QPointF(geo.width, band.middle))

    # -- points and clusters -----------------------------------------------------------

    def _points(self, p: QPainter, lane: LanePoints, data: TimelineData) -> None:
        y = lane.y
        xs = lane.xs.tolist()
        counts = lane.counts.tolist()
        rows = lane.rows.tolist()
        selected = lane.selected.tolist()
        rooms = lane.room.tolist()
        badges = self._badges
        # Pixmaps go to whole pixels as the raster engine rounds them (half up): given
        # as integers, the call is twice as quick as with a QPointF.
        top = int(y - HALF - 1 + 0.5)
        for i, x in enumerate(xs):
            count = counts[i]
            if selected[i]:
                self._ring(p, x, y, count)
            if count > 1 and not self.stamps.raster:  # SVG, PDF, 2x: drawn, not a bitmap
                self._draw_badge(p, x - cluster_width(count) / 2, top, count)
            elif count > 1:  # badges are cached with their half width: the hot path
                badge, half = badges.get(count) or self._badge(count)
                p.drawPixmap(int(x - half + 0.5), top, badge)
            else:
                self._single(p, x, y, rows[i], rooms[i], data)

    def _single(
        self, p: QPainter, x: float, y: float, row: int, room: float, data: TimelineData
    ) -> None:
        mark = self._marks.get(self._ids[row])
        text = ""
        if room > 40:
            room = min(room, 260)
            text = self.fit.elided(data.titles[row], room - 4)
        if mark is not None and mark.colour:  # the user's highlight: behind marker and title
            reach = self.fit.width(text) + HALF + 5 if text else HALF + 4
            p.fillRect(
                QRectF(x - HALF - 4, y - HALF - 3, HALF + 4 + reach, 2 * HALF + 6),
                self.band(mark.colour),
            )
        tone, hollow = int(data.tone[row]), bool(data.cancelled[row])
        if self.stamps.raster:
            p.drawPixmap(int(x - HALF + 0.5), int(y - HALF + 0.5), self._markers[(tone, hollow)])
        else:  # an SVG, a PDF or a 2x PNG: the shape itself, sharp at any size
            p.save()
            p.translate(x - HALF, y - HALF)
            self._draw_marker(p, tone, hollow)
            p.restore()
        if mark is not None and mark.own:  # the user's own event: a dashed square round it
            p.setPen(QPen(self.mark_colour, 1.5, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x - HALF - 3, y - HALF - 3, 2 * HALF + 6, 2 * HALF + 6))
        if mark is not None:
            self._mark_glyphs(p, x + HALF - 2, y - HALF - 2, mark)
        if text:
            self.stamps.draw_centred(
                p,
                QRectF(x + HALF + 3, y - HALF - 4, room, 2 * HALF + 8),
                text,
                self.font,
                self.metrics,
                self.text,
            )

    def band(self, saved: str) -> QColor:
        """A highlight's band behind a title: the words on it stay legible."""
        colour = self._bands.get(saved)
        if colour is None:
            named = highlights.band(saved, self.base.name(), self.text.name())
            colour = self._bands[saved] = QColor(named)
        return colour

    def _mark_glyphs(self, p: QPainter, x: float, y: float, mark: Mark) -> None:
        """A star and a small page (a note) at the top right of what they mark, each
        10 px across: readable at 1x."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if mark.starred:
            p.setPen(QPen(self.mark_colour.darker(130), 1))
            p.setBrush(self.mark_colour)
            p.drawPolygon(_STAR.translated(x + 5, y - 3))
            x += 11
        if mark.has_note:
            p.setBrush(self.base)
            p.setPen(QPen(self.mark_colour, 1.2))
            p.drawRect(QRectF(x, y - 8, 8, 10))
            for line_y in (y - 5, y - 2.5, y):
                p.drawLine(QLineF(x + 2, line_y, x + 6, line_y))

    def _ring(self, p: QPainter, x: float, y: float, count: int) -> None:
        p.setPen(QPen(self.highlight, 3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        if count > 1:
            width = cluster_width(count) + 6
            p.drawRoundedRect(QRectF(x - width / 2, y - HALF - 4, width, 2 * HALF + 8), 9, 9)
        else:
            p.drawEllipse(QPointF(x, y), _R + 5, _R + 5)

    # -- bars --------------------------------------------------------------------------

    def _bars(self, p: QPainter, scene: Scene, gutter: float) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(Qt.PenStyle.NoPen)
        for tone, lefts, tops, widths in scene.runs:  # one call per colour
            rects = list(map(QRectF, lefts, tops, widths, repeat(g.BAR, len(lefts))))
            p.setBrush(self._bar_colours[tone])
            p.drawRects(rects)
            p.setPen(QPen(self.bar_edges[tone], 1))  # the lower edge, 3:1 (as _bar_fill)
            p.drawLines(
                [QLineF(r.left(), r.bottom() - 0.5, r.right(), r.bottom() - 0.5) for r in rects]
            )
            p.setPen(Qt.PenStyle.NoPen)
            if (lines := _PATTERNS[tone]) is not None:
                p.setBrush(lines)
                p.drawRects(rects)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # On screen a bar whose label is not held at the left edge is stamped: its fill
        # and label in one picture, kept per width and label (see `Stamps`); not a
        # wide one (zoomed in, a year is thousands of pixels).
        pictures = self.stamps.pictures
        text_width = partial(self.fit.width, font=_SMALL)
        spans = [label_span(bar, gutter, text_width(bar.label)) for bar in scene.bars]
        drawn = []
        for bar, span in zip(scene.bars, spans, strict=True):
            inside = span is not None and span[2]
            stampable = bar.x1 - bar.x0 <= _STAMPED_BAR and bar.room >= 0  # not overlapped
            if self.stamps.raster and bar.x0 >= gutter and stampable:
                width = round(bar.x1 - bar.x0)
                key = ("bar", bar.tone, bar.hollow, width, bar.label, inside)
                stamp = pictures.kept(key) or pictures.get(
                    key,
                    width,
                    g.BAR + 2 * _PAD,
                    partial(self._bar_picture, bar=bar, width=width, inside=inside),
                )
                if stamp is not None:
                    p.drawPixmap(int(bar.x0 + 0.5), int(bar.y - _PAD + 0.5), stamp)
                    continue
            drawn.append((bar, span if inside else None))
        # The others in passes (fills, then labels), so the pen, brush and font change
        # a few times per frame, not a few per bar.
        for bar, _span in drawn:
            self._bar_fill(p, QRectF(bar.x0, bar.y, bar.x1 - bar.x0, g.BAR), bar)
        for bar, span in drawn:
            if span is not None:
                self._label(p, bar, span)
        for bar, span in zip(scene.bars, spans, strict=True):
            if span is not None and not span[2]:  # too long for its bar: after it
                self._label(p, bar, span)
        dashes: list[QLineF] = []
        for bar in scene.bars:  # the rare marks and outlines, over every bar
            if bar.approximate and bar.x1 - bar.x0 > 10:
                dashes.append(QLineF(bar.x0 + 4, bar.y + g.BAR, bar.x1 - 4, bar.y + g.BAR))
            mark = self._marks.get(self._ids[bar.rows[0]]) if len(bar.rows) == 1 else None
            if mark is not None or bar.selected:
                rect = QRectF(bar.x0, bar.y, bar.x1 - bar.x0, g.BAR)
                if mark is not None:
                    self._bar_mark(p, rect, mark)
                if bar.selected:
                    p.setPen(QPen(self.highlight, 2.5))
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 4, 4)
        if dashes:
            p.setPen(QPen(self.text, 1, Qt.PenStyle.DashLine))
            p.drawLines(dashes)

    def _bar_fill(self, p: QPainter, rect: QRectF, bar: Bar) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._soft_brush(bar.tone, bar.hollow))
        p.drawRect(rect)  # square ends: the soft gradient already shows the vague edges
        lines = _PATTERNS[bar.tone]
        if lines is not None:  # the tone's pattern (colour is never the only cue), in a
            p.setBrush(lines)  # strip along the bottom, clear of the label's letters
            p.drawRect(rect.adjusted(0, rect.height() - 4, 0, 0))
        inset = min(rect.width() * 0.08, 6.0)  # within the soft ends
        p.setPen(QPen(self.bar_edges[bar.tone], 1.2))
        bottom = rect.bottom() - 0.6
        p.drawLine(QPointF(rect.left() + inset, bottom), QPointF(rect.right() - inset, bottom))
        p.setPen(Qt.PenStyle.NoPen)

    def _label(
        self, p: QPainter, bar: Bar, span: tuple[float, float, bool], *, stamped: bool = True
    ) -> None:
        """A bar's label in its span (see `label_span`); real text when not `stamped`
        (inside a stamp: a stamp is not drawn into a stamp)."""
        left, right, _inside = span
        baseline = bar.y + (g.BAR + self.small_metrics.ascent()) / 2 - 1
        text = self.fit.elided(bar.label, right - left, _SMALL)
        if stamped:
            self.stamps.draw(p, left, baseline, text, self.small, self.small_metrics, self.text)
        else:
            p.setFont(self.small)
            p.setPen(self.text)
            p.drawText(QPointF(left, baseline), text)

    def _bar_picture(self, p: QPainter, bar: Bar, width: int, inside: bool) -> None:
        """A stamped bar: fill and label, `_PAD` px below the picture's top."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRectF(0, _PAD, width, g.BAR)
        self._bar_fill(p, rect, bar)
        local = bar._replace(x0=0.0, x1=float(width), y=float(_PAD), room=0.0)
        span = label_span(local, 0.0, 0.0)  # where inside, as the drawn bar would have it
        if inside and span is not None and span[2]:
            self._label(p, local, span, stamped=False)

    def _bar_mark(self, p: QPainter, rect: QRectF, mark: Mark) -> None:
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

    def _soft_brush(self, tone: int, hollow: bool) -> QBrush:
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
                soft, solid = QColor(self.base), _blend(_COLOURS[tone], self.base, strength)
            else:
                soft = QColor(_COLOURS[tone])
                soft.setAlphaF(0.0)
                solid = QColor(_COLOURS[tone])
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

    # -- stance track --------------------------------------------------------------------

    def _stance(self, p: QPainter, scene: Scene) -> None:
        points = [i for i in scene.marks if i.kind is ItemKind.STANCE]
        # The line through the statements in order (a bin's: through its range's middle).
        ordered = [i for i in points if i.stance is None or i.stance.orderable]
        if len(ordered) > 1:
            p.setPen(QPen(self.stance_line, 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolyline(QPolygonF([i.rect.center() for i in ordered]))
        small = {tone: marker_path(tone, 4.5) for tone in TONES}
        bins: dict[int, list[QRectF]] = {}
        for item in points:  # statements summed in a pixel bin: their range, by tone
            if item.stance is None:
                bins.setdefault(item.tone, []).append(item.rect.adjusted(0.5, 0, -0.5, 0))
        for tone, rects in bins.items():
            p.setPen(QPen(_COLOURS[tone].darker(150), 1))
            p.setBrush(_COLOURS[tone])
            p.drawRects(rects)
        for item in points:
            if item.stance is None:
                continue
            centre = item.rect.center()
            colour = _COLOURS[item.tone]
            if not item.stance.orderable:
                # Dated only to a year or more: a faint span behind the point.
                faint = QColor(colour)
                faint.setAlphaF(0.25)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(faint)
                p.drawRoundedRect(item.rect.adjusted(0, 2, 0, -2), 2, 2)
            if item.selected:
                p.setPen(QPen(self.highlight, 2.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(centre, 8, 8)
            p.setPen(QPen(colour.darker(150), 1))
            p.setBrush(colour)
            p.drawPath(small[TONES[item.tone]].translated(centre))
        for item in scene.marks:
            if item.kind is ItemKind.FLIP:
                self._flip(p, item)

    def _flip(self, p: QPainter, item: Item) -> None:
        rect = item.rect
        x = rect.center().x()
        colour = QColor(style.FLIP_COLOUR)
        p.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        width = self.small_metrics.horizontalAdvance(item.label) + 12
        badge = QRectF(x - width / 2, rect.top(), width, 14)
        p.setPen(QPen(self.highlight, 2.5) if item.selected else Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(badge, 7, 7)
        p.setPen(self.on_flip)
        p.setFont(self.small)
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, item.label)

    # -- gutter ------------------------------------------------------------------------

    def _gutter(self, p: QPainter, geo: g.Geometry, stance_label: str) -> None:
        """The lane names, which only change with the size, lanes or profile: on screen,
        drawn once into a pixmap and copied."""
        if not self.stamps.raster:
            self._draw_gutter(p, geo, stance_label)
            return
        picture = self._gutter_picture.get(
            (geo.lanes, stance_label, geo.gutter),
            geo.gutter,
            geo.height,
            self.ratio,
            partial(self._draw_gutter, geo=geo, stance_label=stance_label),
        )
        p.drawPixmap(QPointF(0, 0), picture)

    def _draw_gutter(self, p: QPainter, geo: g.Geometry, stance_label: str) -> None:
        gutter = geo.gutter
        p.fillRect(QRectF(0, 0, gutter, geo.height), self.window)
        p.setPen(QPen(self.grid, 1))
        p.drawLine(QPointF(gutter - 0.5, 0), QPointF(gutter - 0.5, geo.height))
        p.setFont(self.bold)
        p.setPen(self.text)
        rows = [(geo.eras, "Eras"), (geo.stance, stance_label)]
        rows += [(band, band.label) for _lane, band in geo.lanes]
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        for n, (band, label) in enumerate(rows):
            if n == 2:  # the lanes' names scroll with them, under the stance track's
                p.setClipRect(QRectF(0, geo.lanes_top, gutter, geo.height - geo.lanes_top))
            if not band.height:  # no eras, no stance track: no name
                continue
            p.drawText(QRectF(8, band.top, gutter - 13, min(band.height, 40)), flags, label)
        p.setClipping(False)
        stance = geo.stance
        if stance.height:  # the track's scale, at the right of its name
            p.setFont(self.small)
            p.setPen(self.muted)
            amplitude = stance.height / 2 - 8
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            for word, value in (("warm", 1), ("cold", -1)):
                y = stance.middle - value * amplitude
                p.drawText(QRectF(0, y - 7, gutter - 5, 14), right, word)
