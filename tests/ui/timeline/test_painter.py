"""What the painter keeps between frames looks like what it draws afresh."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QImage, QPainter

from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.kept_picture import BarKey
from viewer.ui.timeline.painter import TimelinePainter
from viewer.ui.timeline.scene_bars import label_span
from viewer.ui.timeline.scene_items import Bar
from viewer.ui.timeline.view import TimelineView


def _frame(view: TimelineView, painter: TimelinePainter) -> QImage:
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(image)
    painter.paint(p, view.data, view.scene, view.view, view.geo, view.eras, "Stance", False)
    p.end()
    return image


def test_stamped_bars_look_like_drawn_ones(window: MainWindow) -> None:
    view = window.timeline
    view.show_range(dt.date(2017, 1, 1).toordinal(), dt.date(2021, 1, 1).toordinal())
    painter = TimelinePainter(view.palette(), view.font())
    gutter = view.geo.gutter

    def labelled_inside(bar: Bar) -> bool:
        span = label_span(bar, gutter, painter.fit.width(bar.label, 1))
        return span is not None and span[2]

    wide = [
        bar
        for bar in view.scene.bars
        if bar.x0 >= gutter and bar.x1 - bar.x0 > 40 and labelled_inside(bar) and bar.room >= 0
    ]
    assert wide  # years and months as bars labelled inside
    # Drawn at a new scale, seen at the same scale again, then stamped.
    drawn, _seen, stamped, again = (_frame(view, painter) for _ in range(4))
    assert any(isinstance(key, BarKey) for key in painter.stamps.pictures.kept_keys())
    assert stamped == again
    # A stamp is blended onto the frame once made (a level of rounding anywhere) and
    # sits on a whole pixel, a drawn bar where it falls (its edges and its glyphs move
    # by under a pixel): each bar's ink is the same, none missing or moved.
    for bar in wide:
        inside = [
            (x, y)
            for x in range(int(bar.x0), min(int(bar.x1), drawn.width()))
            for y in range(int(bar.y) - 1, int(bar.y) + 14)
        ]
        assert any(drawn.pixel(x, y) != stamped.pixel(x, y) for x, y in inside)  # stamped
        ink, where = _ink(drawn, inside)
        stamped_ink, stamped_where = _ink(stamped, inside)
        assert abs(ink - stamped_ink) < 2.0 and abs(where - stamped_where) < 1.0, bar.label


def _ink(image: QImage, pixels: list[tuple[int, int]]) -> tuple[float, float]:
    """Mean darkness of some pixels (0 to 255) and the x of its centre."""
    dark = [(x, 255 - image.pixelColor(x, y).lightness()) for x, y in pixels]
    total = sum(d for _, d in dark)
    return total / len(pixels), sum(x * d for x, d in dark) / total


def test_wide_bars_are_drawn_not_kept(window: MainWindow) -> None:
    """Zoomed in, a year is thousands of pixels: no picture that size is made."""
    view = window.timeline
    view.show_range(dt.date(2019, 6, 1).toordinal(), dt.date(2019, 6, 8).toordinal())
    assert any(bar.x1 - bar.x0 > 2000 for bar in view.scene.bars)
    painter = TimelinePainter(view.palette(), view.font())
    for _ in range(3):
        _frame(view, painter)
    kept = painter.stamps.pictures._stamps
    assert kept and all(stamp.width() <= 400 for stamp in kept.values())
