"""The backdrop copied while panning is the backdrop drawn afresh, pixel for pixel."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from viewer.core.timeline.timescale import Viewport
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.painter import TimelinePainter
from viewer.ui.timeline.view import TimelineView


def _frame(view: TimelineView, painter: TimelinePainter, at: Viewport) -> QImage:
    view.set_viewport(at)
    view._relayout()
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(image)
    painter.paint(p, view.data, view.scene, view.view, view.geo, view.eras, "Stance", False)
    p.end()
    return image


def test_panned_frames_from_the_copy_match_frames_drawn_afresh(
    window: MainWindow, qtbot: QtBot
) -> None:
    view = window.timeline
    palette, font = view.palette(), view.font()
    copied, fresh = TimelinePainter(palette, font), TimelinePainter(palette, font)
    start = view.view.zoomed(4, 300, view.limits)  # room to pan both ways
    frames = [start.panned(px, view.limits) for px in (0, 0, 37, -120, 301, 0.4)]
    renders = []
    for at in frames:
        from_copy = _frame(view, copied, at)
        fresh.backdrop.draw = lambda p, v, geo, key, draw: draw(p, v, geo)  # type: ignore[method-assign]
        drawn = _frame(view, fresh, at)
        assert from_copy == drawn
        renders.append(copied.backdrop.renders)
    # The first frame at a scale is drawn, the next ones copied (the copy is made again
    # when the view leaves it); for a view a fraction of a pixel off the copy (the last)
    # the copy is made again rather than used a little off.
    assert copied.backdrop.copied == len(frames) - 1
    assert renders[:3] == [0, 1, 1] and renders[-1] == renders[-2] + 1


def test_zooming_draws_directly_and_a_new_scale_is_copied_once_it_stays(
    window: MainWindow, qtbot: QtBot
) -> None:
    view = window.timeline
    painter = TimelinePainter(view.palette(), view.font())
    for factor in (1.2, 1.2, 1.2):  # each frame a new scale: nothing worth keeping
        _frame(view, painter, view.view.zoomed(factor, 300, view.limits))
    assert painter.backdrop.copied == 0
    _frame(view, painter, view.view.panned(5, view.limits))
    _frame(view, painter, view.view.panned(5, view.limits))
    assert painter.backdrop.copied == 2
