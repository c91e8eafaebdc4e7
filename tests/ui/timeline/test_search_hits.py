"""While a search is active the timeline washes what was not found and leaves what was
found, with its title, as it is, framed; hits that touch share one frame."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtGui import QColor, QImage, QPainter

from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.painter import TimelinePainter
from viewer.ui.timeline.scene_items import ItemKind
from viewer.ui.timeline.view import TimelineView

HELSINKI = "2018-07-16-helsinki-summit"


def _frame(view: TimelineView, hits: np.ndarray | None) -> QImage:
    """A frame drawn afresh (no kept pictures, so frames compare pixel for pixel)."""
    painter = TimelinePainter(view.palette(), view.font(), cached=False)
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(image)
    painter.paint(
        p, view.data, view.scene, view.view, view.geo, view.eras, "Stance", False, {}, hits
    )
    p.end()
    return image


def _row(view: TimelineView, event_id: str) -> int:
    return list(view.data.ids).index(event_id)


def _differing(a: QImage, b: QImage, x0: int, y0: int, x1: int, y1: int) -> int:
    return sum(a.pixel(x, y) != b.pixel(x, y) for x in range(x0, x1) for y in range(y0, y1))


def test_the_found_keep_their_look_and_the_rest_is_washed(window: MainWindow) -> None:
    view = window.timeline
    view.show_range(dt.date(2017, 6, 1).toordinal(), dt.date(2019, 6, 1).toordinal())
    helsinki = _row(view, HELSINKI)
    plain = _frame(view, None)
    found = _frame(view, np.array([helsinki]))
    points = [
        item
        for item in view.scene.items()
        if item.kind is ItemKind.POINT and item.rect.left() > view.geo.gutter + 20
    ]
    [hit] = [item for item in points if item.rows == (helsinki,)]
    # The marker and the title beside it (as far as the title's words reach) are as
    # they were without a search: neither washed nor tinted.
    rect = hit.rect.toRect()
    title_end = (
        rect.right()
        + 3
        + int(TimelinePainter(view.palette(), view.font()).fit.width(view.data.titles[helsinki]))
    )
    assert title_end > rect.right() + 40  # the title is drawn, and checked
    top, bottom = rect.top() + 1, rect.bottom() - 1
    assert _differing(plain, found, rect.left() + 1, top, title_end, bottom) == 0
    # Another event's marker, not found, is washed towards the background.
    other = next(item for item in points if helsinki not in item.rows and item.count == 1)
    centre = other.rect.center().toPoint()
    before, after = QColor(plain.pixel(centre)), QColor(found.pixel(centre))
    base = view.palette().base().color()
    assert _distance(after, base) < _distance(before, base) - 20


def test_hits_that_touch_share_one_frame(window: MainWindow) -> None:
    """Every event found: frames piled on one another tinted the timeline darker where
    they overlapped (and cost ~160 ms a frame with 2,000 hits). Now each lane's run of
    hits is one frame, and inside it the events look as they do with no search."""
    view = window.timeline
    view.show_range(dt.date(2017, 6, 1).toordinal(), dt.date(2019, 6, 1).toordinal())
    plain = _frame(view, None)
    everything = _frame(view, np.arange(len(view.data.ids)))
    bars = [
        item
        for item in view.scene.items()
        if item.kind is ItemKind.BAR and item.rect.left() > view.geo.gutter + 20
    ]
    assert bars
    for bar in bars:
        inner = bar.rect.toRect().adjusted(2, 2, -2, -2)
        assert (
            _differing(plain, everything, inner.left(), inner.top(), inner.right(), inner.bottom())
            == 0
        ), bar.label


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_what_shares_a_found_events_days_but_not_its_row_is_washed(
    window: MainWindow,
) -> None:
    """A hit's frame is its own row (its markers' or its bars'), not the lane's height:
    an event not found, drawn in another row over the same days, is washed as well."""
    view = window.timeline
    view.fit_all()
    items = [i for i in view.scene.items() if i.kind in (ItemKind.BAR, ItemKind.POINT)]
    pairs = [
        (found, other)
        for found in items
        if found.kind is ItemKind.BAR and len(found.rows) == 1
        for other in items
        if other.lane == found.lane
        and found.rows[0] not in other.rows
        and found.rect.left() + 2 < other.rect.center().x() < found.rect.right() - 2
        and (
            other.rect.top() > found.rect.bottom() + 2 or other.rect.bottom() < found.rect.top() - 2
        )
    ]
    assert pairs  # the bundled timeline has such events (a statement's years, say)
    found, other = pairs[0]
    plain = _frame(view, None)
    searched = _frame(view, np.array([found.rows[0]]))
    centre = other.rect.center().toPoint()
    base = view.palette().base().color()
    before, after = QColor(plain.pixel(centre)), QColor(searched.pixel(centre))
    assert _distance(after, base) < _distance(before, base) - 20
    inside = found.rect.center().toPoint()
    assert plain.pixel(inside) == searched.pixel(inside)


def test_a_search_that_found_nothing_washes_everything(window: MainWindow) -> None:
    """No hit at all (a search found nothing): every lane washed, no frame, and no
    error (looking hits up among none failed inside the paint)."""
    view = window.timeline
    view.fit_all()
    plain = _frame(view, None)
    nothing = _frame(view, np.zeros(0, dtype=np.int64))
    base = view.palette().base().color()
    items = [i for i in view.scene.items() if i.kind in (ItemKind.BAR, ItemKind.POINT)]
    assert items
    for item in items:
        centre = item.rect.center().toPoint()
        before, after = QColor(plain.pixel(centre)), QColor(nothing.pixel(centre))
        assert _distance(after, base) <= _distance(before, base)
