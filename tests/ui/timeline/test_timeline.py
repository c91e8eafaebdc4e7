"""The timeline widget on real data: zoom, pan, selection, clusters, and what it draws."""

from __future__ import annotations

import calendar
import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tests.core.timeline.test_data import synthetic
from viewer.core.timeline.timescale import Viewport
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.marks import SMALL
from viewer.ui.timeline.scene_items import Item, ItemKind
from viewer.ui.timeline.view import TimelineView


def _item_for(view: TimelineView, event_id: str, kind: ItemKind) -> Item:
    row = view.data.row_of(event_id)
    for item in view.scene.items():
        if item.kind is kind and row in item.rows:
            return item
    raise AssertionError(f"{event_id} not drawn as {kind}")


def _pixel(view: TimelineView, point: QPointF) -> QColor:
    image = view.viewport().grab().toImage()
    return image.pixelColor(int(point.x()), int(point.y()))


def test_keyboard_zoom_and_pan(window: MainWindow, qtbot: QtBot) -> None:
    view = window.timeline
    view.setFocus()
    before = view.view
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.view.days_per_px < before.days_per_px
    zoomed = view.view
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert view.view.start > zoomed.start
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.view.days_per_px > zoomed.days_per_px
    window.menus.fit_action.trigger()
    assert view.view.start <= view.limits.first and view.view.end >= view.limits.last


def test_ctrl_wheel_zooms_around_the_cursor(window: MainWindow, qtbot: QtBot) -> None:
    view = window.timeline
    x = 400
    day_before = view.view.day_at(x - view.geo.gutter)
    from PySide6.QtGui import QWheelEvent

    event = QWheelEvent(
        QPointF(x, 200),
        QPointF(view.viewport().mapToGlobal(QPoint(x, 200))),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    view.wheelEvent(event)
    assert view.view.days_per_px < view.limits.fit(view.view.width).days_per_px
    assert abs(view.view.day_at(x - view.geo.gutter) - day_before) < view.view.days_per_px * 2


def test_drag_and_scrollbar_pan(window: MainWindow, qtbot: QtBot) -> None:
    view = window.timeline
    view.zoom(4)
    start = view.view.start
    port = view.viewport()
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=QPoint(600, 300))
    qtbot.mouseMove(port, QPoint(500, 300))
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=QPoint(500, 300))
    assert view.view.start > start  # dragged left: later dates come into view
    bar = view.horizontalScrollBar()
    bar.setValue(bar.minimum())
    assert view.view.start == view.limits.outer[0]


def test_click_selects_and_fills_the_detail_pane(window: MainWindow, qtbot: QtBot) -> None:
    view = window.timeline
    view.show_range(dt.date(2018, 6, 1).toordinal(), dt.date(2018, 9, 1).toordinal())
    item = _item_for(view, "2018-07-16-helsinki-summit", ItemKind.POINT)
    with qtbot.waitSignal(view.selection_changed) as signal:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=item.rect.center().toPoint()
        )
    assert signal.args == [["2018-07-16-helsinki-summit"]]
    assert "Helsinki summit" in window.detail.toPlainText()


def test_arrow_keys_step_through_events(window: MainWindow, qtbot: QtBot) -> None:
    view = window.timeline
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    first = view.selected_ids()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    second = view.selected_ids()
    assert first != second
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.selected_ids() == first
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.selected_ids() == ["2025-08-15-anchorage-summit"]
    assert view.view.start <= view.data.start[view.selected[-1]] <= view.view.end


def test_up_down_change_lane_enter_reads_escape_clears(window: MainWindow, qtbot: QtBot) -> None:
    """The keyboard alone walks the lanes: Down goes to the nearest event in time in the
    next lane that has one, Up comes back, Escape leaves nothing selected."""
    view = window.timeline
    view.setFocus()
    view.select_ids(["2018-07-16-helsinki-summit"])  # Meetings & summits
    lane = int(view.data.lane[view.selected[-1]])
    qtbot.keyClick(view, Qt.Key.Key_Down)
    below = view.selected[-1]
    assert int(view.data.lane[below]) > lane
    assert view.selected_ids() != ["2018-07-16-helsinki-summit"]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert int(view.data.lane[view.selected[-1]]) == lane
    qtbot.keyClick(view, Qt.Key.Key_Return)  # into the details, to read or tab to links
    qtbot.waitUntil(window.detail.hasFocus)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selected_ids() == []
    assert "Select an event" in window.detail.toPlainText()


def test_cluster_splits_when_clicked(qtbot: QtBot) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    base = float(dt.date(2020, 1, 1).toordinal())
    days = [base + i * 3 for i in range(8)] + [base + 4000]
    view.set_data(synthetic(days), [], [], "Stance")
    clusters = [i for i in view.scene.items() if i.kind is ItemKind.CLUSTER]
    assert sum(c.count for c in clusters) == 8  # no smear: every close event is in one
    biggest = max(clusters, key=lambda c: c.count)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=biggest.rect.center().toPoint()
    )
    points = [i for i in view.scene.items() if i.kind is ItemKind.POINT]
    assert len(points) >= biggest.count
    view.close()


def test_selected_outline_is_drawn(window: MainWindow) -> None:
    view = window.timeline
    view.show_range(dt.date(2018, 6, 1).toordinal(), dt.date(2018, 9, 1).toordinal())
    item = _item_for(view, "2018-07-16-helsinki-summit", ItemKind.POINT)
    ring = item.rect.center() + QPointF(0, -(item.rect.height() / 2 + 4))
    assert _pixel(view, ring) != window.palette().highlight().color()
    view.select_ids(["2018-07-16-helsinki-summit"], reveal=False)
    colour = _pixel(view, ring)
    highlight = window.palette().highlight().color()
    assert abs(colour.red() - highlight.red()) + abs(colour.blue() - highlight.blue()) < 60


def test_month_precision_is_a_span(window: MainWindow) -> None:
    view = window.timeline
    view.show_range(dt.date(2017, 5, 1).toordinal(), dt.date(2017, 10, 1).toordinal())
    item = _item_for(view, "2017-07-hamburg-dinner-conversation", ItemKind.BAR)
    month_px = 31 / view.view.days_per_px
    assert abs(item.rect.width() - month_px) < 2
    # right of the label, inside the solid part of the soft-edged bar
    colour = _pixel(  # along the bar's top edge, above the label's letters
        view, QPointF(item.rect.right() - item.rect.width() * 0.15, item.rect.top() + 1)
    )
    assert colour.red() > colour.blue() + 60  # the warm tone's orange, not background
    edge = _pixel(view, QPointF(item.rect.right() - 1, item.rect.center().y()))
    assert edge.red() - edge.blue() < colour.red() - colour.blue()  # soft edge fades out


def test_flip_marker_is_drawn_and_selects_both_sides(window: MainWindow, qtbot: QtBot) -> None:
    view = window.timeline
    view.show_range(dt.date(2025, 3, 1).toordinal(), dt.date(2025, 8, 1).toordinal())
    [flip] = [i for i in view.scene.items() if i.kind is ItemKind.FLIP]
    badge = QPointF(flip.rect.center().x() - 15, flip.rect.top() + 7)  # left of its letters
    colour = _pixel(view, badge)
    assert colour.green() > colour.red() + 60 and colour.green() > colour.blue()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=flip.rect.center().toPoint())
    assert set(view.selected_ids()) == {
        "2025-05-trump-putin-call",
        "2025-05-trump-putin-gone-crazy",
    }


def test_hiding_a_lane(window: MainWindow) -> None:
    view = window.timeline
    lanes_before = len(view.geo.lanes)
    window.menus.lane_actions[5].setChecked(False)
    assert len(view.geo.lanes) == lanes_before - 1
    assert all(item.lane != 5 for item in view.scene.items())


def test_profile_switch_reloads_the_timeline(window: MainWindow) -> None:
    before = set(window.timeline.data.ids)
    window.state.set_profile("putin-on-trump")
    after = set(window.timeline.data.ids)
    assert before != after
    assert "2014-putin-why-would-you-need-alaska" in after
    assert window.timeline.stance_label.endswith("(Putin's words)")


def test_go_to_date(window: MainWindow) -> None:
    assert window.go_to_date("2018-07")
    view = window.timeline.view
    assert view.start < dt.date(2018, 7, 1).toordinal() < view.end
    assert view.span < 200
    assert not window.go_to_date("next tuesday")
    assert window.go_to_date("44 BCE")  # read, but long before this timeline begins
    message = window.statusBar().currentMessage()
    assert "44 BCE is outside this timeline" in message and "2014" in message


@pytest.mark.parametrize(("when", "scale"), [("2023", 1.0), ("2018", 2.0)])
def test_go_to_dates_name_leaves_the_eras_names_whole(
    window: MainWindow, when: str, scale: float
) -> None:
    """Go to date names its period in a tag on the eras' first row; "Full-scale war in
    Ukraine" ran under the "2023" tag (and, at twice the text, "Trump's first term"
    under "2018", in a tag shorter than its words). An era's name now stops before
    the tag or starts after it."""
    from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPalette

    from tests.ui.conftest import settle
    from viewer.ui import style

    if scale != 1.0:
        font = QFont(window.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        window.setFont(font)
        settle()
    assert window.go_to_date(when)
    settle()
    view = window.timeline
    assert view.period is not None
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    geo = view.geo
    words = QFontMetricsF(style.small_font(view.font()))
    tag_left = view.view.x_of(view.period[0]) + geo.time_left + 2
    tag_right = tag_left + words.horizontalAdvance(view.period[2]) + 10
    top, bottom = int(geo.axis.bottom) + 2, int(geo.axis.bottom + geo.rows.era_row) - 1
    # The tag is as tall as the row (its words inside): its fill near the row's bottom.
    fill = QColor(image.pixel(int(tag_left) + 3, bottom - 2))
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    assert abs(fill.hue() - highlight.hue()) < 8 and fill.saturation() > 100, fill.name()

    def inked(x: int) -> bool:  # a dark pixel (text) in this column of the row
        return any(QColor(image.pixel(x, y)).lightness() < 110 for y in range(top, bottom))

    left, right = int(tag_left), int(tag_right)
    beside = [*range(left - 5, left - 1), *range(right + 2, right + 5)]
    assert not any(inked(x) for x in beside), [x for x in beside if inked(x)]


def test_tooltip_text(window: MainWindow) -> None:
    view = window.timeline
    view.show_range(dt.date(2018, 6, 1).toordinal(), dt.date(2018, 9, 1).toordinal())
    item = _item_for(view, "2018-07-16-helsinki-summit", ItemKind.POINT)
    assert view.describe(item) == "Helsinki summit\n16 Jul 2018"


def test_a_hundred_thousand_events_paint(qtbot: QtBot) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1600, 900)
    view.show()
    rng = np.random.default_rng(1)
    base = float(dt.date(2015, 1, 1).toordinal())
    view.set_data(synthetic(sorted(base + rng.random(100_000) * 3650)), [], [], "Stance")
    assert len(list(view.scene.items())) < 1600  # bounded by the width, not the data
    view.viewport().grab()
    view.close()


def test_skipped_axis_labels_stay_the_same_while_panning(window: MainWindow) -> None:
    """Where every other label is left out, it is the same ones while the view pans
    (counting from the left edge swapped them all at every step)."""
    view = window.timeline
    days_per_px = 30.44 / 25  # months 25 px apart: too close for every name
    centre = (view.limits.first + view.limits.last) / 2
    half = view.view.width * days_per_px / 2
    view.show_range(centre - half, centre + half)
    painter = view._painter
    assert painter is not None
    shown: set[str] = set()
    draw = painter.stamps.draw

    def spy(p, x, baseline, text, face, colour):  # type: ignore[no-untyped-def]
        if face == 0:  # the axis's months, in the normal font
            shown.add(text)
        draw(p, x, baseline, text, face, colour)

    painter.stamps.draw = spy  # type: ignore[method-assign]
    for _ in range(12):
        view.pan(7)
        view.viewport().repaint()
    months = shown & set(calendar.month_abbr)  # not the events' labels
    assert 3 <= len(months) <= 6, shown  # at most every other month name, ever


def _axis_words(view: TimelineView) -> tuple[list[tuple[float, str]], list[tuple[QRectF, str]]]:
    """What the axis says in a repaint of `view`: its ticks' labels (where each starts)
    and its bands' names (in their room)."""
    painter = view._painter
    assert painter is not None
    ticks: list[tuple[float, str]] = []
    bands: list[tuple[QRectF, str]] = []
    draw, draw_centred = painter.stamps.draw, painter.stamps.draw_centred

    def tick_spy(p, x, baseline, text, face, colour):  # type: ignore[no-untyped-def]
        if face == 0 and baseline < view.geo.axis.bottom:
            ticks.append((x, text))
        draw(p, x, baseline, text, face, colour)

    def band_spy(p, rect, text, face, colour):  # type: ignore[no-untyped-def]
        if rect.top() < view.geo.axis.bottom:  # not the eras' names
            bands.append((QRectF(rect), text))
        draw_centred(p, rect, text, face, colour)

    painter.stamps.draw = tick_spy  # type: ignore[method-assign]
    painter.stamps.draw_centred = band_spy  # type: ignore[method-assign]
    try:
        view.viewport().repaint()
    finally:
        del painter.stamps.draw, painter.stamps.draw_centred
    return ticks, bands


def test_a_band_cut_by_the_view_is_named_short_never_with_a_cut_word(window: MainWindow) -> None:
    """A year 32 px into the view was "20…": it is "’13" now, and a band with no room
    for any name is left unnamed."""
    view = window.timeline
    days_per_px = 365.25 / 70  # 70 px a year: quarters ticked, years named above
    start = dt.date(2014, 1, 1).toordinal() - 32 * days_per_px
    view.set_viewport(Viewport(start, days_per_px, view.view.width))
    _ticks, bands = _axis_words(view)
    names = [text for _rect, text in bands]
    assert names[0] == "’13" and "2014" in names, names
    assert not [name for name in names if "…" in name], names


def test_a_ticks_label_hides_the_band_edge_it_crosses_and_is_never_cut(
    window: MainWindow,
) -> None:
    """Weeks under months: August's line struck through "30 Jul". The line is hidden
    under the label now (it still marks the edge in the months' row), and no label is
    cut by the view's right edge."""
    view = window.timeline
    days_per_px = 0.1  # weeks 70 px apart, named under their months
    start = float(dt.date(2018, 6, 27).toordinal())
    view.set_viewport(Viewport(start, days_per_px, view.view.width))
    ticks, bands = _axis_words(view)
    painter = view._painter
    assert painter is not None
    at = {text: x for x, text in ticks}
    assert {"30 Jul", "6 Aug"} <= set(at), ticks
    assert all(x + painter.fit.width(text) <= view.geo.width for x, text in ticks)
    august = next(rect.left() - 4 for rect, text in bands if text.startswith("August"))
    assert at["30 Jul"] < august < at["30 Jul"] + painter.fit.width("30 Jul")
    # The frame without the ticks' words: what is under "30 Jul" at August's edge.
    painter.stamps.draw = lambda *_args: None  # type: ignore[method-assign]
    try:
        image = view.viewport().grab().toImage()
    finally:
        del painter.stamps.draw
    geo = view.geo
    rows = range(int(geo.axis.top + geo.rows.axis_context) + 2, int(geo.axis.bottom) - 1)
    under = {image.pixelColor(round(august), y).name() for y in rows}
    assert under == {painter.window.name()}, under
    above = {image.pixelColor(round(august), y).name() for y in range(2, 10)}
    assert painter.dim.name() in above  # the edge, marked in the months' row
    below = image.pixelColor(round(august), int(geo.axis.bottom)).name()
    assert below != painter.dim.name()  # and ended in the axis: no dot on the eras' row


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen's tooltip
def test_the_overview_names_the_month_under_the_pointer(window: MainWindow) -> None:
    """The strip names no dates: its tooltip says which month the pointer is over and
    what a click does; over its name, what the strip is."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    strip = window.overview
    helsinki = dt.date(2018, 7, 16).toordinal()
    x = round(strip._x_of(helsinki))

    def tip(at: int) -> str:
        point = QPoint(at, strip.height() // 2)
        QApplication.sendEvent(
            strip, QHelpEvent(QEvent.Type.ToolTip, point, strip.mapToGlobal(point))
        )
        return QToolTip.text()

    assert tip(x) == "Jul 2018: click or drag to move the view here"
    assert tip(5).startswith("The whole timeline") and "Left and Right" in tip(5)
    QToolTip.hideText()


def test_a_flip_at_the_edge_of_the_view_keeps_its_word_whole(window: MainWindow) -> None:
    """A flip 3 px into the view had half its badge cut off ("ip"): the badge moves in
    beside its line, whole."""
    view = window.timeline
    left = view.geo.time_left
    days_per_px = 0.5  # zoomed in: the view may start just before the flip
    for _ in range(2):  # centred on it, then moved so that it is 3 px into the view
        [flip] = [item for item in view.scene.marks if item.kind is ItemKind.FLIP]
        day = view.view.start + (flip.rect.center().x() - left) * view.view.days_per_px
        start = day - (view.view.width / 2 if _ == 0 else 3) * days_per_px
        view.set_viewport(Viewport(start, days_per_px, view.view.width))
    [flip] = [item for item in view.scene.marks if item.kind is ItemKind.FLIP]
    assert abs(flip.rect.center().x() - (left + 3)) < 1  # its line, 3 px into the view
    painter = view._painter
    assert painter is not None
    image = view.viewport().grab().toImage()
    y = round(flip.rect.top() + painter._flip_height / 2)  # the badge's middle row
    badge = painter.fit.width("Flip", SMALL) + 12  # as the painter sizes it
    green = painter.flip_colour.name()
    shown = [
        x for x in range(int(left), int(left + 2 * badge)) if image.pixelColor(x, y).name() == green
    ]
    assert shown and shown[0] > left and len(shown) > 0.5 * badge, (shown, badge)
    assert shown[-1] - shown[0] > 0.85 * badge  # its whole width, not half


def test_the_overviews_keys_move_the_view_and_go_to_either_end(
    window: MainWindow, qtbot: QtBot
) -> None:
    strip, view = window.overview, window.timeline
    view.show_range(dt.date(2018, 1, 1).toordinal(), dt.date(2018, 12, 31).toordinal())
    span, middle = view.view.span, (view.view.start + view.view.end) / 2
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    assert (view.view.start + view.view.end) / 2 == pytest.approx(middle + span / 4)
    qtbot.keyClick(strip, Qt.Key.Key_Home)
    assert view.view.start == pytest.approx(view.limits.first) and view.view.span == span
    qtbot.keyClick(strip, Qt.Key.Key_End)
    assert view.view.end == pytest.approx(view.limits.last) and view.view.span == span


def test_the_overview_keeps_its_histogram_while_panning_and_redraws_it_for_new_data(
    window: MainWindow,
) -> None:
    strip = window.overview
    first = strip.grab().toImage()
    window.timeline.pan(40)  # only the window marker moves…
    assert strip._strip() is strip._strip()  # …over the same kept histogram
    moved = strip.grab().toImage()
    assert moved != first
    days = [float(window.timeline.limits.first + 30 * k) for k in range(3)]
    strip.set_data(synthetic(days), window.timeline.limits)  # new data: a new histogram
    assert strip.grab().toImage() != moved


def test_go_to_a_year_shows_that_year_and_marks_it(window: MainWindow, qtbot: QtBot) -> None:
    """'2018' once showed Aug 2016 – May 2020, unmarked."""
    assert window.go_to_date("2018")
    view = window.timeline
    first, last = dt.date(2018, 1, 1).toordinal(), dt.date(2019, 1, 1).toordinal()
    assert view.view.start < first and last < view.view.end
    assert view.view.span < 1.3 * (last - first)  # the year, a little either side
    assert view.period == (first, last, "2018")
    marked = _pixel(view, QPointF(view.geo.time_left + view.view.x_of(first + 180), 300))
    window.go_to_date("2018")  # the same, then Escape takes the mark away
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.period is None
    plain = _pixel(view, QPointF(view.geo.time_left + view.view.x_of(first + 180), 300))
    assert marked != plain


def test_an_event_chosen_from_a_search_stands_alone(window: MainWindow, qtbot: QtBot) -> None:
    """Chosen from a search or a link, an event inside a counted cluster is zoomed to
    until it has its own marker."""
    view = window.timeline
    window.resize(560, 700)  # a small window, the whole timeline: clusters
    qtbot.waitUntil(lambda: view.view.width < 500)
    view.fit_all()
    cluster = next(i for i in view.scene.items() if i.kind is ItemKind.CLUSTER)
    row = int(view.data.lanes[cluster.lane].point_rows[cluster.first])
    event = view.data.ids[row]
    window.focus.select_event(event)
    alone = [p for p in view.scene.points if p.lane == cluster.lane and (p.rows == row).any()]
    assert alone  # its own marker, not a count
    assert view.selected_ids() == [event]


def test_a_month_precision_event_reads_as_some_time_in_its_month(window: MainWindow) -> None:
    """Drawn over its whole month it looked like a month-long event; its bar and its
    tooltip say it happened some time in that month."""
    view = window.timeline
    view.show_range(dt.date(2017, 5, 1).toordinal(), dt.date(2017, 10, 1).toordinal())
    item = _item_for(view, "2017-07-hamburg-dinner-conversation", ItemKind.BAR)
    [bar] = [b for b in view.scene.bars if b.rows == item.rows]
    assert bar.label.startswith("Jul 2017 · ")
    assert view.describe(item).endswith("\nsome time in Jul 2017")
    meeting = _item_for(view, "2017-07-07-hamburg-g20-meeting", ItemKind.POINT)
    assert view.describe(meeting).endswith("\n7 Jul 2017")  # known to the day: its date


def test_a_larger_font_gives_the_stance_track_the_height_of_its_name(
    window: MainWindow,
) -> None:
    """The desktop's text made larger (here twice): the track's name was cut off above
    and below in its 46 px, and "Statements" at the lane names' column's edge (from
    1.4 times); the band takes the name's height, the column the name's width."""
    from PySide6.QtGui import QFont, QFontMetricsF

    import viewer.ui.timeline.geometry as g

    view = window.timeline
    usual = view.geo.stance.height
    larger = QFont(view.font())
    larger.setPointSizeF(larger.pointSizeF() * 2)
    view.setFont(larger)
    bold = QFont(larger)
    bold.setBold(True)
    room = view.geo.gutter - g.LABEL_LEFT - g.LABEL_RIGHT
    wrap = Qt.TextFlag.TextWordWrap
    name = QFontMetricsF(bold).boundingRect(QRectF(0, 0, room, 1000), wrap, view.stance_label)
    assert view.geo.stance.height >= name.height() > usual  # the whole name
    assert view.geo.lanes_top >= view.geo.stance.bottom
    # The lane names' column widens too ("Statements" was cut at its edge).
    bold_width = QFontMetricsF(bold).horizontalAdvance("Statements")
    assert view.geo.gutter - g.LABEL_LEFT - g.LABEL_RIGHT >= bold_width > 105


def test_an_event_chosen_elsewhere_shows_whole_in_a_short_timeline(
    window: MainWindow, qtbot: QtBot
) -> None:
    """In a short window (or with a larger text) a lane can be taller than the lane
    area. Bringing in a chosen event used to scroll its lane's bottom into view, which
    scrolled the marker of an event at the lane's top away; the event itself shows."""
    from tests.ui.conftest import settle

    window.resize(1024, 480)
    settle()
    view = window.timeline
    geo = view.geo
    helsinki = view.data.row_of("2018-07-16-helsinki-summit")
    assert helsinki is not None
    band = geo.band_of(int(view.data.lane[helsinki]))
    assert band is not None and band.height > geo.height - geo.lanes_top  # taller than shown
    window.focus.select_event("2018-07-16-helsinki-summit")
    settle()
    geo = view.geo
    band = geo.band_of(int(view.data.lane[helsinki]))
    assert band is not None
    marker = geo.point_row_y(band)
    half = geo.rows.half
    assert geo.lanes_top <= marker - half and marker + half <= geo.height
