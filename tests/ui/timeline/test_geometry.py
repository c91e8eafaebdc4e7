"""The lane area: lanes a pixel or two too tall for the window take the margin below
them rather than a scroll bar that scrolls a pixel or two."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

import viewer.ui.timeline.geometry as g
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.painter import TimelinePainter
from viewer.ui.timeline.scene_items import ItemKind

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


def test_the_rows_grow_to_hold_their_text_in_a_larger_font(window: MainWindow) -> None:
    """At 1.6 times the desktop's text, a bar's title (in the timeline's small font)
    was taller than its 12 px bar, the eras' names than their 15 px rows and the axis's
    labels than its 20 px rows. Each now holds its text; at the usual size nothing moves."""
    view = window.timeline
    usual = QFont(view.font())
    assert g.rows_for(usual) == g.NORMAL_ROWS
    for scale in (1.25, 1.6, 2.0):
        larger = QFont(usual)
        larger.setPointSizeF(usual.pointSizeF() * scale)
        view.setFont(larger)
        painter = TimelinePainter(view.palette(), larger)
        small = painter.small_metrics.ascent() + painter.small_metrics.descent()
        bold = QFontMetricsF(painter.bold).ascent() + QFontMetricsF(painter.bold).descent()
        normal = painter.metrics.ascent() + painter.metrics.descent()
        geo = view.geo
        assert geo.rows.bar >= small - 0.5, scale  # as at the usual size (12 px, 11.6)
        assert (geo.eras.height - 2) / 2 >= small, scale  # two rows of era names
        assert geo.rows.axis_context >= bold and geo.rows.axis_ticks >= normal, scale
        bars = [item for item in view.scene.items() if item.kind is ItemKind.BAR]
        assert bars and all(bar.rect.height() == geo.rows.bar for bar in bars), scale
        for _number, band in geo.lanes:  # a title beside a marker clears the bars below
            if not band.points:
                continue
            assert geo.bar_row_y(band, 0) - geo.point_row_y(band) >= normal / 2, scale


def test_the_stance_tracks_name_keeps_clear_of_its_scale(qapp: object) -> None:
    """At twice the desktop's text the name's last line, "(Trump's words)", ran under
    the track's "cold" at the column's right. Where a line would, the name wraps
    narrower; at the usual size it wraps as it did."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtWidgets import QApplication

    from viewer.ui import style

    label = "Stance\n(Trump's words)"
    usual = QApplication.font()
    for gutter in (96, 118, 150):
        whole = gutter - g.LABEL_LEFT - g.LABEL_RIGHT
        assert g.stance_name_width(usual, label, gutter) == whole
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * 2)
    bold = QFont(larger)
    bold.setBold(True)
    words = QFontMetricsF(style.small_font(larger))
    scale = max(words.horizontalAdvance("warm"), words.horizontalAdvance("cold"))
    for preset in (96, 118, 150):
        gutter = round(preset * style.text_scale(larger))
        whole = gutter - g.LABEL_LEFT - g.LABEL_RIGHT
        width = g.stance_name_width(larger, label, gutter)
        drawn = QFontMetricsF(bold).boundingRect(
            QRectF(0, 0, width, 1000), Qt.TextFlag.TextWordWrap, label
        )
        assert drawn.width() + scale <= whole, preset  # no line reaches the scale


def test_a_flips_badge_holds_its_word_in_a_larger_font(window: MainWindow) -> None:
    """The badge was 14 px high whatever the text: at twice the text its word "Flip"
    (23 px of small text) stood out above and below it."""
    from PySide6.QtGui import QImage, QPainter

    from viewer.ui.timeline.kept_picture import FlipKey

    view = window.timeline
    view.fit_all()
    for scale in (1.0, 2.0):
        font = QFont(window.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        view.setFont(font)
        painter = TimelinePainter(view.palette(), font)
        image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
        for _ in range(3):  # kept from the second sight
            p = QPainter(image)
            painter.paint(p, view.data, view.scene, view.view, view.geo, view.eras, "Stance", False)
            p.end()
        flips = [k for k in painter.stamps.pictures.kept_keys() if isinstance(k, FlipKey)]
        assert flips
        badge = painter.stamps.pictures.kept(flips[0])
        assert badge is not None
        height = badge.height() / badge.devicePixelRatio() - 4  # less its ring's room
        assert height >= painter.small_metrics.height(), scale
        assert scale != 1.0 or height == 14  # the usual size keeps its 14 px


def test_a_clusters_count_badge_holds_its_count_in_a_larger_font(
    window: MainWindow,
) -> None:
    """Count badges were 15 px high and 7 px a digit whatever the text: at twice the
    text the count (23 px of small text) stood out of its badge."""
    from tests.ui.conftest import settle

    font = QFont(window.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    window.setFont(font)
    window.resize(900, 1400)
    settle()
    view = window.timeline
    view.fit_all()
    painter = TimelinePainter(view.palette(), font)
    clusters = [i for i in view.scene.items() if i.kind is ItemKind.CLUSTER]
    assert clusters  # two meetings of 2017 share one counted marker at this width
    for cluster in clusters:
        words = painter.small_metrics
        assert cluster.rect.height() >= words.height()
        assert cluster.rect.width() >= words.horizontalAdvance(str(cluster.count)) + 8


def test_markers_and_the_legend_grow_with_a_larger_text(window: MainWindow) -> None:
    """At twice the desktop's text, titles twice as tall stood beside markers of the
    usual 11 px, and the legend's marks kept their size beside larger words. Markers
    (as drawn, as pointed at, and as the legend shows them) and the user's marks on
    them now grow with the text, and clusters form at the distance that keeps the
    larger markers apart."""
    from tests.ui.conftest import settle

    view = window.timeline
    view.fit_all()
    settle()

    def marker_sides(kind: ItemKind = ItemKind.POINT) -> set[float]:
        points = [i for i in view.scene.items() if i.kind is kind]
        if kind is ItemKind.STANCE:  # those dated to a day (the others span their dates)
            points = [i for i in points if i.stance is not None and i.stance.orderable]
        assert points
        return {round(point.rect.width(), 3) for point in points}

    assert marker_sides() == {g.MARKER + 2}  # the shape and its outline
    assert marker_sides(ItemKind.STANCE) == {8}  # the stance track's points
    usual_marks = _legend_marks(window)
    font = QFont(window.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    window.setFont(font)
    settle()
    assert marker_sides() == {2 * g.MARKER + 2}
    assert marker_sides(ItemKind.STANCE) == {16}
    rows = view.geo.rows
    assert rows.marker == 2 * g.MARKER and rows.bin_px == 2 * g.BIN_PX
    assert rows.mark_reach == 2 * g.MARK_REACH  # a star and a note page, above a marker
    assert _legend_marks(window) > 1.5 * usual_marks


def _legend_marks(window: MainWindow) -> float:
    """The legend's width less its words: its marks and the gaps between entries."""
    legend = window.legend
    words = QFontMetricsF(legend.font())
    return legend.sizeHint().width() - sum(words.horizontalAdvance(e) for e in legend.entries())


def test_short_of_room_for_a_lane_the_eras_and_stance_scroll_with_the_lanes() -> None:
    """At twice the desktop's text in a 1024 x 700 window with the search open, the axis,
    eras and stance track filled the timeline's 212 px and no lane showed, however far
    it was scrolled. Short of room for the least lane, only the axis stays now."""
    rows = g.Rows(axis_context=40, axis_ticks=40, era_row=30, bar=24, point_row=38, min_lane=68)
    short = g.layout(1200, 212, LANES, needs=NEEDS, stance_px=86, rows=rows)
    assert short.rolling and short.lanes_top == short.axis.bottom
    assert short.eras.top == short.axis.bottom  # unscrolled: as before
    first_lane = short.lanes[0][1].top
    wanted = g.wanted_height(LANES, NEEDS, stance_px=86, rows=rows)
    assert short.overflow == wanted - 212  # all of it can be scrolled into view
    end = g.layout(1200, 212, LANES, needs=NEEDS, scroll=short.overflow, stance_px=86, rows=rows)
    assert end.eras.top == short.eras.top - short.overflow  # the heads went up too
    assert end.lanes[0][1].top == first_lane - short.overflow
    assert end.lanes[-1][1].bottom == 212 - g.BOTTOM_MARGIN  # the last lane, whole
    assert end.axis == short.axis  # the axis stays
    # With room for a lane under them, the eras and stance track stay put, as before.
    tall = g.layout(1200, 332, LANES, needs=NEEDS, scroll=50, stance_px=86, rows=rows)
    assert not tall.rolling and tall.eras.top == tall.axis.bottom
    assert tall.lanes_top == tall.stance.bottom + 4 and tall.scroll == 50
    assert not _at(g.wanted_height(LANES, NEEDS)).rolling  # nor where all of it fits


def test_a_short_timeline_with_a_large_text_scrolls_to_every_lane(window: MainWindow) -> None:
    """The window as a reader with twice the desktop's text has it on a 1024 x 700
    screen, the search open: every lane can be scrolled into view under an axis that
    stays, and nothing scrolled up behind the axis is drawn over it or found there."""
    from tests.ui.conftest import settle, twice_the_text_at_1024_by_700

    twice_the_text_at_1024_by_700(window)
    view = window.timeline
    geo = view.geo
    axis = int(geo.axis.bottom)
    before = view.viewport().grab().toImage().copy(0, 0, int(geo.width), axis)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    settle()
    geo = view.geo
    assert geo.scroll == geo.overflow > 0
    last = geo.lanes[-1][1]
    assert geo.lanes_top <= last.top and last.bottom <= geo.height  # the last lane, whole
    assert view.viewport().grab().toImage().copy(0, 0, int(geo.width), axis) == before
    behind = [i for i in view.scene.items() if i.kind is ItemKind.STANCE]
    behind = [i for i in behind if i.rect.center().y() < geo.axis.bottom]
    assert behind  # the stance track went up behind the axis
    assert all(view.item_at(i.rect.center().x(), i.rect.center().y()) is None for i in behind)
