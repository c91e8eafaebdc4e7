"""Shapes handed to QPainter from numpy columns draw exactly what the same shapes made
one by one draw, on screen and in a vector picture."""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPicture, QPolygonF

from viewer.ui.timeline.packed_shapes import draw_lines, draw_rects, points

RNG = np.random.default_rng(7)
N = 300
LEFTS = RNG.uniform(0, 380, N)
TOPS = RNG.choice([10.0, 26.5, 43.25, 70.0], N)
WIDTHS = RNG.uniform(0.5, 30, N)


def _drawn(draw: Callable[[QPainter], None], antialiased: bool = False) -> QImage:
    image = QImage(420, 100, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#fafafa"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)
    p.setPen(QPen(QColor("#7a4f00"), 1))
    p.setBrush(QColor(230, 180, 60, 160))
    draw(p)
    p.end()
    return image


def test_rectangles_from_columns_are_the_rectangles_made_one_by_one() -> None:
    one_by_one = list(map(QRectF, LEFTS.tolist(), TOPS.tolist(), WIDTHS.tolist(), repeat(12.0)))
    for antialiased in (False, True):
        expected = _drawn(lambda p: p.drawRects(one_by_one), antialiased)
        packed = _drawn(lambda p: draw_rects(p, LEFTS, TOPS, WIDTHS, 12.0, N), antialiased)
        assert packed == expected
    assert _drawn(lambda p: draw_rects(p, LEFTS, TOPS, WIDTHS, 12.0, N)) != _drawn(lambda p: None)


def test_lines_from_columns_are_the_lines_made_one_by_one() -> None:
    rights, edge = LEFTS + WIDTHS, TOPS + 11.5
    one_by_one = list(map(QLineF, LEFTS.tolist(), edge.tolist(), rights.tolist(), edge.tolist()))
    expected = _drawn(lambda p: p.drawLines(one_by_one))
    assert _drawn(lambda p: draw_lines(p, LEFTS, edge, rights, edge, N)) == expected


def test_a_polyline_from_columns_is_the_one_made_point_by_point() -> None:
    xs, ys = np.linspace(0, 400, N), 50 + 40 * np.sin(np.linspace(0, 9, N))
    made = QPolygonF(list(map(QPointF, xs.tolist(), ys.tolist())))
    packed = points(xs, ys, N)
    assert packed == made
    assert _drawn(lambda p: p.drawPolyline(packed), True) == _drawn(
        lambda p: p.drawPolyline(made), True
    )


def test_nothing_to_draw_draws_nothing() -> None:
    empty = np.zeros(0)
    blank = _drawn(lambda p: None)
    assert _drawn(lambda p: draw_rects(p, empty, empty, empty, 12.0, 0)) == blank
    assert _drawn(lambda p: draw_lines(p, empty, empty, empty, empty, 0)) == blank
    assert points(empty, empty, 0).isEmpty()


def test_a_vector_picture_records_every_shape() -> None:
    """Devices other than the screen (SVG, PDF, print) take the shapes as well: a
    recorded picture of them replays as one of the shapes made one by one."""
    one_by_one = list(map(QRectF, LEFTS.tolist(), TOPS.tolist(), WIDTHS.tolist(), repeat(12.0)))

    def recorded(draw: Callable[[QPainter], None]) -> QImage:
        picture = QPicture()
        p = QPainter(picture)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#336699"))
        draw(p)
        p.end()
        return _drawn(lambda q: q.drawPicture(0, 0, picture))

    packed = recorded(lambda p: draw_rects(p, LEFTS, TOPS, WIDTHS, 12.0, N))
    assert packed == recorded(lambda p: p.drawRects(one_by_one))
    assert packed != _drawn(lambda p: None)
