"""Draws a timeline scene: axis, eras, stance track, lanes, markers, labels.

Colours come from the widget's palette (so light and dark themes both work) and
from the tone colours in `viewer.ui.style`; every tone also has its own shape.
Markers and cluster badges are drawn from cached pixmaps and plain bars in one
call per tone, so a frame costs about the same with a thousand events or a
million.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)

from viewer.core.records import Era
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lanes import TONES
from viewer.core.timeline.timescale import (
    Unit,
    Viewport,
)
from viewer.ui import style
from viewer.ui.timeline import geometry as g
from viewer.ui.timeline.kept_picture import painted, smoothly
from viewer.ui.timeline.marks import (
    TONE_QCOLOURS,
    blend,
)
from viewer.ui.timeline.painter_bars import BarPainting
from viewer.ui.timeline.painter_frame import FramePainting
from viewer.ui.timeline.painter_points import PointPainting
from viewer.ui.timeline.painter_stance import StancePainting
from viewer.ui.timeline.scene_items import (
    Scene,
)
from viewer.ui.timeline.text_stamps import Fitting, TextStamps

if TYPE_CHECKING:
    from viewer.core.annotations.records import Mark


class TimelinePainter(FramePainting, StancePainting, PointPainting, BarPainting):
    """Paints frames. Holds fonts, palette colours and cached pixmaps."""

    def __init__(
        self, palette: QPalette, font: QFont, ratio: float = 1.0, *, cached: bool = True
    ) -> None:
        """`cached`: keep pictures between frames (off: every frame drawn afresh, the
        reference the kept pictures are tested against)."""
        self.ratio = ratio
        self.font = QFont(font)
        self.small = style.small_font(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self.small_metrics = QFontMetricsF(self.small)
        self.bold_metrics = QFontMetricsF(self.bold)
        self.rows = g.rows_for(self.font)  # as the view's geometry has them, from its font
        self._bar_baseline = (self.rows.bar + self.small_metrics.ascent()) / 2 - 1  # below its top
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
        self.grid = blend(self.text, self.base, 0.12)
        # Marks that carry meaning reach 3:1 against the background, words 4.5:1
        # (WCAG 2.1 AA; tests/ui/timeline/test_mark_contrast.py measures each in both palettes).
        self.stance_line = QColor(
            style.shaded_to_contrast(
                blend(self.text, self.base, 0.35).name(), base_name, style.GRAPHIC_CONTRAST
            )
        )
        self.badge_fill = blend(self.text, self.base, 0.75)  # a cluster's count badge
        self.flip_colour = QColor(style.FLIP_COLOUR)
        self.on_flip = QColor(style.readable_on(style.FLIP_COLOUR))
        self.on_period = QColor(style.readable_on(self.highlight.name()))
        self._bar_colours = [blend(c, self.base, 0.6) for c in TONE_QCOLOURS]
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
        self._soft_brushes: dict[tuple[int, bool, bool], QBrush] = {}
        faces = ((self.font, self.metrics), (self.small, self.small_metrics))
        self._steady = False  # the scale is the frame before's (see paint)
        self._scale_before = 0.0
        self.stamps = TextStamps(ratio, (*faces, (self.bold, self.bold_metrics)), cached=cached)
        self._min_px_used = {u: w * 0.55 for u, w in self.min_px.items()}
        self._units_at: tuple[float, tuple[Unit, Unit | None]] = (0.0, (Unit.YEAR, None))
        # Fonts by number for `fit`: 0 normal, 1 small, 2 bold.
        self.fit = Fitting(self.metrics, self.small_metrics, self.bold_metrics)

    # -- cached pixmaps ------------------------------------------------------------------

    def _picture(self, width: float, height: float, draw: Callable[[QPainter], None]) -> QPixmap:
        """A clear picture `width` x `height` (device-independent), antialiased, painted
        by `draw`."""

        size = (int(width * self.ratio + 0.5), int(height * self.ratio + 0.5))
        return painted(*size, self.ratio, smoothly(draw), transparent=True)

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
        # Bars are stamped only while the scale holds: zooming gives every bar a new
        # width each frame, and a stamp made for one frame is work thrown away.
        self._steady = view.days_per_px == self._scale_before
        self._scale_before = view.days_per_px
        self._ids = data.ids
        self.stamps.begin(p)
        p.setClipRect(geo.time_rect())
        self._backdrop(p, view, geo, eras)
        self._axis_labels(p, view, geo)
        p.setClipRect(geo.under_axis())  # what scrolls (in a short view, all but the axis)
        tag = None if period is None else self._period_tag(view, geo, period)
        self._era_labels(p, view, geo, eras, tag)
        self._stance_background(p, geo)  # dashed: its dashes start at the edge each frame
        if period is not None and tag is not None:
            self._period(p, view, geo, period, tag)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setClipRect(geo.lanes_rect())  # scrolled lanes stay below the stance track
        self._bars(p, scene, geo.gutter)
        for lane in scene.points:
            self._points(p, lane, data)
        if hit_rows is not None:
            self._search_hits(p, data, view, geo, hit_rows, scene)
        p.setClipRect(geo.under_axis())
        self._stance(p, scene, geo)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setClipping(False)
        self._gutter(p, geo, stance_label)
        if has_focus:
            p.setPen(QPen(self.highlight, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(1, 1, geo.width - 2, geo.height - 2))

    # -- backgrounds ---------------------------------------------------------------

    # -- points and clusters -----------------------------------------------------------

    # -- bars --------------------------------------------------------------------------

    # -- stance track --------------------------------------------------------------------

    # -- gutter ------------------------------------------------------------------------
