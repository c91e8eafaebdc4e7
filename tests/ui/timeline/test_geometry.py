"""The lane area: lanes a pixel or two too tall for the window take the margin below
them rather than a scroll bar that scrolls a pixel or two."""

from __future__ import annotations

import viewer.ui.timeline.geometry as g

LANES = [0, 1, 2, 3]
NEEDS = {0: g.LaneNeed(), 1: g.LaneNeed(bar_rows=1), 2: g.LaneNeed(points=False), 3: g.LaneNeed()}


def _at(height: float) -> g.Geometry:
    return g.layout(1200, height, LANES, needs=NEEDS)


def test_every_lane_shows_at_its_wanted_height() -> None:
    fits = g.wanted_height(LANES, NEEDS)
    geo = _at(fits)
    assert geo.overflow == 0
    assert geo.lanes[-1][1].bottom == fits - g.BOTTOM_MARGIN


def test_a_pixel_or_two_short_the_margin_gives_way() -> None:
    fits = g.wanted_height(LANES, NEEDS)
    for short in (0.5, 1, 2):
        geo = _at(fits - short)
        assert geo.overflow == 0, short
        assert geo.lanes[-1][1].bottom <= geo.height  # the last lane is whole on screen


def test_further_short_the_lanes_scroll_as_before() -> None:
    fits = g.wanted_height(LANES, NEEDS)
    geo = _at(fits - 3)
    assert geo.overflow == 3
    assert _at(fits - 40).overflow == 40


def test_the_stance_track_grows_to_show_its_name_in_a_larger_font(qapp: object) -> None:
    """At 1.25 times the desktop's text, the track's three-line name ("Stance",
    "(Trump's", "words)") was cut off above and below in its 46 px; at the usual size
    the track keeps its height."""
    from PySide6.QtGui import QFont, QFontMetricsF
    from PySide6.QtWidgets import QApplication

    label = "Stance\n(Trump's words)"
    usual = QApplication.font()
    assert g.stance_height(usual, label, 118) == g.STANCE
    for scale in (1.25, 1.4, 2.0):
        larger = QFont(usual)
        larger.setPointSizeF(usual.pointSizeF() * scale)
        bold = QFont(larger)
        bold.setBold(True)
        lines = len(label.split("\n")) + 1  # "(Trump's words)" wraps in 105 px
        height = g.stance_height(larger, label, 118)
        assert height >= lines * QFontMetricsF(bold).lineSpacing() - 1
        geo = g.layout(900, 700, [0], stance_px=height)
        assert geo.stance.height == height and geo.lanes_top >= geo.stance.bottom


def test_the_lane_names_column_widens_with_a_larger_font(qapp: object) -> None:
    """At 1.4 times the desktop's text, "Statements" was cut at the column's edge; at
    the usual size the column keeps its widths."""
    from PySide6.QtGui import QFont, QFontMetricsF
    from PySide6.QtWidgets import QApplication

    usual = QApplication.font()
    for width in (700, 900, 1200):
        assert g.gutter_for(width, usual) == g.gutter_for(width)
        for scale in (1.25, 1.4, 2.0):
            larger = QFont(usual)
            larger.setPointSizeF(usual.pointSizeF() * scale)
            bold = QFont(larger)
            bold.setBold(True)
            gutter = g.gutter_for(width, larger)
            room = gutter - g.LABEL_LEFT - g.LABEL_RIGHT
            assert QFontMetricsF(bold).horizontalAdvance("Statements") <= room, (width, scale)
