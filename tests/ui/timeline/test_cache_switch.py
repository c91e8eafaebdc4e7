"""Every picture the timeline keeps between frames (text and bar stamps, marker and badge
pictures, the lane names) is turned off by one switch; the same frames
drawn with and without them look the same. A change made for the screen that would
break the kept pictures, or the other way round, fails here."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import settle
from viewer.core.annotations.records import Mark
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.kept_picture import BadgeKey, GutterKey, TextKey
from viewer.ui.timeline.overview import OverviewStrip
from viewer.ui.timeline.painter import TimelinePainter
from viewer.ui.timeline.scroll_bar import TimelineScrollBar
from viewer.ui.timeline.view import TimelineView

FRAMES = {
    "whole": None,
    "2018": (dt.date(2017, 10, 1), dt.date(2019, 3, 1)),
    "a month": (dt.date(2018, 6, 20), dt.date(2018, 8, 10)),
    "2025": (dt.date(2024, 11, 1), dt.date(2025, 10, 1)),
}


def _frame(view: TimelineView, painter: TimelinePainter) -> QImage:
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(image)
    painter.paint(
        p,
        view.data,
        view.scene,
        view.view,
        view.geo,
        view.eras,
        view.stance_label,
        False,
        {"2018-07-16-helsinki-summit": Mark(True, True, "#E69F00")},
        None,
        (dt.date(2018, 1, 1).toordinal(), dt.date(2019, 1, 1).toordinal(), "2018"),
    )
    p.end()
    return image


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("name", FRAMES)
def test_frames_look_the_same_with_the_kept_pictures_on_and_off(
    window: MainWindow, name: str, scale: float
) -> None:
    """At the usual text and at twice it (markers, marks and badges kept at their
    larger size)."""
    if scale != 1.0:
        font = QFont(window.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        window.setFont(font)
        settle()
    view = window.timeline
    span = FRAMES[name]
    if span is None:
        view.fit_all()
    else:
        view.show_range(span[0].toordinal(), span[1].toordinal())
    view.select_ids(["2018-07-16-helsinki-summit"], reveal=False)
    cached = TimelinePainter(view.palette(), view.font())
    fresh = TimelinePainter(view.palette(), view.font(), cached=False)
    for _ in range(3):  # the kept pictures are made on the second sight, used after
        kept = _frame(view, cached)
    drawn = _frame(view, fresh)
    kept_kinds = {type(key) for key in cached.stamps.pictures.kept_keys()}
    assert {TextKey, GutterKey} <= kept_kinds  # one cache served this frame, typed keys
    if any((lane.counts > 1).any() for lane in view.scene.points):
        assert BadgeKey in kept_kinds  # the clusters' badges too, in the same budget
    assert not fresh.stamps.pictures.kept_keys()  # and the switch did turn it off
    # Text stamped on whole pixels and text drawn where it falls differ at glyph edges
    # by a fraction of a pixel, and a pattern's lines start where its picture does:
    # compared over 4x4 blocks (8x8 for text twice as large), where such shifts average
    # out, nothing may differ much.
    block = round(4 * scale)
    size = kept.size() / block
    smooth = Qt.TransformationMode.SmoothTransformation
    ignore = Qt.AspectRatioMode.IgnoreAspectRatio
    a, b = kept.scaled(size, ignore, smooth), drawn.scaled(size, ignore, smooth)
    differing = []
    for y in range(a.height()):
        for x in range(a.width()):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            gap = (
                abs(ca.red() - cb.red()) + abs(ca.green() - cb.green()) + abs(ca.blue() - cb.blue())
            )
            if gap > 60:
                differing.append((x * block, y * block, gap))
    assert len(differing) <= 0.002 * a.width() * a.height(), differing[:20]


def _rendered(widget: QWidget) -> QImage:
    pixmap = QPixmap(widget.size())
    widget.render(pixmap)
    return pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_the_overview_and_scroll_bar_look_the_same_with_their_pictures_on_and_off(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The widgets beside the timeline keep one picture each (the overview's histogram,
    the scroll bar's groove and handle); switched off, they draw the same pixels. Each
    is shown twice side by side, alike but for the switch."""
    view = window.timeline
    view.show_range(dt.date(2017, 10, 1).toordinal(), dt.date(2019, 3, 1).toordinal())
    overviews = (OverviewStrip(), OverviewStrip(cached=False))
    bars = (TimelineScrollBar(), TimelineScrollBar(cached=False))
    holder = QWidget()
    qtbot.addWidget(holder)
    box = QVBoxLayout(holder)
    for overview, bar in zip(overviews, bars, strict=True):
        box.addWidget(overview)
        box.addWidget(bar)
        overview.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a focus frame would differ
        bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        overview.setFixedWidth(700)
        overview.set_data(view.data, view.limits)
        overview.set_view(view.view)
        bar.setOrientation(Qt.Orientation.Horizontal)
        bar.setFixedWidth(600)
        bar.setRange(0, 5000)
        bar.setPageStep(700)
        bar.setValue(1234)
    holder.resize(760, 160)
    holder.show()
    qtbot.waitExposed(holder)
    settle()
    assert not any(widget.hasFocus() for widget in (*overviews, *bars))
    for _ in range(2):  # kept at the first paint, copied at the second
        kept_overview, kept_bar = _rendered(overviews[0]), _rendered(bars[0])
    assert bars[0]._handle._key is not None and overviews[0]._kept._key is not None
    assert _rendered(overviews[1]) == kept_overview
    assert _rendered(bars[1]) == kept_bar
