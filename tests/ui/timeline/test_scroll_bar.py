"""The timeline's scroll bar: painted from kept pictures, repainted only when it changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import settle
from viewer.ui.timeline.scroll_bar import TimelineScrollBar
from viewer.ui.timeline.stretched_handle import StretchedHandle


def _bar(qtbot: QtBot) -> TimelineScrollBar:
    holder = QWidget()
    qtbot.addWidget(holder)  # a weak reference: the bar keeps its window alive
    bar = TimelineScrollBar()
    bar.holder = holder  # type: ignore[attr-defined]
    bar.setOrientation(Qt.Orientation.Horizontal)
    QVBoxLayout(holder).addWidget(bar)
    holder.resize(900, 40)
    holder.show()
    qtbot.waitExposed(holder)
    bar.setRange(0, 300)
    bar.setPageStep(800)
    return bar


def _render(bar: TimelineScrollBar) -> QImage:
    pixmap = QPixmap(bar.size())
    bar.render(pixmap)
    return pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)


def _styles_own(bar: TimelineScrollBar) -> QImage:
    """The bar as Qt's QScrollBar paints it (as it does while the pointer is on it)."""
    bar._pressed = True
    try:
        return _render(bar)
    finally:
        bar._pressed = False


def _largest_difference(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            worst = max(
                worst,
                abs(pa.red() - pb.red()),
                abs(pa.green() - pb.green()),
                abs(pa.blue() - pb.blue()),
            )
    return worst


def test_looks_as_the_style_draws_it(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    for value in (0, 1, 150, 299, 300):  # both ends, where the arrows may look different
        bar.setValue(value)
        # Only antialiased edges may differ, by a level of rounding: the kept
        # pictures are blended onto the background instead of drawn onto it.
        assert _largest_difference(_render(bar), _styles_own(bar)) <= 2, value
    assert _render(bar) != _render(_moved(bar, 0))  # and the handle does move


def _moved(bar: TimelineScrollBar, value: int) -> TimelineScrollBar:
    bar.setValue(value)
    return bar


def test_follows_a_palette_change(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    bar.setValue(100)
    light = _render(bar)
    palette = bar.palette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Button):
        palette.setColor(role, QColor("#202020"))
    bar.setPalette(palette)
    dark = _render(bar)
    assert dark != light
    assert _largest_difference(dark, _styles_own(bar)) <= 2


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_repaints_only_when_the_handle_moves(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    bar.setRange(0, 100_000)  # a long timeline zoomed in: a handle pixel is ~100 values
    bar.setValue(50_020)
    settle()  # painted
    before = bar.handle_rect()
    paints = _Paints()
    bar.installEventFilter(paints)
    bar.setValue(50_021)
    QApplication.processEvents()  # a repaint it asked for would be done now
    assert bar.value() == 50_021  # the value follows exactly
    assert bar.handle_rect() == before
    assert paints.count == 0 and bar.skipped == 1
    bar.setValue(90_000)
    qtbot.waitUntil(lambda: paints.count > 0)
    assert bar.handle_rect() != before


def test_a_handle_of_a_new_length_is_drawn_not_kept(qtbot: QtBot) -> None:
    """While zooming the handle changes length every frame: no picture is made of it
    until a length is painted twice running, and both ways look as the style draws."""
    bar = _bar(qtbot)
    bar.setValue(100)
    for step in (500, 600, 700):  # a new length each time
        bar.setPageStep(step)
        drawn = _render(bar)
        assert bar._handle._key is None
        assert _largest_difference(drawn, _styles_own(bar)) <= 2
    _render(bar)  # the same length again: kept from now on
    assert bar._handle._key is not None


def test_zooming_stretches_the_handle_once_it_is_shown_to_match_the_style(qtbot: QtBot) -> None:
    """Handles of new lengths are made from a kept one, after the style drew two new
    lengths exactly as stretching makes them; they still look as the style draws."""
    bar = _bar(qtbot)
    bar.setValue(100)
    stretcher = bar._new_length
    assert stretcher is not None
    for step in range(500, 900, 37):  # zooming: a new length every time
        bar.setPageStep(step)
        assert _largest_difference(_render(bar), _styles_own(bar)) <= 2, step
    assert stretcher.stretched > 0


def test_a_handle_that_changes_along_its_length_is_never_stretched() -> None:
    """A look whose handle shades along its length (as some styles' do) fails the check:
    every handle is then what the style draws."""

    def shaded(width: int) -> Callable[[QPainter], None]:
        def draw(painter: QPainter) -> None:
            gradient = QLinearGradient(QPointF(0, 0), QPointF(width, 0))
            gradient.setColorAt(0, QColor("#336699"))
            gradient.setColorAt(1, QColor("#cc9933"))
            painter.fillRect(QRectF(0, 0, width, 16), gradient)

        return draw

    stretcher = StretchedHandle()
    for width in (60, 90, 120, 150):
        picture = stretcher.picture("look", width, 16, 1.0, shaded(width))
        expected = QImage(width, 16, QImage.Format.Format_ARGB32_Premultiplied)
        expected.fill(Qt.GlobalColor.transparent)
        painter = QPainter(expected)
        shaded(width)(painter)
        painter.end()
        shown = picture.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        assert shown == expected, width
    assert stretcher.stretched == 0
